"""The temporal tagger (`presslens.extract.timeline`) against a gold annotation: `locate` turns
gold expressions written as (expression, occurrence) into offsets; `score` gives strict and overlap
span precision/recall/F1 and value and type accuracy. Stage 40 scores the seeds' gold set with it,
`presslens.validate.timex` the climate news gold."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from presslens.measure.metrics import precision_recall_f1


def locate(gold: pd.DataFrame, texts: Mapping[object, str], key: str = "file") -> pd.DataFrame:
    """Gold annotations written as (expression, occurrence) with start/end added.

    `occurrence` n means the n-th match of `expression` in the text of ``gold[key]`` that is not
    part of a longer word (so "recent" does not match inside "recently"). Raises ValueError when
    an expression cannot be found.
    """
    starts, ends = [], []
    for k, expr, occ in zip(gold[key], gold["expression"], gold["occurrence"]):
        text = texts[k]
        rx = re.compile(r"(?<!\w)" + re.escape(str(expr)) + r"(?!\w)")
        found = [m.span() for m in rx.finditer(text)]
        if int(occ) > len(found) or int(occ) < 1:
            raise ValueError(f"{k}: occurrence {occ} of {expr!r} not found ({len(found)} found)")
        s, e = found[int(occ) - 1]
        starts.append(s)
        ends.append(e)
    out = gold.copy()
    out["start"], out["end"] = starts, ends
    return out.astype({"start": "int64", "end": "int64"})


def score(gold: pd.DataFrame, predicted: pd.DataFrame) -> dict[str, float]:
    """Span and value agreement of `predicted` with `gold` (both with start, end, value; type
    optional).

    Rows are grouped by the document key the two tables share (``file`` or ``article_id``), if any.
    Strict: spans match exactly. Relaxed: spans overlap (one-to-one, exact matches first).
    ``value_accuracy``/``type_accuracy``: share of relaxed matches whose value/type equals gold.
    Precision (recall) is 0.0 when nothing was predicted (nothing is gold), as every
    validation of presslens counts it (`presslens.measure.metrics`).
    """
    for name, df in (("gold", gold), ("predicted", predicted)):
        if not {"start", "end", "value"} <= set(df.columns):
            raise ValueError(
                f"{name} needs columns start, end, value (use locate() for expression/occurrence)"
            )
    keys = [k for k in ("file", "article_id") if k in gold.columns and k in predicted.columns]

    g, p = _by_document(gold, keys), _by_document(predicted, keys)
    n_gold, n_pred = len(gold), len(predicted)
    strict = relaxed = value_ok = type_ok = 0
    for doc, gs in g.items():
        ps = p.get(doc, [])
        exact = {(s, e) for s, e, _, _ in ps}
        strict += sum((s, e) in exact for s, e, _, _ in gs)
        pairs = _matches(gs, ps)
        relaxed += len(pairs)
        value_ok += sum(gs[gi][2] == ps[pi][2] for gi, pi in pairs)
        type_ok += sum(gs[gi][3] == ps[pi][3] for gi, pi in pairs)
    sp, sr, sf = precision_recall_f1(strict, n_pred, n_gold)
    rp, rr, rf = precision_recall_f1(relaxed, n_pred, n_gold)
    return {
        "n_gold": n_gold,
        "n_predicted": n_pred,
        "n_strict": strict,
        "n_relaxed": relaxed,
        "strict_precision": sp,
        "strict_recall": sr,
        "strict_f1": sf,
        "relaxed_precision": rp,
        "relaxed_recall": rr,
        "relaxed_f1": rf,
        "value_accuracy": value_ok / relaxed if relaxed else 0.0,
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
    }


_Span = tuple[int, int, str, str]  # start, end, value, type


def _by_document(df: pd.DataFrame, keys: list[str]) -> dict[object, list[_Span]]:
    """The expressions of each document (by the key columns), in table order."""
    out: dict[object, list[_Span]] = {}
    types = df["type"] if "type" in df.columns else [""] * len(df)
    docs = zip(*(df[k] for k in keys)) if keys else [()] * len(df)
    for doc, s, e, v, t in zip(docs, df["start"], df["end"], df["value"], types):
        out.setdefault(doc, []).append((int(s), int(e), str(v), str(t)))
    return out


def _matches(gs: list[_Span], ps: list[_Span]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) index pairs: exact spans first, then overlapping ones."""
    used: set[int] = set()
    pairs = []
    for gi, (s, e, _, _) in enumerate(gs):  # exact matches first
        for pi, (ps_, pe, _, _) in enumerate(ps):
            if pi not in used and (ps_, pe) == (s, e):
                used.add(pi)
                pairs.append((gi, pi))
                break
    matched_g = {gi for gi, _ in pairs}
    for gi, (s, e, _, _) in enumerate(gs):
        if gi in matched_g:
            continue
        for pi, (ps_, pe, _, _) in enumerate(ps):
            if pi not in used and ps_ < e and s < pe:
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs
