"""How well actors are discovered, typed and gendered, against people's labels.

- *Person recall on NewsMTSC* (devtest_rw): every target is a mention of a person, marked by span.
  The sentences are grouped into their source articles (from ``primary_gid``) and actors are
  discovered on that corpus as on any other; a target whose mention holds a name (not a pronoun or
  a description such as "the governor") counts as found when a person mention overlaps its span.
- *Entity recall on narrative-frames*: the annotators named each article's heroes, villains and
  victims; those written with a proper name ("Alexandria Ocasio", "the EPA") count as found when a
  discovered mention in that article shares one of the name's capitalised words.
- *Precision* on a sample of 120 discovered actors (60 from each corpus above) labelled by hand
  (``resources/gold/actors_sample.csv`` and its guide): the share that are real names, of the
  right type, and whose written forms all name the same entity.
- *Gender*: the speakers of the attribution gold set (``resources/gold/attribution.jsonl``) whose
  gender the text states, against the gender discovery gives the actor of that name.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

from presslens.core import resources

PRONOUNS = frozenset(resources.load("attribution.yaml")["person_pronouns"])
_CAP = re.compile(r"\b[A-Z][\w’'\-]+")


def corpus_mentions(
    texts: dict[str, str], spans: dict[str, list[tuple[int, int]]] | None = None
) -> tuple[dict, pd.DataFrame]:
    """Discover the actors of a corpus (article id -> text) and find their mentions, as a run does:
    (actors spec, mentions table)."""
    spec, mentions, _ = corpus_tables(texts, spans)
    return spec, mentions


def corpus_tables(
    texts: dict[str, str],
    spans: dict[str, list[tuple[int, int]]] | None = None,
    *,
    quotes: bool = False,
) -> tuple[dict, pd.DataFrame, pd.DataFrame | None]:
    """Actors discovered in a corpus, their mentions and (with `quotes`) its quotes with speakers
    resolved to them, as stage 30 computes them."""
    from presslens.extract import actors, discover
    from presslens.extract import quotes as quoting
    from presslens.ingest import sentences as splitter

    spans = spans or {k: list(splitter.spans(t)) for k, t in texts.items()}
    arts = pd.DataFrame({"article_id": list(texts), "text": list(texts.values()), "status": "ok"})
    sents = pd.DataFrame(
        [(k, i + 1, a, b) for k, sp in spans.items() for i, (a, b) in enumerate(sp)],
        columns=["article_id", "sent_id", "start", "end"],
    )
    spec = discover.actors_spec(discover.name_counts(arts, sents))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "actors.yaml"
        discover.write_yaml(spec, path)
        mentions = actors.mention_table(arts, sents, name=str(path))
        said = quoting.quote_table(arts, sents, mentions, actors_file=str(path)) if quotes else None
    return spec, mentions, said


def attribution_scores(gold_path: Path) -> pd.DataFrame:
    """Quote attribution on the gold articles as a run does it (actors discovered in them, speakers
    resolved to actors), scored per kind by ``presslens.validate.attribution.score``."""
    from presslens.validate import attribution

    records = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x]
    texts = {str(r["ID"]): r["text"] for r in records}
    _, _, said = corpus_tables(texts, quotes=True)
    gold = [row for r in records for row in attribution.gold_rows(r)]
    return attribution.score(gold, said, texts=texts)


def article_key(gid: str) -> str:
    """The source article of a NewsMTSC sentence: the first three fields of its `primary_gid`."""
    return "_".join(gid.split("_")[:3])


def _mtsc_articles(path: Path) -> tuple[dict, dict, list[tuple[str, int, int, str]]]:
    """NewsMTSC sentences joined per source article: texts, sentence spans, targets."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            groups[article_key(row["primary_gid"])].append(row)
    texts, spans, targets = {}, {}, []
    for key, rows in groups.items():
        off, parts, sp = 0, [], []
        for row in rows:
            s = row["sentence_normalized"]
            sp.append((off, off + len(s)))
            targets += [(key, off + t["from"], off + t["to"], t["mention"]) for t in row["targets"]]
            parts.append(s)
            off += len(s) + 2
        texts[key], spans[key] = "\n\n".join(parts), sp
    return texts, spans, targets


def is_name(mention: str) -> bool:
    """A target written with a name: a capitalised word that is no pronoun or article."""
    words = _CAP.findall(mention.strip("\"“”' "))
    return any(w.lower() not in PRONOUNS and w not in {"The", "A", "An"} for w in words)


def newsmtsc_recall(path: Path) -> dict[str, Any]:
    """Recall of NewsMTSC's name targets as person mentions."""
    texts, spans, targets = _mtsc_articles(path)
    spec, mentions = corpus_mentions(texts, spans)
    people = mentions[mentions["actor_type"] == "person"]
    by = {k: list(zip(g["start"], g["end"])) for k, g in people.groupby("article_id")}
    named = [t for t in targets if is_name(t[3])]
    found = sum(any(s < b and a < e for s, e in by.get(k, [])) for k, a, b, _ in named)
    return {
        "recall": found / len(named) if named else 0.0,
        "n": len(named),
        "articles": len(texts),
        "names": {(a["name"], a["type"]) for a in spec["actors"].values()},
    }


def frames_recall(eval_root: Path) -> dict[str, Any]:
    """Recall of the narrative-frames entities written with a proper name, and the spec and
    mentions of that corpus (reused for gender)."""
    folder = eval_root / "narrative-frames"
    arts = pd.read_csv(folder / "articles_metadata.dev.tsv", sep="\t", dtype=str,
                       keep_default_na=False)  # fmt: skip
    ents = pd.read_csv(folder / "role_and_frame_annotations.dev.tsv", sep="\t", dtype=str,
                       keep_default_na=False)  # fmt: skip
    texts = dict(zip(arts["ID"], arts["text"]))
    spec, mentions = corpus_mentions(texts)
    surfaces = {k: " ".join(g["surface"]) for k, g in mentions.groupby("article_id")}
    named = [
        (aid, words)
        for aid, ent in zip(ents["ID"], ents["entity"])
        if aid in texts and (words := [w for w in _CAP.findall(ent) if is_name(w) and len(w) > 2])
    ]
    found = sum(any(w in surfaces.get(aid, "") for w in words) for aid, words in named)
    return {
        "recall": found / len(named) if named else 0.0,
        "n": len(named),
        "names": {(a["name"], a["type"]) for a in spec["actors"].values()},
    }


def sample_precision(path: Path, current: dict[str, set] | None = None) -> dict[str, Any]:
    """Shares of the labelled sample that are real names, also of the right type, and whose forms
    all name one entity; with `current` (corpus -> {(name, type)} discovered now), the share of
    the labelled actors the code still discovers with the same name and type."""
    s = pd.read_csv(path, dtype=str, keep_default_na=False)
    name_ok = s["name_ok"] == "yes"
    still = (
        sum((n, t) in current.get(c, set()) for c, n, t in zip(s["corpus"], s["name"], s["type"]))
        / len(s)
        if current and len(s)
        else float("nan")
    )
    return {
        "n": len(s),
        "still": still,
        "name": float(name_ok.mean()),
        "name_and_type": float((name_ok & (s["type_ok"] == "yes")).mean()),
        "forms": float((s.loc[name_ok, "forms_ok"] == "yes").mean()) if name_ok.any() else 0.0,
    }


def gender_check(gold_path: Path) -> dict[str, Any]:
    """Speakers of the gold set with a gender the text states: how many discovery gives a gender,
    and how many of those are right."""
    records = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x]
    spec, _ = corpus_mentions({r["ID"]: r["text"] for r in records})
    by_surname: dict[str, set[str]] = defaultdict(set)
    for a in (spec.get("actors") or {}).values():
        if a.get("type") == "person":
            pronoun = {"he": "male", "she": "female"}.get(a.get("pronoun", ""), "unknown")
            by_surname[str(a["name"]).split()[-1]].add(pronoun)
    people = {
        (r["ID"], a["speaker"]): a["speaker_gender"]
        for r in records
        for a in r["attributions"]
        if a.get("speaker_type") == "person" and a.get("speaker_gender") in {"male", "female"}
        and a.get("speaker")
    }  # fmt: skip
    told = right = 0
    for (_, speaker), gold in people.items():
        given = by_surname.get(speaker.split()[-1], set()) - {"unknown"}
        if len(given) == 1:
            told += 1
            right += given == {gold}
    return {"n": len(people), "assigned": told, "right": right}


def gold_path(name: str) -> Path:
    """A file of the gold sets shipped in presslens/resources/gold."""
    return resources.path(f"gold/{name}")
