"""Who speaks: the quotes of each outlet by the kind of speaker and, for people, their gender.

Each quote's speaker is typed from the actor it resolves to (person, organisation, place, group,
other; "unknown" when no actor is resolved); a person's gender is the one the text gives evidence
for (``presslens.extract.discover``: honorifics, the pronouns after the name), and a quote whose
speaker is written "he" or "she" counts as a person of that gender even when the pronoun resolves
to no actor. People with no such evidence are "unknown": gender is never guessed from a name.

Shares are per outlet and over all outlets, with a 95% percentile-bootstrap interval that resamples
articles (quotes of one article are not independent); an outlet with fewer than `min_quotes`
quotes in the denominator carries a warning.

The rate of direct quotes per 100 sentences per outlet (``quote_rates``) checks the quotation
marks: an outlet whose rate is under a third of the median outlet's while its texts hold quotation
marks (of any style, ``quote_marks.has_marks``) most likely writes its marks in a style the
quotes do not know. It is built from per-partition counts (``rate_counts``, summed by
``rate_table``) so a stage never needs the whole corpus in memory.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from presslens.extract.quote_marks import has_marks
from presslens.measure.sentiment.aggregate import resampled_sums

COLUMNS = ["outlet", "dimension", "category", "quotes", "of", "share", "low", "high", "articles",
           "warning"]  # fmt: skip
ALL = "(all outlets)"
GENDER = {"he": "male", "she": "female"}


def speakers(quotes: pd.DataFrame, types: dict[str, str], pronouns: dict[str, str]) -> pd.DataFrame:
    """Per quote: article_id, speaker_type and speaker_gender (for people; "" otherwise)."""
    actor = quotes["speaker_actor"].fillna("").astype(str)
    said = quotes["speaker"].fillna("").astype(str).str.strip().str.lower()
    kind = actor.map(lambda a: types.get(a, "person" if a.startswith("ambiguous:") else ""))
    kind = kind.where(kind != "", np.where(said.isin(["he", "she"]), "person", "unknown"))
    gender = actor.map(lambda a: GENDER.get(pronouns.get(a, ""), ""))
    gender = gender.where(gender != "", said.map(lambda s: GENDER.get(s, "unknown")))
    return pd.DataFrame(
        {
            "article_id": quotes["article_id"].astype(str).to_numpy(),
            "speaker_type": kind.to_numpy(),
            "speaker_gender": np.where(kind == "person", gender, ""),
        }
    )


def _intervals(
    ks: list[np.ndarray], n: np.ndarray, *, n_boot: int, seed: int
) -> list[tuple[float, float]]:
    """95% percentile-bootstrap interval of sum(k)/sum(n) over articles resampled, for each k of
    `ks` (every category of one outlet, on the same resamples; drawn in bounded memory, see
    `resampled_sums`)."""
    if len(n) < 2 or n.sum() == 0:
        return [(float("nan"), float("nan"))] * len(ks)
    den, *nums = resampled_sums([n, *ks], n_boot=n_boot, seed=seed)
    out = []
    for num in nums:
        share = np.divide(num, den, out=np.zeros_like(den), where=den > 0)
        lo, hi = np.percentile(share, [2.5, 97.5])
        out.append((round(float(lo), 6), round(float(hi), 6)))
    return out


def _shares(
    per_article: pd.DataFrame,
    outlet: str,
    dimension: str,
    *,
    n_boot: int,
    seed: int,
    min_quotes: int,
) -> list[tuple]:
    """The rows of one outlet and dimension from its per-article counts (columns: categories)."""
    n = per_article.sum(axis=1).to_numpy(dtype=float)
    total = int(n.sum())
    rows = []
    ks = [per_article[cat].to_numpy(dtype=float) for cat in per_article.columns]
    for cat, k, (lo, hi) in zip(
        per_article.columns, ks, _intervals(ks, n, n_boot=n_boot, seed=seed)
    ):
        warn = f"only {total} quotes" if total < min_quotes else ""
        share = round(float(k.sum() / total), 6) if total else float("nan")
        rows.append((outlet, dimension, str(cat), int(k.sum()), total, share, lo, hi,
                     len(n), warn))  # fmt: skip
    return rows


def voice_shares(
    said: pd.DataFrame, outlet: pd.Series, *, n_boot: int = 2000, seed: int = 0,
    min_quotes: int = 20,
) -> pd.DataFrame:  # fmt: skip
    """The `voices` table: per outlet (and over all outlets) the share of quotes by speaker type,
    and of people's quotes by gender, with bootstrap intervals over articles."""
    said = said.assign(outlet=said["article_id"].map(outlet).fillna("(unknown outlet)"))
    rows: list[tuple] = []
    for dimension, column, subset in (
        ("speaker type", "speaker_type", said),
        ("gender (people)", "speaker_gender", said[said["speaker_type"] == "person"]),
    ):
        if subset.empty:
            continue
        table = pd.crosstab([subset["outlet"], subset["article_id"]], subset[column])
        for name, part in sorted(table.groupby(level=0), key=lambda kv: str(kv[0])):
            rows += _shares(part, str(name), dimension, n_boot=n_boot, seed=seed,
                            min_quotes=min_quotes)  # fmt: skip
        pooled = table.groupby(level=1).sum()
        rows += _shares(pooled, ALL, dimension, n_boot=n_boot, seed=seed, min_quotes=min_quotes)
    return pd.DataFrame(rows, columns=COLUMNS).astype({"quotes": "int64", "of": "int64",
                                                      "articles": "int64"})  # fmt: skip


COUNTS = ["outlet", "articles", "sentences", "quotes", "direct", "articles_with_marks"]
RATES = [*COUNTS, "direct_per_100", "warning"]
UNKNOWN_OUTLET = "(unknown outlet)"


def rate_counts(
    articles: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame
) -> pd.DataFrame:
    """One partition's counts per outlet (columns COUNTS, outlets sorted): its articles (status
    ok when the column is there), their sentences, quotes, direct quotes and the articles whose
    text holds a quotation mark of any style."""
    ok = articles[articles["status"] == "ok"] if "status" in articles.columns else articles
    ok = ok.drop_duplicates("article_id")
    outlet = pd.Series(
        ok["outlet"].fillna(UNKNOWN_OUTLET).astype(str).to_numpy(), index=ok["article_id"]
    )
    marked = pd.Series([has_marks(t) for t in ok["text"]], index=outlet.to_numpy(), dtype=int)

    def per_outlet(ids: pd.Series, weight: pd.Series | None = None) -> pd.Series:
        where = ids.map(outlet)
        w = pd.Series(1, index=ids.index) if weight is None else weight
        return w[where.notna()].groupby(where[where.notna()].to_numpy()).sum()

    kind = quotes["kind"].astype(str) if len(quotes) else pd.Series(dtype=str)
    table = pd.DataFrame(
        {
            "articles": outlet.value_counts(),
            "sentences": per_outlet(sentences["article_id"]),
            "quotes": per_outlet(quotes["article_id"]) if len(quotes) else None,
            "direct": per_outlet(quotes["article_id"], (kind == "direct").astype(int))
            if len(quotes)
            else None,
            "articles_with_marks": marked.groupby(level=0).sum(),
        }
    )
    table = table.fillna(0).astype("int64").rename_axis("outlet").reset_index()
    return table.sort_values("outlet", kind="mergesort").reset_index(drop=True)[COUNTS]


MIN_RATE_SENTENCES = 100  # an outlet's quote rate is compared with the others' from this many


def rate_table(
    parts: Iterable[pd.DataFrame],
    *,
    min_marked: float = 0.2,
    ratio: float = 1 / 3,
    min_sentences: int = MIN_RATE_SENTENCES,
) -> pd.DataFrame:
    """Partitions' counts (rate_counts) summed per outlet, with direct quotes per 100 sentences
    and a warning for an outlet of `min_sentences` or more sentences under `ratio` of the median
    outlet's rate while at least `min_marked` of its articles hold quotation marks. Outlets
    sorted by name."""
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="str" if c in ("outlet", "warning") else
                                           "float64" if c == "direct_per_100" else "int64")
                             for c in RATES})  # fmt: skip
    total = pd.concat(frames).groupby("outlet", sort=True)[COUNTS[1:]].sum().reset_index()
    sents = total["sentences"].to_numpy(dtype=float)
    rate = np.divide(100 * total["direct"], sents, out=np.zeros(len(total)), where=sents > 0)
    total["direct_per_100"] = np.round(rate, 2)
    median = float(np.median(rate[sents > 0])) if (sents > 0).any() else 0.0
    total["warning"] = [
        f"direct quotes at {r:.1f} per 100 sentences, under a third of the median {median:.1f},"
        f" though {m} of its {n} texts hold quotation marks: check its quotation marks"
        if s >= max(min_sentences, 1) and median > 0 and r < ratio * median and m >= min_marked * n
        else ""
        for r, s, m, n in zip(rate, sents, total["articles_with_marks"], total["articles"])
    ]
    return total[RATES].astype({c: "int64" for c in COUNTS[1:]})


def quote_rates(
    articles: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame, **options: float
) -> pd.DataFrame:
    """Direct quotes per 100 sentences per outlet in one go (rate_table of one partition)."""
    return rate_table([rate_counts(articles, sentences, quotes)], **options)
