"""Who did what to whom: actions between two actors in one sentence, and where articles differ on
the target of the same action.

An action is a subject actor mention, then a verb from an editable list within a few words, then an
object actor mention later in the same sentence and clause ("The EU and the United States imposed
sanctions on Belgrade" gives eu -> imposed sanctions -> serbia). ``divergence`` puts side by side
articles that report the same subject and verb with different targets.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from presslens.core import resources

# action name -> regular expression of its verb forms (resources/action_verbs.yaml), in order
VERBS: dict[str, str] = dict(resources.load("action_verbs.yaml")["actions"])
_VERB = re.compile(
    "|".join(f"(?P<v{i}>\\b(?:{p})\\b)" for i, p in enumerate(VERBS.values())), re.IGNORECASE
)
_NAMES = list(VERBS)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:while|but|whereas|although)\b|\bwho\b|\bwhich\b")
COLUMNS = ["article_id", "sent_id", "subject", "action", "object", "start", "end", "text"]


_JOINED = re.compile(r"\s*(?:,|and|, and|as well as|&)\s*(?:the\s+)?")  # "X and Y", "X, Y"
_PASSIVE = re.compile(r"\s+by\b")  # "backed by Belgrade": the agent comes after the verb
Mention = tuple[int, int, str]  # (start, end, actor)


def _coordinated(ms: list[Mention], text: str, base: int, *, forward: bool) -> list[Mention]:
    """The first mention (nearest, in the given direction) and those joined to it by 'and' or
    commas."""
    rows = ms if forward else ms[::-1]
    out = [rows[0]] if rows else []
    for r in rows[1:]:
        prev = out[-1]
        gap = text[(prev[1] if forward else r[1]) - base : (r[0] if forward else prev[0]) - base]
        if _JOINED.fullmatch(gap):
            out.append(r)
        else:
            break
    return out


def empty() -> pd.DataFrame:
    """An `actions` table with no rows (typed)."""
    return pd.DataFrame(columns=COLUMNS).astype(
        {"sent_id": "int64", "start": "int64", "end": "int64"}
    )


def _by_sentence(mentions: pd.DataFrame) -> dict[tuple, list[Mention]]:
    """(article_id, sent_id) -> the sentence's mentions ordered by start (the order a quicksort
    of the sentence's rows by start gives, as before)."""
    if not len(mentions):
        return {}
    m = mentions.dropna(subset=["article_id", "sent_id"]).sort_values(
        ["article_id", "sent_id"], kind="mergesort"
    )  # stable: a sentence's mentions stay in the order given
    aid, sid = m["article_id"].to_numpy(), m["sent_id"].to_numpy()
    starts, ends, actor = m["start"].to_numpy(), m["end"].to_numpy(), m["actor"].to_numpy()
    cuts = np.flatnonzero((aid[1:] != aid[:-1]) | (sid[1:] != sid[:-1])) + 1
    out: dict[tuple, list[Mention]] = {}
    for a, b in zip([0, *cuts.tolist()], [*cuts.tolist(), len(aid)]):
        if b - a < 2:
            continue  # a sentence with one mention has no action
        i = a + starts[a:b].argsort(kind="quicksort")
        out[(aid[a], sid[a])] = list(zip(starts[i].tolist(), ends[i].tolist(), actor[i].tolist()))
    return out


def _sentence_actions(
    text: str, base: int, ms: list[Mention], max_gap: int
) -> list[tuple[str, str, str, int, int]]:
    """(subject, action, object, start, end) of one sentence starting at `base` in its article."""
    rows = []
    for v in _VERB.finditer(text):
        if _PASSIVE.match(text[v.end() :]):
            continue  # passive ("backed by Belgrade"): the agent comes after the verb
        vs, ve = base + v.start(), base + v.end()
        action = _NAMES[int(next(k for k, x in v.groupdict().items() if x)[1:])]
        before = [m for m in ms if m[1] <= vs and vs - m[1] <= max_gap]
        after = [m for m in ms if m[0] >= ve]
        if not before or not after:
            continue
        cut = _CLAUSE_BREAK.search(text[v.end() :])
        limit = ve + (cut.start() if cut else len(text))
        after = [m for m in after if m[0] < limit]
        subjects = _coordinated(before, text, base, forward=False)
        objects = _coordinated(after, text, base, forward=True)
        for o in objects:
            for sa in subjects:
                if sa[2] != o[2]:
                    rows.append((sa[2], action, o[2], int(sa[0]), int(o[1])))
    return rows


def action_table(
    sentences: pd.DataFrame, mentions: pd.DataFrame, *, max_gap: int = 60
) -> pd.DataFrame:
    """Subject-verb-object actions between actor mentions within one clause of a sentence."""
    by_sent = _by_sentence(mentions)
    rows = []
    for s in sentences.itertuples(index=False):
        ms = by_sent.get((s.article_id, s.sent_id))
        if ms is None:
            continue
        for found in _sentence_actions(s.text, int(s.start), ms, max_gap):
            rows.append((s.article_id, int(s.sent_id), *found, s.text))
    out = pd.DataFrame(rows, columns=COLUMNS).drop_duplicates(
        ["article_id", "sent_id", "subject", "action", "object"]
    )
    return out.reset_index(drop=True).astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def divergence(actions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Same subject and action with different targets in different articles, side by side."""
    outlet = dict(zip(articles["article_id"], articles["outlet"]))
    published = dict(zip(articles["article_id"], articles["published"]))
    t = actions.dropna(subset=["subject", "action", "article_id"])
    objects: dict[tuple, set] = defaultdict(set)
    first: dict[tuple, int] = {}  # the sentence of the first action of each key in the table
    for key, obj, sent in zip(
        zip(t["subject"], t["action"], t["article_id"]), t["object"], t["sent_id"]
    ):
        objects[key].add(obj)
        first.setdefault(key, int(sent))
    by_action: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for subj, act, aid in sorted(objects):  # groups and their articles in sorted order
        by_action[(subj, act)].append((aid, " ".join(sorted(objects[(subj, act, aid)]))))
    rows = []
    for (subj, act), targets in by_action.items():
        if len(targets) < 2 or len({objs for _, objs in targets}) < 2:
            continue
        for aid, objs in targets:
            rows.append(
                dict(
                    subject=subj,
                    action=act,
                    article_id=aid,
                    outlet=outlet[aid],
                    published=published[aid],
                    targets=objs,
                    sent_id=first[(subj, act, aid)],
                )
            )
    return pd.DataFrame(
        rows,
        columns=["subject", "action", "article_id", "outlet", "published", "targets", "sent_id"],
    )
