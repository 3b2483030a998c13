"""How far the methods can be trusted: each one measured against human labels, computed once.

Three data sets made by other researchers (``eval/``, with their licences): NYT editorial
sentences rated by 20+ people (sentence sentiment), NewsMTSC devtest_rw (tone toward a person) and
the narrative-frames development articles (generic frames, by cross-validation). The results
depend only on those files, the method code and its resources, and the parameters, so they are
kept in a user cache (``paths.cache_dir()/validation``) keyed by all of these and reused by every
later run and output folder; a change to any of them computes them anew. A data set that is not
installed is reported as absent and the others are still measured.
"""

from __future__ import annotations

import hashlib
import importlib.util
import pickle
from pathlib import Path
from typing import Any

import pandas as pd

from presslens.core import paths, resources
from presslens.measure.metrics import wilson

NYT = ("vader-nyt", "nytEditorialSnippets_GroundTruth.txt")
NEWSMTSC = ("newsmtsc", "devtest_rw.jsonl")
FRAMES = ("narrative-frames", "articles_metadata.dev.tsv")
CODE = (
    "presslens.measure.sentiment",
    "presslens.measure.metrics",
    "presslens.measure.framing",
    "presslens.measure.frame_model",
    "presslens.measure.textvec",
    "presslens.ingest.sentences",
    "presslens.extract",
    "presslens.validate.validation",
    "presslens.validate.sentiment",
    "presslens.validate.frames",
    "presslens.validate.actors",
    "presslens.validate.attribution",
    "presslens.validate.political",
    "presslens.validate.housestyles",
    "presslens.validate.timex",
    "presslens.measure.events",
)  # the modules (or packages) whose code decides the validation results
COLUMNS = ["task", "dataset", "method", "metric", "value", "low", "high", "n", "reference",
           "reference_source"]  # fmt: skip
FORMAT = 2  # bump when the cached result's shape changes


def references() -> pd.DataFrame:
    """Published reference figures (task, dataset, method, metric, reference, reference_source)."""
    rows = [
        (r["task"], r["dataset"], r["method"], m, v, r["source"])
        for r in resources.load("references.yaml")
        for m, v in r["metrics"].items()
    ]
    return pd.DataFrame(
        rows, columns=["task", "dataset", "method", "metric", "reference", "reference_source"]
    )


def published() -> dict[str, dict[str, Any]]:
    """The published reference figures by key (``vader``, ``toward``): each metric's value and the
    source."""
    return {
        r["key"]: {**r["metrics"], "source": r["source"]} for r in resources.load("references.yaml")
    }


def _files(eval_dir: Path | None) -> dict[str, Path | None]:
    """The data file of each task, or None when it is not installed."""
    found = {}
    for task, (folder, name) in {"nyt": NYT, "newsmtsc": NEWSMTSC, "frames": FRAMES}.items():
        p = eval_dir / folder / name if eval_dir is not None else None
        found[task] = p if p is not None and p.is_file() else None
    both = found["newsmtsc"] is not None and found["frames"] is not None
    found["actors"] = found["newsmtsc"] if both else None
    found["attribution"] = resources.path("gold/attribution.jsonl")
    found["political"] = resources.path("gold/political.jsonl")
    timex_gold = eval_dir / "climate-timex" / "timex_gold.csv" if eval_dir is not None else None
    has_timex = timex_gold is not None and timex_gold.is_file() and found["frames"] is not None
    found["timex"] = timex_gold if has_timex else None
    return found


def _sources(module: str) -> list[Path]:
    """The source files of a module, or of every module of a package, in a fixed order."""
    origin = Path(importlib.util.find_spec(module).origin)
    return sorted(origin.parent.rglob("*.py")) if origin.name == "__init__.py" else [origin]


def cache_key(files: dict[str, Path | None], params: dict[str, Any]) -> str:
    """sha256 of the data files, the method code and resources, and the parameters."""
    h = hashlib.sha256(f"format {FORMAT}".encode())
    for task, p in sorted(files.items()):
        h.update(task.encode())
        h.update(p.read_bytes() if p is not None else b"absent")
    for name in CODE:
        for p in _sources(name):
            h.update(p.read_bytes())
    folder = resources.path("")
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not {"__pycache__", "nbconvert", "packs"} & set(p.parts):
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    h.update(repr(sorted(params.items())).encode())
    return h.hexdigest()


nan = float("nan")


def _row(
    task: str,
    dataset: str,
    method: str,
    metric: str,
    value: float | None,
    n: int,
    interval: tuple[float, float] = (float("nan"), float("nan")),
) -> dict[str, Any]:
    return dict(
        task=task,
        dataset=dataset,
        method=method,
        metric=metric,
        value=None if value is None else round(float(value), 4),
        low=interval[0],
        high=interval[1],
        n=int(n),
    )


POLITICAL = "political gold, {split} split (6 house styles)"


def _political(path: Path) -> tuple[list[dict], dict[str, Any]]:
    """Quotes and actors on the political-news gold set per split, the annotators' agreement,
    the name types' agreement and direct quotes per house style (presslens.validate.political)."""
    from presslens.validate import political

    recs = political.records(path.name)
    spec, mentions, said = political.run(recs)
    quotes = political.attribution_scores(recs, said)
    actors = political.actor_scores(recs, mentions, spec)
    agree, types, styles = (
        political.agreement(),
        political.type_agreement(),
        political.style_rates(),
    )
    rows = [
        _row("quote attribution", POLITICAL.format(split=r.split), "presslens.quotes", r.metric,
             r.value, r.n, (r.low, r.high))
        for r in quotes.itertuples()
    ] + [
        _row("actor discovery", POLITICAL.format(split=r.split), "presslens.discover", r.metric,
             r.value, r.n)
        for r in actors.itertuples()
    ] + [
        _row("annotator agreement", f"political gold ({agree['articles']} articles, 2 coders)",
             "second coder vs first", m, agree[k], agree[n])
        for m, k, n in (("attribution f1 (overlap)", "attribution_f1", "attributions"),
                        ("speaker agreement", "speaker_agreement", "attributions"),
                        ("mention type alpha (Krippendorff)", "type_alpha", "mentions_both"))
    ] + [
        _row("annotator agreement", "name types (60 names, 2 coders)", "second coder vs first",
             m, types[k], types["n"])
        for m, k in (("share equal", "agree"), ("alpha (Krippendorff)", "alpha"))
    ] + [
        _row("quotation house styles", "climate gold rendered in each style", "presslens.quotes",
             f"direct quotes per 100 sentences ({r.style})", r.direct_per_100, r.sentences)
        for r in styles.itertuples()
    ]  # fmt: skip
    detail = {"quotes": quotes, "actors": actors, "agreement": agree, "types": types,
              "styles": styles}  # fmt: skip
    return rows, {"political": detail}


def _timex(path: Path) -> tuple[list[dict], dict[str, Any]]:
    """The temporal tagger on the climate TimeML gold (presslens.validate.timex), dev and
    held-out halves apart."""
    from presslens.validate import timex

    got = timex.climate(path.parent.parent)
    rows = []
    for split in ("dev", "heldout"):
        r, ds = got[split], f"climate TimeML gold, {split} half (real news 2017-2019)"
        n = int(r["counts"]["gold"].sum())
        rows += [
            _row("temporal tagging", ds, "presslens.timeline", "value f1 (TempEval-3)",
                 r["value_f1"], n, r["value_ci"]),
            _row("temporal tagging", ds, "presslens.timeline", "span f1 (relaxed)",
                 r["relaxed_f1"], n),
        ]  # fmt: skip
        k, m = r["yearless"]["all"]
        if m:
            rows.append(
                _row("temporal tagging", ds, "presslens.timeline",
                     "year-less dates in the reader's year", k / m, m, wilson(k, m))
            )  # fmt: skip
    return rows, {}


def _sentence_sentiment(path: Path) -> tuple[list[dict], dict[str, Any]]:
    from presslens.validate import sentiment as sentiment_check

    nyt = sentiment_check.validate_nyt(path)
    rows = [
        _row("sentence sentiment", "vader-nyt (NYT editorials)", r["method"], m, r[m], r["n"])
        for r in nyt.to_dict("records")
        for m in ("pearson_r", "precision", "recall", "f1", "macro_f1")
    ]
    return rows, {"nyt": nyt}


def _toward(path: Path) -> tuple[list[dict], dict[str, Any]]:
    from presslens.measure import sentiment
    from presslens.validate import sentiment as sentiment_check

    tw = sentiment_check.validate_toward(path)
    ds = "newsmtsc devtest_rw"
    rows = [
        _row(
            "tone toward a target",
            ds,
            "toward",
            f"{m} ({r['class']})",
            r[m],
            r["support"],
            tuple(tw["macro_f1_ci"]) if (m, r["class"]) == ("f1", "macro") else (nan, nan),
        )
        for r in tw["table"].to_dict("records")
        for m in ("precision", "recall", "f1")
    ]
    cv = sentiment.toward_model().cv
    if cv:  # the development figure: cross-validation on NewsMTSC train, stored with the model
        rows.append(
            _row(
                "tone toward a target",
                f"newsmtsc train, {cv['folds']}-fold CV grouped by {cv['grouped_by']}",
                "toward",
                "f1 (macro)",
                cv["macro_f1"],
                cv["n"],
                tuple(cv["ci95"]),
            )
        )
    rows.append(
        _row(
            "tone toward a target",
            ds,
            "vader (sentence, ignores the target)",
            "f1 (macro)",
            tw["baseline_vader_macro_f1"],
            tw["n"],
        )
    )
    rows.append(
        _row(
            "tone toward a target",
            ds,
            "best published (fine-tuned transformer)",
            "f1 (macro)",
            None,
            tw["n"],
        )
    )
    return rows, {"toward": tw}


def _actors(path: Path) -> tuple[list[dict], dict[str, Any]]:
    """Actor discovery: person recall on NewsMTSC, entity recall on narrative-frames, precision
    on the hand-labelled sample, and speakers' gender against the attribution gold set."""
    from presslens.validate import actors

    task, method = "actor discovery", "presslens.discover"
    mtsc = actors.newsmtsc_recall(path)
    frames = actors.frames_recall(path.parent.parent)
    sample = actors.sample_precision(
        actors.gold_path("actors_sample.csv"),
        {"newsmtsc": mtsc.pop("names"), "climate": frames.pop("names")},
    )
    gender = actors.gender_check(actors.gold_path("attribution.jsonl"))
    said = gender["assigned"]
    rows = [
        _row(task, "newsmtsc devtest_rw (name targets)", method, "recall (person mention)",
             mtsc["recall"], mtsc["n"]),
        _row(task, "narrative-frames dev (named entities)", method, "recall", frames["recall"],
             frames["n"]),
        _row(task, "discovered actors (labelled sample)", method, "precision (real name)",
             sample["name"], sample["n"]),
        _row(task, "discovered actors (labelled sample)", method, "precision (name and type)",
             sample["name_and_type"], sample["n"]),
        _row(task, "discovered actors (labelled sample)", method, "forms of one entity",
             sample["forms"], sample["n"]),
        _row(task, "discovered actors (labelled sample)", method,
             "still discovered (same name and type)", sample["still"], sample["n"]),
        _row("speaker gender", "attribution gold (speakers with a stated gender)", method,
             "share given a gender", said / gender["n"] if gender["n"] else 0.0, gender["n"]),
        _row("speaker gender", "attribution gold (speakers with a stated gender)", method,
             "accuracy (of those given one)", gender["right"] / said if said else 0.0, said),
    ]  # fmt: skip
    return rows, {"actors": {"newsmtsc": mtsc, "frames": frames, "sample": sample, **gender}}


def _attribution(path: Path) -> tuple[list[dict], dict[str, Any]]:
    """Quote attribution against the hand-annotated gold set, per kind."""
    from presslens.validate import actors

    table = actors.attribution_scores(path)
    ds, method = "presslens attribution gold (30 narrative-frames articles)", "presslens.quotes"
    rows = [
        _row("quote attribution", ds, method, f"{metric} ({r['kind']})", r[key], r[n])
        for r in table.to_dict("records")
        for metric, key, n in (
            ("precision", "precision", "predicted"),
            ("recall", "recall", "gold"),
            ("f1 (overlap)", "f1", "gold"),
            ("f1 (exact)", "exact_f1", "gold"),
            ("speaker accuracy", "speaker_accuracy", "matched"),
        )
    ]
    return rows, {"attribution": table}


def _frames(path: Path, *, repeats: int) -> tuple[list[dict], dict[str, Any]]:
    """Generic frames against people: the development part by cross-validation and the held-out
    part, per frame and macro, with 95% bootstrap intervals and the baselines."""
    from presslens.validate import frames

    fr = frames.validate(path.parent, repeats=repeats)
    rows = []
    for table, part, suffix in (
        (fr["table"], f"narrative-frames dev, {fr['folds']}-fold CV (climate news)", ""),
        (fr["heldout"], "narrative-frames held-out part (climate news)", " (held out)"),
    ):
        rows += _frame_rows(table, part, suffix)
    sp, n = fr["split_spread"], int(fr["n_dev"])
    ds = f"narrative-frames dev, {fr['folds']}-fold CV (climate news)"
    rows += [
        _row(
            "generic frames",
            ds,
            "presslens.framing",
            f"f1 (macro, {k} over {sp['repeats']} splits)",
            sp[k],
            n,
        )
        for k in ("mean", "min", "max")
    ]
    return rows, {"frames": fr}


def _frame_rows(table: Any, ds: str, suffix: str) -> list[dict]:
    """Validation rows of one part: P/R/F1 per frame and macro (F1 with its bootstrap interval),
    and the F1 of the baselines (majority answer, always present, cue density only)."""
    rows = []
    for r in table.to_dict("records"):
        name, n, method = r["frame"], r["n"], "presslens.framing" + suffix
        if name != "macro":
            rows += [
                _row("generic frames", ds, method, f"{m} ({name})", r[m], n)
                for m in ("precision", "recall")
            ]
        rows.append(
            _row("generic frames", ds, method, f"f1 ({name})", r["f1"], n, (r["f1_lo"], r["f1_hi"]))
        )
        for base, key in (
            ("majority baseline", "majority_f1"),
            ("always present", "always_present_f1"),
            ("cue density only", "density_f1"),
        ):
            rows.append(_row("generic frames", ds, base + suffix, f"f1 ({name})", r[key], n))
    return rows


def measure(eval_dir: str | Path | None, *, frame_split_repeats: int = 5) -> dict[str, Any]:
    """Run every validation whose data is installed: {'table': validation rows, 'absent': [what is
    missing], and the detail results ('nyt', 'toward', 'frames')}."""
    files = _files(Path(eval_dir) if eval_dir else None)
    rows: list[dict] = []
    out: dict[str, Any] = {"absent": []}
    for task, path in files.items():
        if path is None:
            out["absent"].append(
                {
                    "nyt": "NYT editorial sentences (eval/vader-nyt)",
                    "newsmtsc": "NewsMTSC devtest_rw (eval/newsmtsc)",
                    "frames": "narrative-frames articles (eval/narrative-frames)",
                    "actors": "NewsMTSC and narrative-frames (for actor discovery)",
                    "attribution": "the attribution gold set (presslens/resources/gold)",
                    "political": "the political-news gold set (presslens/resources/gold)",
                    "timex": "the climate TimeML gold (eval/climate-timex)",
                }[task]
            )
            continue
        got, detail = {
            "nyt": _sentence_sentiment,
            "newsmtsc": _toward,
            "frames": lambda p: _frames(p, repeats=frame_split_repeats),
            "actors": _actors,
            "attribution": _attribution,
            "political": _political,
            "timex": _timex,
        }[task](path)
        rows += got
        out.update(detail)
    table = pd.DataFrame(rows, columns=COLUMNS[:8])
    ref = references()
    table = table.merge(ref, on=["task", "dataset", "method", "metric"], how="left")
    table["reference_source"] = table["reference_source"].fillna("")
    out["table"] = table[COLUMNS]
    return out


def _cache_path(eval_dir: str | Path | None, frame_split_repeats: int) -> Path:
    """Where `cached` keeps the result for this data, code and parameters."""
    files = _files(Path(eval_dir) if eval_dir else None)
    key = cache_key(files, {"frame_split_repeats": frame_split_repeats})
    return paths.cache_dir() / "validation" / f"{key}.pickle"


def is_cached(eval_dir: str | Path | None, *, frame_split_repeats: int = 5) -> bool:
    """Whether `cached` would read its result from the user cache (it is milliseconds to ask)."""
    return _cache_path(eval_dir, frame_split_repeats).is_file()


def cached(
    eval_dir: str | Path | None, *, frame_split_repeats: int = 5, use_cache: bool = True
) -> dict[str, Any]:
    """`measure`, computed once per data, code and parameters and then read from the user cache
    (`from_cache` says which)."""
    path = _cache_path(eval_dir, frame_split_repeats)
    if use_cache and path.is_file():
        try:
            with open(path, "rb") as fh:
                return {**pickle.load(fh), "from_cache": True, "cache": str(path)}
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # a damaged or stale entry is computed anew
    result = measure(eval_dir, frame_split_repeats=frame_split_repeats)
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(result, fh)
            tmp.replace(path)
        except OSError:
            pass  # no writable cache: the run still has its results
    return {**result, "from_cache": False, "cache": str(path)}


def frames_summary(fr: dict[str, Any]) -> str:
    """Notebook 90's paragraph on the generic frames: development and held-out macro-F1 with their
    intervals, the cue-density baseline, the spread over splits, what to trust."""
    macro = {part: fr[part].set_index("frame").loc["macro"] for part in ("table", "heldout")}
    dev, held = macro["table"], macro["heldout"]
    sp = fr["split_spread"]
    spread = (
        f"Over {sp['repeats']} random splits into folds the development figure ranges from "
        f"{sp['min']:.2f} to {sp['max']:.2f}: differences smaller than that are noise. "
        if sp.get("repeats", 0) > 1
        else ""
    )
    return (
        f"Macro-F1 over the five frames: development **{dev['f1']:.2f}** [{dev['f1_lo']:.2f}, "
        f"{dev['f1_hi']:.2f}] ({fr['n_dev']} articles), held out **{held['f1']:.2f}** "
        f"[{held['f1_lo']:.2f}, {held['f1_hi']:.2f}] ({fr['n_heldout']} articles); cue density "
        f"alone {dev['density_f1']:.2f} / {held['density_f1']:.2f}. {spread}"
        "Every article coded as using a frame shows its evidence sentences: "
        f"{fr['every_positive_has_evidence']}. Conflict, responsibility and economic are usable; "
        "human interest and morality, rare here (about one article in nine) and carried by tone "
        "more than by words, are weak. On another topic, retrain on coded articles of it "
        "(bench/train_frames.py)."
    )
