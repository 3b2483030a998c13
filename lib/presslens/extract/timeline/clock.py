"""The rule for times of day ("at 10:30", "3 pm", "noon")."""

from __future__ import annotations

import datetime as dt
import re
from .lexicon import Hit, any_case, lookup_key
from .patterns import Rule


# --- times of day -------------------------------------------------------------------------------

_R_CLOCK = re.compile(
    r"(?<![0-9.:,])(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5][0-9]))?\s*"
    r"(?P<ap>[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b|[ap]\.m\b)"
    r"|(?<![0-9.:,])(?P<h24>[01]?[0-9]|2[0-3])[:.](?P<mi24>[0-5][0-9])\s*"
    r"(?P<tz>GMT|UTC|CET|CEST|BST|EST|EDT|" + any_case(["local time", "hours", "hrs"]) + r")\b"
    r"|(?<![\w-])(?P<named>" + any_case(["noon", "midnight", "midday"]) + r")(?![\w-])"
)


def _h_clock(m: re.Match[str], text: str, ref: dt.date | None) -> Hit | None:
    if m.group("named"):
        value = "T24:00" if lookup_key(m.group("named")) == "midnight" else "T12:00"
    elif m.group("h"):
        h = int(m.group("h")) % 12 + (12 if m.group("ap")[0] in "pP" else 0)
        value = f"T{h:02d}:{m.group('mi') or '00'}"
    else:
        value = f"T{int(m.group('h24')):02d}:{m.group('mi24')}"
    return (m.start(), m.end(), "TIME", "XXXX-XX-XX" + value, None, None, "none")


CLOCK_TIME = Rule(_R_CLOCK, _h_clock, frozenset({"clock"}))
"""A time of day ("at 10:30", "3 pm", "14.00 GMT", "noon")."""
