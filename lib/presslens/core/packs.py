"""Topic packs: what presslens knows of one story beyond what it finds in a corpus, chosen by a run,
never assumed.

A pack is a folder with a ``pack.yaml`` (name, description, question, files) and up to four files:
an actors overlay, naming choices (terms), issue frames and claim patterns. The packs shipped with
presslens are the folders of ``presslens/resources/packs``; a user's own pack is any folder with a
``pack.yaml``. Which pack a run uses:

- ``"auto"`` (the default): the ``pack:`` of a ``presslens.yaml`` beside the corpus (inside the
  corpus folder, or in the folder holding a corpus file), else ``kosovo`` for the seeds shipped with
  presslens, else none;
- ``""`` or ``"none"``: no pack;
- a pack's name, or the path of a folder holding a ``pack.yaml``.

Stage 10 records the pack in the run's ``run_settings`` table; the later stages read it from there
(``of_run``), so every stage of a run uses the same pack.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from presslens.core import paths, resources

AUTO = "auto"
NONE = ("", "none")
KINDS = ("actors", "terms", "issue_frames", "claims")
SEEDS_PACK = "kosovo"  # the pack of the seeds shipped with presslens
SETTINGS_FILE = "presslens.yaml"  # beside a corpus: `pack: NAME` chooses its pack
GENERIC_QUESTION = "How did the press cover this story?"
GENERIC_CLAIMS = "claims_generic.yaml"  # claim quantities of a run without a pack
FORMAT = "docs/packs.md"  # where a pack's format is described
FOLDER_NOTE = ".pack-folder"  # in a run folder: the folder of a user's pack (not a table)


class PackError(ValueError):
    """A pack that does not exist, or a pack.yaml that cannot be read."""


def shipped_dir() -> Path:
    """The folder of the packs shipped with presslens."""
    return resources.path("packs")


def available() -> list[str]:
    """The names of the packs shipped with presslens, sorted."""
    folder = shipped_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / "pack.yaml").is_file())


def _settings_pack(corpus: Path) -> str | None:
    """The `pack:` of the presslens.yaml beside a corpus, or None when there is none."""
    folder = corpus if corpus.is_dir() else corpus.parent
    found = folder / SETTINGS_FILE
    if not found.is_file():
        return None
    spec = yaml.safe_load(found.read_text(encoding="utf-8")) or {}
    if not isinstance(spec, dict):
        raise PackError(f"{found}: expected a mapping such as 'pack: kosovo'")
    value = spec.get("pack")
    if value is None:
        return None
    value = str(value)
    if value not in NONE and not Path(value).is_absolute() and value not in available():
        relative = folder / value
        if (relative / "pack.yaml").is_file():
            return str(relative)  # a pack folder named relative to the presslens.yaml
    return value


def _is_seeds(corpus: Path) -> bool:
    try:
        return corpus.resolve() == paths.seeds_dir().resolve()
    except FileNotFoundError:
        return False


def resolve(pack: str, corpus: str | os.PathLike | None = "") -> str:
    """The pack a run uses: a shipped pack's name, the absolute path of a pack folder, or '' for
    none. `pack` is 'auto', '' or 'none', a name or a folder; `corpus` '' is the seeds."""
    pack = (pack or "").strip()
    if pack == AUTO:
        where = paths.corpus(corpus)
        chosen = _settings_pack(where)
        if chosen is None:
            return SEEDS_PACK if _is_seeds(where) and SEEDS_PACK in available() else ""
        return resolve(chosen, corpus)
    if pack.lower() in NONE:
        return ""
    if pack in available():
        return pack
    folder = Path(pack).expanduser()
    if (folder / "pack.yaml").is_file():
        return str(folder.resolve())
    names = ", ".join(available()) or "(none)"
    raise PackError(
        f"unknown topic pack {pack!r}: the packs shipped with presslens are {names}; a pack of "
        f"your own is a folder holding a pack.yaml ({FORMAT}); '' or 'none' runs without one"
    )


def folder(pack: str) -> Path | None:
    """The folder of a resolved pack (a name or a folder), None for no pack."""
    if not pack:
        return None
    if pack in available():
        return shipped_dir() / pack
    return Path(pack)


def spec(pack: str) -> dict[str, Any]:
    """A pack's pack.yaml as a dict ({} for no pack)."""
    where = folder(pack)
    if where is None:
        return {}
    loaded = yaml.safe_load((where / "pack.yaml").read_text(encoding="utf-8")) or {}
    if not isinstance(loaded, dict):
        raise PackError(f"{where / 'pack.yaml'}: expected a mapping (name, question, files)")
    return loaded


def name(pack: str) -> str:
    """A pack's name for tables and pages: its pack.yaml's name, else its folder's name ('' for
    none)."""
    if not pack:
        return ""
    return str(spec(pack).get("name") or Path(pack).name)


def files(pack: str) -> dict[str, str | None]:
    """kind -> the path of the pack's file of that kind, or None (every kind None for no pack)."""
    where = folder(pack)
    given = (spec(pack).get("files") or {}) if where is not None else {}
    out: dict[str, str | None] = {}
    for kind in KINDS:
        value = given.get(kind)
        out[kind] = str(where / value) if where is not None and value else None
    return out


def claims_file(pack: str) -> str:
    """The claim patterns a run uses: its pack's, else the generic quantities (no events)."""
    return files(pack)["claims"] or GENERIC_CLAIMS


def question(pack: str) -> str:
    """The research question of a pack, or the generic one."""
    return str(spec(pack).get("question") or GENERIC_QUESTION)


def file_hashes(pack: str) -> dict[str, str]:
    """sha256 of a pack's pack.yaml and files, keyed as the manifest lists resources."""
    from presslens.core.hashing import sha256_file

    where = folder(pack)
    if where is None:
        return {}
    shipped = pack in available()
    prefix = f"presslens/resources/packs/{pack}" if shipped else f"pack {where}"
    listed = ["pack.yaml", *[Path(f).name for f in files(pack).values() if f]]
    return {f"{prefix}/{f}": sha256_file(where / f) for f in listed if (where / f).is_file()}


# ---- a run's pack ---------------------------------------------------------------------------


def settings_table(pack: str, extra: dict[str, str] | None = None) -> Any:
    """The `run_settings` table stage 10 writes: key, value rows (no absolute paths); `extra`
    adds the run's other settings (as `outlet_comparisons`)."""
    import pandas as pd

    shipped = pack in available()
    rows = [
        ("pack", name(pack)),
        ("pack_source", "shipped" if shipped else "folder" if pack else ""),
        *sorted((extra or {}).items()),
    ]
    return pd.DataFrame(rows, columns=["key", "value"])


def settings(out_dir: str | os.PathLike) -> dict[str, str]:
    """The run's `run_settings` table as key -> value ({} for a run folder without it)."""
    from presslens.core import tables

    got = tables.read_if("run_settings", out_dir)
    if got is None or not len(got):
        return {}
    return dict(zip(got["key"].astype(str), got["value"].fillna("").astype(str)))


def setting(out_dir: str | os.PathLike, key: str, *, default: str = "") -> str:
    """One value of the run's `run_settings` table, `default` when the run has none."""
    return settings(out_dir).get(key, default) or default


def of_run(out_dir: str | os.PathLike, *, given: str = "") -> str:
    """The pack a run uses, as `resolve` returns it, from the run's `run_settings` table (written
    by stage 10). `given`, the pack parameter of stage 10, names a folder pack the table only
    names; a run folder without the table has no pack."""
    run = settings(out_dir)
    pack_name, source = run.get("pack", ""), run.get("pack_source", "")
    if not pack_name:
        return ""
    if source == "shipped":
        return pack_name
    return _folder_of(out_dir, pack_name, given)


def _folder_of(out_dir: str | os.PathLike, pack_name: str, given: str) -> str:
    """The folder of a user's pack named `pack_name`: `given`, else the one stage 10 noted in the
    run folder (FOLDER_NOTE), else the manifest's."""
    candidates = [given] if given else []
    note = Path(out_dir) / FOLDER_NOTE
    if note.is_file():
        candidates.append(note.read_text(encoding="utf-8").strip())
    manifest = Path(out_dir) / "manifest.json"
    if manifest.is_file():
        recorded = json.loads(manifest.read_text(encoding="utf-8")).get("pack") or {}
        candidates.append(str(recorded.get("folder") or ""))
    for c in candidates:
        if c and (Path(c) / "pack.yaml").is_file() and name(c) == pack_name:
            return str(Path(c).resolve())
    raise PackError(
        f"the run used the topic pack {pack_name!r} from a folder that is no longer found; run "
        "the chain again with --pack FOLDER"
    )


def record(pack: str, out_dir: str | os.PathLike, extra: dict[str, str] | None = None) -> None:
    """Write the run's `run_settings` table (the pack and `extra` settings), and note a folder
    pack's path beside it (tables hold no absolute paths)."""
    from presslens.core import tables

    tables.write(settings_table(pack, extra), "run_settings", out_dir)
    note = Path(out_dir) / FOLDER_NOTE
    if pack and pack not in available():
        note.write_text(str(Path(pack).resolve()) + "\n", encoding="utf-8")
    else:
        note.unlink(missing_ok=True)
