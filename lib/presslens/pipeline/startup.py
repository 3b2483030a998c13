"""Imported before papermill by the runner's modules: a faster start of ``presslens run``.

papermill imports nbformat, which imports jsonschema, which imports ``rfc3987_syntax`` when it is
installed (an optional extra that Jupyter's packages pull in) to check the "iri" string format. That
package builds its grammar at import, 0.7 s of every run's start on this project's machine. Nothing
a run validates uses that format, so jsonschema is imported here with ``rfc3987_syntax`` hidden: it
then leaves the "iri" format unchecked, as it does when the extra is not installed. The package
stays importable for any later ``import rfc3987_syntax``. When jsonschema is already imported this
does nothing.
"""

from __future__ import annotations

import sys

if "jsonschema" not in sys.modules:
    _HIDDEN = "rfc3987_syntax" not in sys.modules
    if _HIDDEN:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import jsonschema  # noqa: F401
    finally:
        if _HIDDEN and sys.modules.get("rfc3987_syntax", 0) is None:
            del sys.modules["rfc3987_syntax"]
