"""Run numeric claims and their divergence on two real corpora and write the reported disagreement
pairs for blind labelling (lib/presslens/resources/gold/claims_guide.md).

- development: the 275 narrative-frames climate articles (36 outlets, dated), tuned on;
- held out: NewsMTSC's political news sentences grouped into articles (allsides, polusa; undated),
  never tuned on.

Writes resources/gold/claims_pairs_unlabelled.csv (the method in the tree: every pair it compares,
with `kind` and `reported`, then pairs of the same key it set aside as about different things, up
to 60) and, with --before, claims_pairs_before_unlabelled.csv (the reported disagreements of
extract/claims.py at git revision --rev, 60 at most); a deterministic sample where there are more.
--score prints the precision of the labelled files (claims_dev.csv; claims_labelled.csv and
claims_before_labelled.csv once a person has labelled the two files blind) with 95% Wilson
intervals, dev and held-out apart; --time the seconds claims + divergence take (stage 50's claims
part) on the climate articles.

    .venv/bin/python bench/claims_gold.py                 # write the pairs of the current method
    .venv/bin/python bench/claims_gold.py --before --rev 87812f2   # and the method before
    .venv/bin/python bench/claims_gold.py --before --rev 87812f2 --time
    .venv/bin/python bench/claims_gold.py --score
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
import topic_corpora  # noqa: E402

from presslens.ingest import clean, sentences  # noqa: E402
from presslens.core import resources  # noqa: E402
from presslens.measure.metrics import wilson

GOLD = resources.path("gold")
MAX_PAIRS = 60
PAIR_COLUMNS = ["pair_id", "corpus", "part", "method", "kind", "reported", "key", "value_a",
                "value_b", "outlet_a", "outlet_b", "article_a", "article_b", "claim_a", "claim_b",
                "sentence_a", "sentence_b", "label", "note"]  # fmt: skip


def corpus(name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(articles, sentences) of the climate or newsmtsc corpus, cleaned and split as presslens
    does."""
    raw = topic_corpora.climate() if name == "climate" else topic_corpora.newsmtsc()
    published = raw["published"] if "published" in raw else None
    arts = pd.DataFrame(
        {
            "article_id": raw["id"].astype(str).map(lambda i: f"{name}-{i}"),
            "outlet": raw["outlet"],
            "published": published.replace("", None) if published is not None else None,
            "text": [clean.clean(t).text for t in raw["text"]],
            "status": "ok",
        }
    )
    return arts, sentences.sentence_table(arts)


def old_module(rev: str) -> ModuleType:
    """extract/claims.py as it was at git revision `rev`, imported under another name."""
    src = subprocess.run(
        ["git", "show", f"{rev}:lib/presslens/extract/claims.py"],
        check=True, capture_output=True, text=True, cwd=Path(__file__).parent.parent,
    ).stdout  # fmt: skip
    path = Path(tempfile.mkdtemp()) / "claims_before.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("claims_before", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["claims_before"] = mod
    spec.loader.exec_module(mod)
    return mod


def _pair(key: str, kind: str, a: dict, b: dict, text: pd.Series) -> dict:
    """One row of a pair file (without corpus, part and method)."""
    return dict(
        kind=kind, reported="yes" if kind == "disagree" else "no", key=key,
        value_a=a["value"], value_b=b["value"], outlet_a=a["outlet"], outlet_b=b["outlet"],
        article_a=a["article_id"], article_b=b["article_id"],
        claim_a=a.get("claim", a.get("text")), claim_b=b.get("claim", b.get("text")),
        sentence_a=text.get((a["article_id"], int(a["sent_id"])), ""),
        sentence_b=text.get((b["article_id"], int(b["sent_id"])), ""), label="", note="",
    )  # fmt: skip


def pairs_before(mod: ModuleType, table: pd.DataFrame, arts: pd.DataFrame, text: pd.Series) -> list:
    """The old method's reported disagreements as pairs: two articles of a `disagree` quantity with
    different values."""
    div = mod.divergence(table, arts)
    rows = []
    for key, g in div[div["verdict"] == "disagree"].groupby("quantity", sort=True):
        for a, b in itertools.combinations(g.to_dict("records"), 2):
            if a["article_id"] != b["article_id"] and a["value"] != b["value"]:
                rows.append(_pair(key, "disagree", a, b, text))
    return rows


def pairs_after(table: pd.DataFrame, arts: pd.DataFrame, text: pd.Series) -> list:
    """Every pair of claims of the same key: the ones the method compares (reported disagreements
    and the rest) and the ones it sets aside as about different things (kind unrelated)."""
    from presslens.extract import claim_compare

    p = claim_compare.pairs(table, arts, unrelated=True)
    return [_pair(r.key, r.kind, r.a, r.b, text) for r in p.itertuples()]


def _hash_order(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs in a fixed pseudo-random order (sha256 of the two claims)."""
    h = [
        hashlib.sha256(f"{r.article_a}|{r.claim_a}|{r.article_b}|{r.claim_b}".encode()).hexdigest()
        for r in pairs.itertuples()
    ]
    return pairs.assign(_h=h).sort_values("_h", kind="mergesort").drop(columns="_h")


def _take(frame: pd.DataFrame, room: int) -> pd.DataFrame:
    """At most `room` rows of `frame`, a deterministic sample keeping each part's share."""
    if len(frame) <= room:
        return frame
    ranked = _hash_order(frame)
    sizes = ranked["part"].value_counts()
    share = {p: max(1, round(room * n / len(frame))) for p, n in sizes.items()}
    return pd.concat([g.head(share[p]) for p, g in ranked.groupby("part", sort=True)]).head(room)


def sample(pairs: pd.DataFrame, k: int = MAX_PAIRS) -> pd.DataFrame:
    """At most `k` pairs: the pairs the method compares first, then set-aside ones (kind
    unrelated) up to `k`; a deterministic sample where there are more."""
    keep = _take(pairs[pairs["kind"] != "unrelated"], k)
    rest = _take(pairs[pairs["kind"] == "unrelated"], k - len(keep))
    out = pd.concat([keep, rest]).sort_values(
        ["part", "reported", "kind", "key", "article_a", "article_b"],
        ascending=[True, False, True, True, True, True],
        kind="mergesort",
    )
    return out.reset_index(drop=True).rename_axis("pair_id").reset_index()


def run(mod: ModuleType, method: str) -> pd.DataFrame:
    """The pairs of module `mod` (the method `before` or `after`) on both corpora."""
    out = []
    for name, part in (("climate", "dev"), ("newsmtsc", "heldout")):
        arts, sents = corpus(name)
        table = mod.claim_table(arts, sents, name="claims_generic.yaml")
        text = sents.set_index(["article_id", "sent_id"])["text"]
        rows = (
            pairs_before(mod, table, arts, text)
            if method == "before"
            else pairs_after(table, arts, text)
        )
        p = pd.DataFrame(rows, columns=PAIR_COLUMNS[4:]).assign(
            corpus=name, part=part, method=method
        )
        reported = p[p["reported"] == "yes"]
        compared = int((p["kind"] != "unrelated").sum())
        print(
            f"{method} {name} ({part}): {len(table):,} claims, {compared:,} compared pairs, "
            f"{reported['key'].nunique():,} reported disagreements, {len(reported):,} pairs"
        )
        out.append(p)
    return pd.concat(out, ignore_index=True)[PAIR_COLUMNS[1:]]


def timing(mod: ModuleType, repeat: int = 3) -> float:
    """Median seconds of claim_table + divergence on the climate articles."""
    arts, sents = corpus("climate")
    mod.claim_table(arts.head(1), sents.head(1), name="claims_generic.yaml")  # warm the patterns
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        mod.divergence(mod.claim_table(arts, sents, name="claims_generic.yaml"), arts)
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


LABELLED = ("claims_dev.csv", "claims_labelled.csv", "claims_before_labelled.csv")


def _line(what: str, k: int, n: int) -> str:
    """ "what: k/n = p (95% Wilson lo-hi)", or that there is nothing to measure."""
    if n == 0:
        return f"{what}: none to measure (n = 0)"
    lo, hi = wilson(k, n)
    return f"{what}: {k}/{n} = {k / n:.2f} (95% Wilson {lo:.2f}-{hi:.2f})"


def score() -> None:
    """Precision of every labelled pair file per method and part, with 95% Wilson intervals:
    reported disagreements labelled real, and compared pairs about the same thing."""
    for name in LABELLED:
        path = GOLD / name
        if not path.is_file():
            print(f"{name}: not labelled yet")
            continue
        lab = pd.read_csv(path, dtype=str, keep_default_na=False)
        label = lab["label"].str.strip().str.lower()
        for (method, part), g in lab.groupby(["method", "part"], sort=True):
            rep = g["reported"] == "yes"
            print(_line(f"{name} {method} {part} reported disagreements real",
                        int((label[g.index][rep] == "real").sum()), int(rep.sum())))  # fmt: skip
            same = label[g.index].isin({"real", "same", "changed"})
            cmp = g["kind"] != "unrelated"
            print(_line(f"{name} {method} {part} compared pairs about the same thing",
                        int(same[cmp].sum()), int(cmp.sum())))  # fmt: skip
            if (~cmp).any():
                print(_line(f"{name} {method} {part} set-aside pairs about the same thing (missed)",
                            int(same[~cmp].sum()), int((~cmp).sum())))  # fmt: skip


def rescore() -> None:
    """The current method's pairs scored with the labels of every labelled pair file (a pair is
    the same two claims of the same two articles), without writing a pair file: reported
    disagreements real, compared pairs about the same thing, set-aside pairs that were (missed);
    pairs no file labels are counted apart."""
    from presslens.extract import claims

    key = ["article_a", "article_b", "claim_a", "claim_b"]
    labels = pd.concat(
        [pd.read_csv(GOLD / n, dtype=str, keep_default_na=False)[key + ["label"]] for n in LABELLED]
    ).drop_duplicates(key)
    now = run(claims, "after").drop(columns=["label", "note"], errors="ignore")
    now = now.astype({k: str for k in key}).merge(labels, on=key, how="left")
    label = now["label"].fillna("").str.strip().str.lower()
    same = label.isin({"real", "same", "changed"})
    for part, g in now.groupby("part", sort=True):
        known = label[g.index] != ""
        rep, cmp = (g["reported"] == "yes") & known, (g["kind"] != "unrelated") & known
        print(_line(f"current method {part} reported disagreements real",
                    int((label[g.index][rep] == "real").sum()), int(rep.sum())))  # fmt: skip
        print(_line(f"current method {part} compared pairs about the same thing",
                    int(same[g.index][cmp].sum()), int(cmp.sum())))  # fmt: skip
        aside = (g["kind"] == "unrelated") & known
        print(_line(f"current method {part} set-aside pairs about the same thing (missed)",
                    int(same[g.index][aside].sum()), int(aside.sum())))  # fmt: skip
        print(f"current method {part}: {int((~known).sum())} pairs no file labels")


def main() -> None:
    """Write the pair files, or time the methods, or print the labelled precision."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", action="store_true", help="also the method of --rev")
    ap.add_argument("--rev", default="HEAD", help="git revision of the method before")
    ap.add_argument("--score", action="store_true", help="print the labelled precision only")
    ap.add_argument("--time", action="store_true", help="time stage 50's claims part")
    ap.add_argument("--rescore", action="store_true", help="the current method on the labels")
    args = ap.parse_args()
    if args.score:
        score()
        return
    if args.rescore:
        rescore()
        return
    from presslens.extract import claims

    methods = [("after", claims, "claims_pairs_unlabelled.csv")]
    if args.before:
        methods.append(("before", old_module(args.rev), "claims_pairs_before_unlabelled.csv"))
    for label, mod, fname in methods:
        if args.time:
            print(f"{label}: claims + divergence on 275 climate articles {timing(mod):.2f} s")
            continue
        pairs = sample(run(mod, label))
        pairs.to_csv(GOLD / fname, index=False)
        print(f"{label}: {len(pairs)} pairs -> {GOLD / fname}")


if __name__ == "__main__":
    main()
