"""Which outlets differ from the others, and on what: tone toward the leading actors, their shares
of mentions and quotes, the frames, who speaks, and article tone, each outlet against all the other
outlets, tested and corrected for the number of comparisons.

Every measure is a ratio over articles: a sum `s` and a count `n` per article (the tone scores of
an actor's mentions and their number; the quotes an actor gets and all quotes; a frame present, 1,
of one article). An outlet's value is sum(s) / sum(n), and its standard error treats articles as
clusters (the mentions or quotes of one article are not independent): the cluster-robust variance
of a ratio, G/(G-1) * sum_a (s_a - n_a * value)^2 / sum(n)^2 over the outlet's G articles. The
difference between an outlet and the others is tested with a t statistic on min(G) - 1 degrees of
freedom (conservative with few articles); the p values of every test of a run are corrected
together by Benjamini-Hochberg (statsmodels). A difference *holds* when its corrected q is under
`ALPHA` and it is large enough to matter: tone at least `MIN_TONE_GAP` apart on the -1..+1 scale,
shares at least `MIN_SHARE_GAP` apart and `MIN_SHARE_RATIO` times as large (or as small).

Nothing is tested below the minimums: outlets with fewer than `MIN_OUTLET_ARTICLES` analysed
articles, actors with fewer than `MIN_ACTOR_MENTIONS` mentions in the corpus, and cells (an
outlet's mentions of one actor, its quotes) with fewer than `MIN_CELL_UNITS` units in
`MIN_CELL_ARTICLES` articles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

ALPHA = 0.05  # false discovery rate of the Benjamini-Hochberg correction
MIN_OUTLET_ARTICLES = 20  # an outlet is compared from this many analysed articles
MIN_ACTOR_MENTIONS = 30  # an actor is compared from this many mentions in the corpus
LEADING_ACTORS = 12  # the most-mentioned actors that are compared
MIN_CELL_UNITS = 10  # mentions or quotes of one outlet a value needs
MIN_CELL_ARTICLES = 5  # ... spread over at least this many articles
MIN_TONE_GAP = 0.10  # tone differences smaller than this (on -1..+1) are not reported
MIN_SHARE_GAP = 0.03  # share differences smaller than 3 percentage points are not reported
MIN_SHARE_RATIO = 1.25  # ... nor shares less than 1.25 times as large (or small) as the others'
ACTOR_TYPES = ("person", "organisation", "group")  # places and things are not compared
TONE_MEASURES = ("tone toward", "article tone")
COLUMNS = [
    "measure",
    "subject",
    "outlet",
    "value",
    "value_lo",
    "value_hi",
    "rest",
    "rest_lo",
    "rest_hi",
    "diff",
    "diff_lo",
    "diff_hi",
    "ratio",
    "n",
    "articles",
    "n_rest",
    "articles_rest",
    "p",
    "q",
    "others_differ",
    "others",
    "holds",
]


def _moments(codes: np.ndarray, s: np.ndarray, n: np.ndarray, k: int) -> np.ndarray:
    """Per group code (0..k-1): articles, sum s, sum n, sum s^2, sum s*n, sum n^2 (rows of 6)."""
    used = n > 0
    c, s, n = codes[used], s[used], n[used]
    return np.stack(
        [np.bincount(c, minlength=k).astype(float)]
        + [np.bincount(c, weights=w, minlength=k) for w in (s, n, s * s, s * n, n * n)],
        axis=1,
    )


def ratio_and_se(m: np.ndarray, *, share: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Value and cluster-robust standard error of sum(s)/sum(n) from the moments (per row). A
    `share` (s counts some of the n units) never gets a smaller error than a binomial share
    shrunk toward one half (Agresti-Coull: (s + 2) / (n + 4)), so 0 of 40 is not certain."""
    g, s, n, ss, sn, nn = m.T
    with np.errstate(divide="ignore", invalid="ignore"):
        value = s / n
        resid = ss - 2 * value * sn + value**2 * nn
        se = np.sqrt(np.clip(resid, 0, None) * g / (g - 1)) / n
        if share:
            shrunk = (s + 2) / (n + 4)
            se = np.maximum(se, np.sqrt(shrunk * (1 - shrunk) / (n + 4)))
    se = np.where(g >= 2, se, np.nan)
    return value, se


def t_interval(value: np.ndarray, se: np.ndarray, df: np.ndarray, lo: float, hi: float):
    """95% t interval, clipped to the measure's range."""
    with np.errstate(invalid="ignore"):
        half = stats.t.ppf(0.975, np.maximum(df, 1)) * se
    return np.clip(value - half, lo, hi), np.clip(value + half, lo, hi)


def contrast(
    outlet: np.ndarray,
    s: np.ndarray,
    n: np.ndarray,
    *,
    compared: set[str],
    tone: bool,
    min_units: int = MIN_CELL_UNITS,
    min_articles: int = MIN_CELL_ARTICLES,
) -> pd.DataFrame:
    """Each compared outlet against all other articles: both values with intervals, the difference
    with its interval, the ratio, and the p value (cluster-robust t test)."""
    names, codes = np.unique(np.asarray(outlet, dtype=str), return_inverse=True)
    m = _moments(codes, np.asarray(s, float), np.asarray(n, float), len(names))
    rest = m.sum(axis=0) - m
    v_in, se_in = ratio_and_se(m, share=not tone)
    v_out, se_out = ratio_and_se(rest, share=not tone)
    lo_range = -1.0 if tone else 0.0
    in_lo, in_hi = t_interval(v_in, se_in, m[:, 0] - 1, lo_range, 1.0)
    out_lo, out_hi = t_interval(v_out, se_out, rest[:, 0] - 1, lo_range, 1.0)
    diff = v_in - v_out
    se = np.sqrt(se_in**2 + se_out**2)
    df = np.maximum(np.minimum(m[:, 0], rest[:, 0]) - 1, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        tstat = diff / se
        p = np.where(se > 0, 2 * stats.t.sf(np.abs(tstat), df), np.where(diff == 0, 1.0, 0.0))
        half = stats.t.ppf(0.975, df) * se
        ratio = np.where(v_out > 0, v_in / v_out, np.nan) if not tone else np.nan
    enough = (
        np.isin(names, sorted(compared))
        & (m[:, 2] >= min_units)
        & (m[:, 0] >= min_articles)
        & (rest[:, 2] >= min_units)
        & (rest[:, 0] >= min_articles)
    )
    out = pd.DataFrame(
        {
            "outlet": names,
            "value": v_in,
            "value_lo": in_lo,
            "value_hi": in_hi,
            "rest": v_out,
            "rest_lo": out_lo,
            "rest_hi": out_hi,
            "diff": diff,
            "diff_lo": diff - half,
            "diff_hi": diff + half,
            "ratio": ratio,
            "n": m[:, 2],
            "articles": m[:, 0],
            "n_rest": rest[:, 2],
            "articles_rest": rest[:, 0],
            "p": p,
        }
    )
    return out[enough].reset_index(drop=True)


def pairs(
    outlet: np.ndarray,
    s: np.ndarray,
    n: np.ndarray,
    *,
    compared: set[str],
    tone: bool = False,
    min_units: int = MIN_CELL_UNITS,
    min_articles: int = MIN_CELL_ARTICLES,
) -> pd.DataFrame:
    """Every pair of compared outlets with enough units: outlet, other, diff (outlet - other),
    ratio and p (cluster-robust t test), both orders."""
    names, codes = np.unique(np.asarray(outlet, dtype=str), return_inverse=True)
    m = _moments(codes, np.asarray(s, float), np.asarray(n, float), len(names))
    v, se = ratio_and_se(m, share=not tone)
    ok = np.isin(names, sorted(compared)) & (m[:, 2] >= min_units) & (m[:, 0] >= min_articles)
    idx = np.flatnonzero(ok)
    if len(idx) < 2:
        return pd.DataFrame(columns=["outlet", "other", "diff", "ratio", "p"])
    i, j = (a.ravel() for a in np.meshgrid(idx, idx, indexing="ij"))
    i, j = i[i != j], j[i != j]
    diff, sd = v[i] - v[j], np.sqrt(se[i] ** 2 + se[j] ** 2)
    df = np.maximum(np.minimum(m[i, 0], m[j, 0]) - 1, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(sd > 0, 2 * stats.t.sf(np.abs(diff / sd), df), np.where(diff == 0, 1.0, 0.0))
        ratio = np.where(v[j] > 0, v[i] / v[j], np.nan)
    # a pair's outlets as codes: with hundreds of outlets there are millions of pairs
    return pd.DataFrame(
        {
            "outlet": pd.Categorical.from_codes(i, categories=names.astype(object)),
            "other": pd.Categorical.from_codes(j, categories=names.astype(object)),
            "diff": diff,
            "ratio": ratio,
            "p": p,
        }
    )


def matters(measure: str, diff: float, ratio: float) -> bool:
    """Whether a difference is large enough to report (see the module's thresholds)."""
    if measure in TONE_MEASURES:
        return bool(abs(diff) >= MIN_TONE_GAP)
    if not abs(diff) >= MIN_SHARE_GAP:
        return False
    return bool(np.isnan(ratio) or ratio >= MIN_SHARE_RATIO or ratio <= 1 / MIN_SHARE_RATIO)


def empty() -> pd.DataFrame:
    """The table with no test, its columns typed (text, numbers, a boolean `holds`)."""
    text = ("measure", "subject", "outlet")
    counts = ("others_differ", "others")
    return pd.DataFrame(
        {
            c: pd.Series(
                dtype=object
                if c in text
                else "int64"
                if c in counts
                else bool
                if c == "holds"
                else float
            )
            for c in COLUMNS
        }
    )


def _bh(p: pd.Series) -> np.ndarray:
    """Benjamini-Hochberg q values (NaN stays NaN)."""
    from statsmodels.stats.multitest import multipletests

    q = np.full(len(p), np.nan)
    tested = p.notna().to_numpy()
    if tested.any():
        q[tested] = multipletests(p[tested], method="fdr_bh")[1]
    return q


def _matter(measure: pd.Series, diff: np.ndarray, ratio: np.ndarray) -> np.ndarray:
    """`matters` of many differences at once (the same rules, NaN never matters)."""
    tone = measure.isin(TONE_MEASURES).to_numpy()
    gap = np.abs(diff)
    with np.errstate(invalid="ignore"):
        share = (gap >= MIN_SHARE_GAP) & (
            np.isnan(ratio) | (ratio >= MIN_SHARE_RATIO) | (ratio <= 1 / MIN_SHARE_RATIO)
        )
        return np.where(tone, gap >= MIN_TONE_GAP, share)


def _beaten(rows: pd.DataFrame, pair_rows: pd.DataFrame, alpha: float) -> pd.DataFrame:
    """Per row: how many other outlets it differs from in the row's direction (pairwise, corrected,
    large enough) and of how many. Each pair is counted for the row of its measure, subject and
    outlet, found by index (millions of pairs: no merge of their text keys)."""
    key = ["measure", "subject", "outlet"]
    if pair_rows.empty:
        return rows.assign(others_differ=0, others=0)
    q = _bh(pair_rows["p"])
    diff = pair_rows["diff"].to_numpy(dtype=float)
    big = _matter(pair_rows["measure"], diff, pair_rows["ratio"].to_numpy(dtype=float))
    at = pd.MultiIndex.from_frame(rows[key]).get_indexer(
        pd.MultiIndex.from_arrays([pair_rows[c] for c in key])
    )
    found = at >= 0
    at, row_diff = at[found], rows["diff"].to_numpy(dtype=float)[at[found]]
    with np.errstate(invalid="ignore"):
        differs = (q[found] < alpha) & big[found] & (np.sign(diff[found]) == np.sign(row_diff))
    return rows.assign(
        others_differ=np.bincount(at, weights=differs, minlength=len(rows)).astype(int),
        others=np.bincount(at, minlength=len(rows)).astype(int),
    )


def corrected(
    rows: pd.DataFrame, pair_rows: pd.DataFrame | None = None, *, alpha: float = ALPHA
) -> pd.DataFrame:
    """`rows` with the Benjamini-Hochberg q of every outlet-against-the-others test and whether
    each difference holds: q under `alpha`, large enough to matter, and the outlet differs the
    same way from most of the other outlets one by one (`pair_rows`, also corrected), so that one
    extreme outlet does not make the others look different from "the rest". Largest first (in
    multiples of the smallest difference worth reporting)."""
    if rows.empty:
        return empty()
    rows = rows.reset_index(drop=True)
    rows = rows.assign(q=_bh(rows["p"]))
    pair_rows = pair_rows if pair_rows is not None else pd.DataFrame()
    rows = _beaten(rows, pair_rows, alpha)
    big = [matters(r.measure, r.diff, r.ratio) for r in rows.itertuples()]
    most = rows["others_differ"] * 2 > rows["others"]
    rows["holds"] = (rows["q"] < alpha) & np.array(big, dtype=bool) & most
    gap = np.where(rows["measure"].isin(TONE_MEASURES), MIN_TONE_GAP, MIN_SHARE_GAP)
    order = rows.assign(_size=-(rows["diff"].abs() / gap), _h=~rows["holds"])
    order = order.sort_values(["_h", "_size", "measure", "subject", "outlet"], kind="mergesort")
    return (
        order[COLUMNS]
        .reset_index(drop=True)
        .round(
            {
                c: 6
                for c in (
                    "value",
                    "value_lo",
                    "value_hi",
                    "rest",
                    "rest_lo",
                    "rest_hi",
                    "diff",
                    "diff_lo",
                    "diff_hi",
                    "ratio",
                )
            }
        )
    )


def compared_outlets(outlet: pd.Series, *, min_articles: int = MIN_OUTLET_ARTICLES) -> set[str]:
    """The outlets with enough analysed articles to compare (`outlet`: one row per article)."""
    sizes = outlet.value_counts()
    return set(sizes[sizes >= min_articles].index.astype(str))


def leading_actors(
    actors: pd.DataFrame, *, top: int = LEADING_ACTORS, min_mentions: int = MIN_ACTOR_MENTIONS
) -> list[str]:
    """The most-mentioned people, organisations and groups with `min_mentions` or more."""
    if actors.empty:
        return []
    a = actors[
        actors["type"].isin(ACTOR_TYPES)
        & (actors["mentions"] >= min_mentions)
        & ~actors["actor"].astype(str).str.startswith("ambiguous:")
    ]
    a = a.sort_values(["mentions", "actor"], ascending=[False, True], kind="mergesort")
    return a["actor"].head(top).astype(str).tolist()
