"""Temporal expressions in news text, normalised the TimeML (TIMEX3) way.

``tag(text, reference)`` finds the expressions of time in a text ("in 2008", "the 1998-1999 war",
"Wednesday", "two years ago", "a 78-day bombing", "every year") and gives each a TIMEX3 type
(DATE, TIME, DURATION, SET) and value, plus the calendar days it covers (``begin``/``finish``,
ISO dates), what it was resolved against (``anchor``) and how (``basis``, in words):

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
* A month, a month and day, a weekday or a season without a year ("in November", "Nov. 8",
  "Tuesday's primary", "over the summer") is placed by the tense of its clause (``tense.py``; the
  cues are data): the nearest cue decides. Future ("will", "is set to", "ahead of", "upcoming",
  "postponed until") points to the next such date on or after the reference; past ("was",
  "voted", a verb in -ed not after an auxiliary) to the last one on or before it; a past
  reporting verb right before it ("said Tuesday") dates the saying, past. A present-tense clause
  ("the November election is close") keeps a month in the reference's year unless the
  neighbouring year's is within two months; with no cue at all the nearest date wins (ties go to
  the past), except a bare weekday, which is the last such day. "next"/"last" Monday are strictly
  after/before the reference. The ``basis`` column says in words how each value was decided
  ("year in the text", "publication date, future tense", ...); stage 40 then moves a year-less
  month to the year other articles give the same event ("dated elsewhere in the corpus (article
  X)", see ``presslens.measure.events.redate``).
* A four-digit number before a counted noun is a count, not a year: a word of ``count_nouns``
  ("2000 troops") or a plural noun after at most two lower-case modifiers ("2047 registered
  voters"), unless a determiner, a preposition of time or a possessive keeps it a year ("the 2020
  candidates", "in 2016 voters chose", "2016's election").
* ``now``/``currently`` are ``PRESENT_REF``, ``recent``/``recently``/"in recent years" ``PAST_REF``,
  "in the future" ``FUTURE_REF``; with a reference, PRESENT_REF spans the reference day, PAST_REF
  ends and FUTURE_REF starts on it. Adjectives such as "current", "ongoing", "upcoming", "future",
  "former", "long-term" are not tagged.
* Figures of speech ("yesterday rather than tomorrow", "one day", "sooner or later") and names
  ("Good Friday Agreement", "Sunday Times") are listed in the resource file and never tagged.

``tag_sentences`` tags a sentence table and returns the chain's ``timex`` table with offsets into
the article; ``what_happened`` says what a dated expression dates. Scoring against a gold
annotation (``locate``, ``score``) is validation: ``presslens.validate.timex_gold``.

The modules, lowest first: ``lexicon`` (the word lists of the resource file, how words become
patterns, the table columns), ``patterns`` (the regular-expression pieces the rules share, what a
rule is, the readers of a match's surroundings), ``spans`` (calendar arithmetic: ISO spans and
TIMEX3 duration values), ``tense`` (the year of a date written without one), the rules by what
they find (``calendar_dates``, ``years``, ``relative``, ``durations``, ``clock``), ``tagger`` (the
rules in order, their gates, the choice among overlapping hits, the tables) and ``happened`` (what
a date dates)."""

from __future__ import annotations

from .happened import what_happened
from .lexicon import ANCHORS, COLUMNS, TIMEX_COLUMNS, TYPES, Hit, lexicon
from .tagger import tag, tag_sentences

__all__ = [
    "ANCHORS",
    "COLUMNS",
    "TIMEX_COLUMNS",
    "TYPES",
    "Hit",
    "lexicon",
    "tag",
    "tag_sentences",
    "what_happened",
]
