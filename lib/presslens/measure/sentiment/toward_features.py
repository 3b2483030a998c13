"""Features of the tone toward one mention in a sentence: token views (n-grams of the masked
sentence, of the words around the mention by side and distance, of its clause, its role, negation
and quote marking, character n-grams near it, lexicon sentiment words as classes) and a few numbers
(VADER scores and lexicon valence near the mention). Word lists: resources/toward.yaml and
attribution.yaml (`toward_speech`)."""

from __future__ import annotations

import functools
import math
import re

from presslens.core import resources
from .scores import vader

_TOKEN = re.compile(r"[\w'’]+|[^\w\s]")
_WORDS = resources.load("toward.yaml")
_QUOTES = frozenset(_WORDS["quotes"])
_HARD_BREAKS = frozenset(_WORDS["hard_breaks"]) | _QUOTES
_CLAUSE_BREAKS = _HARD_BREAKS | frozenset(_WORDS["clause_breaks"])
_NEGATORS = frozenset(_WORDS["negators"])
_NEGATION_ENDS = frozenset(_WORDS["negation_ends"])
_POSSESSIVE = frozenset(_WORDS["possessive"])
_SPEECH = frozenset(resources.load("attribution.yaml")["toward_speech"])
WINDOW = 4
CHAR_WINDOW = 6
NEGATION_SCOPE = 3
MASK, OTHER = "TGT", "ENT"
LEXICON_THRESHOLD = 1.0  # |VADER valence| from which a word counts as positive or negative
VIEWS = ("sentence", "window", "clause", "pos", "role", "neg", "quote", "chars", "lex")
DENSE_FEATURES = [
    "vader_without_target",
    "vader_clause",
    "vader_clause_left",
    "vader_clause_right",
    "vader_segment",
    "vader_left",
    "vader_right",
    "pos_left3",
    "neg_left3",
    "pos_right3",
    "neg_right3",
    "pos_left6",
    "neg_left6",
    "pos_right6",
    "neg_right6",
    "relative_position",
    "starts_sentence",
    "speaker_next",
    "speaker_near",
    "inside_quote",
    "log_length",
    "pos_left_decay3",
    "neg_left_decay3",
    "pos_right_decay3",
    "neg_right_decay3",
    "pos_left_decay10",
    "neg_left_decay10",
    "pos_right_decay10",
    "neg_right_decay10",
]


def _tokens(text: str) -> list[str]:
    """Word and punctuation tokens, case kept."""
    return _TOKEN.findall(text)


def _masked(tokens: list[str], at_start: bool) -> list[str]:
    """Lower-cased tokens with capitalised ones (other names, most likely) replaced by ENT; the
    sentence's first token keeps its word."""
    return [
        OTHER if t[:1].isupper() and not (at_start and i == 0) else t.lower()
        for i, t in enumerate(tokens)
    ]


def _clause(
    left: list[str], right: list[str], breaks: frozenset[str]
) -> tuple[list[str], list[str]]:
    """The tokens of the mention's own clause: back and forward to the nearest break token."""
    i = len(left)
    while i > 0 and left[i - 1] not in breaks:
        i -= 1
    j = 0
    while j < len(right) and right[j] not in breaks:
        j += 1
    return left[i:], right[:j]


@functools.lru_cache(maxsize=1 << 16)
def _compound_of(joined: str) -> float:
    """VADER compound of a string, memoised: a mention's views often coincide (a clause that is the
    whole sentence), and wire copies repeat sentences."""
    return float(vader().polarity_scores(joined)["compound"])


def _compound(words: list[str]) -> float:
    """VADER compound of a token list (0 when empty)."""
    return _compound_of(" ".join(words)) if words else 0.0


def _near(valences: list[float], k: int) -> tuple[float, float]:
    """Sum of positive and of negative lexicon valences among the first k values, scaled by VADER's
    maximum (4)."""
    v = valences[:k]
    return sum(x for x in v if x > 0) / 4, sum(x for x in v if x < 0) / 4


def _decayed(valences: list[float], k: float) -> tuple[float, float]:
    """Positive and negative lexicon valence summed with weight exp(-distance / k), scaled by 4."""
    pos = neg = 0.0
    for i, x in enumerate(valences):
        v = x * math.exp(-i / k)
        if v > 0:
            pos += v
        else:
            neg += v
    return pos / 4, neg / 4


def _bucket(distance: int) -> str:
    """Distance class of a token from the mention: 1, 2, 3-4, 5-8, 9 and more."""
    return {1: "1", 2: "2"}.get(distance) or (
        "3" if distance <= 4 else "5" if distance <= 8 else "9"
    )


def _positional(left: list[str], right: list[str]) -> list[str]:
    """Every word marked with its side and distance class (L1_word, R3_word, ...)."""
    n = len(left)
    return [f"L{_bucket(n - i)}_{w}" for i, w in enumerate(left)] + [
        f"R{_bucket(i + 1)}_{w}" for i, w in enumerate(right)
    ]


def _role(left: list[str], right: list[str]) -> list[str]:
    """The words framing the mention: previous and next words and pairs, possessive, first
    position."""
    prev, nxt = (left[-1] if left else "^"), (right[0] if right else "$")
    out = [
        f"P={prev}",
        f"P2={' '.join(left[-2:]) if left else '^'}",
        f"N={nxt}",
        f"N2={' '.join(right[:2]) if right else '$'}",
        f"PN={prev}|{nxt}",
    ]
    if nxt in _POSSESSIVE:
        out.append(f"POSS={right[1] if len(right) > 1 else '$'}")
    if not left:
        out.append("START")
    return out


def _negated(tokens: list[str]) -> list[str]:
    """Tokens with the few after a negator marked NEG_ (until a comma, stop or 'but')."""
    out, scope = [], 0
    for w in tokens:
        if w in _NEGATORS:
            scope = NEGATION_SCOPE
            out.append(w)
            continue
        if w in _NEGATION_ENDS:
            scope = 0
        out.append("NEG_" + w if scope > 0 else w)
        scope = max(0, scope - 1)
    return out


def _quoted(tokens: list[str]) -> list[str]:
    """Tokens marked Q_ inside quotation marks and O_ outside (quotation marks dropped)."""
    out, inside = [], False
    for w in tokens:
        if w in _QUOTES:
            inside = not inside if w == '"' else w == "“"
            continue
        out.append(("Q_" if inside else "O_") + w)
    return out


def _lexical(left: list[str], right: list[str], clause: tuple[int, int]) -> list[str]:
    """Sentiment words of the VADER lexicon as classes, P or N (flipped and marked x when
    negated), by side and distance class, inside or outside the mention's clause, and overall:
    the model sees 'a negative word just right of the mention in its clause' even for words
    rare in the training sentences."""
    lex, n, out = vader().lexicon, len(left), []
    for i, w in enumerate(_negated([*left, MASK, *right])):
        negated = w.startswith("NEG_")
        v = lex.get(w[4:] if negated else w, 0.0)
        if i == n or abs(v) < LEXICON_THRESHOLD:
            continue
        sign = ("N" if v > 0 else "P") + "x" if negated else ("P" if v > 0 else "N")
        side, d = ("L", n - i) if i < n else ("R", i - n)
        inside = d <= (clause[0] if i < n else clause[1])
        out += [f"{side}{_bucket(d)}_{sign}", f"{'C' if inside else 'O'}{side}_{sign}", f"A_{sign}"]
    return out


def char_ngrams(tokens: list[str]) -> list[str]:
    """Character 2- to 5-grams of each token padded with a space at both ends."""
    out = []
    for t in tokens:
        p = f" {t.lower()} "
        if len(p) < 2:
            continue
        for n in range(2, 6):
            if len(p) < n:
                break
            out.extend(p[i : i + n] for i in range(len(p) - n + 1))
    return out


def ngrams(tokens: list[str]) -> list[str]:
    """Unigrams and adjacent bigrams of a token list (the model's term analyser)."""
    return [*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))]


ANALYSERS = {"ngrams": ngrams, "chars": char_ngrams}


def _views(text: str, start: int, end: int, left: list[str], right: list[str]) -> dict:
    """The token views of one mention (see VIEWS)."""
    cl, cr = _clause(left, right, _CLAUSE_BREAKS)
    ml = _masked(_tokens(text[:start]), True)
    mr = _masked(_tokens(text[end:]), False)
    masked = [*ml, MASK, *mr]
    return {
        "sentence": [*left, MASK, *right],
        "window": [*("L_" + w for w in left[-WINDOW:]), *("R_" + w for w in right[:WINDOW])],
        "clause": [*("CL_" + w for w in cl), *("CR_" + w for w in cr)],
        "pos": _positional(ml, mr),
        "role": _role(left, right),
        "neg": _negated(masked),
        "quote": _quoted(masked),
        "chars": [*ml[-CHAR_WINDOW:], MASK, *mr[:CHAR_WINDOW]],
        "lex": _lexical(left, right, (len(cl), len(cr))),
    }


def _dense(left: list[str], right: list[str]) -> list[float]:
    """The numeric features of one mention (see DENSE_FEATURES)."""
    cl, cr = _clause(left, right, _CLAUSE_BREAKS)
    hl, hr = _clause(left, right, _HARD_BREAKS)
    lex = vader().lexicon
    vl, vr = [lex.get(w, 0.0) for w in reversed(left)], [lex.get(w, 0.0) for w in right]
    n = len(left) + len(right) + 1
    return [
        _compound(left + right),
        _compound(cl + cr),
        _compound(cl),
        _compound(cr),
        _compound(hl + hr),
        _compound(left),
        _compound(right),
        *_near(vl, 3),
        *_near(vr, 3),
        *_near(vl, 6),
        *_near(vr, 6),
        len(left) / n,
        float(not left),
        float(bool(right) and right[0] in _SPEECH),
        float(any(w in _SPEECH for w in right[:3])),
        float(sum(w in _QUOTES for w in left) % 2 == 1),
        math.log1p(n) / 4,
        *_decayed(vl, 3),
        *_decayed(vr, 3),
        *_decayed(vl, 10),
        *_decayed(vr, 10),
    ]


def target_features(text: str, start: int, end: int) -> tuple[dict[str, list[str]], list[float]]:
    """The model's view of one mention: token lists (see VIEWS) and the numeric features (see
    DENSE_FEATURES)."""
    left = [t.lower() for t in _tokens(text[:start])]
    right = [t.lower() for t in _tokens(text[end:])]
    return _views(text, start, end, left, right), _dense(left, right)
