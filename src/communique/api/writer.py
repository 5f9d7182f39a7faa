"""The service's write path, kept off the paths reads take.

A posted article goes through the pipeline in a worker process and is then written to the
database on one thread reserved for writes:

- the pipeline's CPU time is spent in another process, so it holds neither the event loop nor this
  process's GIL while pages and API reads are answered;
- the time limit (``Limits.seconds``) interrupts the running stage there, because each worker
  runs the pipeline in its main thread (in a server thread the limit would be checked only
  between stages);
- writes queue as awaited futures, never as threads blocked on a lock: reads run on the
  server's thread pool, and no number of queued writes can fill it.
"""
from __future__ import annotations

import asyncio
import multiprocessing as mp
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from ..batch.local import _call, _init_worker
from ..document import Document
from ..errors import CommuniqueError
from ..pipeline import Pipeline
from ..registry import Config
from ..storage import queries as Q

T = TypeVar("T")


class WorkerLost(CommuniqueError):
    """A worker process died while processing an article (killed, out of memory)."""


def _process(pipe: Pipeline, doc: Document) -> Document:
    return pipe(doc)


class Writer:
    """Processes articles in ``workers`` spawned processes (each builds its pipeline from
    ``config`` once, on the first article) and runs database writes one at a time."""

    def __init__(self, store, config: Config, workers: int = 1):
        self.store, self.config, self.workers = store, config, workers
        self._pool: ProcessPoolExecutor | None = None
        self._db = ThreadPoolExecutor(1, thread_name_prefix="communique-write")  # one write at a time

    def _processes(self) -> ProcessPoolExecutor:
        if self._pool is None:  # started on the first article: a server that is never written to spawns nothing
            self._pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                             initializer=_init_worker, initargs=(self.config,))
        return self._pool

    async def in_order(self, fn: Callable[..., T], *args) -> T:
        """``fn(*args)`` on the write thread, after the writes queued before it."""
        return await asyncio.get_running_loop().run_in_executor(self._db, fn, *args)

    async def process(self, doc: Document) -> Document:
        """``doc`` through the pipeline in a worker process; a failure (a stage's error, a limit,
        the time limit) is recorded on the document, as in a batch."""
        try:
            return await asyncio.wrap_future(self._processes().submit(_call, _process, doc))
        except BrokenProcessPool as exc:
            self._pool = None  # the next article starts fresh workers
            raise WorkerLost(f"the worker processing {doc.id!r} exited before it finished (killed, or out of "
                             f"memory); nothing was stored, send it again or split it") from exc

    async def document(self, doc: Document) -> tuple[bool, dict]:
        """Process and store ``doc`` unless the same text is stored already; (changed, stored record)."""
        if await self.in_order(self.store.is_current, doc.id, doc.content_hash):
            return False, await self.in_order(Q.document, self.store, doc.id)
        done = await self.process(doc)
        await self.in_order(self.store.write, [done])
        return True, await self.in_order(Q.document, self.store, doc.id)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._db.shutdown(wait=True)
