"""Distributed runner: partitions of the input go to Dask workers (or local worker
processes), the client does the one global step and writes the results.

- ``plan`` cuts the sources into partitions: groups of files, line ranges of
  JSON Lines files, row ranges of Parquet files (``id`` and ``text`` columns).
  A partition is a small description (paths and offsets); the worker reads it,
  so the sources must be readable at the same paths on every worker.
- Each worker process builds the pipeline from the registry once
  (``PipelinePlugin``) and runs every document of a partition through it.
  No model is pickled.
- The client takes the partitions back in input order and assigns story
  clusters (``StoryIndex``, or the store's index seeded from the database) in
  that order, so the result equals a single-process run on the same input.
  It then writes one Parquet file per partition and, given a store, the database.
"""
from __future__ import annotations

import hashlib
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import count, islice
from pathlib import Path

from distributed import WorkerPlugin, get_worker

from .. import kb as kbmod
from ..document import Document
from ..errors import CommuniqueError, InputError
from ..export import document_record
from ..kb import KnowledgeBase
from ..pipeline import Pipeline
from ..registry import Config, build
from ..stages.ingest import iso_date, _str, iter_paths, read_bytes, read_file
from ..stages.stories import StoryIndex
from ..validation import InvalidValue, checked, language_code
from .local import FirstCopies, Summary, add_timings, limit_blas_threads, map_ordered

PARTITION_SIZE = 256  # documents (files, JSON lines, Parquet rows) per partition
STORE_BATCH = 64  # documents per database transaction
_JSONL = (".jsonl", ".ndjson")
_PARQUET = (".parquet", ".pq")
_RECORD_FIELDS = ("id", "text", "url", "title", "published", "source", "lang")


class DistributedError(CommuniqueError):
    """The cluster could not be reached or a partition failed on it."""


class ParquetSchemaError(CommuniqueError):
    """The output contract has a field the Parquet schema lacks (it would be lost)."""


# -- partitions ---------------------------------------------------------------
@dataclass(frozen=True)
class FilesPart:
    """Whole files, each read as ``communique ingest`` reads it."""
    index: int
    files: tuple[tuple[str, str, str], ...]  # (source name, document id, absolute path)

    def read(self) -> Iterator[Document | InputError]:
        for source, doc_id, path in self.files:
            yield from read_file(source, doc_id, Path(path))


@dataclass(frozen=True)
class JsonlPart:
    """Lines ``first_line``.. of a JSON Lines file, bytes ``start:end``."""
    index: int
    source: str
    path: str
    start: int
    end: int
    first_line: int

    def read(self) -> Iterator[Document | InputError]:
        with open(self.path, "rb") as f:
            f.seek(self.start)
            data = f.read(self.end - self.start)
        if not data.strip():  # only blank lines, which a whole-file read skips too
            return
        # Blank lines in front keep the line numbers in origins and errors those of the whole file
        # (one byte per earlier line: a megabyte for a file of a million articles).
        yield from read_bytes(b"\n" * (self.first_line - 1) + data, self.source, self.source)


@dataclass(frozen=True)
class ParquetPart:
    """Rows ``offset``..``offset + length`` of one row group of a Parquet file."""
    index: int
    source: str
    path: str
    row_group: int
    offset: int
    length: int
    first_row: int  # number of the row group's first row in the file, from 1

    def read(self) -> Iterator[Document | InputError]:
        import pyarrow.parquet as pq
        pf = pq.ParquetFile(self.path)
        cols = [c for c in _RECORD_FIELDS if c in pf.schema_arrow.names]
        rows = pf.read_row_group(self.row_group, columns=cols).slice(self.offset, self.length).to_pylist()
        for n, rec in enumerate(rows, self.first_row + self.offset):
            yield record_document(rec, f"{self.source}#{n}")


Partition = FilesPart | JsonlPart | ParquetPart


def record_document(rec: dict, where: str) -> Document | InputError:
    """A Parquet row to a document, by the rules of a JSON Lines record."""
    body, rid = rec.get("text"), rec.get("id")
    if not isinstance(body, str) or not body.strip():
        return InputError(where, "missing or empty \"text\"")
    if rid is None or str(rid).strip() == "":
        return InputError(where, "missing \"id\"")
    lang = _str(rec.get("lang"))
    try:
        lang = language_code(lang) if lang else None
    except InvalidValue as exc:
        return InputError(where, f"\"lang\" {exc}")
    return Document(id=str(rid), text=body, url=_str(rec.get("url")), title=_str(rec.get("title")),
                    published=iso_date(rec.get("published")), source=_str(rec.get("source")),
                    lang=lang, origin=where)


def plan(sources: list[str], size: int = PARTITION_SIZE) -> Iterator[Partition | InputError]:
    """Partitions of about ``size`` documents, in input order (the order ``communique ingest`` reads)."""
    index = count()
    groups = _FileGroups(size, index)
    for source, doc_id, path in iter_paths(sources):
        if path is None:
            yield InputError(source, "`process` reads files and folders, not standard input; use `ingest -`")
            continue
        whole = (source, doc_id, str(path.resolve()))
        kind = _kind(path)
        if kind == "parquet":
            yield from groups.flush()
            yield from _parquet_parts(source, path, size, index)
        elif kind == "jsonl":
            ranges, lines = _line_ranges(path, size)
            if len(ranges) > 1:
                yield from groups.flush()
                for start, end, first in ranges:
                    yield JsonlPart(next(index), source, whole[2], start, end, first)
            else:  # a small file joins the group of whole files
                yield from groups.add(whole, lines)
        else:
            yield from groups.add(whole, 1)
    yield from groups.flush()


class _FileGroups:
    """Collects whole files into partitions of about ``size`` documents."""

    def __init__(self, size: int, index: Iterator[int]):
        self.size, self.index = size, index
        self.files: list[tuple[str, str, str]] = []
        self.weight = 0

    def add(self, whole: tuple[str, str, str], weight: int) -> Iterator[FilesPart]:
        self.files.append(whole)
        self.weight += weight
        if self.weight >= self.size:
            yield from self.flush()

    def flush(self) -> Iterator[FilesPart]:
        if self.files:
            yield FilesPart(next(self.index), tuple(self.files))
            self.files, self.weight = [], 0


def _kind(path: Path) -> str:
    """'jsonl' for a plain UTF-8 JSON Lines file that can be cut at line ends, 'parquet', or 'file'."""
    name = path.name.lower()
    if not path.is_file():
        return "file"  # a FIFO or device (opening one may wait forever): the worker says why it is skipped
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError:
        return "file"  # the worker reports why it cannot be read
    if name.endswith(_PARQUET) or head == b"PAR1":
        return "parquet"
    if name.endswith(_JSONL) and head[:2] != b"\x1f\x8b" and not head.startswith((b"\xef\xbb\xbf", b"\xff\xfe",
                                                                                    b"\xfe\xff")) \
            and b"\x00" not in head:
        return "jsonl"
    return "file"


def _line_ranges(path: Path, size: int) -> tuple[list[tuple[int, int, int]], int]:
    """(start byte, end byte, first line number) of every ``size`` lines, and the number of lines."""
    ranges, start, pos, first, n = [], 0, 0, 1, 0
    with open(path, "rb") as f:
        for line in f:
            pos += len(line)
            n += 1
            if n == size:
                ranges.append((start, pos, first))
                start, first, n = pos, first + size, 0
    if n:
        ranges.append((start, pos, first))
    return ranges, first - 1 + n


def _parquet_parts(source: str, path: Path, size: int, index) -> Iterator[ParquetPart | InputError]:
    import pyarrow.parquet as pq
    try:
        pf = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        yield InputError(source, f"not a readable Parquet file: {exc}")
        return
    missing = [c for c in ("id", "text") if c not in pf.schema_arrow.names]
    if missing:
        yield InputError(source, f"Parquet file lacks the column(s) {', '.join(missing)}; "
                                 "articles need an 'id' and a 'text' column")
        return
    first = 1
    for rg in range(pf.metadata.num_row_groups):
        rows = pf.metadata.row_group(rg).num_rows
        for off in range(0, rows, size):
            yield ParquetPart(next(index), source, str(path.resolve()), rg, off, min(size, rows - off), first)
        first += rows


# -- one partition through the pipeline -----------------------------------------
@dataclass
class PartResult:
    index: int
    docs: list[Document]
    rejected: list[tuple[str, str]]  # (source, problem): InputError does not survive pickling
    timings: dict[str, float] = field(default_factory=dict)


def run_partition(pipe: Pipeline, part: Partition) -> PartResult:
    """Read a partition and run each document through ``pipe``."""
    before = dict(pipe.timings)
    docs, rejected = [], []
    for item in part.read():
        if isinstance(item, Document):
            item = checked(item)
        if isinstance(item, InputError):
            rejected.append((item.source, item.problem))
            continue
        doc = pipe(item)
        # Neither the store nor the output contract reads these; leaving them here halves the transfer.
        doc.paragraphs, doc.sentences, doc.boilerplate = [], [], []
        docs.append(doc)
    return PartResult(part.index, docs, rejected, {k: v - before.get(k, 0.0) for k, v in pipe.timings.items()})


# -- dask ---------------------------------------------------------------------
def _config_key(config: Config) -> str:
    return hashlib.sha1(repr(config).encode()).hexdigest()[:12]


class PipelinePlugin(WorkerPlugin):
    """Worker plugin: the pipeline, built from the registry on first use, once per worker process.

    Registered under a name made from the config and marked idempotent, so later
    runs on the same cluster reuse the pipelines the workers already built."""
    idempotent = True

    def __init__(self, config: Config):
        self.config = config
        self.name = f"communique-pipeline-{_config_key(config)}"
        self._pipeline: Pipeline | None = None
        self._lock: threading.Lock | None = None

    def setup(self, worker=None) -> None:
        self._lock = threading.Lock()
        limit_blas_threads()

    def teardown(self, worker=None) -> None:
        self._pipeline = None

    def run(self, part: Partition) -> PartResult:
        # One partition at a time per process: the stages are pure Python (threads would not help)
        # and the pipeline keeps per-process caches and timings.
        with self._lock:
            if self._pipeline is None:
                self._pipeline = build(self.config)
            return run_partition(self._pipeline, part)


def dask_partition(part: Partition, plugin_name: str) -> PartResult:
    """The task each worker runs."""
    return get_worker().plugins[plugin_name].run(part)


@contextmanager
def connect(scheduler: str | None, workers: int = 2):
    """A client for the scheduler at ``scheduler``, or for a new local cluster of ``workers`` processes."""
    from distributed import Client, LocalCluster
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise DistributedError(f"cannot reach the Dask scheduler at {scheduler}: {exc}; start one with "
                                   f"`dask scheduler` and workers with `dask worker {scheduler}`") from exc
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def dask_results(client, parts: Iterable[Partition], config: Config = Config(),
                 window: int | None = None) -> Iterator[PartResult]:
    """Partitions through the cluster, results in input order, at most ``window`` partitions in flight."""
    plugin = PipelinePlugin(config)
    client.register_plugin(plugin, name=plugin.name)
    window = window or max(4, 2 * sum(client.nthreads().values()))
    run_id = uuid.uuid4().hex[:8]
    it = iter(parts)
    pending: deque = deque()
    try:
        while True:
            for part in islice(it, window - len(pending)):
                pending.append((part, client.submit(dask_partition, part, plugin.name, pure=False,
                                                    key=f"communique-{run_id}-{part.index}",
                                                    priority=-part.index)))
            if not pending:
                return
            part, fut = pending.popleft()
            try:
                result = fut.result()
            except Exception as exc:  # noqa: BLE001 - any task failure stops the run with its partition named
                raise DistributedError(f"partition {part.index} ({_describe(part)}) failed on the cluster: "
                                       f"{type(exc).__name__}: {exc}; partitions before it are written, "
                                       f"run again to redo the rest") from exc
            fut.release()
            yield result
    finally:
        for _, fut in pending:
            fut.cancel()


def _describe(part: Partition) -> str:
    if isinstance(part, FilesPart):
        return f"{part.files[0][0]} and {len(part.files) - 1} more file(s)" if len(part.files) > 1 \
            else part.files[0][0]
    if isinstance(part, JsonlPart):
        return f"{part.source} from line {part.first_line}"
    return f"{part.source} row group {part.row_group} from row {part.offset}"


def local_results(parts: Iterable[Partition], config: Config = Config(), jobs: int = 1) -> Iterator[PartResult]:
    """Partitions through local worker processes (or this process), results in input order."""
    return map_ordered(run_partition, parts, config, jobs)


# -- the global step and the writers ------------------------------------------
class Collector:
    """Takes partition results in input order, assigns story clusters in that order
    and writes the database (in batched transactions) and one Parquet file per partition
    (the records ``extract`` prints, coded with ``kb``)."""

    def __init__(self, kb: KnowledgeBase, store=None, output: str | Path | None = None,
                 on_doc: Callable[[Document | InputError], None] | None = None):
        self.kb = kb
        self.store = store
        self.output = Path(output) if output else None
        self.on_doc = on_doc
        self.summary = Summary()
        self.stories = StoryIndex(kb)
        self.first_copies = FirstCopies()
        if self.output:
            self.output.mkdir(parents=True, exist_ok=True)
            for old in self.output.glob("part-*.parquet"):  # a previous run's partitions
                old.unlink()

    def add(self, res: PartResult) -> None:
        s = self.summary
        add_timings(s.timings, res.timings)
        for source, problem in res.rejected:
            err = InputError(source, problem)
            s.rejected.append(err)
            if self.on_doc:
                self.on_doc(err)
        res.docs = [doc for doc in res.docs if not self._repeats(doc)]
        if self.store is not None:  # the store assigns clusters with its index, seeded from the database
            for i in range(0, len(res.docs), STORE_BATCH):
                t0 = time.perf_counter()
                self.store.write(res.docs[i:i + STORE_BATCH])
                s.timings["store"] = s.timings.get("store", 0.0) + time.perf_counter() - t0
        else:
            for doc in res.docs:
                self.stories.assign_document(doc)
        if self.output and res.docs:
            t0 = time.perf_counter()
            write_parquet(self.output / f"part-{res.index:05d}.parquet",
                          [document_record(d, self.kb) for d in res.docs])
            s.timings["parquet"] = s.timings.get("parquet", 0.0) + time.perf_counter() - t0
        for doc in res.docs:
            s.processed += 1
            s.failed += doc.failure is not None
            s.events += len(doc.events)
            if self.on_doc:
                self.on_doc(doc)


    def _repeats(self, doc: Document) -> bool:
        if repeat := self.first_copies.repeat(doc):
            self.summary.repeated.append(repeat)
        return repeat is not None


@dataclass
class ProcessOptions:
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # Dask scheduler address; None starts a local cluster
    jobs: int = 1  # local worker processes, or workers of the local Dask cluster
    partition_size: int = PARTITION_SIZE
    config: Config = field(default_factory=Config)


def process_sources(sources: list[str], options: ProcessOptions | None = None, *, store=None,
                    output: str | Path | None = None, client=None,
                    on_doc: Callable[[Document | InputError], None] | None = None) -> Summary:
    """Every article under ``sources`` through the pipeline; results to Parquet files in
    ``output`` and/or to ``store``. Equal to a single-process run on the same input."""
    options = options or ProcessOptions()
    collector = Collector(kbmod.load(tuple(options.config.kb_folders)), store, output, on_doc)

    def partitions() -> Iterator[Partition]:
        for p in plan(sources, options.partition_size):
            if isinstance(p, InputError):
                collector.summary.rejected.append(p)
                if on_doc:
                    on_doc(p)
            else:
                yield p
    if options.engine == "local":
        for res in local_results(partitions(), options.config, options.jobs):
            collector.add(res)
    elif options.engine == "dask" and client is not None:
        for res in dask_results(client, partitions(), options.config):
            collector.add(res)
    elif options.engine == "dask":
        with connect(options.scheduler, max(1, options.jobs)) as own:
            for res in dask_results(own, partitions(), options.config):
                collector.add(res)
    else:
        raise ValueError(f"unknown engine {options.engine!r}; use 'local' or 'dask'")
    return collector.summary


# -- Parquet ------------------------------------------------------------------
def parquet_schema():
    """The ``export.document_record`` contract (what ``extract`` prints) as an Arrow schema."""
    import pyarrow as pa
    span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    mention = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("kind", pa.string())])
    entity = pa.struct([("id", pa.string()), ("label", pa.string()), ("type", pa.string()),
                        ("wikidata", pa.string()), ("new", pa.bool_()), ("mentions", pa.list_(mention))])
    event = pa.struct([("id", pa.string()), ("type", pa.string()), ("participants", pa.list_(pa.string())),
                       ("date", pa.string()), ("location", pa.string()), ("framework", pa.string()),
                       ("modality", pa.string()), ("evidence", span), ("confidence", pa.float64()),
                       ("cluster", pa.string()),
                       ("plover", pa.struct([("event", pa.string()), ("mode", pa.string()), ("context", pa.string()),
                                             ("quad_code", pa.int64())])),
                       ("cameo", pa.struct([("code", pa.string()), ("root", pa.string()),
                                            ("quad_class", pa.int64()), ("goldstein", pa.float64())]))])
    fact = pa.struct([("relation", pa.string()), ("subject", pa.string()), ("role", pa.string()),
                      ("of", pa.string()), ("date", pa.string()), ("evidence", span), ("former", pa.bool_())])
    return pa.schema([("id", pa.string()), ("lang", pa.string()), ("title", pa.string()),
                      ("published", pa.string()), ("source", pa.string()), ("url", pa.string()),
                      ("entities", pa.list_(entity)), ("events", pa.list_(event)), ("facts", pa.list_(fact)),
                      ("error", pa.struct([("stage", pa.string()), ("error", pa.string())]))])


def write_parquet(path: Path, records: list[dict]) -> None:
    """Records of the output contract to one Parquet file; a field the schema lacks is an error, not a loss."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema = parquet_schema()
    whole = pa.struct(list(schema))
    unknown = sorted({f for r in records for f in _unknown_fields(r, whole, "")})
    if unknown:
        raise ParquetSchemaError(f"the output contract has field(s) {', '.join(unknown)} that the Parquet schema "
                                 "lacks; add them to parquet_schema() in communique/batch/distributed.py")
    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(pa.Table.from_pylist(records, schema=schema), tmp)
    tmp.replace(path)  # a reader never sees half a file


def _unknown_fields(value, typ, path: str) -> Iterator[str]:
    import pyarrow as pa
    if isinstance(value, dict) and pa.types.is_struct(typ):
        for k, v in value.items():
            i = typ.get_field_index(k)
            if i < 0:
                yield f"{path}.{k}".lstrip(".")
            else:
                yield from _unknown_fields(v, typ.field(i).type, f"{path}.{k}")
    elif isinstance(value, list) and pa.types.is_list(typ):
        for v in value:
            yield from _unknown_fields(v, typ.value_type, f"{path}[]")


def read_results(path: str | Path) -> Iterator[dict]:
    """The records of a Parquet output file or folder, as ``export.document_record`` gives them."""
    import pyarrow.parquet as pq
    path = Path(path)
    files = sorted(path.glob("part-*.parquet")) if path.is_dir() else [path]
    for f in files:
        for rec in pq.read_table(f).to_pylist():
            if rec.get("error") is None:
                rec.pop("error", None)
            for fact in rec["facts"]:
                if not fact.get("former"):
                    fact.pop("former", None)
            for m in (m for e in rec["entities"] for m in e["mentions"]):
                if m.get("kind") is None:  # a name that is a party: no kind in the contract
                    m.pop("kind", None)
            yield rec
