"""Findings and start-page blocks about who the actors are and who speaks: the actors discovered in
the corpus, the shares of quotes by kind of speaker and by people's gender (with intervals), and
names spelled differently across outlets."""

from __future__ import annotations

from typing import Any

import pandas as pd

from presslens.measure.voices import ALL
from presslens.report.parts import Part, block, table
from .differences import verdict

from .reading import TOP, joined, link, p, plural

MIN_PEOPLE_QUOTES = 30  # outlets compared on women's share of quotes need this many by people


def _share(row: pd.Series) -> str:
    """'41% (95% CI 37-45%)', or without the interval when there is none."""
    if pd.isna(row["low"]):
        return f"{row['share']:.0%}"
    return f"{row['share']:.0%} (95% CI {row['low']:.0%}-{row['high']:.0%})"


def actor_findings(t: dict[str, Any]) -> list[list[Part]]:
    """How many actors were discovered, of which kinds, and where the editable list is."""
    actors = t.get("actors")
    if actors is None or actors.empty:
        return []
    seen = actors[actors["mentions"] > 0]
    kinds = seen["type"].value_counts()
    parts = ", ".join(
        plural(int(n), str(k), "people" if k == "person" else None) for k, n in kinds.items()
    )
    curated = int((seen["source"] == "curated").sum())
    source = (
        f"{len(seen) - curated:,} discovered in the articles and {curated:,} from the topic pack"
        if curated
        else "all discovered in the articles (no list was given)"
    )
    qm = t.get("quoted_mentioned")
    ids = set(qm["actor"].astype(str)) if qm is not None and len(qm) else set()
    unresolved = len({a for a in ids if a.startswith("ambiguous:")} - set(seen["actor"]))
    total = (
        f"{len(seen) + unresolved:,} actors: {len(seen):,} identified ({parts}) and "
        f"{plural(unresolved, 'name')} left unresolved (a first name or surname alone that could "
        "be several people)"
        if unresolved
        else f"{plural(len(seen), 'actor')} ({parts})"
    )
    return [
        [
            Part(
                f"The articles mention {total}, {source}; the "
                "list, with each actor's written forms, type and gender evidence, is actors.yaml "
                "in this folder, to correct and give back to a rerun (data/actors.csv)."
            )
        ]
    ]


def voice_findings(t: dict[str, Any]) -> list[list[Part]]:
    """Shares of quotes by kind of speaker and by people's gender over all outlets, and the outlets
    quoting women most and least."""
    v = t.get("voices")
    if v is None or v.empty:
        return []
    pooled = v[v["outlet"] == ALL].set_index(["dimension", "category"])
    out: list[list[Part]] = []
    if "speaker type" in pooled.index.get_level_values(0):
        kinds = pooled.loc["speaker type"].sort_values("quotes", ascending=False, kind="mergesort")
        said = "; ".join(f"{k} {_share(r)}" for k, r in kinds.iterrows())
        out.append(
            [
                Part(
                    f"Who speaks, of {int(kinds['of'].iloc[0]):,} quotes: {said}."
                    + verdict(t, "speaker share", "who it quotes")
                )
            ]
        )
    if "gender (people)" in pooled.index.get_level_values(0):
        g = pooled.loc["gender (people)"]
        said = "; ".join(f"{k} {_share(r)}" for k, r in g.iterrows())
        line = f"Of {int(g['of'].iloc[0]):,} quotes by people: {said}"
        if "unknown" in g.index:
            line += (
                " (“unknown”: the text gives no he/she, honorific or census first name for the "
                "speaker)"
            )
        out.append([Part(line + "." + verdict(t, "women's share", "how often it quotes women"))])
    return out


def variant_findings(t: dict[str, Any]) -> list[list[Part]]:
    """Names spelled differently across the corpus (the most written first)."""
    nv = t.get("name_variants")
    if nv is None or nv.empty:
        return []
    first = nv.sort_values(["article_id", "sent_id"], kind="mergesort").drop_duplicates(
        ["actor", "variant"]
    )
    forms = nv.groupby(["actor", "variant"])["n"].sum().reset_index()
    by = forms.groupby("actor").agg(n=("n", "sum"), forms=("variant", list))
    by = by[by["forms"].map(len) > 1].sort_values("n", ascending=False, kind="mergesort")
    if by.empty:
        return []
    where = {(r.actor, r.variant): r for r in first.itertuples()}
    items: list[list[Part]] = []
    for actor, row in by.head(TOP).iterrows():
        one: list[Part] = []
        for i, form in enumerate(sorted(row["forms"])):
            r = where[(actor, form)]
            one += [Part(" / " if i else ""), link(r.article_id, int(r.sent_id), form)]
        items.append(one)
    more = f"; {len(by) - TOP:,} more" if len(by) > TOP else ""
    return [
        [Part("Names spelled differently across the corpus (diacritics, transliterations): ")]
        + joined(items, sep="; ", last="; ")
        + [
            Part(
                f"{more} (each form links to its first sentence; all per outlet in "
                "data/name_variants.csv)."
            )
        ]
    ]


def voice_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    """The start page's 'Who speaks, by kind and gender' table over all outlets."""
    v = t.get("voices")
    if v is None or v.empty:
        return []
    pooled = v[v["outlet"] == ALL][["dimension", "category", "quotes", "of", "share", "low",
                                    "high"]]  # fmt: skip
    return [
        block("h3", text="Who speaks, by kind of speaker and gender"),
        p(
            "The kind of each quote's speaker (from the actor it resolves to) and, for people, the "
            "gender the text gives evidence for; shares with 95% bootstrap intervals over "
            "articles. Per outlet, with a warning where an outlet has few quotes, in the CSV."
        ),
        block(
            "table",
            table=table(
                pooled,
                numeric=["quotes", "of", "share", "low", "high"],
                csv="data/voices.csv",
                order="over all outlets; per outlet in the CSV",
                empty="No quotes.",
            ),
        ),
    ]


def merge_check_blocks(t: dict[str, Any]) -> list[dict[str, Any]]:
    """The start page's 'Check the merges' table: the most-mentioned actors with their written
    forms, why they have their type, and the actors not merged that look like them."""
    check = t.get("actor_check")
    if check is None or check.empty:
        return []
    return [
        block("h3", text="Check the merges"),
        p(
            "Each of the most-mentioned actors with the forms its mentions were written in, why "
            "it has its type, and the actors presslens did not merge with it that look like it "
            "(the same surname or first name, an acronym, one name inside the other), with their "
            "mentions. A form that is not this actor is a wrong merge; a look-alike that is the "
            "same entity is a split: fix either in actors.yaml (in this folder) and rerun with "
            "-p discovered_actors actors.yaml."
        ),
        block(
            "table",
            table=table(
                check.drop(columns=["actor"]),
                numeric=["mentions"],
                csv="data/actor_check.csv",
                order="most mentioned first",
                empty="No actor was mentioned.",
            ),
        ),
    ]
