"""Temporal expressions in news text, normalised the TimeML (TIMEX3) way.

``tag(text, reference)`` finds the expressions of time in a text ("in 2008", "the 1998-1999 war",
"Wednesday", "two years ago", "a 78-day bombing", "every year") and gives each a TIMEX3 type
(DATE, TIME, DURATION, SET) and value, plus the calendar days it covers (``begin``/``finish``,
ISO dates) and what it was resolved against (``anchor``):

``absolute``
    the text names the year ("August 18, 2022", "since 2009", "1998-1999").
``publication``
    the expression is relative and was resolved against the reference (publication) date:
    "Wednesday", "last week", "September 1" (year chosen so the date is nearest the reference),
    "two years ago", "recently".
``none``
    nothing to resolve against: no reference was given ("yesterday" -> ``XXXX-XX-XX``,
    "Thursday" -> ``XXXX-WXX-4``), or the expression is a duration or a set.

The tagger is a hand-written rule set over regular expressions compiled once at import, with its
word lists (month and number words, idioms, names, which nouns make a number a count or a year) in
``resources/timex.yaml``. It never reads the clock: without a reference, relative expressions are
tagged but left unresolved. Before any rule runs, one pass over the text's lower-cased words (and a
digit check) finds which trigger classes it contains (month names, time units, "ago", ...); text
without any is rejected at once and each rule runs only on text with one of its triggers, so a
sentence costs less than NLTK VADER's sentiment score (~27 us against ~45 us on the seed sentences).
For many sentences use ``tag_sentences``, which builds one table instead of one per sentence.

Conventions (where TIMEX3 leaves a choice):

* Year ranges ("1998-1999", "1998–99", "from 1998 to 1999", "between 1998 and 1999") are one DATE
  whose value is the ISO 8601 interval of the two years, ``1998/1999``, with begin 1998-01-01 and
  finish 1999-12-31. The span includes "from"/"between".
* "since 2009" is one DATE (span includes "since"), value ``2009``, begin 2009-01-01, finish the
  reference date (None without a reference, or when the reference precedes the year).
* Decades are unit ``DE`` and centuries ``CE``: "two decades" -> ``P2DE``, "a decade" ->
  ``P1DE``, "decades of peace" -> ``PXDE``. Times of day use TIMEX3 ``PT``: "24 hours" -> ``PT24H``.
  Durations have no begin/finish and anchor ``none``.
* Modifiers of approximation ("about a decade", "nearly two years") and the part-of-period words
  early/mid/late ("late 2022", narrowing begin/finish) are inside the span; plain prepositions
  ("in 2008", "on Thursday") are not.
* A bare weekday is the most recent such day on or before the reference (the reference day itself
  for its own weekday), or the next one on or after it when a future cue precedes it in the
  sentence ("will meet ... Thursday", "the upcoming talks ... Thursday"); "next"/"last" Monday are
  strictly after/before the reference.
* A month and day without year ("September 1") or a bare month ("in May") gets the year that puts it
  nearest the reference (ties go to the past).
* ``now``/``currently`` are ``PRESENT_REF``, ``recent``/``recently``/"in recent years" ``PAST_REF``,
  "in the future" ``FUTURE_REF``; with a reference, PRESENT_REF spans the reference day, PAST_REF
  ends and FUTURE_REF starts on it. Adjectives such as "current", "ongoing", "upcoming", "future",
  "former", "long-term" are not tagged.
* Figures of speech ("yesterday rather than tomorrow", "one day", "sooner or later") and names
  ("Good Friday Agreement", "Sunday Times") are listed in the resource file and never tagged.

``tag_sentences`` tags a sentence table and returns the chain's ``timex`` table with offsets into
the article; ``score`` compares predictions with a gold annotation (strict and overlap span
precision/recall/F1, value accuracy); ``locate`` turns a gold annotation written as (expression,
occurrence) into offsets."""

from __future__ import annotations

from .gold import locate, score
from .lexicon import ANCHORS, COLUMNS, TIMEX_COLUMNS, TYPES, Hit, lexicon
from .tagger import tag, tag_sentences

__all__ = [
    "ANCHORS",
    "COLUMNS",
    "TIMEX_COLUMNS",
    "TYPES",
    "Hit",
    "lexicon",
    "locate",
    "score",
    "tag",
    "tag_sentences",
]
