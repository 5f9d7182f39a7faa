"""Runs stages in order; checks each stage's requires/provides when built; holds each article to
its limits (size, tokens, time)."""
from __future__ import annotations

import re
import signal
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Protocol

from .document import Document, Failure
from .errors import PipelineError

# What the token limit counts: words and single punctuation marks, as a tokenizer (natasha's for
# Russian names) sees them.
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Limits:
    """What one article may take. An article over a limit is recorded as failed (``Document.failure``
    with the limit's message) and the batch goes on; None lifts a limit.

    The pipeline's time grows linearly with an article's length, so the size limits bound its time
    too; ``seconds`` is the guarantee that no article stalls a batch. It interrupts the running stage
    where the pipeline runs in a process's main thread (the command-line runners and their workers),
    and that stage is then built afresh (its caches may be half made); in another thread the limit
    is checked after each stage."""
    chars: int | None = 4_000_000
    tokens: int | None = 250_000  # words and punctuation marks
    seconds: float | None = 120.0

    def problem(self, text: str) -> str | None:
        """Why an article of this text is not read, or None."""
        if self.chars is not None and len(text) > self.chars:
            return (f"article too long: {len(text):,} characters, over the limit of {self.chars:,} "
                    f"(Limits.chars); split it")
        if self.tokens is not None and len(text) > self.tokens:  # fewer characters: fewer tokens
            if sum(1 for _ in islice(_TOKEN.finditer(text), self.tokens + 1)) > self.tokens:
                return (f"article too long: over {self.tokens:,} words and punctuation marks "
                        f"(Limits.tokens); split it")
        return None

    def timeout(self, stage: str) -> str:
        return (f"time limit: the article took more than {self.seconds:g} s (Limits.seconds), "
                f"stopped in stage {stage!r}; split it or raise the limit")


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class _OutOfTime(BaseException):
    """Raised into a stage when the article's time is up: a BaseException, so that no ``except
    Exception`` in a stage or a library can swallow it."""


class Pipeline:
    """``rebuild(name)`` makes a stage afresh (the registry's builder), for one the time limit
    interrupted; without it the interrupted stage is kept."""

    def __init__(self, stages: list[Stage], given: Iterable[str] = ("text",), limits: Limits = Limits(),
                 rebuild: Callable[[str], Stage] | None = None):
        have = set(given)
        for st in stages:
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"stage {st.name!r} requires {', '.join(missing)}, which no earlier stage provides; "
                    f"put a stage providing it before {st.name!r}")
            have.update(st.provides)
        self.stages = stages
        self.limits = limits
        self.rebuild = rebuild
        self.timings: dict[str, float] = defaultdict(float)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        doc.done.add("text")
        problem = self.limits.problem(doc.text)
        if problem:
            doc.failure = Failure("limits", problem)
            return doc
        stage = self.stages[0].name if self.stages else ""
        try:
            with _alarm(self.limits.seconds) as clock:
                for i, st in enumerate(self.stages):
                    stage, t0 = st.name, time.perf_counter()
                    try:
                        doc = st(doc)
                    except _OutOfTime:
                        if self.rebuild is not None:  # stopped mid-work: nothing half made is kept
                            self.stages[i] = self.rebuild(st.name)
                        raise
                    except Exception as exc:  # noqa: BLE001 - any stage error is recorded on the document
                        doc.failure = Failure(st.name, f"{type(exc).__name__}: {exc}")
                        return doc
                    finally:
                        self.timings[st.name] += time.perf_counter() - t0
                    doc.done.update(st.provides)
                    if clock.expired():  # where no alarm interrupts a stage
                        raise _OutOfTime()
            return doc
        except _OutOfTime:
            doc.failure = Failure(stage, self.limits.timeout(stage))
            return doc
        finally:
            doc.scratch.clear()  # per-run caches only: nothing extra kept, stored or sent back by workers

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


class _Clock:
    def __init__(self, seconds: float | None):
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self.armed = False  # whether the alarm may interrupt the stages now

    def expired(self) -> bool:
        return self.deadline is not None and time.monotonic() > self.deadline

    def ring(self, signum, frame) -> None:
        if self.armed:
            self.armed = False
            raise _OutOfTime()


@contextmanager
def _alarm(seconds: float | None):
    """A clock for one article; in a process's main thread also a SIGALRM that interrupts the stage
    running when the time is up. The alarm and handler in place before (if any) are put back."""
    clock = _Clock(seconds)
    if seconds is None or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield clock
        return
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, clock.ring)
    before, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    clock.armed = True
    try:
        yield clock
    finally:
        clock.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if before:  # someone else's alarm: its time left, at least a moment
            signal.setitimer(signal.ITIMER_REAL, max(before - (time.monotonic() - started), 1e-3), interval)
