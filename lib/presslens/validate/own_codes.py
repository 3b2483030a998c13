"""Read a filled coding sheet (`presslens sample`) back and measure how far presslens agrees with
each coder, and the coders with each other: accuracy, macro-F1 and Krippendorff's alpha (nominal),
each with a 95% percentile-bootstrap interval over the units.

presslens's answer is the one the sheet records (what presslens said when the sample was drawn);
`changed` counts the units whose answer in the run's current tables differs (or that the run no
longer has), so figures computed on an older run are not mistaken for the current one's."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from presslens.validate.own_sample import NO_OUTLET, SHEET_COLUMNS, family, variables

UNITS = ("article", "sentence", "mention", "quote", "actor")
COLUMNS = [
    "variable",
    "outlet",
    "rater_a",
    "rater_b",
    "n",
    "accuracy",
    "accuracy_lo",
    "accuracy_hi",
    "macro_f1",
    "macro_f1_lo",
    "macro_f1_hi",
    "alpha",
    "alpha_lo",
    "alpha_hi",
    "changed",
    "note",
]
ALL_OUTLETS = "(all outlets)"
ALL_FRAMES = "frame:* (all frames)"
PRESSLENS = "presslens"
MIN_OUTLET_N = 20  # units of one outlet before it gets rows of its own
N_BOOT = 1000
SEED = 21
UNIT_KEYS = ["unit", "article_id", "sent_id", "start", "end"]


def normal(value: object) -> str:
    """An answer as compared: lower case, spaces collapsed ('' for missing)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return " ".join(str(value).split()).lower()


def answer(variable: str, value: object) -> str:
    """An answer normalised and its synonyms mapped (resources/own_sample.yaml)."""
    v = normal(value)
    fam = family(variable)
    if not fam:
        return v
    return str(variables()[fam].get("synonyms", {}).get(v, v))


# ---- reading a sheet -------------------------------------------------------------------------


def _check_row(r: Any, line: int, path: Path, said: set[str]) -> None:
    """Raise ValueError naming the line when a row's unit, offsets or answer is not allowed."""
    if r.unit not in UNITS:
        raise ValueError(f"{path}, line {line}: unit {r.unit!r} is not one of {', '.join(UNITS)}")
    if not r.variable:
        raise ValueError(f"{path}, line {line}: the variable is empty")
    for c in ("sent_id", "start", "end"):
        v = getattr(r, c)
        if v and not v.lstrip("-").isdigit():
            raise ValueError(f"{path}, line {line}: {c} {v!r} is not a whole number")
    fam = family(r.variable)
    if not fam or not r.answer:
        return
    spec = variables()[fam]
    allowed = [str(a) for a in spec["values"]] + (sorted(said) if fam == "actor_type" else [])
    if not spec.get("open") and r.answer not in allowed:
        raise ValueError(
            f"{path}, line {line}: value {r.value!r} is not an answer to {r.variable} "
            f"(allowed: {', '.join(dict.fromkeys(allowed))})"
        )


def read_codes(path: str | Path) -> pd.DataFrame:
    """A filled coding sheet, checked (ValueError naming the column, row and value when it is not
    one), one row per unit, variable and coder with an answer; `attrs['empty']` counts the rows
    left without a value, which are left out."""
    p = Path(path)
    raw = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    raw.columns = [str(c).strip().lower() for c in raw.columns]
    missing = [c for c in SHEET_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(
            f"{p}: missing column(s) {', '.join(missing)}; a coding sheet has the columns "
            f"{', '.join(SHEET_COLUMNS)}"
        )
    sheet = raw[SHEET_COLUMNS].apply(lambda c: c.map(lambda v: " ".join(str(v).split())))
    sheet["unit"] = sheet["unit"].str.lower()
    for c in ("sent_id", "start", "end"):  # a spreadsheet may save 12 as 12.0
        sheet[c] = sheet[c].str.replace(r"^(-?\d+)\.0*$", r"\1", regex=True)
    sheet["coder"] = sheet["coder"].replace("", "(unnamed coder)")
    sheet["answer"] = [answer(v, x) for v, x in zip(sheet["variable"], sheet["value"])]
    sheet["said"] = [answer(v, x) for v, x in zip(sheet["variable"], sheet["presslens"])]
    said_types = set(sheet.loc[sheet["variable"].str.lower() == "actor_type", "said"]) - {""}
    for i, r in enumerate(sheet.itertuples(index=False)):
        _check_row(r, i + 2, p, said_types)
    speaker = (sheet["variable"].map(family) == "speaker") & (sheet["answer"] == "ok")
    sheet.loc[speaker, "answer"] = sheet.loc[speaker, "said"]
    filled = sheet[sheet["answer"] != ""].copy()
    filled["line"] = filled.index + 2
    _no_conflicts(filled, p)
    out = filled.drop_duplicates([*UNIT_KEYS, "variable", "coder"]).reset_index(drop=True)
    out.attrs["empty"] = int((sheet["answer"] == "").sum())
    out.attrs["rows"] = len(sheet)
    return out


def _no_conflicts(filled: pd.DataFrame, path: Path) -> None:
    """Raise ValueError when one coder gives one unit and variable two different answers."""
    keys = [*UNIT_KEYS, "variable", "coder"]
    seen = filled.groupby(keys, sort=False)["answer"].nunique()
    bad = seen[seen > 1]
    if len(bad):
        key = bad.index[0]
        lines = filled.loc[(filled[keys] == pd.Series(key, index=keys)).all(axis=1), "line"]
        raise ValueError(
            f"{path}, lines {', '.join(map(str, lines))}: coder {key[-1]!r} gives "
            f"{key[-2]} of one unit different answers"
        )


# ---- the scores and their intervals ----------------------------------------------------------


def scores(a: np.ndarray, b: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Accuracy, macro-F1 (b as the reference, over the classes either rater uses) and nominal
    Krippendorff's alpha of the coded answers a and b (integers below k), one per row of a and
    b (shape (resamples, units))."""
    rows, n = a.shape
    idx = (a * k + b + (np.arange(rows) * k * k)[:, None]).ravel()
    conf = np.bincount(idx, minlength=rows * k * k).reshape(rows, k, k).astype(float)
    diag = conf.diagonal(axis1=1, axis2=2)
    said, truth = conf.sum(axis=2), conf.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        prec = np.where(said > 0, diag / said, 0.0)
        rec = np.where(truth > 0, diag / truth, 0.0)
        f1 = np.where(prec + rec > 0, 2 * prec * rec / (prec + rec), 0.0)
        used = (said + truth) > 0
        macro = (f1 * used).sum(axis=1) / used.sum(axis=1)
        coincide = conf + conf.transpose(0, 2, 1)
        per_value = coincide.sum(axis=2)
        total = 2.0 * n
        expected = total**2 - (per_value**2).sum(axis=1)
        alpha = np.where(
            expected > 0, 1 - (total - 1) * (total - diag.sum(axis=1) * 2) / expected, np.nan
        )
    return diag.sum(axis=1) / n, macro, alpha


def kripp_alpha(a: list[str], b: list[str]) -> float:
    """Nominal Krippendorff's alpha of two raters' answers (the `krippendorff` package); NaN when
    they use one value between them (alpha is undefined)."""
    import krippendorff

    codes = {v: i for i, v in enumerate(sorted(set(a) | set(b)))}
    if len(codes) < 2 or not a:
        return float("nan")
    data = np.array([[codes[x] for x in a], [codes[y] for y in b]], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def compare(
    a: list[str], b: list[str], *, n_boot: int = N_BOOT, seed: int = SEED
) -> dict[str, float]:
    """n, accuracy, macro-F1 and alpha of two raters' answers on the same units, each with its
    95% percentile-bootstrap interval over the units (resampled with a fixed seed)."""
    codes = {v: i for i, v in enumerate(sorted(set(a) | set(b)))}
    ca = np.array([codes[x] for x in a], dtype=np.int64)[None, :]
    cb = np.array([codes[y] for y in b], dtype=np.int64)[None, :]
    k, n = max(len(codes), 1), len(a)
    acc, macro, _ = scores(ca, cb, k)
    out = {"n": n, "accuracy": float(acc[0]), "macro_f1": float(macro[0])}
    out["alpha"] = kripp_alpha(a, b)
    draws = np.random.default_rng(seed).integers(0, n, size=(n_boot, n))
    boot = dict(zip(("accuracy", "macro_f1", "alpha"), scores(ca[0][draws], cb[0][draws], k)))
    for name, values in boot.items():
        ok = values[~np.isnan(values)]
        lo, hi = np.percentile(ok, [2.5, 97.5]) if len(ok) else (np.nan, np.nan)
        out[f"{name}_lo"], out[f"{name}_hi"] = float(lo), float(hi)
    if np.isnan(out["alpha"]):
        out["alpha_lo"] = out["alpha_hi"] = float("nan")
    return out


# ---- agreement per variable, outlet and pair of raters ---------------------------------------


def _pairs(codes: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """(rater a, rater b, rows with `a`, `b`, `variable`, `outlet`, `changed`) for presslens
    against each coder on presslens's variables, and for each two coders on every variable."""
    out = []
    own = codes[(codes["variable"].map(family) != "") & (codes["said"] != "")]
    for coder, rows in own.groupby("coder", sort=True):
        got = rows.assign(a=rows["said"], b=rows["answer"])
        out.append((PRESSLENS, str(coder), got))
    keys = [*UNIT_KEYS, "variable"]
    for c1, c2 in itertools.combinations(sorted(codes["coder"].unique()), 2):
        one = codes[codes["coder"] == c1]
        two = codes.loc[codes["coder"] == c2, [*keys, "answer"]]
        both = one.merge(two, on=keys, suffixes=("", "_2"))
        got = both.assign(a=both["answer"], b=both["answer_2"], changed=False)
        out.append((str(c1), str(c2), got))
    return out


def _groups(rows: pd.DataFrame, min_outlet_n: int) -> list[tuple[str, str, pd.DataFrame]]:
    """(variable, outlet, rows) of each figure: every variable, all frames pooled, and outlets
    with at least `min_outlet_n` units."""
    out = []
    frames = rows[rows["variable"].map(family) == "frame"]
    if frames["variable"].nunique() > 1:
        out.append((ALL_FRAMES, ALL_OUTLETS, frames))
    for variable, g in rows.groupby("variable", sort=False):
        out.append((str(variable), ALL_OUTLETS, g))
        for outlet, o in g.groupby("outlet", sort=True):
            if len(o) >= min_outlet_n and g["outlet"].nunique() > 1:
                out.append((str(variable), str(outlet), o))
    return out


def _note(variable: str, result: dict[str, float], rater_a: str) -> str:
    """What to keep in mind when reading a row."""
    notes = []
    if result["n"] < 10:
        notes.append("fewer than 10 units: read the interval, not the figure")
    if np.isnan(result["alpha"]):
        notes.append("alpha undefined: one answer only")
    if family(variable) == "speaker":
        notes.append("answers are names: read accuracy")
    if rater_a != PRESSLENS:
        notes.append("two coders")
    return "; ".join(notes)


def _order(variable: str) -> tuple[int, str]:
    """Rows in the order of presslens's variables, then the user's own."""
    fams = ["frame", "tone_toward", "speaker", "actor_is_real", "actor_type", ""]
    rank = 0 if variable == ALL_FRAMES else 1 + fams.index(family(variable))
    return rank, variable


def agreement(
    codes: pd.DataFrame,
    *,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    min_outlet_n: int = MIN_OUTLET_N,
) -> pd.DataFrame:
    """One row per variable (and outlet with enough units) and pair of raters: presslens against
    each coder, and coders against each other (COLUMNS). `codes` is `read_codes`'s table with
    `outlet` and `changed` (whether the run's current answer differs from the sheet's)."""
    rows = []
    for rater_a, rater_b, pairs in _pairs(codes):
        for variable, outlet, g in _groups(pairs, min_outlet_n):
            result = compare(g["a"].tolist(), g["b"].tolist(), n_boot=n_boot, seed=seed)
            rows.append(
                {
                    "variable": variable,
                    "outlet": outlet,
                    "rater_a": rater_a,
                    "rater_b": rater_b,
                    **result,
                    "changed": int(g["changed"].sum()),
                    "note": _note(variable, result, rater_a),
                }
            )
    if not rows:
        return empty()
    table = pd.DataFrame(rows)
    order = table["variable"].map(_order)
    table = table.assign(
        _v=order.str[0],
        _n=order.str[1],
        _o=table["outlet"] != ALL_OUTLETS,
        _p=table["rater_a"] != PRESSLENS,
    )
    table = table.sort_values(["_v", "_n", "_o", "outlet", "_p", "rater_a", "rater_b"],
                              kind="mergesort")  # fmt: skip
    return table[COLUMNS].reset_index(drop=True)


def empty() -> pd.DataFrame:
    """The own_agreement table without rows."""
    table = pd.DataFrame({c: pd.Series(dtype="float64") for c in COLUMNS})
    for c in ("variable", "outlet", "rater_a", "rater_b", "note"):
        table[c] = table[c].astype(object)
    table["n"] = table["n"].astype("int64")
    table["changed"] = table["changed"].astype("int64")
    return table


# ---- the run's current answers ---------------------------------------------------------------


def _rows(name: str, out_dir: Path, columns: list[str], ids: set[str]) -> pd.DataFrame:
    """The rows of a table for the articles asked for (empty when the run has no such table)."""
    from presslens.core import tables

    if not tables.exists(name, out_dir):
        return pd.DataFrame(columns=columns)
    have = [c for c in columns if c in tables.columns(name, out_dir)]
    got = [p for p in tables.parts(name, out_dir, columns=have, articles=ids) if len(p)]
    return pd.concat(got, ignore_index=True) if got else pd.DataFrame(columns=columns)


def _span(df: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(article_id, start, end) of each row, as the sheet writes them."""
    return [(str(a), str(int(s)), str(int(e))) for a, s, e in
            zip(df["article_id"], df["start"], df["end"])]  # fmt: skip


def _now_frames(out: Path, ids: set[str]) -> dict[tuple[str, str], str]:
    """Whether each frame is present in each article, by (article_id, variable)."""
    af = _rows("article_frames", out, ["article_id", "scheme", "frame", "present"], ids)
    variable = ("frame:" + af["scheme"].astype(str) + "." + af["frame"].astype(str)).str.lower()
    present = af["present"].map(lambda v: "yes" if bool(v) else "no")
    return dict(zip(zip(af["article_id"], variable), present))


def _now_speakers(out: Path, ids: set[str]) -> dict[tuple[str, str, str], str]:
    """presslens's speaker of each quote, by span."""
    from presslens.validate.own_sample import actor_names, speaker_answer

    q = _rows("quotes", out, ["article_id", "start", "end", "speaker", "speaker_actor"], ids)
    names = actor_names(out)
    resolved = q["speaker_actor"] if "speaker_actor" in q else pd.Series("", index=q.index)
    said = [speaker_answer(s, a, names) for s, a in zip(q["speaker"], resolved)]
    return dict(zip(_span(q), said))


def current_answers(codes: pd.DataFrame, out_dir: str | Path) -> tuple[list[str], list[str]]:
    """presslens's answer to each row of `codes` in the run's current tables ('' when the run no
    longer has the unit), and the outlet of each row's article."""
    out, ids = Path(out_dir), set(codes["article_id"])
    arts = _rows("articles", out, ["article_id", "outlet"], ids)
    outlets = dict(zip(arts["article_id"], arts["outlet"].fillna("").replace("", NO_OUTLET)))
    frames, speakers = _now_frames(out, ids), _now_speakers(out, ids)
    tone = _rows("actor_tone", out, ["article_id", "start", "end", "label"], ids)
    tones = dict(zip(_span(tone), tone["label"].astype(str)))
    m = _rows("mentions", out, ["article_id", "start", "end", "actor"], ids)
    by_span, types = dict(zip(_span(m), m["actor"])), _actor_types(out)
    answers = []
    for r in codes.itertuples(index=False):
        span, fam = (r.article_id, r.start, r.end), family(r.variable)
        actor = by_span.get(span, "")
        found = {
            "frame": frames.get((r.article_id, r.variable.lower()), ""),
            "tone_toward": tones.get(span, ""),
            "speaker": speakers.get(span, ""),
            "actor_is_real": "yes" if actor in types else "",
            "actor_type": types.get(actor, ""),
        }.get(fam, "")
        answers.append(answer(r.variable, found))
    return answers, [outlets.get(a, NO_OUTLET) for a in codes["article_id"]]


def _actor_types(out_dir: Path) -> dict[str, str]:
    """Type of each actor of the run ('other' when it has none)."""
    from presslens.core import tables

    a = tables.read_if("actors", out_dir, columns=["actor", "type"])
    if a is None:
        return {}
    return dict(zip(a["actor"], a["type"].fillna("").replace("", "other")))


def own_agreement(out_dir: str | Path, codes: str | Path, **kw: Any) -> dict[str, Any]:
    """Stage 90's own-sample part: the filled sheet `codes` against presslens on the run in
    `out_dir`. Returns the table and what to say about it (rows read, left empty, coders, units
    whose answer changed since the sheet was drawn)."""
    sheet = read_codes(codes)
    from presslens.core import tables

    if len(sheet) and not tables.exists("articles", out_dir):
        raise FileNotFoundError(f"{out_dir} has no tables to compare the coding sheet with")
    now, outlets = current_answers(sheet, out_dir) if len(sheet) else ([], [])
    ours = sheet["variable"].map(family) != ""
    changed = ours & (pd.Series(now, index=sheet.index, dtype=object) != sheet["said"])
    sheet = sheet.assign(outlet=outlets, changed=changed)
    table = agreement(sheet, **kw)
    return {
        "table": table,
        "rows": int(sheet.attrs.get("rows", len(sheet))),
        "empty": int(sheet.attrs.get("empty", 0)),
        "coders": sorted(sheet["coder"].unique()),
        "changed": int(sheet.loc[changed, UNIT_KEYS].drop_duplicates().shape[0]),
        "own_variables": sorted(set(sheet.loc[~ours, "variable"])),
    }
