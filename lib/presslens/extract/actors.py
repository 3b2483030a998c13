"""Who is mentioned: actors (people, organisations, states, groups) found by name, alias, spelling
variant, office title resolved by date, surname, and simple pronoun.

The actors live in an editable file given by its path (a run's discovered list, with a topic pack's
curated overlay, as ``resources/packs/kosovo/actors.yaml`` of the seeds); by default none. How a
mention is found and resolved:

- *name* / *alias*: the display name, another listed name or a metonym ("Belgrade" is Serbia's
  government, "Brussels" the EU). Spellings without diacritics are added (Vučić / Vucic).
- *title*: an office as written ("NATO's secretary general", "the NATO chief") resolves to the
  holder on the article's publication date: Stoltenberg in 2022, Rutte in 2025. With no date (or a
  date no holder is listed for) the mention is kept as actor ``office:<office id>``. A title
  directly
  followed by a person's name ("NATO Secretary-General Jens Stoltenberg") is left to the name.
- *surname*: a person's surname alone ("Kurti") resolves to the person.
- *pronoun*: "he said", "she added", "he asserted", "said he" ... resolve to the most recently
  mentioned person (with the same pronoun where the resource gives one; an unresolved office counts
  as a person of either) in the same sentence before the pronoun or in the previous
  ``PRONOUN_WINDOW`` sentences; otherwise the pronoun is no mention.

Matching is case-sensitive on whole words ("EU" is not in "Europe", "US" is not "us"; a hyphen is a
word boundary, so "NATO-led" mentions NATO). The longest match wins and mentions never overlap.
"Serbia" (the state), "Serbs" (the group kosovo_serbs) and "Serbian forces/police/army"
(serbian_forces) are different actors; the adjective "Serbian" alone is no mention.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from presslens.core import resources
from presslens.ingest import sentences as splitter
from presslens.extract import pronouns

PRONOUN_WINDOW = 2  # previous sentences a "he said" may reach back for its person
COLUMNS = ["article_id", "sent_id", "actor", "start", "end", "surface", "resolution", "actor_type"]
FIND_COLUMNS = COLUMNS[1:]
_NEVER = re.compile(r"(?!x)x")
_BOUNDARY_L, _BOUNDARY_R = r"(?<!\w)", r"(?!\w)"
_FOLD = str.maketrans({"đ": "dj", "Đ": "Dj", "ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Office:
    """An office with its holders by date."""

    id: str
    holders: tuple[tuple[str, date, date], ...]

    def holder(self, when: date | None) -> str:
        """The actor holding the office on `when`, or 'office:<id>' when unknown."""
        if when is not None:
            for actor, start, end in self.holders:
                if start <= when <= end:
                    return actor
        return f"office:{self.id}"


@dataclass(frozen=True)
class Lexicon:
    """The compiled actors resource: one pattern for all names, one for all offices."""

    names: re.Pattern[str]
    forms: dict[str, tuple[str, str]]  # normalised surface -> (actor, resolution)
    offices: re.Pattern[str]
    office_by_group: dict[str, Office]
    types: dict[str, str]
    pronouns: dict[str, str]
    bearers: dict[str, tuple[str, ...]]  # normalised surname -> people who carry it
    default: dict[str, str]  # normalised surname -> the person it resolves to outside an article
    # that names one of its bearers in full
    titled: dict[str, tuple[str, ...]]  # surnames that are also places or words ("Washington"):
    # a person's only after a title or honorific ("Rep. Israel")
    strong: frozenset[str]  # surnames whose default holds beside another bearer named in full


def _as_list(value: object) -> list[str]:
    """A YAML scalar or list as a list of strings."""
    if value is None:
        return []
    return [str(value)] if isinstance(value, str) else [str(v) for v in value]  # type: ignore[union-attr]


def ascii_fold(s: str) -> str:
    """`s` without diacritics (Vučić -> Vucic, Đuro -> Djuro)."""
    s = s.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _norm(surface: str) -> str:
    """Key of a surface form: single spaces, straight apostrophes."""
    return _SPACE.sub(" ", surface).replace("’", "'")


def spellings(form: str) -> list[str]:
    """The written forms of a listed name: as listed, without diacritics, capitalised, with ’ for
    '."""
    out = [form]
    folded = ascii_fold(form)
    if folded != form:
        out.append(folded)
    out += [f[0].upper() + f[1:] for f in list(out) if f[:1].islower()]
    out += [f.replace("'", "’") for f in list(out) if "'" in f]
    return list(dict.fromkeys(out))


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, factored as a trie so it scans fast; spaces match any blank
    run."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        alts = [
            (r"[^\S\n]+" if ch == " " else re.escape(ch)) + build(sub)
            for ch, sub in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    body = build(root)
    return f"{_BOUNDARY_L}(?:{body}){_BOUNDARY_R}" if body else _NEVER.pattern


def _date(value: object, default: date) -> date:
    """A YAML date or ISO string as a date."""
    if value is None:
        return default
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _office_regex(pattern: str) -> str:
    """An office pattern from the resource with apostrophes and a leading 'the' made flexible."""
    p = pattern.replace("'", "['’]")
    if p.startswith("the "):
        p = "[Tt]he " + p[4:]
    return p.replace("(?:the )", "(?:[Tt]he )")


def _stamp(name: str) -> tuple[int, int]:
    """(mtime, size) of a resource given as a path (so an edited file compiles again), else 0s."""
    p = Path(name) if name else None
    if p is not None and p.suffix in {".yaml", ".yml"} and p.is_file():
        st = p.stat()
        return (st.st_mtime_ns, st.st_size)
    return (0, 0)


def lexicon(name: str = "", overlay: str = "") -> Lexicon:
    """The compiled actors of `name` (a resource name or a path; "" for none) with the curated
    `overlay` applied on top (its actors take their names from the list's)."""
    return _lexicon(name, overlay, _stamp(name), _stamp(overlay))


def forget() -> None:
    """Drop the actors lists, merged lists and compiled lexicons this process holds, and what it
    kept of the YAML it wrote: a discovered list of a large corpus takes hundreds of MB, which a
    shared kernel would otherwise carry into every later notebook. The next use reads it again."""
    from presslens.core import resources

    _merged_spec.cache_clear()
    _lexicon.cache_clear()
    resources.forget_written()


def compact() -> None:
    """Drop the merged lists and compiled lexicons this process holds and rebuild the YAML it
    kept (`resources.compact_written`) in fresh memory, so that worker processes forked after the
    next `lexicon` call share compact pages with it (at 100,000 articles: about 400 MiB less in
    the kernel and 350 MiB less in each worker). The next use compiles the lexicon again."""
    from presslens.core import resources

    _merged_spec.cache_clear()
    _lexicon.cache_clear()
    resources.compact_written()


def merged_spec(name: str, overlay: str = "") -> dict:
    """The actors resource `name` with `overlay` on top: the overlay's actors first; an actor of
    `name` whose display name the overlay lists is dropped, and its other forms the overlay lists
    are removed. Read once per process and version of the files: treat it as read-only."""
    return _merged_spec(name, overlay, _stamp(name), _stamp(overlay))


@functools.lru_cache(maxsize=8)
def _merged_spec(name: str, overlay: str, *_stamps: tuple[int, int]) -> dict:
    """merged_spec, parsed once per version of the files."""
    base = resources.load(name) if name else {}
    over = resources.load(overlay) if overlay else {}
    if not over:
        return base or {}
    taken = set()
    for a in (over.get("actors") or {}).values():
        for form in _as_list(a.get("name")) + _as_list(a.get("aliases")):
            taken |= {_norm(s) for s in spellings(form)}
    actors = dict(over.get("actors") or {})
    for aid, a in ((base or {}).get("actors") or {}).items():
        if _norm(str(a.get("name", ""))) in taken or aid in actors:
            continue
        a = dict(a)
        for key in ("aliases", "surname", "first_name", "shared_surname", "titled_surname"):
            if key in a:
                a[key] = [f for f in _as_list(a[key]) if _norm(f) not in taken]
        actors[aid] = a
    offices = {**((base or {}).get("offices") or {}), **(over.get("offices") or {})}
    return {"actors": actors, "offices": offices}


def _offices(spec: dict) -> tuple[re.Pattern[str], dict[str, Office]]:
    """One pattern for every office title of an actors resource, and its groups' offices."""
    groups, by_group = [], {}
    for i, (oid, o) in enumerate((spec.get("offices") or {}).items()):
        holders = tuple(
            (str(h["actor"]), _date(h.get("from"), date.min), _date(h.get("to"), date.max))
            for h in o.get("holders") or []
        )
        pats = sorted(
            (_office_regex(str(p)) for p in _as_list(o.get("patterns"))), key=len, reverse=True
        )
        if pats:
            groups.append(f"(?P<o{i}>{'|'.join(pats)})")
            by_group[f"o{i}"] = Office(str(oid), holders)
    if not groups:
        return _NEVER, by_group
    return re.compile(_BOUNDARY_L + "(?:" + "|".join(groups) + ")" + _BOUNDARY_R), by_group


@functools.lru_cache(maxsize=16)
def _lexicon(name: str, overlay: str, *_stamps: tuple[int, int]) -> Lexicon:
    """Compile an actors resource (and overlay) once per process and version of the files."""
    spec = merged_spec(name, overlay)
    forms: dict[str, tuple[str, str]] = {}
    types: dict[str, str] = {}
    pronouns: dict[str, str] = {}
    bearers: dict[str, list[str]] = {}
    default: dict[str, str] = {}
    titled: dict[str, list[str]] = {}
    strong: set[str] = set()
    for aid, a in (spec.get("actors") or {}).items():
        aid = str(aid)
        types[aid] = str(a.get("type", ""))
        if a.get("pronoun"):
            pronouns[aid] = str(a["pronoun"]).lower()
        listed = [(n, "name") for n in _as_list(a.get("name"))] + [
            (n, "alias") for n in _as_list(a.get("aliases"))
        ]
        owned = _as_list(a.get("surname")) + _as_list(a.get("first_name"))
        for form in owned + _as_list(a.get("shared_surname")):
            listed.append((form, "surname"))
            for s in spellings(form):
                bearers.setdefault(_norm(s), []).append(aid)
                if form in owned:
                    default.setdefault(_norm(s), aid)
                if form in _as_list(a.get("dominant")):
                    strong.add(_norm(s))
        for form in _as_list(a.get("titled_surname")):
            for s in spellings(form):
                titled.setdefault(_norm(s), []).append(aid)
        for form, res in listed:
            for s in spellings(form):
                forms.setdefault(_norm(s), (aid, res))
    for form, who in titled.items():  # names and aliases first: "Washington" the place
        forms.setdefault(form, (who[0], "titled"))
    offices, by_group = _offices(spec)
    names = re.compile(trie_pattern(sorted(forms)))
    return Lexicon(
        names,
        forms,
        offices,
        by_group,
        types,
        pronouns,
        {k: tuple(v) for k, v in bearers.items()},
        default,
        {k: tuple(v) for k, v in titled.items()},
        frozenset(strong),
    )


def as_date(published: object) -> date | None:
    """A publication date from a date, an ISO string, None or NaN (None when not a date)."""
    if published is None or (isinstance(published, float) and published != published):
        return None
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _followed_by_person(text: str, pos: int, lex: Lexicon) -> bool:
    """True when a person's name or surname follows `pos` (after blanks or a comma)."""
    i = pos
    while i < len(text) and i - pos < 3 and text[i] in " ,\u00a0":
        i += 1
    if i == pos:
        return False
    m = lex.names.match(text, i)
    return bool(m) and lex.types.get(lex.forms.get(_norm(m.group()), ("", ""))[0]) == "person"


def _candidates(text: str, when: date | None, lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """(start, end, actor, resolution) of names and titles, longest first at each start, no
    overlaps."""
    cands = []
    for m in lex.offices.finditer(text):
        if not _followed_by_person(text, m.end(), lex):
            cands.append(
                (m.start(), m.end(), lex.office_by_group[m.lastgroup or ""].holder(when), "title")
            )
    for m in lex.names.finditer(text):
        key = _norm(m.group())
        if key in lex.forms:
            actor, res = lex.forms[key]
            cands.append((m.start(), m.end(), actor, res))
    cands.sort(key=lambda c: (c[0], c[0] - c[1]))
    kept: list[tuple[int, int, str, str]] = []
    for c in cands:
        if not kept or c[0] >= kept[-1][1]:
            kept.append(c)
    return _resolve_surnames(text, kept, lex) if lex.bearers or lex.titled else kept


_KIND = {"office": "office", "ambiguous": "person"}  # actors that name no single listed actor
_HONORIFIC = re.compile(r"\b(?P<m>Mr|Sir)\.?\s+$|\b(?P<f>Mrs|Ms|Miss|Dame)\.?\s+$")
_PLACE_PREFIX = re.compile(
    r"\b(?:" + "|".join(resources.load("entities.yaml")["place_prefixes"]) + r")\.?\s+$"
)
_NAME_GOES_ON = re.compile(r"\.?[^\S\n]+([A-Z][a-z]+)")  # "Sen. Cruz", "King Salman", "Kim Jong"


def _name_goes_on(text: str, end: int) -> bool:
    """Whether a capitalised word that is no date follows a surname ("King Salman", but not
    "Kurti Thursday")."""
    from presslens.extract import names

    m = _NAME_GOES_ON.match(text, end)
    return bool(m) and m.group(1) not in names.words().dates


@functools.lru_cache(maxsize=1)
def title_before() -> re.Pattern[str]:
    """A title or honorific right before a name ("Rep. ", "Mrs. ", "Secretary of State ")."""
    from presslens.extract import names

    titles = sorted({" ".join(t) for t in names.words().titles}, key=len, reverse=True)
    alts = "|".join(re.escape(t.rstrip(".")) for t in titles)
    return re.compile(rf"(?<![\w.])(?:{alts})\.?[^\S\n]+$")


def title_at(text: str, a: int) -> bool:
    """Whether a title or honorific stands right before offset `a`."""
    return bool(title_before().search(text, max(0, a - 40), a))


def _bearer(
    bearers: Sequence[str], named: set[str], surface: str, pronoun: str, lex: Lexicon
) -> str | None:
    """The person a surname (or first name) alone names: the one bearer the article names in
    full; of several, the corpus's dominant bearer when most of the surname's uses are theirs;
    with none named, the corpus's bearer with most uses; a title's gender ("Mrs.") must agree.
    None when that cannot decide."""
    default = lex.default.get(surface)
    fits = [b for b in bearers if not pronoun or lex.pronouns.get(b, pronoun) == pronoun]
    local = sorted({b for b in fits if b in named})
    if len(local) == 1:
        return local[0]
    if local:
        return default if default in local and surface in lex.strong else None
    if default in fits:
        return default
    return fits[0] if pronoun and fits else None


def _resolve_surnames(
    text: str, found: list[tuple[int, int, str, str]], lex: Lexicon
) -> list[tuple[int, int, str, str]]:
    """A surname or first name alone goes to its bearer (see _bearer), else it is a person's
    mention left ambiguous: actor "ambiguous:<surname>", resolution "ambiguous". A surname that
    is also a place or a word ("Washington") is the person's only after a title; one that a
    capitalised word follows ("King Salman", "Sen. Cruz") is part of another name: no mention."""
    named = {c[2] for c in found if c[3] in {"name", "alias"}}
    out = []
    for c in found:
        surface = _norm(text[c[0] : c[1]])
        titled = lex.titled.get(surface) if surface in lex.titled and title_at(text, c[0]) else None
        if c[3] == "titled" and not titled:
            continue
        bearers = titled or (lex.bearers.get(surface) if c[3] == "surname" else None)
        if not bearers:
            out.append(c)
            continue
        if _name_goes_on(text, c[1]) or _PLACE_PREFIX.search(text, max(0, c[0] - 8), c[0]):
            continue  # "King Salman", "St. Paul", "Fort Worth": part of another name
        m = _HONORIFIC.search(text, max(0, c[0] - 6), c[0])
        pronoun = ("he" if m.group("m") else "she") if m else ""
        who = _bearer(bearers, named, surface, pronoun, lex)
        how = "surname" if who else "ambiguous"
        out.append((c[0], c[1], who or f"ambiguous:{surface}", how))
    return out


def _mentions(
    text: str,
    spans: Sequence[tuple[int, int]],
    ids: Sequence[int],
    *,
    when: date | None,
    lex: Lexicon,
    window: int,
) -> list[tuple[int, str, int, int, str, str, str]]:
    """(sent_id, actor, start, end, surface, resolution, actor_type) of one text, in offset
    order."""
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    starts = [spans[i][0] for i in order]
    found = pronouns.resolve(text, _candidates(text, when, lex), starts, lex=lex, window=window)
    rows = []
    for a, b, actor, res in sorted(found):
        k = bisect.bisect_right(starts, a) - 1
        if k < 0 or b > spans[order[k]][1]:
            continue  # outside every sentence (or across two)
        kind = lex.types.get(actor, _KIND.get(actor.split(":")[0], "") if ":" in actor else "")
        rows.append((int(ids[order[k]]), actor, a, b, text[a:b], res, kind))
    return rows


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A mentions DataFrame with integer key columns."""
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def find_mentions(
    text: str,
    *,
    published: date | str | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
    spans: Sequence[tuple[int, int]] | None = None,
    name: str = "",
    overlay: str = "",
    pronoun_window: int = PRONOUN_WINDOW,
) -> pd.DataFrame:
    """Actor mentions in any text: sent_id (1-based), actor, start, end, surface, resolution,
    actor_type."""
    text = text if isinstance(text, str) else ""
    sents = list(
        sentences if sentences is not None else spans if spans is not None else splitter.spans(text)
    )
    rows = _mentions(
        text,
        sents,
        range(1, len(sents) + 1),
        when=as_date(published),
        lex=lexicon(name, overlay),
        window=pronoun_window,
    )
    return _frame(rows, FIND_COLUMNS)


def mention_table(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    name: str = "",
    overlay: str = "",
    pronoun_window: int = PRONOUN_WINDOW,
) -> pd.DataFrame:
    """The `mentions` table of the articles with status ok (offsets into articles.text); `name`
    the actors list (a resource name or a path, "" for none), `overlay` curated actors on top."""
    lex = lexicon(name, overlay)
    ok = articles[articles["status"] == "ok"] if "status" in articles.columns else articles
    published = (
        ok["published"]
        if "published" in ok.columns
        else pd.Series([None] * len(ok), index=ok.index)
    )
    by_article = (
        {k: g for k, g in sentences.groupby("article_id", sort=False)} if len(sentences) else {}
    )
    rows = []
    for aid, text, pub in zip(ok["article_id"], ok["text"], published):
        sents = by_article.get(aid)
        if sents is None or not isinstance(text, str):
            continue
        spans = list(zip(sents["start"].astype(int), sents["end"].astype(int)))
        for r in _mentions(
            text,
            spans,
            sents["sent_id"].astype(int).tolist(),
            when=as_date(pub),
            lex=lex,
            window=pronoun_window,
        ):
            rows.append((aid, *r))
    return (
        _frame(rows, COLUMNS)
        .sort_values(["article_id", "start"], kind="mergesort")
        .reset_index(drop=True)
    )


def holder(office: str, when: date | str | None, *, name: str = "") -> str:
    """The actor holding `office` (an office id from the resource) on `when`, else 'office:<id>'."""
    for o in lexicon(name).office_by_group.values():
        if o.id == office:
            return o.holder(as_date(when))
    return f"office:{office}"


def display_names(name: str, overlay: str = "") -> dict[str, str]:
    """Actor id -> display name of an actors list with its overlay."""
    spec = merged_spec(name, overlay)
    return {str(k): str(a.get("name", k)) for k, a in (spec.get("actors") or {}).items()}


def display_name(actor: str, names: dict[str, str]) -> str:
    """How tables, figures and pages name an actor: its display name; a surname no one could be
    given is "Trump (unresolved)", an office with no holder for the date "secretary general
    (office)"."""
    if actor in names:
        return names[actor]
    kind, _, rest = actor.partition(":")
    if kind == "ambiguous" and rest:
        return f"{rest} (unresolved)"
    if kind == "office" and rest:
        return f"{rest.replace('_', ' ')} (office)"
    return actor


def actor_types(*, name: str = "") -> dict[str, str]:
    """Actor id -> type (person, organisation, state, group) from the resource."""
    return dict(lexicon(name).types)
