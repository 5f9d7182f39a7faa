"""Runs stages in order; checks each stage's requires/provides when built."""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Protocol

from .document import Document, Failure
from .errors import PipelineError


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class Pipeline:
    def __init__(self, stages: list[Stage], given: Iterable[str] = ("text",)):
        have = set(given)
        for st in stages:
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"stage {st.name!r} requires {', '.join(missing)}, which no earlier stage provides; "
                    f"put a stage providing it before {st.name!r}")
            have.update(st.provides)
        self.stages = stages
        self.timings: dict[str, float] = defaultdict(float)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        doc.done.add("text")
        try:
            for st in self.stages:
                t0 = time.perf_counter()
                try:
                    doc = st(doc)
                except Exception as exc:  # noqa: BLE001 - any stage error is recorded on the document
                    doc.failure = Failure(st.name, f"{type(exc).__name__}: {exc}")
                    return doc
                finally:
                    self.timings[st.name] += time.perf_counter() - t0
                doc.done.update(st.provides)
            return doc
        finally:
            doc.scratch.clear()  # per-run caches only: nothing extra kept, stored or sent back by workers

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
