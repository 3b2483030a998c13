"""Command line: ``presslens run [--corpus PATH] [--out DIR] [-p NAME VALUE ...] [--params FILE]``,
``presslens stages`` (the stages, what each reads and writes), and ``presslens sample --out RUN``
(a coding sheet to check presslens on your own corpus)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from presslens.core import paths
from presslens.pipeline import notebooks, runner


def parse_params(pairs: list[list[str]] | None, params_file: str | None) -> dict[str, Any]:
    """Parameters from a YAML file, then -p NAME VALUE pairs (values parsed as YAML, as papermill
    -y)."""
    params: dict[str, Any] = {}
    if params_file:
        loaded = yaml.safe_load(Path(params_file).read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict):
            raise notebooks.ParameterError(
                f"{params_file}: expected a mapping of parameter names to values"
            )
        params.update(loaded)
    for name, value in pairs or []:
        params[name] = yaml.safe_load(value) if value.strip() else value
    return params


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the presslens command."""
    parser = argparse.ArgumentParser(
        prog="presslens",
        description="How did the press cover this conflict? Run the analysis chain.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run", help="execute notebooks/NN-*.ipynb in order and write a report folder"
    )
    run.add_argument(
        "--corpus",
        default=None,
        help="folder of .txt/.html files (+ metadata.csv), or a .csv/.jsonl/.parquet file "
        "(default: the seeds shipped with presslens)",
    )
    run.add_argument(
        "--out",
        default=None,
        help="report folder to write (default: the project's reports/ in a checkout, else "
        "~/presslens-reports)",
    )
    run.add_argument(
        "--pack",
        default=None,
        help="topic pack: a shipped pack's name (kosovo), a folder holding a pack.yaml, or none; "
        "default auto: the pack of a presslens.yaml beside the corpus, kosovo for the seeds, "
        "else none",
    )
    run.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="set a notebook parameter (repeatable)",
    )
    run.add_argument("--params", metavar="FILE", help="YAML file of parameters")
    add_settings(run)
    run.add_argument(
        "--notebooks", default=None, help="folder of notebooks (default: the project's notebooks/)"
    )
    run.add_argument(
        "--force",
        action="store_true",
        help="execute every notebook even when its cached tables are current",
    )
    run.add_argument(
        "--cache", default=None, help="cache folder (default: OUT.cache beside the report folder)"
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    sub.add_parser(
        "stages",
        help="print the stages of the chain: the function of each notebook, what it reads and "
        "writes",
    )
    add_sample_parser(sub)
    return parser


def add_settings(run: Any) -> None:
    """The options of `presslens run` that set how the run executes, once for every notebook."""
    run.add_argument(
        "--engine",
        default=None,
        choices=["auto", "pandas", "processes", "dask"],
        help="how every stage runs its partitions (default auto: worker processes on a machine "
        "with several cores); tables are the same whichever engine",
    )
    run.add_argument(
        "--scheduler",
        default=None,
        help="with --engine dask: the address of a running scheduler (default: a LocalCluster)",
    )
    run.add_argument(
        "--partition-size",
        type=int,
        default=None,
        help="articles per partition (default 500): bounds memory, spread over the cores",
    )


def add_sample_parser(sub: Any) -> None:
    """`presslens sample`: draw a coding sheet from a finished run."""
    sample = sub.add_parser(
        "sample",
        help="draw a stratified sample of a run's units and write a coding sheet (codes.csv, its "
        "guide and a page showing each unit) for checking presslens on your own corpus",
    )
    sample.add_argument("--out", default=None, help="the run folder (default: as presslens run)")
    sample.add_argument("--n", type=int, default=300, help="rows of the sheet at most (300)")
    sample.add_argument(
        "--per-stratum",
        type=int,
        default=3,
        help="units of one outlet and answer before others fill the sheet (3, more when few)",
    )
    sample.add_argument("--seed", type=int, default=21, help="seed of the draw (21)")
    sample.add_argument("--to", default=None, help="folder for the sheet (default: RUN.sample)")


def sample_command(args: argparse.Namespace) -> int:
    """Draw the sample of `presslens sample` and write its sheet, guide and page."""
    from presslens.core import tables
    from presslens.report import own_sample_page
    from presslens.validate import own_sample

    out = paths.run_folder(args.out)
    if not tables.exists("articles", out):
        print(f"presslens: {out} has no tables (data/articles.parquet); run presslens run "
              f"--out {out} first", file=sys.stderr)  # fmt: skip
        return 2
    drawn = own_sample.draw(out, n_per_stratum=args.per_stratum, seed=args.seed, max_rows=args.n)
    folder = Path(args.to).expanduser().resolve() if args.to else own_sample.sheet_folder(out)
    written = own_sample_page.write_sheet(drawn, out, folder)
    print(
        f"presslens: wrote {written['sheet']} ({len(drawn)} rows to fill), its guide "
        f"{written['guide']} and the units in context {written['page']}. Fill `value` and "
        f"`coder`, then: presslens run --out {out} -p codes {written['sheet']}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "stages":
        from presslens.pipeline import registry

        print(registry.describe())
        return 0
    if args.command == "sample":
        return sample_command(args)
    try:
        params = parse_params(args.parameter, args.params)
        if args.corpus is not None or "corpus" not in params:
            params["corpus"] = args.corpus or ""
        if args.pack is not None:
            params["pack"] = args.pack
        out = paths.run_folder(args.out)
        manifest = runner.run(
            params["corpus"],
            out,
            params,
            notebooks=args.notebooks,
            progress=not args.quiet,
            force=args.force,
            cache=args.cache,
            settings={
                "engine": args.engine,
                "scheduler": args.scheduler,
                "partition_size": args.partition_size,
            },
        )
    except notebooks.ParameterError as exc:
        print(f"presslens: {exc}", file=sys.stderr)
        return 2
    except runner.RunFailed as exc:
        print(f"presslens: {exc}", file=sys.stderr)
        return 1
    except runner.RunLocked as exc:
        print(f"presslens: {exc}", file=sys.stderr)
        return 75  # EX_TEMPFAIL: try again when the other run has ended
    except runner.RunInterrupted as exc:
        print(f"\npresslens: {exc}", file=sys.stderr)
        return 128 + exc.signum  # as a shell reports a command a signal stopped: 130, 143
    except KeyboardInterrupt:  # Ctrl-C before the run had begun
        print("\npresslens: interrupted; nothing was changed", file=sys.stderr)
        return 130
    total = manifest["timings_seconds"].get("total", 0)
    reused = f", {len(manifest['cached'])} reused from the cache" if manifest["cached"] else ""
    print(
        f"presslens: wrote {out}/ ({len(manifest['notebooks'])} notebooks{reused}, {total:.0f} "
        f"s); open {out / 'index.html'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
