"""Where articles diverge on numeric claims: claims compare only when they state the same quantity
of the same thing for the same place and time.

Two claims compare when their quantity (troops, money_usd, ...), counted noun (``counts``: lemma,
synonyms made one) and ``place`` are the same, their ``qualifiers`` do not contradict, and their
sentences are about the same thing (shared content words, see ``_related``). A claim without a place
or qualifiers takes the only one its group has, never one of two (a place only when its sentence
names it: "KFOR's 4,700 troops keep the peace in Kosovo" joins "4,000 troops in Kosovo"). Their time
(the year they refer to: a year in the sentence, else the publication date) says whether differing
values disagree (the same time) or changed over time. "4,000 troops in Kosovo" and "4,700 troops in
Kosovo" compare; "4,000 NATO troops" and "300 US troops" do not, nor "$212 billion in taxes" and "$4
trillion in debt". Two numbers agree when equal or, one being approximate ("nearly"), within the
tolerance of the larger; a bound ("more than", "up to") or a vague number ("tens of thousands")
states a range, and claims agree when their ranges meet.
"""

from __future__ import annotations

import itertools
import math

import pandas as pd

from presslens.extract import claim_units as cu

COLUMNS = [
    "quantity",
    "verdict",
    "rank",
    "articles",
    "outlets",
    "spread",
    "counts",
    "qualifiers",
    "place",
    "time",
    "article_id",
    "outlet",
    "published",
    "claim",
    "value",
    "bound",
    "refers_to",
    "sent_id",
]
MIN_SHARED = 3  # content words two sentences share besides the claim, to be about the same thing
MIN_SHARE = 0.4  # ... and the share of the shorter sentence's content words they make
MIN_STORY = 5  # of the 15 most frequent content words of two articles about the same story
MAX_ARTICLES_PER_KEY = 300  # articles compared per quantity: at most 44,850 pairs of each
ORDER = {"disagree": 0, "change over time": 1, "differ within an outlet": 2, "agree": 3}


def span(value: float, value_max: float, bound: str, tolerance: float) -> tuple[float, float]:
    """The range of values a claim allows."""
    if bound == "approx":
        return value * (1 - tolerance), value * (1 + tolerance)
    if bound == "min":
        return value, math.inf
    if bound == "max":
        return 0.0, value
    if bound == "range" and not math.isnan(value_max):
        return value, value_max
    return value, value


def _label(quantity: str, counts: str, quals: str, place: str) -> str:
    """The name of a compared quantity: "troops: nato troop in kosovo", "troops in kosovo"."""
    if quantity == "year":
        return counts  # "year of kosovo independence"
    what = " ".join(p for p in (quals, counts) if p)
    same = cu.lemma(quantity.split()[0]) == cu.lemma(what) if what else True
    out = quantity if same else f"{quantity}: {what}"
    return out + (f" in {place}" if place else "")


def _join(c: pd.DataFrame, by: list[str], col: str, *, named: bool = False) -> list[str]:
    """`col` of each claim, where a claim without one takes the only one its group (`by`) has,
    never one of two; with `named`, only when its sentence names it too ("KFOR's 4,700 troops
    keep the peace in Kosovo" joins "4,000 troops in Kosovo")."""
    sets = c.groupby(by, sort=False)[col].agg(lambda v: sorted(set(v) - {""}))
    only = {k: v[0] for k, v in sets.items() if len(v) == 1}
    out = []
    for v, k, ctx in zip(c[col], c[by].itertuples(index=False), c["context"].fillna("")):
        joined = only.get(k, "")
        if named and not set(cu.lemma(w) for w in joined.split()) <= set(str(ctx).split()):
            joined = ""
        out.append(v or joined)
    return out


def _comparable(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims that say what they count, with the key of the thing and time they are about."""
    c = claims[((claims["quantity"] != "year") & (claims["counts"] != ""))
               | ((claims["quantity"] == "year") & (claims["event"] != ""))].copy()  # fmt: skip
    if "value_max" not in c:
        c["value_max"] = c["value"]
    c["time"] = [
        "" if q == "year" else str(r)[:4] if isinstance(r, str) else ""
        for q, r in zip(c["quantity"], c["refers_to"])
    ]
    c["qualifiers"] = c["qualifiers"].fillna("")
    c["own_place"] = c["place"] = c["place"].fillna("")
    c["context"] = c["context"].fillna("") if "context" in c else ""
    c["place"] = _join(c, ["quantity", "counts"], "place", named=True)
    c["qualifiers"] = _join(c, ["quantity", "counts", "place"], "qualifiers")
    c["key"] = [
        _label(*k) for k in c[["quantity", "counts", "qualifiers", "place"]].itertuples(index=False)
    ]
    return c


def _consistent(a: dict, b: dict, tolerance: float) -> bool:
    """Whether two claims' values fit each other: equal, within `tolerance` of the larger when one
    is approximate, or (with a bound or a range) ranges that meet."""
    points = {"exact", "approx"}
    if a["bound"] in points and b["bound"] in points:
        lo, hi = sorted((a["value"], b["value"]))
        approx = "approx" in {a["bound"], b["bound"]}
        return lo == hi or (approx and hi - lo <= tolerance * hi)
    lo_a, hi_a = span(a["value"], a["value_max"], a["bound"], tolerance)
    lo_b, hi_b = span(b["value"], b["value_max"], b["bound"], tolerance)
    return max(lo_a, lo_b) <= min(hi_a, hi_b) * (1 + 1e-9)


def _kind(a: dict, b: dict, tolerance: float, one_outlet: bool) -> str:
    """How two claims of different articles about the same thing relate: agree, change over time
    (they refer to different years, or come from different publication dates), disagree (the same
    year or date, or undated), or differ within an outlet."""
    if a["quantity"] != "year" and not _related(a, b):
        return "unrelated"
    consistent = _consistent(a, b, tolerance)
    dated = a["refers_basis"] == b["refers_basis"] == "publication date"
    other_time = (a["time"] and b["time"] and a["time"] != b["time"]) or (
        dated and a["published"] != b["published"]
    )
    if other_time:
        # different years or dates: a change when the values differ; values that fit each other
        # at different times say nothing (and are often two different events of one kind)
        return "unrelated" if consistent else "change over time"
    if consistent:
        return "agree"
    if a["outlet"] == b["outlet"] and not one_outlet:
        return "differ within an outlet"
    return "disagree"


def _shared(a: dict, b: dict) -> set[str]:
    """The content words the sentences of two claims share (besides what the claim counts)."""
    return set(str(a.get("context") or "").split()) & set(str(b.get("context") or "").split())


def _related(a: dict, b: dict) -> bool:
    """Whether two claims of the same key are about the same thing: their sentences share a content
    word when both name the place; MIN_SHARED - 1 when their articles cover the same story (share
    MIN_STORY of their most frequent content words); else MIN_SHARED words and MIN_SHARE of the
    shorter one's (never more words than the shorter one has)."""
    shared = len(_shared(a, b))
    smaller = min(len(str(r.get("context") or "").split()) for r in (a, b))
    if a["own_place"] and b["own_place"]:
        return shared >= min(1, smaller)
    story = set(str(a.get("story") or "").split()) & set(str(b.get("story") or "").split())
    if len(story) >= MIN_STORY:
        return shared >= min(MIN_SHARED - 1, smaller)
    return shared >= min(MIN_SHARED, smaller) and shared >= MIN_SHARE * smaller


def pairs(
    claims: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    tolerance: float = 0.1,
    unrelated: bool = False,
) -> pd.DataFrame:
    """Every pair of claims about the same thing from different articles (the first claim of each
    article), with how they relate (`kind`); with `unrelated`, also the pairs of the same key whose
    sentences are about different things (kind ``unrelated``)."""
    meta = articles.set_index("article_id")[["outlet", "published"]]
    c = _comparable(claims)
    c = c.sort_values(["key", "article_id", "sent_id", "start"], kind="mergesort")
    c = c.drop_duplicates(["key", "article_id"])
    c["outlet"] = c["article_id"].map(meta["outlet"]).fillna("")
    c["published"] = c["article_id"].map(meta["published"])
    one_outlet = articles["outlet"].nunique(dropna=False) <= 1
    rows = []
    for key, g in c.groupby("key", sort=True):
        if len(g) > MAX_ARTICLES_PER_KEY:  # pairs grow with the square: a fixed sample
            rank = pd.util.hash_pandas_object(g["article_id"], index=False)
            g = g.loc[rank.sort_values(kind="mergesort").index[:MAX_ARTICLES_PER_KEY]]
        for a, b in itertools.combinations(g.to_dict("records"), 2):
            kind = _kind(a, b, tolerance, one_outlet)
            if kind != "unrelated" or unrelated:
                rows.append((key, kind, a, b))
    return pd.DataFrame(rows, columns=["key", "kind", "a", "b"])


def _verdict(kinds: set[str]) -> str:
    """A group's verdict: the most worrying relation among its pairs."""
    return min(kinds, key=ORDER.__getitem__)


def divergence(
    claims: pd.DataFrame, articles: pd.DataFrame, *, tolerance: float = 0.1
) -> pd.DataFrame:
    """Claims of different articles about the same thing, side by side, with a verdict and a rank.

    Verdicts: ``agree`` (their ranges meet), ``change over time`` (they differ and were published
    on different dates), ``disagree`` (they differ in articles of at least two outlets, or two
    articles of a one-outlet corpus, for the same date or without dates), ``differ within an
    outlet``. Rank 1 is the quantity a reader should look at first: disagreements first, then by
    outlets, articles and the size of the difference.
    """
    p = pairs(claims, articles, tolerance=tolerance)
    if p.empty:
        return pd.DataFrame(columns=COLUMNS)
    groups = []
    for key, g in p.groupby("key", sort=True):
        recs = {r["article_id"]: r for r in [*g["a"], *g["b"]]}
        values = [r["value"] for r in recs.values()]
        groups.append(
            dict(
                key=key,
                verdict=_verdict(set(g["kind"])),
                recs=list(recs.values()),
                articles=len(recs),
                outlets=len({r["outlet"] for r in recs.values()}),
                spread=max(values) / min(values) if min(values) > 0 else math.inf,
            )
        )
    groups.sort(key=lambda d: (ORDER[d["verdict"]], -d["outlets"], -d["articles"],
                               -d["spread"], d["key"]))  # fmt: skip
    rows = []
    for rank, d in enumerate(groups, start=1):
        for r in sorted(d["recs"], key=lambda r: (r["article_id"], r["sent_id"])):
            rows.append(
                dict(
                    quantity=d["key"], verdict=d["verdict"], rank=rank, articles=d["articles"],
                    outlets=d["outlets"], spread=round(d["spread"], 3), counts=r["counts"],
                    qualifiers=r["qualifiers"], place=r["place"], time=r["time"],
                    article_id=r["article_id"], outlet=r["outlet"], published=r["published"],
                    claim=r["text"], value=r["value"], bound=r["bound"],
                    refers_to=r["refers_to"], sent_id=r["sent_id"],
                )
            )  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)
