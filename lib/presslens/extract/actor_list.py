"""The discovered actors as an editable file (actors.yaml) and as the `actors` table."""

from __future__ import annotations

from presslens.core import resources
import pandas as pd

from presslens.extract import names

HEADER = """\
# Actors discovered in this corpus by presslens (presslens.extract.discover), one entry per actor
# in the format of a topic pack's actors.yaml (docs/packs.md):
#   name, type (person, organisation, place, group, other), aliases (other written forms),
#   surname / first_name (written alone, it resolves to them unless the article names another
#   bearer in full), dominant (surnames that resolve to them even then: most uses are theirs),
#   shared_surname (a surname or first name that other people of the corpus carry too: resolved
#   only in an article naming one of them in full), titled_surname (a surname that is also a
#   place or a word, "Washington": theirs only after a title such as "Rep." or "Mr."),
#   pronoun (he/she, only where the text gives evidence: see gender_evidence),
#   mentions and articles (counts when discovered; not read back).
# Edit it (rename, merge two entries by moving aliases, delete entries, change a type or pronoun,
# add an `offices:` section as in a pack's actors.yaml) and give it to the next run with
#   presslens run ... -p discovered_actors /path/to/this/actors.yaml
# `discover: false` below means the file is used as the whole list, without discovering again.
"""


def write_yaml(spec: dict, path) -> None:
    """Write an actors spec as an editable YAML file with the header above."""
    resources.dump(spec, path, header=HEADER)


ACTOR_COLUMNS = ["actor", "name", "type", "gender", "gender_evidence", "source", "forms",
                 "mentions", "quotes"]  # fmt: skip
GENDER = {"he": "male", "she": "female"}


def actor_table(actors_file: str, overlay: str, counts: pd.DataFrame) -> pd.DataFrame:
    """The `actors` table: each actor of the list (with the overlay on top), its type, gender and
    the evidence for it, where it comes from (discovered or curated), its written forms, and how
    often it is mentioned and quoted (`counts`: outlet, actor, mentions, quotes)."""
    from presslens.extract import actors

    spec = actors.merged_spec(actors_file, overlay)
    curated = set(((resources.load(overlay) or {}).get("actors") or {}) if overlay else ())
    totals = (
        counts.groupby("actor")[["mentions", "quotes"]].sum()
        if len(counts)
        else pd.DataFrame(columns=["mentions", "quotes"])
    )
    rows = []
    for aid, a in (spec.get("actors") or {}).items():
        forms = [str(a.get("name", ""))]
        for key in ("aliases", "surname", "shared_surname"):
            v = a.get(key) or []
            forms += [v] if isinstance(v, str) else [str(x) for x in v]
        n = totals.loc[aid] if aid in totals.index else None
        kind = str(a.get("type", ""))
        said = str(a.get("gender_evidence", "listed in the topic pack" if aid in curated else ""))
        rows.append((
            str(aid), str(a.get("name", "")), kind,
            GENDER.get(str(a.get("pronoun", "")), "unknown") if kind == "person" else "",
            said if kind == "person" else "",
            "curated" if aid in curated else "discovered", "; ".join(dict.fromkeys(forms)),
            int(n["mentions"]) if n is not None else 0, int(n["quotes"]) if n is not None else 0,
        ))  # fmt: skip
    out = pd.DataFrame(rows, columns=ACTOR_COLUMNS).astype({"mentions": "int64", "quotes": "int64"})
    return out.sort_values(
        ["mentions", "actor"], ascending=[False, True], kind="mergesort"
    ).reset_index(drop=True)


CHECK_COLUMNS = ["actor", "name", "type", "mentions", "forms", "type_evidence", "not_merged"]
CHECK_TOP = 30  # actors the merge check covers, most mentioned first
FORMS_SHOWN = 8  # written forms listed per actor
LOOKALIKES_SHOWN = 6  # actors not merged that look like it


def _index(spec: dict) -> dict[str, dict[str, list[str]]]:
    """Actors by surname and first name (people), by first and last word, by initials and by
    name, to find look-alikes without comparing every pair."""
    from presslens.extract.name_counts import surname

    idx: dict[str, dict[str, list[str]]] = {k: {} for k in ("sur", "first", "word", "init", "name")}
    for aid, a in spec.items():
        name = str(a.get("name", aid))
        words = name.split()
        if a.get("type") == "person" and len(words) > 1:
            idx["sur"].setdefault(surname(name), []).append(aid)
            idx["first"].setdefault(words[0], []).append(aid)
        for w in {words[0], words[-1]} if words else set():
            idx["word"].setdefault(w, []).append(aid)
        idx["init"].setdefault(names.initials(name), []).append(aid)
        idx["name"].setdefault(name.replace(".", ""), []).append(aid)
    return idx


def _lookalikes(aid: str, spec: dict, idx: dict, totals: dict[str, int]) -> list[str]:
    """Other actors (and unresolved surnames) that look like actor `aid` and were not merged with
    it: the same surname or first name for people, one the acronym of the other, or one name
    inside the other ("GOP" / "House GOP")."""
    from presslens.extract.name_counts import surname

    a = spec[aid]
    name = str(a.get("name", aid))
    words = name.split()
    found: set[str] = set()
    if a.get("type") == "person" and len(words) > 1:
        found |= set(idx["sur"].get(surname(name), [])) | set(idx["first"].get(words[0], []))
        found.add(f"ambiguous:{surname(name)}")
    found |= set(idx["name"].get(names.initials(name), [])) | set(idx["init"].get(name, []))
    for w in {words[0], words[-1]} if words else set():
        for other in idx["word"].get(w, []):
            o = str(spec[other].get("name", other))
            if f" {name} " in f" {o} " or f" {o} " in f" {name} ":
                found.add(other)
    found = {k for k in found - {aid, ""} if k in spec or totals.get(k, 0)}
    return sorted(found, key=lambda k: (-totals.get(k, 0), k))[:LOOKALIKES_SHOWN]


def check_table(
    actors_file: str, overlay: str, surfaces: pd.DataFrame, *, top: int = CHECK_TOP
) -> pd.DataFrame:
    """`actor_check`: for the `top` most-mentioned actors, the written forms the mentions took
    (with counts), why the actor has its type, and the actors not merged with it that look like
    it (same surname or first name, an acronym, one name inside the other), with their mentions:
    a user sees splits and wrong merges at a glance and fixes them in actors.yaml."""
    from presslens.extract import actors

    spec = actors.merged_spec(actors_file, overlay).get("actors") or {}
    shown = {str(k): str(a.get("name", k)) for k, a in spec.items()}
    if surfaces.empty:
        return pd.DataFrame(columns=CHECK_COLUMNS)
    forms = surfaces.groupby(["actor", "surface"])["n"].sum().reset_index()
    totals = forms.groupby("actor")["n"].sum().to_dict()
    ranked = sorted(totals, key=lambda k: (-totals[k], k))
    idx = _index(spec)
    rows = []
    for aid in [k for k in ranked if k in spec][:top]:
        mine = forms[forms["actor"] == aid].sort_values(
            ["n", "surface"], ascending=[False, True], kind="mergesort"
        )
        written = "; ".join(f"{f} {n:,}" for f, n in zip(mine["surface"], mine["n"]))
        more = len(mine) - FORMS_SHOWN
        if more > 0:
            written = "; ".join(written.split("; ")[:FORMS_SHOWN]) + f"; {more} more"
        like = [
            f"{actors.display_name(k, shown)} ({totals.get(k, 0):,})"
            for k in _lookalikes(aid, spec, idx, totals)
        ]
        rows.append((aid, shown[aid], str(spec[aid].get("type", "")), int(totals[aid]), written,
                     str(spec[aid].get("type_evidence", "listed in the topic pack")),
                     "; ".join(like)))  # fmt: skip
    out = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    return out.astype({"mentions": "int64"})
