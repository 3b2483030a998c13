"""The outlet differences that hold, as findings in plain sentences (each with its n, intervals and
an example sentence), and the start-page section with the table of every test."""

from __future__ import annotations

from typing import Any

import pandas as pd

from presslens.measure import outlet_differences as od
from presslens.report.parts import Part, block, table

from .reading import link, p, plural

MAX_FINDINGS = 5  # differences stated as findings; the rest are in the table and the CSV
MAX_ROWS = 20  # rows of the start page's table of differences


def _pct(v: float) -> str:
    return f"{v:.0%}" if v >= 0.01 or v == 0 else f"{v:.1%}"


def _ci(v: float, lo: float, hi: float, *, tone: bool) -> str:
    """'+0.12 (95% CI +0.05 to +0.19)' or '12% (95% CI 9-15%)'; no interval where there is none."""
    if tone:
        return f"{v:+.2f}" + ("" if pd.isna(lo) else f" (95% CI {lo:+.2f} to {hi:+.2f})")
    return _pct(v) + ("" if pd.isna(lo) else f" (95% CI {_pct(lo)}-{_pct(hi)})")


def times(ratio: float) -> str:
    """A ratio of shares in words: 'twice as often', '1.6 times as often', '40% less often'."""
    if pd.isna(ratio):
        return ""
    if ratio >= 1.95 and ratio < 2.05:
        return "twice as often"
    if ratio >= 1:
        return f"{ratio:.1f} times as often" if ratio >= 1.5 else f"{ratio - 1:.0%} more often"
    return "about half as often" if 0.45 <= ratio <= 0.55 else f"{1 - ratio:.0%} less often"


def gap(diff: float) -> str:
    """A tone gap in words: 'a modest gap of 0.12', 'a clear gap of 0.25', 'a large gap of 0.50'
    (on the -1 to +1 scale)."""
    size = abs(diff)
    word = "modest" if size < 0.2 else "clear" if size < 0.4 else "large"
    return f"a {word} gap of {size:.2f}"


def _q(q: float) -> str:
    return "q < 0.001" if q < 0.001 else f"q = {q:.3f}"


def sentence(r: Any) -> str:
    """One difference that holds, in a plain sentence with both values, intervals and n."""
    tone = r.measure in od.TONE_MEASURES
    ours = _ci(r.value, r.value_lo, r.value_hi, tone=tone)
    rest = _ci(r.rest, r.rest_lo, r.rest_hi, tone=tone)
    way = "more negative" if r.diff < 0 else "more positive"
    n, m = int(r.n), int(r.n_rest)
    a, b = int(r.articles), int(r.articles_rest)
    if r.measure == "tone toward":
        return (
            f"{r.outlet} is {way} toward {r.name} than the other outlets: {ours} against "
            f"{rest} on a -1 to +1 scale (each article's mean), {gap(r.diff)} "
            f"({plural(a, 'article')} naming {r.name}, against {b:,}; {_q(r.q)})"
        )
    if r.measure == "article tone":
        return (
            f"{r.outlet}'s articles are {way} than the other outlets': mean tone {ours} against "
            f"{rest}, {gap(r.diff)} ({plural(a, 'article')} against {b:,}; "
            f"{_q(r.q)})"
        )
    often = times(r.ratio)
    if r.measure == "quote share":
        what = f"{r.outlet} quotes {r.name} {often}: {ours} of its quotes"
        unit = "quote"
    elif r.measure == "mention share":
        what = f"{r.outlet} mentions {r.name} {often}: {ours} of its mentions of actors"
        unit = "mention"
    elif r.measure == "frame":
        what = f"{r.outlet} uses the {r.name} {often}: in {ours} of its articles"
        unit = "article"
    elif r.measure == "women's share":
        what = f"{r.outlet} quotes women {often}: {ours} of its quotes by people of known gender"
        unit = "quote"
    else:
        what = f"{r.outlet} quotes {r.name} {often}: {ours} of its quotes"
        unit = "quote"
    return (
        f"{what}, against {rest} in the other outlets ({plural(n, unit)} in "
        f"{plural(a, 'article')}, against {m:,} in {b:,}; {_q(r.q)})"
    )


def _scope(d: pd.DataFrame, t: dict[str, Any]) -> str:
    """How the differences were tested, and on how much of the corpus."""
    ok = t["articles"][t["articles"]["status"] == "ok"]
    sizes = ok["outlet"].fillna("(unknown outlet)").value_counts()
    tested = sorted(set(d["outlet"]))
    covered = int(sizes.reindex(tested).fillna(0).sum())
    return (
        f"the {plural(len(tested), 'outlet')} of {len(sizes):,} with {od.MIN_OUTLET_ARTICLES}+ "
        f"articles, {covered:,} of the {len(ok):,} articles, each against all the others; "
        f"{plural(len(d), 'test')} of tone toward and shares of the "
        f"{od.LEADING_ACTORS} most-mentioned people, organisations and groups with "
        f"{od.MIN_ACTOR_MENTIONS}+ mentions, of frames, who speaks and article tone, "
        "Benjamini-Hochberg corrected at 5%. A difference holds when it is large enough to matter "
        f"(at least {od.MIN_TONE_GAP:.2f} in tone, or {od.MIN_SHARE_GAP:.0%} points and "
        f"{od.MIN_SHARE_RATIO:g} times in a share) and the outlet also differs the same way from "
        "most of the other compared outlets one by one, so that one extreme outlet does not make "
        "the others look different from the rest"
    )


def findings(t: dict[str, Any], *, limit: int = MAX_FINDINGS) -> list[list[Part]]:
    """The largest outlet differences that hold, one finding each, after one that says how they
    were tested; or one finding saying none holds, or why outlets were not compared."""
    d = t.get("outlet_differences")
    if d is None:
        return []
    if d.empty:
        return [[Part(_untested(t))]] if _untested(t) else []
    held = d[d["holds"]]
    if held.empty:
        return [
            [
                Part(
                    "No outlet differs from the others beyond chance by enough to matter. "
                    f"Tested: {_scope(d, t)}."
                )
            ]
        ]
    head = [
        Part(
            f"{plural(len(held), 'outlet difference')} {'holds' if len(held) == 1 else 'hold'}"
            + (f", the {min(limit, len(held))} largest below" if len(held) > limit else ", below")
            + f". Tested: {_scope(d, t)}."
        )
    ]
    out = [head]
    for r in held.head(limit).itertuples():
        ev = str(getattr(r, "evidence", "") or "")
        aid, _, sid = ev.partition("#s")
        tail = (
            [Part(", e.g. "), link(aid, int(sid), "this sentence"), Part(".")]
            if aid
            else [Part(".")]
        )
        out.append([Part(sentence(r))] + tail)
    return out


def _untested(t: dict[str, Any]) -> str:
    """Why outlets were not compared ('' when there is one outlet or no article)."""
    ok = t["articles"][t["articles"]["status"] == "ok"]
    sizes = ok["outlet"].fillna("(unknown outlet)").value_counts()
    if len(sizes) < 2:
        return ""
    big = int((sizes >= od.MIN_OUTLET_ARTICLES).sum())
    return (
        f"Outlets are not compared: {plural(big, 'outlet')} of {len(sizes):,} "
        f"{'has' if big == 1 else 'have'} {od.MIN_OUTLET_ARTICLES} or more analysed articles, the "
        "fewest a comparison rests on."
    )


def blocks(t: dict[str, Any], *, limit: int = MAX_ROWS) -> list[dict[str, Any]]:
    """The start page's section: the differences that hold (or the closest), as a bounded table."""
    d = t.get("outlet_differences")
    if d is None or d.empty:
        return [p(_untested(t) or "Outlets were not compared (fewer than two outlets).")]
    view = d.head(limit).assign(
        subject=[str(n) for n in d.head(limit)["name"]],
        value=[
            _ci(r.value, r.value_lo, r.value_hi, tone=r.measure in od.TONE_MEASURES)
            for r in d.head(limit).itertuples()
        ],
        others=[
            _ci(r.rest, r.rest_lo, r.rest_hi, tone=r.measure in od.TONE_MEASURES)
            for r in d.head(limit).itertuples()
        ],
        q=d.head(limit)["q"].map(lambda q: "< 0.001" if q < 0.001 else f"{q:.3f}"),
        holds=d.head(limit)["holds"].map({True: "yes", False: "no"}),
    )[["measure", "subject", "outlet", "value", "others", "n", "n_rest", "q", "holds"]]
    return [
        p(
            f"Tested: {_scope(d, t)}. The differences that hold come first, "
            "largest first; the rest follow by size. n counts the outlet's units (mentions, "
            "quotes or articles), n_rest the other outlets'."
        ),
        block(
            "table",
            table=table(
                view,
                numeric=["n", "n_rest"],
                csv="data/outlet_differences.csv",
                order="differences that hold first, largest first",
            ),
        ),
    ]


def verdict(t: dict[str, Any], measure: str, what: str) -> str:
    """What the tests say of one measure, for the finding that describes it: ' Tested outlet
    against outlet, ...' or '' when outlets were not compared."""
    d = t.get("outlet_differences")
    if d is None or d.empty:
        return ""
    rows = d[d["measure"] == measure]
    if rows.empty:
        return ""
    held = rows[rows["holds"]]
    if held.empty:
        return f" No outlet differs from the others in {what} beyond chance by enough to matter."
    outlets = sorted(set(held["outlet"]))
    return (
        f" Tested outlet against outlet, {', '.join(outlets)} "
        f"{'differs' if len(outlets) == 1 else 'differ'} from the others in {what} (see Where "
        "outlets differ)."
    )
