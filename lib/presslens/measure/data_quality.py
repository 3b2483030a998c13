"""What the outlet comparisons rest on: per outlet, how much of its text is wire copy, debris
cleaning removed, repaired encoding, undated articles, quotation and length, with a warning where
an outlet stands out from the others.

``quality_table`` writes one row per publishing outlet (and one for all outlets) from one row per
analysed article (`per_article`). An outlet stands out on a measure when it has at least
`min_articles` analysed articles, it differs from the median of the other outlets (of that size)
by enough to matter (`min_share_gap` for shares, a ratio of `min_ratio` for per-article rates),
and the difference from the rest of the corpus is unlikely to be chance: Fisher's exact test for
shares, the Mann-Whitney test for per-article values, the p-values corrected for testing every
outlet on every measure (Holm).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from presslens.measure.metrics import wilson

ALL = "(all outlets)"
UNKNOWN_OUTLET = "(unknown outlet)"
PER_ARTICLE = ["article_id", "outlet", "wire", "repairs", "dated", "sentences", "quoted"]
COLUMNS = [
    "outlet",
    "articles",
    "wire",
    "wire_share",
    "wire_lo",
    "wire_hi",
    "removed_lines",
    "removed_per_article",
    "removed_rules",
    "repairs",
    "articles_repaired",
    "undated",
    "undated_share",
    "sentences_per_article",
    "quoted_per_100_sentences",
    "warnings",
]
_SHARES = {  # measure -> (per-article 0/1 column, words for the warning)
    "wire_share": ("is_wire", "wire copy"),
    "undated_share": ("undated", "undated articles"),
    "repaired_share": ("repaired", "articles with repaired encoding"),
}
_RATES = {  # measure -> (per-article value, words for the warning)
    "sentences_per_article": ("sentences", "sentences per article"),
    "quoted_per_100_sentences": ("quoted_rate", "quoted passages per 100 sentences"),
    "removed_per_article": ("removed", "lines removed by cleaning per article"),
}


_OPENERS = re.compile(r"[“„«‹]|``|(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\w)", re.M)


def quoted_passages(text: str) -> int:
    """Passages in quotation marks of any house style in `text`, counted by their marks (a quick
    count for the data-quality panel: opening curly quotes, guillemets, low-high quotes, ``
    and British single quotes opening a word, and pairs of straight double quotes; the quote
    extraction of stage 30 pairs the marks properly)."""
    if not text:
        return 0
    return len(_OPENERS.findall(text)) + text.count('"') // 2


def per_article(
    articles: pd.DataFrame, sentences: pd.DataFrame, removed: pd.DataFrame
) -> pd.DataFrame:
    """One row per analysed article (status ok): PER_ARTICLE columns plus `removed` (lines
    cleaning removed). `articles` needs article_id, outlet, status, published and text or quoted;
    wire and repairs are 0/empty when absent."""
    ok = articles[articles["status"] == "ok"]
    n_sent = sentences["article_id"].value_counts()
    n_removed = removed["article_id"].value_counts()
    out = pd.DataFrame(
        {
            "article_id": ok["article_id"].to_numpy(),
            "outlet": ok["outlet"].fillna(UNKNOWN_OUTLET).astype(str).to_numpy(),
            "wire": _column(ok, "wire", "").fillna("").astype(str).to_numpy(),
            "repairs": _column(ok, "repairs", 0).fillna(0).astype("int64").to_numpy(),
            "dated": ok["published"].notna().to_numpy()
            & (ok["published"].fillna("").astype(str) != "").to_numpy(),
        }
    )
    out["sentences"] = out["article_id"].map(n_sent).fillna(0).astype("int64")
    quoted = ok["quoted"] if "quoted" in ok.columns else ok["text"].map(quoted_passages)
    out["quoted"] = quoted.fillna(0).astype("int64").to_numpy()
    out["removed"] = out["article_id"].map(n_removed).fillna(0).astype("int64")
    return out


def _column(df: pd.DataFrame, name: str, default: object) -> pd.Series:
    return df[name] if name in df.columns else pd.Series(default, index=df.index)


def _prepared(per: pd.DataFrame) -> pd.DataFrame:
    sentences = per["sentences"].where(per["sentences"] > 0)
    return per.assign(
        is_wire=(per["wire"] != "").astype(int),
        undated=(~per["dated"].astype(bool)).astype(int),
        repaired=(per["repairs"] > 0).astype(int),
        quoted_rate=100 * per["quoted"] / sentences,
    )


def _summary(g: pd.DataFrame, rules: pd.DataFrame) -> dict[str, object]:
    """One outlet's (or all outlets') row, without warnings."""
    n, wire = len(g), int(g["is_wire"].sum())
    lo, hi = wilson(wire, n) if n else (np.nan, np.nan)
    top = rules.groupby("rule")["lines"].sum().sort_values(ascending=False, kind="mergesort")
    sentences = int(g["sentences"].sum())
    return {
        "articles": n,
        "wire": wire,
        "wire_share": round(wire / n, 4) if n else np.nan,
        "wire_lo": round(float(lo), 4),
        "wire_hi": round(float(hi), 4),
        "removed_lines": int(g["removed"].sum()),
        "removed_per_article": round(float(g["removed"].mean()), 2) if n else np.nan,
        "removed_rules": "; ".join(f"{r} {int(k):,}" for r, k in top.head(3).items()),
        "repairs": int(g["repairs"].sum()),
        "articles_repaired": int(g["repaired"].sum()),
        "undated": int(g["undated"].sum()),
        "undated_share": round(float(g["undated"].mean()), 4) if n else np.nan,
        "sentences_per_article": round(float(g["sentences"].mean()), 1) if n else np.nan,
        "quoted_per_100_sentences": round(100 * float(g["quoted"].sum()) / sentences, 1)
        if sentences
        else np.nan,
    }


def quality_table(
    per: pd.DataFrame,
    removed_rules: pd.DataFrame,
    *,
    min_articles: int = 10,
    min_share_gap: float = 0.15,
    min_ratio: float = 1.5,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """The `data_quality` table: COLUMNS, one row per outlet (most articles first) and ALL last.
    `removed_rules` has article_id, rule and lines (lines removed per article and rule)."""
    p = _prepared(per)
    outlet_of = dict(zip(p["article_id"], p["outlet"]))
    rules = removed_rules.assign(outlet=removed_rules["article_id"].map(outlet_of)).dropna(
        subset=["outlet"]
    )
    groups = dict(tuple(p.groupby("outlet", sort=False)))
    by_rule = dict(tuple(rules.groupby("outlet", sort=False)))
    empty = rules.iloc[0:0]
    rows = [
        {"outlet": o, **_summary(groups[o], by_rule.get(o, empty))}
        for o in sorted(groups, key=lambda o: (-len(groups[o]), o))
    ]
    rows.append({"outlet": ALL, **_summary(p, rules)})
    table = pd.DataFrame(rows, columns=COLUMNS[:-1])
    warn = warnings(
        p, min_articles=min_articles, min_share_gap=min_share_gap, min_ratio=min_ratio, alpha=alpha
    )
    table["warnings"] = [warn.get(o, "") for o in table["outlet"]]
    return table[COLUMNS]


MAX_REST = 20_000  # a per-article test compares an outlet with at most this many other articles


def warnings(
    p: pd.DataFrame, *, min_articles: int, min_share_gap: float, min_ratio: float, alpha: float
) -> dict[str, str]:
    """outlet -> the measures on which it stands out, in words (outlets below `min_articles`
    are never flagged)."""
    groups = dict(tuple(p.groupby("outlet", sort=False)))
    tested = sorted(o for o, g in groups.items() if len(g) >= min_articles)
    if len(tested) < 2:
        return {}
    # the rest of the corpus a per-article test compares with: every article, or a fixed sample
    pool = p if len(p) <= MAX_REST else p.sample(MAX_REST, random_state=0).sort_index()
    cands: list[tuple[str, str, float]] = []
    for col, words in _SHARES.values():
        cands += _flag(p, groups, pool, tested, col, words, share=True, gap=min_share_gap)
    for col, words in _RATES.values():
        cands += _flag(p, groups, pool, tested, col, words, share=False, gap=min_ratio)
    found: dict[str, list[str]] = {o: [] for o in tested}
    if cands:  # one family: every outlet on every measure (Holm)
        from statsmodels.stats.multitest import multipletests

        reject = multipletests([c[2] for c in cands], alpha=alpha, method="holm")[0]
        for (o, text, _), r in zip(cands, reject):
            if r:
                found[o].append(text)
    return {o: "; ".join(t) for o, t in found.items() if t}


def _median_without(values: np.ndarray, i: int) -> float:
    """The median of sorted `values` without its i-th element."""
    rest = len(values) - 1
    pick = [rest // 2] if rest % 2 else [rest // 2 - 1, rest // 2]
    return float(np.mean([values[j] if j < i else values[j + 1] for j in pick]))


def _flag(
    p: pd.DataFrame,
    groups: dict[str, pd.DataFrame],
    pool: pd.DataFrame,
    tested: list[str],
    col: str,
    words: str,
    *,
    share: bool,
    gap: float,
) -> list[tuple[str, str, float]]:
    """(outlet, warning, p-value) for the outlets far enough from the median of the other tested
    outlets on one measure to matter; `warnings` corrects the p-values of every outlet and
    measure tested together."""
    from scipy import stats as sps

    level = {o: _level(groups[o], col) for o in tested}
    known = sorted((v, o) for o, v in level.items() if not np.isnan(v))
    values, where = np.array([v for v, _ in known]), {o: i for i, (_, o) in enumerate(known)}
    total = p[col].dropna()
    cands = []
    for o in where if len(known) > 1 else []:
        a, b = level[o], _median_without(values, where[o])
        ratio = a / b if b else np.inf if a else 1.0
        if (abs(a - b) < gap) if share else (1 / gap < ratio < gap):
            continue  # too close to the other outlets to matter: not tested
        mine = groups[o][col].dropna()
        if share:  # Fisher's exact test, the rest of the corpus by subtraction
            k, n = int(mine.sum()), len(mine)
            rest_k, rest_n = int(total.sum()) - k, len(total) - n
            pval = sps.fisher_exact(np.array([[k, n - k], [rest_k, rest_n - rest_k]]))[1]
            text = f"{words} {a:.0%} (n={n}) against a median of {b:.0%}"
        else:
            rest = pool.loc[pool["outlet"] != o, col].dropna()
            if not len(mine) or not len(rest):
                continue
            pval = sps.mannwhitneyu(mine, rest).pvalue
            text = f"{words} {a:.1f} (n={len(mine)}) against a median of {b:.1f}"
        cands.append((o, text + f" over {len(known) - 1} other outlets", float(pval)))
    return cands


def _level(g: pd.DataFrame, col: str) -> float:
    """The outlet-level value of a measure: quoted passages pooled over sentences (as the table
    shows them), else the mean over articles."""
    if col == "quoted_rate":
        n = g["sentences"].sum()
        return float(100 * g["quoted"].sum() / n) if n else float("nan")
    return float(g[col].mean())


def removed_by_rule(removed: pd.DataFrame) -> pd.DataFrame:
    """Lines removed per article and rule: article_id, rule, lines."""
    return removed.groupby(["article_id", "rule"], sort=True).size().rename("lines").reset_index()
