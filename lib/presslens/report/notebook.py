"""What the notebooks show: tables with names instead of ids, numbers for reading, long texts
wrapping, and the large tables sortable and filterable offline (itables).

`show(df, out_dir)` puts actors' display names in place of their ids and an article's outlet, date
and headline in place of its id (kept as the last column), prints counts as integers with thousands
separators and other numbers to a precision per column, and renders the table: plain for a short
one, interactive past `interactive_rows` rows. `table(name, out_dir)` reads a table and shows it.
Which columns hold ids, and the precisions, are data in resources/display.yaml.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

import pandas as pd

from presslens.core import resources, tables

SETTINGS = resources.load("display.yaml")
# whether this notebook has shown the itables library yet, and in which cell (JupyterLab's id)
_STATE: dict = {"bundled": False, "cell": None}
THOUSANDS = (
    "function (data, type) { return type === 'display' && typeof data === 'number' "
    "? data.toLocaleString('en-US') : data; }"
)
WRAP_PROPS = {
    "text-align": "left",
    "white-space": "normal",
    "min-width": "18em",
    "max-width": "44em",
}
WRAP_CSS = "table.dataTable td.pl-wrap { " + " ".join(f"{k}: {v};" for k, v in WRAP_PROPS.items())
WRAP_CSS += " } table.dataTable td.pl-left { text-align: left; white-space: nowrap; }"


def setup() -> None:
    """Tables printed for reading (three decimals, at most 30 rows, long texts cut); the
    notebook's first interactive table will carry the itables library."""
    pd.set_option("display.precision", 3)
    pd.set_option("display.max_rows", 30)
    pd.set_option("display.min_rows", 20)
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 160)
    _STATE.update(bundled=False, cell=None)


# ---- names instead of ids -------------------------------------------------------------------


def actor_names(out_dir: str | Path) -> dict[str, str]:
    """Display name of each actor id of a run (none if it has no actors table)."""
    got = tables.read_if("actors", out_dir, columns=["actor", "name"])
    if got is None:
        return {}
    return {a: n for a, n in zip(got["actor"], got["name"]) if isinstance(n, str) and n.strip()}


def article_fields(out_dir: str | Path, ids: Collection[str] | None = None) -> pd.DataFrame:
    """Outlet, date and headline of the articles `ids` (all if None), indexed by article_id."""
    fields: Mapping[str, str] = SETTINGS["article_fields"]
    empty = pd.DataFrame(columns=list(fields), index=pd.Index([], name="article_id"))
    if not tables.exists("articles", out_dir) or (ids is not None and not len(ids)):
        return empty
    cols = ["article_id", *fields.values()]
    found = list(tables.parts("articles", out_dir, columns=cols, articles=ids))
    if not found:
        return empty
    got = pd.concat(found, ignore_index=True)
    got = got.set_index("article_id").rename(columns={v: k for k, v in fields.items()})
    got["date"] = got["date"].fillna("").astype(str).str[:10]
    return got.loc[~got.index.duplicated(), list(fields)]


def actor_name(value: object, names: Mapping[str, str]) -> object:
    """An actor id's display name; an ambiguous surname marked; anything else unchanged."""
    if not isinstance(value, str):
        return value
    prefix = SETTINGS["ambiguous_prefix"]
    if value.startswith(prefix):
        return SETTINGS["ambiguous_label"].format(name=value[len(prefix) :])
    return names.get(value, value)


def with_actor_names(df: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Actor id columns as display names (dropped where a `name` column stands beside them)."""
    out = df.copy()
    for col in [c for c in SETTINGS["actor_columns"] if c in out.columns]:
        if col == "actor" and "name" in out.columns:
            out = out.drop(columns=[col])
        elif is_text(out[col]):
            out[col] = out[col].map(lambda v: actor_name(v, names)).astype(object)
    if "name" in out.columns and is_text(out["name"]):  # an ambiguous surname's name is its id
        prefix = SETTINGS["ambiguous_prefix"]
        out["name"] = out["name"].map(
            lambda v: actor_name(v, {}) if isinstance(v, str) and v.startswith(prefix) else v
        )
    for col in [c for c in SETTINGS["label_columns"] if c in out.columns and is_text(out[c])]:
        out[col] = out[col].map(lambda v: v.replace("_", " ") if isinstance(v, str) else v)
    for col in [c for c in SETTINGS["actor_list_columns"] if c in out.columns]:
        out[col] = out[col].map(
            lambda v: (
                "; ".join(str(actor_name(a, names)) for a in v.split()) if isinstance(v, str) else v
            )
        )
    return out


def with_article_fields(df: pd.DataFrame, fields: pd.DataFrame) -> pd.DataFrame:
    """Outlet, date and headline where the table has an article id, the id columns last."""
    col = SETTINGS["article_column"]
    out = df
    if col in df.columns:
        have = set(df.columns) | ({"date"} if "published" in df.columns else set())
        have |= {"headline"} if "title" in df.columns else set()
        add = [f for f in fields.columns if f not in have]
        joined = fields[add].reindex(df[col]).reset_index(drop=True)
        at = list(df.columns).index(col)
        out = df.reset_index(drop=True)
        for k, f in enumerate(add):
            out.insert(at + k, f, joined[f].fillna("").to_numpy())
    ids = [c for c in SETTINGS["id_columns"] if c in out.columns]
    return out[[c for c in out.columns if c not in ids] + ids]


def readable(df: pd.DataFrame, *, names: Mapping[str, str], fields: pd.DataFrame) -> pd.DataFrame:
    """The table as a reader sees it: row labels as columns, names for ids, ids last."""
    out = df.to_frame() if isinstance(df, pd.Series) else df
    if not isinstance(out.index, pd.RangeIndex):
        out = out.reset_index()
    out.columns = [str(c) if not isinstance(c, tuple) else " ".join(map(str, c)) for c in out]
    return with_article_fields(with_actor_names(out, names), fields)


# ---- numbers and texts for reading ----------------------------------------------------------


def is_text(series: pd.Series) -> bool:
    """Whether a column holds texts (or mixed values), not numbers, booleans or dates."""
    return series.dtype == object or pd.api.types.is_string_dtype(series)


def is_count(series: pd.Series) -> bool:
    """Whether a column holds counts: integers, or floats that are all whole numbers."""
    if series.dtype == bool or not pd.api.types.is_numeric_dtype(series):
        return False
    if pd.api.types.is_integer_dtype(series):
        return True
    values = series.dropna()
    return bool(len(values)) and bool((values == values.round()).all()) and values.abs().max() > 1


def number_text(value: object, column: str, *, count: bool) -> str:
    """A number for reading: counts with thousands separators, measures to their precision."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    v = float(value)
    if column in SETTINGS["plain_integer_columns"] and v.is_integer():
        return f"{v:.0f}"
    if count or (v.is_integer() and abs(v) >= 2):
        return f"{v:,.0f}"
    if column in SETTINGS["significant_columns"]:
        return f"{v:.3g}"
    return f"{v:,.1f}" if abs(v) >= 1000 else f"{v:.{SETTINGS['digits']}f}"


def formatters(df: pd.DataFrame) -> dict[str, Callable[[object], str]]:
    """How to print each numeric column of a table."""
    out: dict[str, Callable[[object], str]] = {}
    for col in df.columns:
        s = df[col]
        if s.dtype != bool and pd.api.types.is_numeric_dtype(s):
            count = is_count(s)
            out[col] = lambda v, c=col, k=count: number_text(v, c, count=k)
        elif is_text(s):
            out[col] = lambda v, c=col: number_text(v, c, count=False)
    return out


def wrapped(df: pd.DataFrame) -> list[str]:
    """The text columns long enough to wrap."""
    texts = [c for c in df.columns if is_text(df[c])]
    mean = {c: df[c].dropna().astype(str).str.len().mean() for c in texts}
    return [c for c in texts if (mean[c] or 0) >= SETTINGS["wrap_chars"]]


def plain_text(df: pd.DataFrame) -> str:
    """The table as text (no id columns), numbers formatted, long texts cut."""
    shown = df.drop(columns=[c for c in SETTINGS["id_columns"] if c in df.columns])
    fmt = formatters(shown)
    return shown.to_string(index=False, formatters=fmt, max_rows=30, max_colwidth=60)


def digest(df: pd.DataFrame, caption: str) -> str:
    """A stable id for a table's HTML (the same table, the same id: outputs stay the same)."""
    text = caption + df.to_csv(index=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def styled_html(df: pd.DataFrame, caption: str = "") -> str:
    """A plain table: no row labels, numbers right, texts left and wrapping."""
    wrap = wrapped(df)
    # text from articles is data: escaped like every other page (values, column names)
    styler = df.style.format(formatters(df), na_rep="", escape="html").hide(axis="index")
    styler = styler.format_index(escape="html", axis=1)
    styler = styler.set_uuid(f"pl{digest(df, caption)}")
    styler = styler.set_caption(caption) if caption else styler
    styler = styler.set_table_styles([{"selector": "th", "props": "text-align: left;"}])
    left = [c for c in df.columns if is_text(df[c]) and c not in wrap]
    if left:
        styler = styler.set_properties(
            subset=left, **{"text-align": "left", "white-space": "nowrap"}
        )
    if wrap:
        styler = styler.set_properties(subset=wrap, **WRAP_PROPS)
    return styler.to_html()


# ---- interactive tables ---------------------------------------------------------------------


def library_html() -> str:
    """The itables library (JavaScript and CSS) inlined: the tables need no network."""
    from itables import javascript, options

    return javascript.generate_init_offline_itables_html(options.dt_bundle)


def interactive_html(df: pd.DataFrame, caption: str = "") -> str:
    """A sortable, filterable table (itables, offline): numbers stay numbers so they sort."""
    from itables import JavascriptFunction, to_html_datatable

    data = df.copy()
    counts = [i for i, c in enumerate(data.columns) if is_count(data[c])]
    for i, col in enumerate(data.columns):
        if i in counts:
            data[col] = data[col].astype("Int64")
        elif data[col].dtype.kind == "f":
            places = 3 if col in SETTINGS["significant_columns"] else SETTINGS["digits"]
            data[col] = data[col].round(places)
    wrap = [list(data.columns).index(c) for c in wrapped(data)]
    left = [i for i, c in enumerate(data.columns) if is_text(data[c]) and i not in wrap]
    plain = set(SETTINGS["plain_integer_columns"])
    grouped = [i for i in counts if data.columns[i] not in plain]
    defs = [{"targets": grouped, "render": JavascriptFunction(THOUSANDS)}] if grouped else []
    defs += [{"targets": wrap, "className": "dt-left pl-wrap"}] if wrap else []
    defs += [{"targets": left, "className": "dt-left pl-left"}] if left else []
    return to_html_datatable(
        data,
        caption=caption or None,
        table_id=f"pl{digest(df, caption)}",
        connected=False,
        showIndex=False,
        classes="display compact",
        columnDefs=defs,
        css=WRAP_CSS,
        display_logo_when_loading=False,
        text_in_header_can_be_selected=False,  # a click on a column's name sorts by it
        maxBytes=0,
    )


def current_cell() -> str | None:
    """The id of the cell running now, where the front end sends it (JupyterLab), else None."""
    try:
        from IPython import get_ipython

        parent = get_ipython().kernel.get_parent()
    except (AttributeError, ImportError):
        return None
    return (parent or {}).get("metadata", {}).get("cellId")


# ---- what a notebook cell calls -------------------------------------------------------------


def bundle(df: pd.DataFrame, *, caption: str = "", interactive: bool | None = None) -> dict:
    """The MIME bundle of a readable table: text, and HTML plain or interactive."""
    if interactive is None:
        interactive = len(df) > SETTINGS["interactive_rows"]
    if not interactive:
        return {"text/plain": plain_text(df), "text/html": styled_html(df, caption)}
    html = interactive_html(df, caption)
    cell = current_cell()
    if not _STATE["bundled"] or (cell is not None and cell == _STATE["cell"]):
        html = library_html() + html  # once per notebook, and again when that cell reruns
        _STATE.update(bundled=True, cell=cell)
    return {"text/plain": plain_text(df), "text/html": html}


def show(
    df: pd.DataFrame, out_dir: str | Path, *, caption: str = "", interactive: bool | None = None
) -> None:
    """Display a table as a reader wants it: names for ids, numbers formatted, texts wrapping;
    sortable and filterable past `interactive_rows` rows (or as `interactive` says); at most
    `max_rows` rows."""
    from IPython.display import display

    limit = SETTINGS["max_rows"]
    if len(df) > limit:
        caption = (caption + " " if caption else "") + f"(the first {limit:,} of {len(df):,} rows)"
    df = df.head(limit)
    col = SETTINGS["article_column"]
    ids = set(df[col].dropna().astype(str)) if col in df.columns else set()
    shown = readable(df, names=actor_names(out_dir), fields=article_fields(out_dir, ids))
    display(bundle(shown, caption=caption, interactive=interactive), raw=True)


def table(
    name: str,
    out_dir: str | Path,
    *,
    columns: list[str] | None = None,
    rows: int | None = None,
    drop: tuple[str, ...] = (),
    interactive: bool | None = None,
) -> None:
    """Show a table of the run (its first `rows`, at most `max_rows`), saying where the rest is."""
    from IPython.display import Markdown, display

    if not tables.exists(name, out_dir):
        display(Markdown(f"This run has no table `{name}`."))
        return
    limit = min(rows or SETTINGS["max_rows"], SETTINGS["max_rows"])
    got = tables.head(name, out_dir, limit, columns=columns)
    got = got.drop(columns=[c for c in drop if c in got.columns])
    total = tables.n_rows(name, out_dir)
    caption = (
        f"{total:,} rows; all in data/{name}.csv"
        if len(got) >= total
        else f"The first {len(got):,} of {total:,} rows; all in data/{name}.csv"
    )
    show(got, out_dir, caption=caption, interactive=interactive)
