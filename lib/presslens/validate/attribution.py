"""Quote attribution against hand-labelled gold: content spans and speakers.

``score(gold, predicted)`` compares two tables of attributions, each with `article_id`, `kind`,
`start`, `end` and `speaker` (predicted rows may have `speaker_actor`, gold rows `source_text`).
For each kind (direct, indirect, mixed) and for all of them it gives:

- *overlap* precision, recall and F1: a predicted content span matches a gold one of the same
  article when they share at least one character; pairs are made one to one, greedily, the largest
  overlap first;
- *exact* precision, recall and F1: the spans are the same after stripping blanks, punctuation and
  quotation marks around them (one to one as well);
- *speaker accuracy* over the overlap-matched pairs. A predicted speaker is right when the last word
  of the gold speaker's canonical name (case and punctuation aside: "Intergovernmental Panel on
  Climate Change (IPCC)" -> "ipcc") is a word of the predicted speaker or of its `speaker_actor`
  ("jens_stoltenberg"), when gold names the source with a pronoun ("he", as written in the text)
  and the prediction is the same pronoun, or when both speakers are empty.

In a kind's row only that kind is compared. In the "all" row kinds need not agree where one side is
"mixed" (a reported clause with a partial quote may be found as the quote or as the clause):
direct-direct, indirect-indirect and any pair with a mixed side may match.

P, R and F1 follow presslens.measure.metrics (0.0 when nothing was predicted or nothing is gold).
``evaluate(gold_path)`` runs presslens's sentence splitter and quote extraction on each gold text
(a JSON-lines file, one article a line with its `text` and `attributions`) and scores them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from presslens.core import resources
from presslens.measure import metrics

KINDS = ("direct", "indirect", "mixed")
COLUMNS = [
    "kind",
    "gold",
    "predicted",
    "matched",
    "precision",
    "recall",
    "f1",
    "exact_matched",
    "exact_precision",
    "exact_recall",
    "exact_f1",
    "speaker_correct",
    "speaker_accuracy",
]
_EDGE = " \t\n\r.,;:!?\"'“”„‘’«»‹›()[]—–-…"
_WORDS = re.compile(r"[^\W_]+")
PRONOUNS = set(resources.load("attribution.yaml")["speaker_pronouns"])


def _frame(rows: pd.DataFrame | Iterable[dict]) -> pd.DataFrame:
    """Attributions as a table with the columns scoring needs (missing ones empty)."""
    t = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    for c in ("article_id", "kind", "speaker", "speaker_actor", "source_text"):
        if c not in t.columns:
            t[c] = ""
    for c in ("start", "end"):
        if c not in t.columns:
            t[c] = pd.Series(dtype="int64")
    t = t[t["kind"].isin(KINDS)] if len(t) else t
    return t.fillna({"speaker": "", "speaker_actor": "", "source_text": ""}).reset_index(drop=True)


def gold_rows(record: dict) -> list[dict]:
    """The attributions of one gold article (a line of the gold file) as scoring rows."""
    return [
        {
            "article_id": str(record.get("ID", "")),
            "kind": a["kind"],
            "start": int(a["content"][0]),
            "end": int(a["content"][1]),
            "speaker": a.get("speaker") or "",
            "source_text": a.get("source_text") or "",
        }
        for a in record.get("attributions", [])
    ]


def _compatible(gold_kind: str, predicted_kind: str, kind: str) -> bool:
    """Whether two kinds may match in the row of `kind`."""
    if kind != "all":
        return gold_kind == predicted_kind == kind
    return gold_kind == predicted_kind or "mixed" in (gold_kind, predicted_kind)


def _stripped(start: int, end: int, text: str | None) -> tuple[int, int]:
    """Offsets without blanks, punctuation and quotation marks around (only blanks without
    text)."""
    if text is None:
        return start, end
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def speaker_correct(gold: pd.Series, predicted: pd.Series) -> bool:
    """The speaker rule: the gold name's last word in the predicted speaker or actor, the same
    pronoun, or both empty."""
    words = _WORDS.findall(str(gold["speaker"]).lower())
    said = set(_WORDS.findall(str(predicted["speaker"]).lower()))
    said |= set(_WORDS.findall(str(predicted.get("speaker_actor", "")).replace("_", " ").lower()))
    if words:
        if words[-1] in said:
            return True
    elif not str(predicted["speaker"]).strip():
        return True
    source = str(gold.get("source_text", "")).strip().lower()
    return source in PRONOUNS and source == str(predicted["speaker"]).strip().lower()


def _pairs(g: pd.DataFrame, p: pd.DataFrame, kind: str) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) index pairs of overlapping spans, largest overlap first."""
    cands = []
    for i, gr in g.iterrows():
        for j, pr in p.iterrows():
            if gr["article_id"] != pr["article_id"] or not _compatible(
                gr["kind"], pr["kind"], kind
            ):
                continue
            overlap = min(gr["end"], pr["end"]) - max(gr["start"], pr["start"])
            if overlap > 0:
                cands.append((-overlap, i, j))
    used_g, used_p, out = set(), set(), []
    for _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _exact(g: pd.DataFrame, p: pd.DataFrame, kind: str, texts: dict) -> int:
    """How many gold spans have a predicted span with the same stripped offsets (one to one)."""

    def key(r: pd.Series) -> tuple:
        return (r["article_id"], *_stripped(r["start"], r["end"], texts.get(r["article_id"])))

    free: dict[tuple, list] = {}
    for j, pr in p.iterrows():
        free.setdefault(key(pr), []).append(j)
    n = 0
    for _, gr in g.iterrows():
        hits = [j for j in free.get(key(gr), []) if _compatible(gr["kind"], p.at[j, "kind"], kind)]
        if hits:
            free[key(gr)].remove(hits[0])
            n += 1
    return n


def score(
    gold: pd.DataFrame | Iterable[dict],
    predicted: pd.DataFrame | Iterable[dict],
    *,
    texts: dict | None = None,
) -> pd.DataFrame:
    """Per kind and for all: overlap and exact P/R/F1 of content spans, and speaker accuracy over
    the matched pairs, with the counts (gold, predicted, matched). `texts` (article_id -> text)
    lets the exact match strip punctuation; without it only the offsets are compared."""
    g_all, p_all, texts = _frame(gold), _frame(predicted), texts or {}
    rows = []
    for kind in (*KINDS, "all"):
        g = g_all if kind == "all" else g_all[g_all["kind"] == kind]
        p = p_all if kind == "all" else p_all[p_all["kind"] == kind]
        pairs = _pairs(g, p, kind)
        exact = _exact(g, p, kind, texts)
        right = sum(speaker_correct(g.loc[i], p.loc[j]) for i, j in pairs)
        rows.append(
            (
                kind,
                len(g),
                len(p),
                len(pairs),
                *metrics.precision_recall_f1(len(pairs), len(p), len(g)),
                exact,
                *metrics.precision_recall_f1(exact, len(p), len(g)),
                right,
                right / len(pairs) if pairs else 0.0,
            )
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def read_gold(gold_path: str | Path) -> list[dict]:
    """The gold articles of a JSON-lines file (blank lines skipped)."""
    lines = Path(gold_path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def evaluate(
    gold_path: str | Path, *, extract: Callable[[str], pd.DataFrame] | None = None
) -> pd.DataFrame:
    """Score presslens's quote extraction (or `extract`, text -> quotes table) on a gold file."""
    if extract is None:
        from presslens.extract import quotes

        extract = quotes.extract
    gold, predicted, texts = [], [], {}
    for record in read_gold(gold_path):
        aid, text = str(record.get("ID", "")), record["text"]
        texts[aid] = text
        gold += gold_rows(record)
        q = extract(text)
        predicted.append(q.assign(article_id=aid))
    pred = pd.concat(predicted, ignore_index=True) if predicted else pd.DataFrame()
    return score(gold, pred, texts=texts)
