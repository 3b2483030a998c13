"""Who did what to whom: actions between two actors in one sentence, and where articles differ on
the target of the same action.

An action is a subject actor mention, then a verb from an editable list within a few words, then an
object actor mention later in the same sentence and clause ("The EU and the United States imposed
sanctions on Belgrade" gives eu -> imposed sanctions -> serbia). ``divergence`` puts side by side
articles that report the same subject and verb with different targets.
"""

from __future__ import annotations

import re

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


def _coordinated(ms: pd.DataFrame, text: str, base: int, *, forward: bool) -> list:
    """The first mention (nearest, in the given direction) and those joined to it by 'and' or
    commas."""
    rows = list(ms.itertuples(index=False))
    if not forward:
        rows = rows[::-1]
    out = [rows[0]] if rows else []
    for r in rows[1:]:
        prev = out[-1]
        gap = text[
            (prev.end if forward else r.end) - base : (r.start if forward else prev.start) - base
        ]
        if re.fullmatch(r"\s*(?:,|and|, and|as well as|&)\s*(?:the\s+)?", gap):
            out.append(r)
        else:
            break
    return out


def empty() -> pd.DataFrame:
    """An `actions` table with no rows (typed)."""
    return pd.DataFrame(columns=COLUMNS).astype(
        {"sent_id": "int64", "start": "int64", "end": "int64"}
    )


def action_table(
    sentences: pd.DataFrame, mentions: pd.DataFrame, *, max_gap: int = 60
) -> pd.DataFrame:
    """Subject-verb-object actions between actor mentions within one clause of a sentence."""
    by_sent = (
        {k: g.sort_values("start") for k, g in mentions.groupby(["article_id", "sent_id"])}
        if len(mentions)
        else {}
    )
    rows = []
    for s in sentences.itertuples(index=False):
        ms = by_sent.get((s.article_id, s.sent_id))
        if ms is None or len(ms) < 2:
            continue
        base = int(s.start)
        for v in _VERB.finditer(s.text):
            if re.match(r"\s+by\b", s.text[v.end() :]):
                continue  # passive ("backed by Belgrade"): the agent comes after the verb
            vs, ve = base + v.start(), base + v.end()
            action = _NAMES[int(next(k for k, x in v.groupdict().items() if x)[1:])]
            before = ms[(ms["end"] <= vs) & (vs - ms["end"] <= max_gap)]
            after = ms[ms["start"] >= ve]
            if before.empty or after.empty:
                continue
            cut = _CLAUSE_BREAK.search(s.text[v.end() :])
            after = after[after["start"] < ve + (cut.start() if cut else len(s.text))]
            subjects = _coordinated(before, s.text, base, forward=False)
            objects = _coordinated(after, s.text, base, forward=True)
            for o in objects:
                for sa in subjects:
                    if sa.actor != o.actor:
                        rows.append(
                            (
                                s.article_id,
                                int(s.sent_id),
                                sa.actor,
                                action,
                                o.actor,
                                int(sa.start),
                                int(o.end),
                                s.text,
                            )
                        )
    out = pd.DataFrame(rows, columns=COLUMNS).drop_duplicates(
        ["article_id", "sent_id", "subject", "action", "object"]
    )
    return out.reset_index(drop=True).astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def divergence(actions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Same subject and action with different targets in different articles, side by side."""
    meta = articles.set_index("article_id")[["outlet", "published"]]
    rows = []
    for (subj, act), g in actions.groupby(["subject", "action"], sort=True):
        targets = g.groupby("article_id")["object"].agg(lambda x: " ".join(sorted(set(x))))
        if len(targets) < 2 or targets.nunique() < 2:
            continue
        for aid, objs in targets.items():
            first = g[g["article_id"] == aid].iloc[0]
            rows.append(
                dict(
                    subject=subj,
                    action=act,
                    article_id=aid,
                    outlet=meta.at[aid, "outlet"],
                    published=meta.at[aid, "published"],
                    targets=objs,
                    sent_id=int(first["sent_id"]),
                )
            )
    return pd.DataFrame(
        rows,
        columns=["subject", "action", "article_id", "outlet", "published", "targets", "sent_id"],
    )
