"""The `process` command: partitioned processing on a Dask cluster or local worker processes."""
from __future__ import annotations

import sys

from ..errors import InputError


def cmd_process(args) -> int:
    from ..cli import _progress, _report_rejected, _report_repeated
    from .distributed import PARTITION_SIZE, ProcessOptions, process_sources
    if not args.output and not args.db:
        print("error: say where the results go: --output DIR (Parquet files) and/or --db URL", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    store = None
    if args.db:
        from ..kb import load
        from ..storage import open_store
        store = open_store(args.db, load())
    bar = _progress("process", not args.quiet)

    def on_doc(item) -> None:
        _report_rejected(item)
        if not isinstance(item, InputError):
            bar.update(1)
    options = ProcessOptions(engine=args.engine, scheduler=args.scheduler, jobs=args.jobs,
                             partition_size=args.partition_size or PARTITION_SIZE, config=_config())
    try:
        summary = process_sources(args.sources, options, store=store, output=args.output, on_doc=on_doc)
    finally:
        bar.close()
        if store is not None:
            store.close()
    where = " and ".join(x for x in (args.output and f"{args.output}/part-*.parquet",
                                     store and store._safe_url()) if x)
    repeated = _report_repeated(summary)
    print(f"{summary.processed} processed, {repeated}{len(summary.rejected)} rejected, {summary.failed} failed "
          f"in a stage; {summary.events} events -> {where}", file=sys.stderr)
    return 1 if summary.rejected else 0


def _config():
    """The registry config, naming the curated knowledge-base folder by absolute path: a Dask worker
    has its own working folder and environment, so it would not find it by itself."""
    from ..kb import overlay_dir
    from ..registry import Config
    overlay = overlay_dir()
    return Config(kb_folders=(str(overlay.resolve()),)) if overlay.is_dir() else Config()


def register(sub) -> None:
    """Add the `process` subcommand to the CLI's subparsers."""
    s = sub.add_parser(
        "process", help="process many articles in partitions, on a Dask cluster or local worker processes",
        description="Cuts the sources into partitions (groups of files, line ranges of JSON Lines files, "
                    "row ranges of Parquet files with 'id' and 'text' columns), runs them on worker processes "
                    "that build the pipeline themselves, then clusters events across articles in input order, "
                    "so the result equals a single-process run. Dask workers need communique installed and "
                    "the sources at the same paths.")
    s.add_argument("sources", nargs="+", help="folders, files, JSON Lines files, Parquet files")
    s.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local worker processes (default) or a Dask cluster")
    s.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: start a local cluster of -j workers)")
    s.add_argument("-j", "--jobs", type=int, default=1, help="local worker processes, or workers of the local "
                                                             "Dask cluster started without --scheduler")
    s.add_argument("-o", "--output", metavar="DIR", help="folder for the results, one Parquet file per partition "
                                                          "(earlier part-*.parquet files there are replaced)")
    s.add_argument("--db", help="also (or only) store the results in this database URL or SQLite path")
    s.add_argument("--partition-size", type=int, metavar="N", help="documents per partition (default 256)")
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_process)
