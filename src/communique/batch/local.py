"""Local runner: stream documents through the pipeline (optionally over worker
processes) and into the store in batched transactions."""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

from .. import kb as kbmod
from ..document import Document
from ..errors import InputError, InputWarning
from ..pipeline import Pipeline
from ..registry import Config, build
from ..stages.stories import StoryIndex
from ..validation import checked

# Documents sent to a worker process at once, and chunks in flight per worker:
# enough work queued that the workers stay busy while this process writes a batch
# to the database (with 4 chunks they idled half the time), few enough that memory
# stays flat however long the input is (Pool.imap would read the whole input ahead).
CHUNK_SIZE = 8
CHUNKS_PER_WORKER = 16

T = TypeVar("T")
R = TypeVar("R")

_worker_pipeline: Pipeline | None = None  # one pipeline per worker process, built from the registry by _init_worker
_worker_calls = 0  # items this worker process has taken (_call)


@dataclass
class Summary:
    processed: int = 0
    unchanged: int = 0
    failed: int = 0  # documents a stage failed on (recorded with stage and error)
    rejected: list[InputError] = field(default_factory=list)  # inputs that could not be read
    events: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, plus "store" for writing
    repeated: list[InputWarning] = field(default_factory=list)  # later copies of an id, skipped (FirstCopies)


class FirstCopies:
    """The ids read so far in one run. A later document with an id already read is reported and
    skipped: the first copy is the one processed and stored, so the summary counts what was stored."""

    def __init__(self) -> None:
        self.origins: dict[str, str] = {}  # id -> where its first copy was read

    def repeat(self, doc: Document) -> InputWarning | None:
        """A warning naming the id and where it was first read if ``doc`` repeats it, else None."""
        first = self.origins.get(doc.id)
        if first is None:
            self.origins[doc.id] = doc.origin or doc.id
            return None
        return InputWarning(doc.origin or doc.id, f"id {doc.id!r} was read already, from {first}; "
                                                  f"this copy is skipped")


def limit_blas_threads() -> None:
    """One BLAS thread per process. natasha's NER multiplies small matrices, one
    paragraph at a time; OpenBLAS threads on them only spin, and on a busy machine
    (or with several workers) that made Russian articles five times slower.
    A value the user set in the environment is kept."""
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # read when numpy is first imported
    if "numpy" in sys.modules and os.environ["OPENBLAS_NUM_THREADS"] == "1":
        from threadpoolctl import threadpool_limits
        threadpool_limits(limits=1, user_api="blas")


def _init_worker(config: Config) -> None:
    global _worker_pipeline
    limit_blas_threads()
    _worker_pipeline = build(config)


def _process_chunk(pipe: Pipeline, docs: list[Document]) -> tuple[list[Document], dict[str, float]]:
    before = dict(pipe.timings)
    out = [pipe(doc) for doc in docs]
    return out, {k: v - before.get(k, 0.0) for k, v in pipe.timings.items()}


def _call(func: Callable[[Pipeline, T], R], item: T) -> R:
    global _worker_calls
    if _worker_calls == 1:
        _freeze_loaded()
    _worker_calls += 1
    return func(_worker_pipeline, item)


def _freeze_loaded() -> None:
    """Before a worker's second item: what its stages built and loaded by then (the knowledge base,
    models, tables) lives as long as the worker, and each full collection walked it all again (a
    tenth of a second each, 5% of the pipeline's time); it is moved out of the collector's scans.
    Collected first, so that no garbage of the first item is kept."""
    gc.collect()
    gc.freeze()


def add_timings(total: dict[str, float], more: dict[str, float]) -> None:
    for k, v in more.items():
        total[k] = total.get(k, 0.0) + v


def map_ordered(func: Callable[[Pipeline, T], R], items: Iterable[T], config: Config = Config(),
                jobs: int = 1) -> Iterator[R]:
    """``func(pipeline, item)`` for every item, results in input order. With ``jobs`` > 1 it runs in
    spawned worker processes that build their own pipeline from the registry; ``func`` must be a
    module-level function. Only a few items per worker are in flight, so a long input streams."""
    limit_blas_threads()  # before the pool starts: spawned workers inherit the environment
    if jobs <= 1:
        pipe = build(config)
        for item in items:
            yield func(pipe, item)
        return
    it = iter(items)
    with mp.get_context("spawn").Pool(jobs, initializer=_init_worker, initargs=(config,)) as pool:
        pending: deque = deque()
        while True:
            for item in islice(it, jobs * CHUNKS_PER_WORKER - len(pending)):
                pending.append(pool.apply_async(_call, (func, item)))
            if not pending:
                return
            yield pending.popleft().get()


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def process(docs: Iterable[Document], config: Config = Config(), jobs: int = 1,
            timings: dict[str, float] | None = None) -> Iterator[Document]:
    """Documents through the pipeline, in input order; workers build their own pipeline from the registry."""
    if jobs <= 1:
        limit_blas_threads()
        pipe = build(config)
        try:
            for doc in docs:
                yield pipe(doc)
        finally:
            if timings is not None:
                add_timings(timings, pipe.timings)
        return
    for out, t in map_ordered(_process_chunk, _chunks(docs, CHUNK_SIZE), config, jobs):
        if timings is not None:
            add_timings(timings, t)
        yield from out


def run(items: Iterable[Document | InputError], *, config: Config = Config(), store=None, jobs: int = 1,
        batch_size: int = 64, on_doc: Callable[[Document | InputError], None] | None = None,
        force: bool = False) -> Summary:
    """Process every readable item; write to ``store`` in batches when given. Story clusters are
    assigned here, in input order, whatever the workers: by the store's index when there is a
    store, else by an index over the knowledge base ``config`` names. A document that
    cannot be stored as it is (``validation.document_problems``) is rejected like an unreadable input."""
    summary = Summary()
    stories = StoryIndex(kbmod.load(config.kb_folders)) if store is None else None
    first_copies = FirstCopies()

    def readable() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Document):
                item = checked(item)
            if isinstance(item, InputError):
                summary.rejected.append(item)
                if on_doc:
                    on_doc(item)
                continue
            if repeat := first_copies.repeat(item):
                summary.repeated.append(repeat)
                continue
            if store is not None and not force and store.is_current(item.id, item.content_hash):
                summary.unchanged += 1
                if on_doc:
                    on_doc(item)
                continue
            yield item

    def write(batch: list[Document]) -> None:
        t0 = time.perf_counter()
        store.write(batch)
        summary.timings["store"] = summary.timings.get("store", 0.0) + time.perf_counter() - t0

    batch: list[Document] = []
    for doc in process(readable(), config, jobs, summary.timings):
        summary.processed += 1
        summary.failed += doc.failure is not None
        summary.events += len(doc.events)
        if store is None:
            stories.assign_document(doc)
        else:
            batch.append(doc)
            if len(batch) >= batch_size:
                write(batch)
                batch = []
        if on_doc:
            on_doc(doc)
    if batch:
        write(batch)
    return summary
