"""Sentence sentiment with two independent lexicons, aggregates with bootstrap intervals, and the
tone of a sentence toward one mention in it (validated against human ratings in
``presslens.validate.sentiment``).

Sentence methods (each gives one score in -1..1 per sentence):

- ``vader``: NLTK's VADER (Hutto & Gilbert 2014), a rule-based lexicon with rules for negation,
  intensifiers, "but" and capitals; the compound score is used. The lexicon is NLTK's own data
  (``sentiment/vader_lexicon.zip``) where installed, else the ``vader_lexicon.txt`` shipped inside
  the ``vaderSentiment`` package; nothing is downloaded. NLTK 3.10 refuses to open a lexicon path
  outside its data folders, so the text is read here and handed to NLTK's own analyser class
  unchanged. ``lexicon_info()`` records which file was used and its sha256. VADER's tokeniser is
  swapped for an equal one about three times faster (``FastSentiText``; same scores, tested).
- ``textblob``: the Pattern adjective lexicon shipped inside TextBlob (De Smedt & Daelemans 2012),
  polarity score. It was built from product reviews with its own rules, independently of VADER.

Labels are 3-class at +-0.05 on a score (VADER's convention). Article tone is the mean of its
sentence scores, not one call on the whole article (VADER saturates towards +-1 on long texts). Its
95% interval is a percentile bootstrap over the article's sentences; outlet tone is the mean of
its articles' tones with a bootstrap over articles. The bootstrap is vectorised: all groups with the
same number of values share one resampling pattern drawn from ``(seed, size)``, so a group's
interval depends only on its own values, the seed and ``n_boot``, never on which other groups are
in the same call (partitions give the same answer as the whole corpus). With one value there is no
interval (NaN); an outlet with fewer than ``min_articles`` articles carries a plain warning.

``toward(text, start, end)`` is target-dependent: a multinomial logistic regression trained by
``bench/train_toward.py`` on NewsMTSC's train file (political news sentences labelled for the
sentiment toward one person). Its features (``toward_features``): TF-IDF n-grams of the sentence
with the mention masked, of the few words left and right of it, of its own clause, of every word
marked by side and distance, of the words framing it, of the sentence with negated and quoted words
marked, character n-grams near it and VADER sentiment words as classes, plus a few numbers (VADER
scores of the clause and context, lexicon valence near the mention, position, quote speaker).
The model is shipped as gzipped JSON (vocabularies, idf, coefficients) and predicted with numpy
alone. Model choice used only cross-validation on the train file, grouped by sentence; NewsMTSC
devtest_rw is used once, for the figure reported by ``validate.sentiment.validate_toward``.

Measured accuracy (``presslens.validate.sentiment``): on 5,190 NYT editorial sentences VADER
gives Pearson r 0.490 and support-weighted 3-class P 0.69, R 0.48, F1 0.54 (published: 0.492, 0.69,
0.49, 0.55); TextBlob r 0.30, F1 0.41. On NewsMTSC devtest_rw (1,146 mentions) ``toward`` reaches
macro-F1 0.674 (95% CI 0.645-0.701; cross-validated on train 0.674, 0.664-0.684) at about 0.4 ms
per target; VADER on the whole sentence, ignoring the target, 0.51; fine-tuned transformers 0.83.
Limits: lexicons miss tone carried by events ("refugees fled burning villages" scores 0), and
``toward`` is a bag of nearby words, not a parser: it tells apart "condemned Smith" from "praising
Jones" but not every long-distance construction."""

from __future__ import annotations

from .scores import (
    COLUMNS,
    LABELS,
    METHODS,
    MODEL_FILE,
    NLTK_SENTITEXT,
    THRESHOLD,
    VaderConstants,
    FastSentiText,
    label,
    lexicon_info,
    score,
    score_sentences,
    textblob,
    use_fast_tokens,
    vader,
    wide,
)
from .compare import agreement, agreement_of, cohen_kappa, disagreements, extremes
from .aggregate import (
    BLOCK,
    resample_counts,
    article_tone,
    bootstrap_ci,
    bootstrap_intervals,
    fixed_mean,
    group_tone,
    outlet_tone,
)
from .toward import (
    DENSE_FEATURES,
    ngrams,
    target_features,
    toward,
    toward_model,
    toward_proba,
    toward_table,
)

__all__ = [
    "BLOCK",
    "COLUMNS",
    "DENSE_FEATURES",
    "LABELS",
    "METHODS",
    "MODEL_FILE",
    "NLTK_SENTITEXT",
    "THRESHOLD",
    "VaderConstants",
    "FastSentiText",
    "resample_counts",
    "agreement",
    "agreement_of",
    "article_tone",
    "bootstrap_ci",
    "bootstrap_intervals",
    "cohen_kappa",
    "disagreements",
    "extremes",
    "fixed_mean",
    "group_tone",
    "label",
    "lexicon_info",
    "ngrams",
    "outlet_tone",
    "score",
    "score_sentences",
    "target_features",
    "textblob",
    "toward",
    "toward_model",
    "toward_proba",
    "toward_table",
    "use_fast_tokens",
    "vader",
    "wide",
]
