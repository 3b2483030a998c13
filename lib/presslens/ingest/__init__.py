"""Reading a corpus into articles and sentences: formats, normalisation, cleaning, language,
duplicates."""
