"""What a stage loads before worker processes are forked from its process: models and word lists
that the workers then share instead of each loading its own. A stage names its loader in its
declaration (`preload=`); `presslens.core.partitions.map_stage` calls it with the stage's
parameters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from presslens.ingest import clean, sentences


def warm(
    *,
    methods: tuple[str, ...] = (),
    actors_file: str = "",
    overlay: str = "",
    terms_file: str = "",
    issue_file: str = "",
    frame_model: str = "",
    framing: bool = False,
    timeline: bool = False,
    claims: bool = False,
    claims_file: str = "",
    rules: str = "",
    names: bool = False,
) -> None:
    """Load the models and word lists a stage will use, before worker processes are forked from this
    one (they then start with them in memory instead of each loading its own). `framing` loads
    stage 30's (actors, tone toward them, frames, quotation marks and attribution cues) even when
    there is no actors file; `names` the word lists of proper names (actor discovery; mentions
    use them too)."""
    from presslens.extract import actors, terms
    from presslens.measure import framing as fr, sentiment

    sentences.tokenizer()
    for m in methods:
        sentiment.score("", method=m)
    if rules:
        clean.load_rules(rules)
    if names or framing:
        from presslens.extract import names as proper_names

        proper_names.words()
    if actors_file or framing:
        from presslens.extract import quote_marks  # noqa: F401 (compiles the attribution cues)

        actors.lexicon(actors_file, overlay)  # as the partitions ask for it: with the overlay
        actors.title_before()
        sentiment.toward_model()
        sentiment.vader()
    if terms_file:
        terms.compiled(terms_file)
    if frame_model is not None and (actors_file or framing):
        fr.schemes(issue=issue_file) if framing else fr.schemes()
        fr.frame_model(frame_model)
    if timeline:
        from presslens.extract import timeline as tl

        tl.lexicon()
    if claims:
        from presslens.extract import claims as cl

        cl.patterns(claims_file)


# What each stage declares as its `preload`: given the stage's parameters and the keyword arguments
# of its partition function (which name the files the partitions will use).


def cleaning(p: Mapping[str, Any]) -> None:
    """Stage 10: the sentence splitter and the cleaning rules."""
    warm(rules=p.get("rules") or p.get("cleaning_rules", ""))


def sentiment(p: Mapping[str, Any]) -> None:
    """Stage 20: the sentence splitter and the sentiment lexicons of every method."""
    warm(methods=tuple(p["methods"]))


def framing(p: Mapping[str, Any]) -> None:
    """Stage 30: the name lists, the actors list, tone toward actors, naming choices, frames and
    their model, quotation marks and attribution cues."""
    warm(
        actors_file=p.get("actors_file", ""),
        overlay=p.get("overlay", ""),
        terms_file=p.get("terms_file", ""),
        issue_file=p.get("issue_file", ""),
        frame_model=p.get("frame_model", ""),
        framing=True,
    )


def timeline(p: Mapping[str, Any]) -> None:
    """Stage 40: the temporal lexicon and the patterns of dated claims."""
    claims_file = p.get("claims_file", "")
    warm(timeline=True, claims=bool(claims_file), claims_file=claims_file)


def claims(p: Mapping[str, Any]) -> None:
    """Stage 50: the patterns of numeric claims."""
    claims_file = p.get("claims_file", "")
    warm(claims=bool(claims_file), claims_file=claims_file)
