"""Quotes and actors on political news in several house styles, against people's labels.

The gold set ``resources/gold/political.jsonl`` (guide beside it) holds 40 articles of US political
news built from NewsMTSC sentences and written in six quotation house styles (curly, straight,
two apostrophes, British single, guillemets, low-high), with every attribution and every named
actor labelled blind to presslens; 20 articles are for development and 20 are held out (never
looked at while the rules were written). The articles are run as one corpus, as stage 30 runs one
(actors discovered in them, mentions, quotes with speakers resolved), and scored per split:

- *attribution*: presslens.validate.attribution's overlap F1, direct and indirect recall and
  speaker accuracy, with 95% percentile-bootstrap intervals over articles;
- *actors*: the share of named mentions found, the share of people's mentions put on the right
  person (the actor's name ends with the person's surname), the same for a surname after a title
  ("Sen. Cruz", "Mr. Trump") of the leading people, and how many mentions of places and
  organisations were put on a person.

``agreement`` compares the two annotators on the 12 articles both labelled; ``type_agreement``
the two passes over the name-type labels; ``style_rates`` renders the climate gold articles in
each house style and counts direct quotes per 100 sentences per style.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from presslens.validate import attribution, housestyles
from presslens.validate.actors import corpus_tables, gold_path

N_BOOT = 1000
SEED = 0
LEADING = 10  # the people with most gold mentions whose titled surnames are scored apart
_WORDS = re.compile(r"[^\W\d_]+")
_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}


def records(name: str = "political.jsonl") -> list[dict]:
    """The gold articles (one JSON line each)."""
    return attribution.read_gold(gold_path(name))


def run(recs: list[dict]) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """The gold articles run as one corpus: (actors spec, mentions, quotes)."""
    texts = {str(r["ID"]): r["text"] for r in recs}
    spec, mentions, said = corpus_tables(texts, quotes=True)
    return spec, mentions, said if said is not None else pd.DataFrame()


def _boot(per: pd.DataFrame, stat, *, n_boot: int = N_BOOT, seed: int = SEED) -> tuple:
    """95% percentile-bootstrap interval of `stat` (summed per-article counts -> value) over
    articles resampled with replacement (the resamples of presslens.measure.sentiment)."""
    from presslens.measure.sentiment.aggregate import resample_counts

    if len(per) < 2:
        return float("nan"), float("nan")
    sums = resample_counts(len(per), n_boot=n_boot, seed=seed) @ per.to_numpy(dtype=float)
    got = [stat(dict(zip(per.columns, row))) for row in sums]
    lo, hi = np.nanpercentile(got, [2.5, 97.5])
    return round(float(lo), 4), round(float(hi), 4)


def _f1(c: dict) -> float:
    p = c["matched"] / c["predicted"] if c["predicted"] else 0.0
    r = c["matched"] / c["gold"] if c["gold"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(num: str, den: str):
    return lambda c: c[num] / c[den] if c[den] else float("nan")


ATTRIBUTION = {  # metric -> (kind row, statistic of the summed counts)
    "f1 (overlap, all)": ("all", _f1),
    "recall (direct)": ("direct", _ratio("matched", "gold")),
    "recall (indirect)": ("indirect", _ratio("matched", "gold")),
    "recall (mixed)": ("mixed", _ratio("matched", "gold")),
    "precision (all)": ("all", _ratio("matched", "predicted")),
    "speaker accuracy (all)": ("all", _ratio("speaker_correct", "matched")),
}


def attribution_scores(recs: list[dict], said: pd.DataFrame) -> pd.DataFrame:
    """Per split and metric: value, 95% interval over articles, n (gold or matched)."""
    texts = {str(r["ID"]): r["text"] for r in recs}
    per: dict[str, list[dict]] = {}
    for r in recs:
        aid = str(r["ID"])
        got = attribution.score(
            attribution.gold_rows(r), said[said["article_id"] == aid], texts={aid: texts[aid]}
        ).set_index("kind")
        per.setdefault(r.get("split", "dev"), []).append(got)
    rows = []
    for split, tables in sorted(per.items()):
        for metric, (kind, stat) in ATTRIBUTION.items():
            counts = pd.DataFrame(
                [t.loc[kind, ["gold", "predicted", "matched", "speaker_correct"]] for t in tables]
            ).astype(float)
            total = counts.sum().to_dict()
            lo, hi = _boot(counts, stat)
            n = total["matched"] if "speaker" in metric else total["gold"]
            rows.append((split, metric, round(float(stat(total)), 4), lo, hi, int(n)))
    return pd.DataFrame(rows, columns=["split", "metric", "value", "low", "high", "n"])


def _surname(entity: str) -> str:
    """The word a person's mentions must carry: the last word of the name that is no suffix."""
    words = [w for w in _WORDS.findall(entity.lower()) if w not in _SUFFIX]
    return words[-1] if words else ""


def _mention_rows(recs: list[dict], mentions: pd.DataFrame, spec: dict) -> pd.DataFrame:
    """Every gold mention of the article body with the predicted mention that overlaps it most:
    split, entity, gold type, whether titled, predicted actor, its type and display name."""
    from presslens.extract.actors import display_name, title_at

    names = {str(k): str(a.get("name", k)) for k, a in (spec.get("actors") or {}).items()}
    by = {k: g for k, g in mentions.groupby("article_id")} if len(mentions) else {}
    rows = []
    for r in recs:
        aid, text, body = str(r["ID"]), r["text"], int(r.get("body_start", 0))
        m = by.get(aid, mentions.iloc[0:0])
        for ent in r.get("actors", []):
            for g in ent["mentions"]:
                if g["start"] < body:
                    continue  # the generated byline and dateline
                hit = m[(m["start"] < g["end"]) & (m["end"] > g["start"])]
                actor = str(hit["actor"].iloc[0]) if len(hit) else ""
                kind = str(hit["actor_type"].iloc[0]) if len(hit) else ""
                rows.append((r.get("split", "dev"), ent["entity"], ent["type"],
                             " " not in g["text"] and title_at(text, g["start"]), actor, kind,
                             display_name(actor, names) if actor else ""))  # fmt: skip
    cols = ["split", "entity", "type", "titled", "actor", "actor_type", "name"]
    return pd.DataFrame(rows, columns=cols)


def actor_scores(recs: list[dict], mentions: pd.DataFrame, spec: dict) -> pd.DataFrame:
    """Per split: named mentions found; people's mentions on the right person (all, and titled
    surnames of the LEADING people); mentions of places and organisations put on a person."""
    m = _mention_rows(recs, mentions, spec)
    people = m[m["type"] == "person"]
    right = [
        bool(a) and _surname(e) in _WORDS.findall(n.lower()) and t == "person"
        for e, a, n, t in zip(people["entity"], people["actor"], people["name"],
                              people["actor_type"])
    ]  # fmt: skip
    people = people.assign(right=right)
    top = Counter(people["entity"]).most_common(LEADING)
    leading = {e for e, _ in top}
    rows = []
    for split, g in [*m.groupby("split"), ("all", m)]:
        pg = people[people["split"] == split] if split != "all" else people
        lead = pg[pg["titled"] & pg["entity"].isin(leading)]
        things = g[g["type"].isin(["place", "organisation"])]
        on_person = int((things["actor_type"] == "person").sum())
        rows += [
            (split, "named mentions found", (g["actor"] != "").mean(), len(g)),
            (split, "people's mentions on the right person", pg["right"].mean(), len(pg)),
            (split, "titled surnames of leading people on them", lead["right"].mean(), len(lead)),
            (split, "places and organisations put on a person", on_person, len(things)),
        ]
    out = pd.DataFrame(rows, columns=["split", "metric", "value", "n"])
    return out.assign(value=out["value"].astype(float).round(4))


def _pass2() -> list[dict]:
    """The second annotator's articles, with the texts of the first file."""
    texts = {str(r["ID"]): r for r in records("political_texts.jsonl")}
    out = []
    for r in records("political_pass2.jsonl"):
        full = texts.get(str(r["ID"]))
        if full is not None:
            out.append({**r, "text": full["text"]})
    return out


def agreement() -> dict[str, Any]:
    """The two annotators on the articles both labelled: attribution overlap F1 and speaker
    agreement (the first pass as reference), and Krippendorff's alpha of the type of the named
    mentions both marked."""
    import krippendorff

    second = _pass2()
    ids = {str(r["ID"]) for r in second}
    first = [r for r in records() if str(r["ID"]) in ids]
    gold = [row for r in first for row in attribution.gold_rows(r)]
    pred = [row for r in second for row in attribution.gold_rows(r)]
    table = attribution.score(gold, pred).set_index("kind")
    spans = {(str(r["ID"]), g["start"], g["end"]): e["type"]
             for r in second for e in r.get("actors", []) for g in e["mentions"]}  # fmt: skip
    pairs = [(e["type"], spans[(str(r["ID"]), g["start"], g["end"])])
             for r in first for e in r.get("actors", []) for g in e["mentions"]
             if (str(r["ID"]), g["start"], g["end"]) in spans]  # fmt: skip
    codes = {t: i for i, t in enumerate(sorted({t for p in pairs for t in p}))}
    alpha = (
        krippendorff.alpha(
            reliability_data=[[codes[a] for a, _ in pairs], [codes[b] for _, b in pairs]],
            level_of_measurement="nominal",
        )
        if len(codes) > 1
        else float("nan")
    )
    n_first = sum(len(e["mentions"]) for r in first for e in r.get("actors", []))
    return {
        "articles": len(first),
        "attribution_f1": float(table.loc["all", "f1"]),
        "attributions": int(table.loc["all", "gold"]),
        "speaker_agreement": float(table.loc["all", "speaker_accuracy"]),
        "mentions_both": len(pairs),
        "mentions_first": n_first,
        "type_alpha": float(alpha),
    }


def type_agreement() -> dict[str, Any]:
    """The two passes over the name-type labels: share of equal types, Krippendorff's alpha."""
    import krippendorff

    first = pd.read_csv(gold_path("name_types.csv"), dtype=str, keep_default_na=False)
    second = pd.read_csv(gold_path("name_types_pass2.csv"), dtype=str, keep_default_na=False)
    both = first.merge(second, on=["corpus", "name"], suffixes=("_1", "_2"))
    codes = {t: i for i, t in enumerate(sorted(set(both["type_1"]) | set(both["type_2"])))}
    alpha = krippendorff.alpha(
        reliability_data=[both["type_1"].map(codes).tolist(), both["type_2"].map(codes).tolist()],
        level_of_measurement="nominal",
    )
    return {"n": len(both), "agree": float((both["type_1"] == both["type_2"]).mean()),
            "alpha": float(alpha)}  # fmt: skip


def style_rates(recs: list[dict] | None = None) -> pd.DataFrame:
    """Direct quotes per 100 sentences of the climate gold articles rendered in each house style
    (the same texts, so only the quotation marks differ), and each style's share of the median."""
    from presslens.extract import quotes
    from presslens.ingest import sentences as splitter

    recs = recs if recs is not None else records("attribution.jsonl")
    rows = []
    for style in housestyles.STYLES:
        direct = sents = 0
        for r in recs:
            text, _ = housestyles.render(r["text"], style)
            spans = list(splitter.spans(text))
            sents += len(spans)
            direct += int((quotes.extract(text, sentences=spans)["kind"] == "direct").sum())
        rows.append((style, sents, direct, round(100 * direct / sents, 2) if sents else 0.0))
    out = pd.DataFrame(rows, columns=["style", "sentences", "direct", "direct_per_100"])
    median = float(out["direct_per_100"].median())
    return out.assign(of_median=(out["direct_per_100"] / median).round(3) if median else 0.0)
