"""What a run shows: figures and their data, evidence, pages from templates, the start page."""
