"""What a stage loads before worker processes are forked from its process: models and word lists
that the workers then share instead of each loading its own. A stage names its loader in its
declaration (`preload=`); `presslens.core.partitions.map_stage` calls it with the stage's
parameters."""

from __future__ import annotations

from presslens.ingest import clean, sentences


def warm(
    *,
    methods: tuple[str, ...] = (),
    actors_file: str = "",
    terms_file: str = "",
    issue_file: str = "",
    frame_model: str = "",
    framing: bool = False,
    timeline: bool = False,
    claims: bool = False,
    claims_file: str = "claims.yaml",
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

        actors.lexicon(actors_file)
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
