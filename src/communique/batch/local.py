"""Local runner: stream documents through the pipeline (optionally over worker
processes) and into the store in batched transactions."""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..document import Document
from ..errors import InputError
from ..registry import Config, build
from ..stages.stories import StoryIndex

_worker_pipeline = None


@dataclass
class Summary:
    processed: int = 0
    unchanged: int = 0
    failed: int = 0  # documents a stage failed on (recorded with stage and error)
    rejected: list[InputError] = field(default_factory=list)  # inputs that could not be read
    events: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def _init_worker(config: Config) -> None:
    global _worker_pipeline
    _worker_pipeline = build(config)


def _process(doc: Document) -> tuple[Document, dict[str, float]]:
    before = dict(_worker_pipeline.timings)
    out = _worker_pipeline(doc)
    return out, {k: v - before.get(k, 0.0) for k, v in _worker_pipeline.timings.items()}


def process(docs: Iterable[Document], config: Config = Config(), jobs: int = 1,
            timings: dict[str, float] | None = None) -> Iterator[Document]:
    """Documents through the pipeline, in input order; workers build their own pipeline from the registry."""
    if jobs <= 1:
        pipe = build(config)
        for doc in docs:
            yield pipe(doc)
        if timings is not None:
            timings.update(pipe.timings)
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(config,)) as pool:
        for doc, t in pool.imap(_process, docs, chunksize=8):
            if timings is not None:
                for k, v in t.items():
                    timings[k] = timings.get(k, 0.0) + v
            yield doc


def run(items: Iterable[Document | InputError], *, config: Config = Config(), store=None, jobs: int = 1,
        batch_size: int = 64, on_doc: Callable[[Document | InputError], None] | None = None,
        force: bool = False) -> Summary:
    """Process every readable item; write to ``store`` in batches when given."""
    summary = Summary()
    stories = StoryIndex()

    def readable() -> Iterator[Document]:
        for item in items:
            if isinstance(item, InputError):
                summary.rejected.append(item)
                if on_doc:
                    on_doc(item)
                continue
            if store is not None and not force and store.is_current(item.id, item.content_hash):
                summary.unchanged += 1
                if on_doc:
                    on_doc(item)
                continue
            yield item

    batch: list[Document] = []
    for doc in process(readable(), config, jobs, summary.timings):
        summary.processed += 1
        summary.failed += doc.failure is not None
        summary.events += len(doc.events)
        if store is None:
            for ev in doc.events:
                ev.cluster = stories.assign(ev)
        else:
            batch.append(doc)
            if len(batch) >= batch_size:
                store.write(batch)
                batch = []
        if on_doc:
            on_doc(doc)
    if batch:
        store.write(batch)
    return summary
