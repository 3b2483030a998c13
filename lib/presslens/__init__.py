"""presslens: how did the press cover this conflict?

A helper library for a chain of papermill notebooks: cleaning, sentences,
sentiment, framing and timelines for news corpora.
"""

__version__ = "0.1.0"
