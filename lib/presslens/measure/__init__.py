"""Measures over what was extracted: sentiment, frames, portrayal, contrasts, events."""
