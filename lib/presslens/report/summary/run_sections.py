"""The start page's sections on the run: cleaning, quarantine, validation, methods and
limitations, notebooks, manifest; and `sections`, the whole page in order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
import pandas as pd
from presslens.report import pages
from presslens.report.parts import Part, block, table
from .analysis_sections import (
    claims_blocks,
    contrasts_blocks,
    corpus_blocks,
    framing_blocks,
    sentiment_blocks,
    timeline_blocks,
)
from . import differences
from .findings import findings
from .own_sample import own_sample_blocks
from .quality import quality_blocks
from .reading import corpus_facts, p, plural


def cleaning_blocks(t: dict[str, Any], rules: list) -> list[dict[str, Any]]:
    removed = t["removed"]
    desc = {r.name: r.description for r in rules}
    counts = (
        removed.groupby("rule")
        .agg(lines=("article_id", "size"), articles=("article_id", "nunique"))
        .reset_index()
        if len(removed)
        else pd.DataFrame(columns=["rule", "lines", "articles"])
    )
    counts["what the rule removes"] = counts["rule"].map(desc).fillna("")
    n_art = removed["article_id"].nunique() if len(removed) else 0
    return [
        p(
            f"Cleaning removed {plural(len(removed), 'line')} or bracketed notes from "
            f"{plural(n_art, 'article')}. Every removal is listed with the rule that made it in "
            "data/removed.csv and on each article page; rules are in "
            "presslens/resources/cleaning.yaml."
        ),
        block(
            "table",
            table=table(
                counts[["rule", "what the rule removes", "lines", "articles"]],
                numeric=["lines", "articles"],
                csv="data/removed.csv",
                empty="Nothing was removed: no line matched a cleaning rule.",
            ),
        ),
    ]


def quarantine_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    q = t["quarantine"]
    return [
        block(
            "table",
            table=table(
                q,
                csv="data/quarantine.csv",
                empty="Nothing was quarantined: every input could be read and analysed.",
            ),
        )
    ]


def validation_table(t: dict[str, Any]) -> pd.DataFrame:
    """The validation table with the temporal tagger's gold-set scores appended."""
    v = t["validation"]
    gold = t["timex_gold"]
    if len(gold):
        g = gold.set_index("metric")["value"]
        extra = pd.DataFrame(
            [
                dict(
                    task="temporal tagging",
                    dataset="seeds gold set (hand-annotated)",
                    method="presslens.timeline",
                    metric=m,
                    value=round(float(g[m]), 4),
                    n=int(g["n_gold"]),
                    reference=None,
                    reference_source="",
                )
                for m in ("strict_precision", "strict_recall", "strict_f1", "value_accuracy")
                if m in g
            ]
        )
        v = pd.concat([v, extra], ignore_index=True) if len(v) else extra
    return v


HEADLINE_METRICS = ("pearson_r", "f1", "f1 (macro)", "strict_f1", "value_accuracy",
                    "f1 (overlap, all)", "speaker accuracy (all)",
                    "people's mentions on the right person", "value f1 (TempEval-3)",
                    "year-less dates in the reader's year")  # fmt: skip


def validation_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    v = validation_table(t)
    head = v[v["metric"].isin(HEADLINE_METRICS)] if len(v) else v
    return [
        p(
            "How far the methods agree with people, on human-labelled data made by other "
            "researchers (details and licences in eval/); ",
            Part("90-validate-methods", "html/90-validate-methods.html"),
            " shows every metric and the confusion matrices.",
        ),
        block(
            "table",
            table=table(
                head,
                numeric=["value", "n", "reference"],
                total=len(v),
                csv="data/validation.csv",
                order="the headline metrics",
                empty="No validation data was available in this run.",
            ),
        ),
    ]


def _metric(v: pd.DataFrame, method: str, metric: str) -> float | None:
    row = v[(v["method"] == method) & (v["metric"] == metric)] if len(v) else v
    return float(row["value"].iloc[0]) if len(row) and pd.notna(row["value"].iloc[0]) else None


def _num(value: float | None, spec: str = ".2f") -> str:
    return format(value, spec) if value is not None else "(not measured in this run)"


def methods(pack: str) -> list[tuple[str, str]]:
    """The method notes; what comes from a topic pack is said to need one when there is none."""
    if pack:
        return METHODS
    replace = {
        "; issue frames from an editable cue dictionary": "; issue frames need a topic pack "
        "(none in this run)",
        "; contested names from an editable list of variants": "; contested names need a topic "
        "pack (none in this run)",
    }
    out = []
    for head, text in METHODS:
        for old, new in replace.items():
            text = text.replace(old, new)
        out.append((head, text))
    return out


METHODS = [
    (
        "Cleaning",
        "named rules from an editable file (presslens/resources/cleaning.yaml) remove site "
        "furniture line by line; every removed line is listed with its rule (data/removed.csv, "
        "and on each article page).",
    ),
    (
        "Sentences",
        "NLTK's Punkt with parameters the project builds (abbreviations, initials); each sentence "
        "keeps its character offsets into the clean text, so every number below can be traced to "
        "a sentence.",
    ),
    (
        "Tone",
        "two independent lexicons per sentence (VADER, TextBlob); an article's tone is the mean "
        "of its sentence scores with a percentile-bootstrap 95% interval over its sentences; an "
        "outlet's tone is the mean of its articles' tones with a bootstrap over articles.",
    ),
    (
        "Tone toward an actor",
        "a logistic-regression model trained on NewsMTSC (political news sentences labelled for "
        "the tone toward one person) scores each mention; actor tone is P(positive) - P(negative) "
        "averaged over mentions, with bootstrap intervals.",
    ),
    (
        "Frames",
        "five generic frames (Semetko & Valkenburg) answered through yes/no indicator questions "
        "whose answers carry their cue sentences; a frame is present when a calibrated logistic "
        "regression over the article's words, cue evidence and style (trained on 275 human-coded "
        "climate-news articles) reaches the frame's threshold and the article has two or more cue "
        "sentences of it, or the model is confident (probability 0.8 or more, 0.3 above the "
        "threshold); the probability is shown with each frame; issue frames from an editable cue "
        "dictionary.",
    ),
    (
        "Voices and names",
        "actors from an editable list with aliases and offices resolved by date; direct and "
        "indirect quotes with speaker and cue verb; contested names from an editable list of "
        "variants.",
    ),
    (
        "Time",
        "a rule-based TIMEX3 tagger resolves relative dates against each article's publication "
        "date and the tense of their clause; events (a date with what it dates) several "
        "articles mention are grouped by what happened and when.",
    ),
    (
        "Outlet contrasts",
        "log-odds ratios with an informative Dirichlet prior from the whole corpus (Monroe, "
        "Colaresi & Quinn 2008), shown as z-scores.",
    ),
]


def limitations(t: dict[str, Any], *, min_articles: int = 30) -> list[str]:
    """Limitations, each with the measured figure behind it (from the tables)."""
    facts = corpus_facts(t["articles"])
    v = validation_table(t)
    per_frame = (
        v[(v["task"] == "generic frames") & (v["method"] == "presslens.framing")] if len(v) else v
    )
    frame_f1 = {
        m[4:-1]: val
        for m, val in zip(per_frame.get("metric", []), per_frame.get("value", []))
        if str(m).startswith("f1 (") and not str(m).startswith("f1 (macro")
    }
    weakest = min(frame_f1, key=frame_f1.get) if frame_f1 else None
    gold = (
        dict(zip(t["timex_gold"]["metric"], t["timex_gold"]["value"]))
        if len(t["timex_gold"])
        else {}
    )
    return [
        f"Sample size: {plural(facts['ok'], 'analysed article')} from "
        f"{plural(facts['outlets'], 'outlet')}. "
        f"Below {min_articles} articles, and for any outlet with a handful, differences describe "
        "these texts, not the outlets; intervals are wide and a single article per outlet has "
        "none.",
        "Sentence tone is a lexicon's reading, not a person's: on 5,190 NYT editorial sentences "
        "VADER correlates with the mean human rating at r = "
        f"{_num(_metric(v, 'vader', 'pearson_r'))} "
        f"(3-class F1 {_num(_metric(v, 'vader', 'f1'))}), TextBlob at r = "
        f"{_num(_metric(v, 'textblob', 'pearson_r'))}. Lexicons miss tone carried by events "
        '("refugees fled burning villages" scores neutral) and VADER was built for social media.',
        f"Tone toward actors: macro-F1 {_num(_metric(v, 'toward', 'f1 (macro)'))} on NewsMTSC "
        "devtest (three classes), against 0.83 for the best fine-tuned transformers; read actor "
        "portrayal as a rough signal with its interval.",
        (
            "Generic frames agree only moderately with human coders: macro-F1 "
            f"{_num(_metric(v, 'presslens.framing', 'f1 (macro)'))} by cross-validation on 219 "
            "development climate-news articles, "
            f"{_num(_metric(v, 'presslens.framing (held out)', 'f1 (macro)'))} on 56 held-out ones "
            "(two people coding the same article agree at 0.68; majority baseline "
            f"{_num(_metric(v, 'majority baseline', 'f1 (macro)'))}); weakest is "
            f"{weakest.replace('_', ' ')} (F1 {frame_f1[weakest]:.2f}). Check the evidence "
            "sentences before citing a frame."
        )
        if weakest
        else "Generic frames were not validated in this run.",
        _dates_limitation(v, gold),
        _pack_limitation(t),
    ]


def _dates_limitation(v: pd.DataFrame, gold: dict) -> str:
    """What the temporal tagger's figures say: held-out real news first, the seeds after."""
    held = "climate TimeML gold, heldout half (real news 2017-2019)"
    rows = v[v["dataset"] == held] if len(v) and "dataset" in v.columns else v.iloc[0:0]
    f1 = rows[rows["metric"] == "value f1 (TempEval-3)"] if len(rows) else rows
    year = rows[rows["metric"] == "year-less dates in the reader's year"] if len(rows) else rows
    parts = []
    if len(f1):
        r = f1.iloc[0]
        parts.append(
            f"on real climate news it was not tuned on ({int(r['n'])} annotated expressions) "
            f"the tagger's TempEval-3 value F1 is {r['value']:.2f} (95% CI {r['low']:.2f} to "
            f"{r['high']:.2f})"
        )
    if len(year):
        r = year.iloc[0]
        parts.append(
            f"{r['value']:.0%} of {int(r['n'])} months, weekdays and seasons named without a "
            "year get the year a reader gives them"
        )
    if gold:
        parts.append(
            f"on the seeds' gold set ({int(gold.get('n_gold', 0))} expressions, written with "
            f"those articles in view) value accuracy {gold.get('value_accuracy', 0):.2f}"
        )
    if not parts:
        return "Dates: the temporal tagger was not scored in this run."
    return "Dates: " + "; ".join(parts) + "."


def _pack_limitation(t: dict[str, Any]) -> str:
    """What the run's topic pack (or its absence) means for the findings."""
    if t.get("pack"):
        return (
            f"The actors overlay, naming choices, issue frames and claim patterns come from the "
            f"topic pack {t['pack']}, written for one story; another story needs its own pack "
            "(plain YAML files)."
        )
    return (
        "No topic pack was used: actors and claim quantities are generic, and naming choices and "
        "issue frames were not coded (see Voices, names and frames)."
    )


def methods_blocks(t: dict[str, Any], *, min_articles: int = 30) -> list[dict[str, Any]]:
    return [
        block("h3", text="Method notes"),
        block("list", entries=[[Part(f"{h}: {text}")] for h, text in methods(t.get("pack", ""))]),
        p(
            "Each notebook's HTML (below) shows its parameters and every step; docs/methods in the "
            "presslens repository has one methods page per notebook.",
            cls="note",
        ),
        block("h3", text="Limitations"),
        block("list", entries=[[Part(x)] for x in limitations(t, min_articles=min_articles)]),
    ]


def notebooks_blocks(names: list[str]) -> list[dict[str, Any]]:
    return [
        block(
            "list",
            entries=[
                [
                    Part(n, f"html/{n}.html"),
                    Part(" ("),
                    Part("ipynb", f"notebooks/{n}.ipynb"),
                    Part(")"),
                ]
                for n in names
            ],
        )
    ]


def manifest_blocks(m: dict) -> list[dict[str, Any]]:
    inputs = pd.DataFrame(sorted(m.get("inputs", {}).items()), columns=["input", "sha256"])
    params = pd.DataFrame(
        [(k, json.dumps(v)) for k, v in m.get("parameters", {}).items()],
        columns=["parameter", "value"],
    )
    vers = pd.DataFrame(sorted(m.get("versions", {}).items()), columns=["package", "version"])
    res = pd.DataFrame(
        sorted(m.get("resources", {}).items()), columns=["resource or lexicon", "sha256 / version"]
    )
    return [
        p(
            "From ",
            Part("manifest.json", "manifest.json"),
            ", which also records the time each notebook took.",
            cls="note",
        ),
        block("h3", text="Inputs"),
        block("table", table=table(inputs, csv="manifest.json")),
        block("h3", text="Parameters"),
        block("table", table=table(params, limit=60)),
        block("h3", text="Versions"),
        block("table", table=table(vers, limit=60)),
        block("h3", text="Resources and lexicons"),
        block("table", table=table(res, limit=60)),
    ]


def sections(
    out_dir: str | Path,
    t: dict[str, Any],
    *,
    rules: list,
    min_articles: int = 30,
    method: str = "vader",
) -> list[pages.Section]:
    """Every section of the start page, in order."""
    names = [Path(n).stem for n in t["manifest"].get("notebooks", [])]
    items = findings(t, method=method)
    return [
        pages.Section(
            "findings",
            "Findings",
            [block("list", entries=items, cls="finding")]
            if items
            else [p("No findings: nothing was analysed.")],
        ),
        pages.Section("quality", "What the comparisons rest on", quality_blocks(t)),
        pages.Section("outlets", "Where outlets differ", differences.blocks(t)),
        pages.Section("corpus", "Corpus", corpus_blocks(t)),
        pages.Section("figures", "Figures", pages.figure_blocks(out_dir) or [p("No figures.")]),
        pages.Section("sentiment", "Tone", sentiment_blocks(t, method=method)),
        pages.Section("framing", "Voices, names and frames", framing_blocks(t)),
        pages.Section("timeline", "Timeline of referenced events", timeline_blocks(t)),
        pages.Section("claims", "Claims across outlets", claims_blocks(t)),
        pages.Section("contrasts", "Words that distinguish outlets", contrasts_blocks(t)),
        pages.Section("cleaning", "What cleaning removed", cleaning_blocks(t, rules)),
        pages.Section("quarantine", "Quarantine", quarantine_blocks(t)),
        pages.Section("validation", "How far the methods can be trusted", validation_blocks(t)),
        *(
            [pages.Section("own-sample", "Checked on your own sample", own)]
            if (own := own_sample_blocks(t["own_agreement"]))
            else []
        ),
        pages.Section(
            "methods", "Methods and limitations", methods_blocks(t, min_articles=min_articles)
        ),
        pages.Section("notebooks", "Notebooks", notebooks_blocks(names)),
        pages.Section("manifest", "Manifest", manifest_blocks(t["manifest"])),
    ]
