"""Build hook: bundle the project's notebooks, seeds and validation data into the wheel.

``notebooks/``, ``seeds/`` and ``eval/`` stay the one source in the checkout; a wheel (``pip install
.``) gets copies under ``presslens/bundled/`` so that ``presslens run`` works from any folder
without the checkout. ``presslens.pipeline.paths`` finds the checkout's folders first and the
bundled copies
otherwise. An editable install bundles nothing: it reads the checkout's folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# (folder, glob patterns) copied into presslens/bundled/<folder>; the PDFs and the NewsMTSC training
# file are left out (only bench/ scripts read them).
BUNDLE = {
    "notebooks": ["[0-9][0-9]-*.ipynb"],
    "seeds": ["*.txt", "metadata.csv", "README*"],
    "eval": [
        "vader-nyt/*",
        "newsmtsc/devtest_rw.jsonl",
        "newsmtsc/LICENSE",
        "newsmtsc/readme.md",
        "narrative-frames/articles_metadata.dev.tsv",
        "narrative-frames/role_and_frame_annotations.dev.tsv",
        "narrative-frames/LICENSE",
        "narrative-frames/README.original.md",
        "seeds-timex/*",
    ],
}


class BuildWithBundle(build_py):
    """build_py that also copies the bundled folders into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "presslens" / "bundled"
        for folder, patterns in BUNDLE.items():
            for pattern in patterns:
                for src in sorted((HERE / folder).glob(pattern)):
                    if src.is_file():
                        dest = target / folder / src.relative_to(HERE / folder)
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(src, dest)


setup(cmdclass={"build_py": BuildWithBundle})
