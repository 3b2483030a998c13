"""Wire copy: find articles that are a news agency's story published under an outlet's name.

An article is wire copy when the places where a story names its author name an agency: an agency
dateline or byline at its start ("WASHINGTON (AP) —", "By Jane Doe, Associated Press"), a credit,
sign-off or copyright line at its end ("-- Reuters", "(Reporting by ...; Editing by ...)",
"Copyright 2019 The Associated Press"), or the `byline`, `dateline` and `source` columns. An agency
named inside the body as a source ("Reuters reported", "told The Associated Press", "an AP-NORC
poll") is not, and neither is an agency photo credit. The agencies, their name forms and the cues
are data in ``resources/wire.yaml``. An agency's cue in an article of the agency's own outlet
("Reuters", "apnews.com") is the outlet's own reporting, not wire copy. Copies of one story found
by `dedupe` are shared copy too (`shared_copies`): the agency any copy names when the copies span
two or more outlets; when none names one, "shared copy" only when they span three or more outlets
(two outlets may be an original and its republication, so both are left as they are).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from presslens.ingest.outlets import key
from presslens.core import resources

COLUMNS = ["wire", "wire_evidence"]
SHARED = "shared copy"
OWN = "the agency's own reporting"
_SPACE = re.compile(r"\s+")
_EVIDENCE_CHARS = 80


@dataclass(frozen=True)
class Cue:
    """One wire cue: where it is looked for, its pattern, its agency when the text names none."""

    name: str
    where: str
    pattern: re.Pattern[str]
    agency: str
    unless: re.Pattern[str] | None
    names_agency: bool = False  # the pattern holds {agency}: it can match only where one is named


@dataclass(frozen=True)
class Rules:
    """The agencies, their name forms and the cues of one wire resource, compiled."""

    cues: tuple[Cue, ...]
    by_form: dict[str, str]
    any_agency: re.Pattern[str]
    by_source: dict[str, str]
    in_parens: re.Pattern[str]
    photo: re.Pattern[str]
    head_chars: int
    tail_chars: int
    tail_lines: int
    tail_max_chars: int
    outlet_keys: dict[str, frozenset[str]]


def _forms(spec: dict) -> dict[str, str]:
    """Every written form of every agency (with its all-capitals copy) -> the agency's name."""
    out: dict[str, str] = {}
    for name, entry in spec["agencies"].items():
        for form in entry.get("forms", []):
            out.setdefault(form, name)
            out.setdefault(form.upper(), name)
    return out


def _outlet_keys(spec: dict) -> dict[str, frozenset[str]]:
    """Agency -> the outlet keys that name it: those of its name, forms and domains."""
    out = {}
    for name, entry in spec["agencies"].items():
        domains = entry.get("domains", [])
        names = [name, *entry.get("forms", []), *domains]
        out[name] = frozenset(k for k in map(key, names) if k)
    return out


def _alternation(forms: dict[str, str]) -> str:
    """A regular expression group matching any agency form as a whole word, longest form first."""
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    return r"(?<![\w-])(?P<agency>" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-])"


@functools.lru_cache(maxsize=8)
def rules(name: str = "wire.yaml") -> Rules:
    """Load and compile a wire resource (shipped name or path of your own YAML file)."""
    spec = resources.load(name)
    forms = _forms(spec)
    group = _alternation(forms)
    cues = tuple(
        Cue(
            name=c["name"],
            where=c.get("where", "both"),
            pattern=re.compile(c["pattern"].replace("{agency}", group), re.MULTILINE),
            agency=c.get("agency", ""),
            unless=re.compile(c["unless"], re.MULTILINE) if c.get("unless") else None,
            names_agency="{agency}" in c["pattern"],
        )
        for c in spec["cues"]
    )
    by_source = {f.lower(): a for f, a in forms.items()}
    for name_, entry in spec["agencies"].items():
        by_source.update({d.lower(): name_ for d in entry.get("domains", [])})
    return Rules(
        cues=cues,
        by_form=forms,
        any_agency=re.compile(group),
        by_source=by_source,
        in_parens=re.compile(r"[(/]\s*" + group + r"\s*[)/]"),
        photo=re.compile(spec["photo_credit"]),
        head_chars=int(spec.get("head_chars", 250)),
        tail_chars=int(spec.get("tail_chars", 300)),
        tail_lines=int(spec.get("tail_lines", 3)),
        tail_max_chars=int(spec.get("tail_max_chars", 600)),
        outlet_keys=_outlet_keys(spec),
    )


def is_own_outlet(agency_: str, outlet: str, *, rules_: Rules) -> bool:
    """Whether `outlet` is the agency itself ("Reuters", "AP News", "apnews.com")."""
    k = key(outlet) if outlet else ""
    keys = rules_.outlet_keys.get(agency_, frozenset())
    return bool(k) and (k in keys or (k.endswith("news") and k[: -len("news")] in keys))


def head(text: str, *, chars: int) -> str:
    """The start of a text (its first `chars` characters), marked '…' where a line is cut."""
    text = text.lstrip()
    piece = text[:chars]
    return piece if len(text) <= chars or text[chars] == "\n" else piece + "…"


def tail(text: str, *, chars: int, lines: int, max_chars: int) -> str:
    """The end of a text: its last `lines` lines when they fit in `max_chars`, else its last
    `chars` characters (marked '…' where a line is cut)."""
    text = text.rstrip()
    last = "\n".join([ln for ln in text.split("\n") if ln.strip()][-lines:])
    if chars <= len(last) <= max_chars:
        return last
    if len(text) <= chars:
        return text
    return ("" if text[-chars - 1] == "\n" else "…") + text[-chars:]


def _snippet(text: str) -> str:
    """A match as short evidence: white space folded, at most 80 characters."""
    flat = _SPACE.sub(" ", text).strip(" ,;|")
    return flat if len(flat) <= _EVIDENCE_CHARS else flat[: _EVIDENCE_CHARS - 1] + "…"


def search(window: str, *, where: str, rules_: Rules, label: str = "") -> tuple[str, str]:
    """The first cue of `where` (head or tail) matching in `window`: (agency, evidence), or
    ("", "")."""
    named = rules_.any_agency.search(window) is not None
    for cue in rules_.cues:
        if cue.where not in (where, "both") or (cue.names_agency and not named):
            continue
        if cue.unless is not None and cue.unless.search(window):
            continue
        for m in cue.pattern.finditer(window):
            if rules_.photo.search(window[max(0, m.start() - 80) : m.start()]):
                continue
            agency = cue.agency or rules_.by_form[m.group("agency")]
            return agency, f'{label or cue.name} "{_snippet(m.group(0))}"'
    return "", ""


def from_source(source: str, *, rules_: Rules) -> tuple[str, str]:
    """An agency named as the whole `source` value (or one of its ' | ' parts, or its site)."""
    for piece in source.split("|"):
        key = piece.strip().lower().removeprefix("the ").removeprefix("www.").strip(" .")
        if key in rules_.by_source:
            return rules_.by_source[key], f'source "{_snippet(piece)}"'
    return "", ""


def agency(
    raw: str,
    *,
    text: str = "",
    byline: str = "",
    dateline: str = "",
    source: str = "",
    rules_name: str = "wire.yaml",
) -> tuple[str, str]:
    """The agency whose copy an article is and the cue that says so, or ("", "") for an outlet's
    own reporting; looks at the dateline and byline columns, the start and end of the raw and the
    cleaned text, and the source column, in that order."""
    r = rules(rules_name)
    if dateline and (m := r.in_parens.search(dateline)):
        return r.by_form[m.group("agency")], f'dateline "{_snippet(dateline)}"'
    if byline:
        found = search(byline, where="head", rules_=r, label="byline")
        if found[0]:
            return found
    heads = [head(t, chars=r.head_chars) for t in (raw, text) if t]
    tails = [
        tail(t, chars=r.tail_chars, lines=r.tail_lines, max_chars=r.tail_max_chars)
        for t in (raw, text)
        if t
    ]
    for where, windows in (("head", heads), ("tail", tails)):
        for window in dict.fromkeys(windows):
            found = search(window, where=where, rules_=r)
            if found[0]:
                return found
    return from_source(source, rules_=r) if source else ("", "")


def _str(value: object) -> str:
    """A cell as text ('' for missing values)."""
    return value if isinstance(value, str) else ""


def mark(articles: pd.DataFrame, *, rules_name: str = "wire.yaml") -> pd.DataFrame:
    """Add `wire` and `wire_evidence` to an articles table (from raw, text, byline, dateline and
    source, whichever it has); an agency's cue in its own outlet's article is own reporting."""
    out = articles.copy()
    empty = pd.Series([""] * len(out), index=out.index, dtype="object")
    names = ("raw", "text", "byline", "dateline", "source", "outlet")
    cols = {c: out[c] if c in out else empty for c in names}
    r = rules(rules_name)
    found = [
        agency(
            _str(raw),
            text=_str(text),
            byline=_str(byline),
            dateline=_str(dateline),
            source=_str(source),
            rules_name=rules_name,
        )
        for raw, text, byline, dateline, source, _ in zip(*cols.values())
    ]
    found = [
        ("", f"{OWN}: {why}") if a and is_own_outlet(a, _str(o), rules_=r) else (a, why)
        for (a, why), o in zip(found, cols["outlet"])
    ]
    out["wire"] = pd.Series([a for a, _ in found], index=out.index, dtype="object")
    out["wire_evidence"] = pd.Series([e for _, e in found], index=out.index, dtype="object")
    return out


def _groups(found: pd.DataFrame) -> list[list[str]]:
    """Copy groups from `dedupe.find_duplicates` (a copy may itself be the original of an exact
    copy, so groups are joined): each group's articles in the order `found` first names them."""
    parent: dict[str, str] = {}

    def root(a: str) -> str:
        while parent.setdefault(a, a) != a:
            a = parent[a]
        return a

    order: list[str] = []
    for aid, orig in zip(found["article_id"], found["duplicate_of"]):
        order.extend(x for x in (orig, aid) if x not in parent)
        ra, ro = root(aid), root(orig)
        if ra != ro:
            parent[ra] = ro
    groups: dict[str, list[str]] = {}
    for a in order:
        groups.setdefault(root(a), []).append(a)
    return list(groups.values())


def shared_copies(
    found: pd.DataFrame, members: pd.DataFrame, *, rules_name: str = "wire.yaml"
) -> pd.DataFrame:
    """`wire` and `wire_evidence` for the members of copy groups that have no agency cue of their
    own: the agency another member names when the group spans two or more outlets (the agency's
    own outlet left alone), else "shared copy" when it spans three or more outlets (two may be an
    original and one republication). `members` has article_id, outlet, wire and wire_evidence of
    the groups' articles."""
    info = members.drop_duplicates("article_id").set_index("article_id")
    outlet = {a: _str(o).strip() for a, o in info["outlet"].items()}
    own = {a: _str(w) for a, w in info["wire"].items()}
    r = rules(rules_name)
    rows = []
    for ids in _groups(found):
        named = [i for i in ids if own.get(i, "") not in ("", SHARED)]
        if len({outlet.get(i, "") for i in ids} - {""}) < (2 if named else 3):
            continue
        wire = own[named[0]] if named else SHARED
        for i in ids:
            if own.get(i, "") not in ("", SHARED) or is_own_outlet(
                wire, outlet.get(i, ""), rules_=r
            ):
                continue
            others = [j for j in named + ids if j != i and outlet.get(j, "") != outlet.get(i, "")]
            other = others[0] if others else next(j for j in ids if j != i)
            rows.append((i, wire, f"shared copy with {other} ({outlet.get(other, '')})"))
    return pd.DataFrame(rows, columns=["article_id", *COLUMNS])


def apply_shared(articles: pd.DataFrame, shared: pd.DataFrame) -> pd.DataFrame:
    """Set `wire` and `wire_evidence` of the articles named in `shared`."""
    out = articles.copy()
    hit = shared.set_index("article_id")
    mask = out["article_id"].isin(hit.index)
    for col in COLUMNS:
        out.loc[mask, col] = out.loc[mask, "article_id"].map(hit[col])
    return out
