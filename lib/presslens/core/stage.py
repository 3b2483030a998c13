"""A stage declares itself once, next to its function: the notebook that runs it, the tables it
reads and writes (with the keys that order them), its figures, which of its parameters are paths,
what to load before worker processes are forked, and what it costs (seconds fixed and per 1,000
sentences, measured) with where its progress loops fall. Its parameters,
with their types and defaults, are the function's own signature.

    @stage(notebook="20-score-sentiment", reads=("articles", "sentences"),
           writes=("sentiment", "outlet_sentiment"), keys={"sentiment": ("article_id", "sent_id")},
           figures=("fig20-tone-by-article",), cost=(1.5, 0.2))
    def score_sentiment(out_dir, *, n_boot: int = 2000, engine: str = "auto") -> dict[str, int]:
        ...

Everything else derives from that declaration: the stage registry and the DAG of the chain
(`presslens.pipeline.registry`), the runner's cache keys, the progress bar's plan, which parameters
`presslens run` makes absolute and checks by type, the models preloaded before forking
(`partitions.map_stage`) and the order of each table's rows (`tables.stable`). A notebook runs its
stage with the parameters of its parameters cell: ``counts = score_sentiment.run(globals())``.
"""

from __future__ import annotations

import contextvars
import functools
import importlib
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presslens.core import tables

CORPUS = "corpus"  # what stage 10 reads: the input folder or table, not a table of the run
EVAL_DATA = "validation data"  # what stage 90 reads: the human-labelled data sets
EVERY_TABLE = "*"  # what a stage that reads every table of the run (the report) declares
# arguments of a stage function that are run settings (set once for a run: `core.engine`), not
# parameters of its notebook
RUN_CONTROL = ("progress", "engine", "scheduler", "partition_size")

_REGISTERED: dict[str, "Stage"] = {}
_AFTER: list[Callable[["Stage", Any], None]] = []  # called after a stage ran, with its out_dir
_RUNNING: contextvars.ContextVar[tuple["Stage", dict[str, Any]] | None] = contextvars.ContextVar(
    "presslens_stage", default=None
)


@dataclass(frozen=True)
class Param:
    """A parameter of a stage: its name, declared type (the annotation's text), default, and
    whether it names a file or folder (made absolute before a notebook sees it)."""

    name: str
    type: str
    default: Any
    path: bool = False

    def accepts(self, value: Any) -> bool:
        """Whether `value` fits the declared type (a list for a sequence; None for an optional)."""
        kinds = {k.strip() for k in self.type.replace("Optional[", "").rstrip("]").split("|")}
        if value is None:
            return "None" in kinds or not self.type
        checks = {
            "bool": lambda v: isinstance(v, bool),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "str": lambda v: isinstance(v, str),
            "Path": lambda v: isinstance(v, str),
        }
        for kind in kinds:
            base = kind.split("[")[0]
            if base in ("list", "tuple", "Sequence"):
                if isinstance(value, (list, tuple)):
                    return True
            elif base in checks:
                if checks[base](value):
                    return True
            else:
                return True  # a type the run cannot check from the command line
        return False


@dataclass(frozen=True)
class Stage:
    """One stage as its declaration gives it."""

    notebook: str
    function: str  # module:name
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    figures: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()
    preload: Callable[[Mapping[str, Any]], None] | None = None
    cost: tuple[float, float] | Callable[[Mapping[str, Any]], tuple[float, float]] = (2.0, 0.2)
    phases: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def cost_for(self, params: Mapping[str, Any]) -> tuple[float, float]:
        """The stage's cost (seconds fixed, per 1,000 sentences) for a run's parameters."""
        return self.cost(params) if callable(self.cost) else self.cost

    @property
    def name(self) -> str:
        """The stage's number, the notebook's prefix (10, 20, ...)."""
        return self.notebook[:2]

    @property
    def reads_everything(self) -> bool:
        """Whether the stage reads every table of the run (the report)."""
        return EVERY_TABLE in self.reads

    @property
    def path_params(self) -> tuple[str, ...]:
        """The parameters that name files or folders."""
        return tuple(p.name for p in self.params if p.path)

    def param(self, name: str) -> Param | None:
        """The declared parameter `name`, or None."""
        return next((p for p in self.params if p.name == name), None)

    def load(self) -> Callable[..., Any]:
        """The stage function."""
        module, _, name = self.function.partition(":")
        return getattr(importlib.import_module(module), name)


def _params(func: Callable[..., Any], paths: tuple[str, ...]) -> tuple[Param, ...]:
    """The parameters of a stage function, from its signature."""
    out = []
    for p in inspect.signature(func).parameters.values():
        if p.name in RUN_CONTROL or p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
            continue
        default = None if p.default is inspect.Parameter.empty else p.default
        kind = p.annotation
        kind = kind if isinstance(kind, str) else getattr(kind, "__name__", "")
        out.append(Param(p.name, str(kind), default, p.name in paths))
    unknown = set(paths) - {p.name for p in out}
    if unknown:
        raise TypeError(f"{func.__name__}: paths= names no parameter: {', '.join(sorted(unknown))}")
    return tuple(out)


def stage(
    *,
    notebook: str,
    reads: tuple[str, ...],
    writes: tuple[str, ...] = (),
    keys: Mapping[str, tuple[str, ...]] | None = None,
    figures: tuple[str, ...] = (),
    pages: tuple[str, ...] = (),
    paths: tuple[str, ...] = (),
    preload: Callable[[Mapping[str, Any]], None] | None = None,
    cost: tuple[float, float] | Callable[[Mapping[str, Any]], tuple[float, float]] = (2.0, 0.2),
    phases: Mapping[str, tuple[float, float]] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare a stage function (see the module's docstring). `keys`: the columns that order the
    rows of each written table that has them; `paths`: the parameters naming files or folders;
    `preload(params)`: loads the models and word lists the partitions will use, given the stage's
    parameters and the partition function's keyword arguments; `cost`: the stage's seconds, fixed
    and per 1,000 sentences, as bench/progress_fit.py measures them (the progress bar's plan), or
    a function of the run's parameters giving them; `phases`:
    where its progress loops (by `desc`) start and end, in fractions of its time."""
    keys = dict(keys or {})
    stray = set(keys) - set(writes)
    if stray:
        raise TypeError(f"{notebook}: keys= names tables it does not write: {sorted(stray)}")

    def declare(func: Callable[..., Any]) -> Callable[..., Any]:
        decl = Stage(
            notebook=notebook,
            function=f"{func.__module__}:{func.__name__}",
            reads=tuple(reads),
            writes=tuple(writes),
            keys={t: tuple(k) for t, k in keys.items()},
            figures=tuple(figures),
            pages=tuple(pages),
            params=_params(func, tuple(paths)),
            preload=preload,
            cost=cost if callable(cost) else (float(cost[0]), float(cost[1])),
            phases={d: (float(a), float(b)) for d, (a, b) in (phases or {}).items()},
        )
        run_stage = _wrap(func, decl)
        register(decl)
        return run_stage

    return declare


def _wrap(func: Callable[..., Any], decl: Stage) -> Callable[..., Any]:
    """The stage function as its declaration runs it: it knows it is running (for the preload)
    and has `declaration` and `run(namespace)` for notebooks."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def run_stage(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        token = _RUNNING.set((decl, dict(bound.arguments)))
        try:
            result = func(*args, **kwargs)
        finally:
            _RUNNING.reset(token)
        for hook in _AFTER:
            hook(decl, bound.arguments.get("out_dir"))
        return result

    def run(namespace: Mapping[str, Any], **overrides: Any) -> Any:
        """Run the stage with the parameters a notebook's parameters cell defined (the names
        of `namespace` the stage declares), `overrides` replacing them; a notebook shows the
        result as a short summary of what the stage wrote."""
        given = {p.name: namespace[p.name] for p in decl.params if p.name in namespace}
        result = run_stage(**{**given, **overrides})
        out_dir = given.get("out_dir", overrides.get("out_dir"))
        if isinstance(result, dict) and out_dir:
            return Wrote(result, decl, out_dir)
        return result

    run_stage.declaration = decl  # type: ignore[attr-defined]
    run_stage.run = run  # type: ignore[attr-defined]
    return run_stage


class Wrote(dict):
    """A stage's result (its counts, as a dict) that a notebook shows as a short Markdown summary
    of the tables, figures and pages the stage wrote, instead of the raw dict."""

    def __init__(self, result: dict, decl: Stage, out_dir: Any) -> None:
        super().__init__(result)
        self.decl, self.out_dir = decl, out_dir

    def _repr_markdown_(self) -> str:
        written = [t for t in self.decl.writes if tables.exists(t, self.out_dir)]
        rows = [f"`{t}` ({tables.n_rows(t, self.out_dir):,} rows)" for t in written]
        folder = Path(self.out_dir)
        figures = [f for f in self.decl.figures if (folder / "figures" / f"{f}.png").exists()]
        pages = [p for p in self.decl.pages if any(folder.glob(p))]
        parts = []
        if rows:
            parts.append(f"{_count(len(rows), 'table')}: " + ", ".join(rows))
        if figures:
            parts.append(f"{_count(len(figures), 'figure')}: " + ", ".join(figures))
        if pages:
            parts.append("pages: " + ", ".join(f"`{p}`" for p in pages))
        what = "; ".join(parts) if parts else "nothing"
        return f"**{self.decl.notebook}** wrote {what} in `{folder}`."


def _count(n: int, word: str) -> str:
    """'1 table', '3 tables'."""
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def register(decl: Stage) -> None:
    """Add a stage to the registry (a later declaration for the same notebook replaces it) and its
    tables' keys to the table writers."""
    _REGISTERED[decl.notebook] = decl
    for table, columns in decl.keys.items():
        tables.KEYS[table] = list(columns)


def after_run(hook: Callable[[Stage, Any], None]) -> None:
    """Call `hook(stage, out_dir)` after every stage that ran to its end (once per hook)."""
    if hook not in _AFTER:
        _AFTER.append(hook)


def registered() -> list[Stage]:
    """The stages declared so far, in notebook order."""
    return [_REGISTERED[k] for k in sorted(_REGISTERED)]


def running() -> tuple[Stage, dict[str, Any]] | None:
    """The stage being run in this context and its arguments, or None."""
    return _RUNNING.get()


def preloader(extra: Mapping[str, Any]) -> Callable[[], None] | None:
    """What to load before forking for the stage being run, given the keyword arguments its
    partition function gets (`extra`), or None outside a stage or for a stage without one."""
    now = running()
    if now is None or now[0].preload is None:
        return None
    decl, args = now
    return functools.partial(decl.preload, {**args, **extra})
