"""`communique bench --stories`: the cost of clustering one more event as the story index grows.

Synthetic events (no articles): the knowledge base's states and leaders, gatherings of a few
series each year, dates over 30 years, some reports of each event told again with another date
precision or a participant missing, as outlets do. The index is filled to each size and the next
events are timed (with the garbage collector off, as ``timeit`` does); blocking keeps the
candidates per event bounded, so the time per event should stay flat from 10,000 to 1,000,000.
"""
from __future__ import annotations

import datetime as dt
import gc
import random
import resource
import time
from collections.abc import Iterator

from .document import Event, Evidence
from .kb import KnowledgeBase
from .stages.stories import StoryIndex

SIZES = (10_000, 100_000, 1_000_000)
TIMED = 2_000  # events timed at each size
_TYPES = ("MEET", "MEET", "CALL", "CONVENE", "SIGN", "APPOINT", "CHAIR")
_SERIES = ("cis-summit", "sco-summit", "csto-summit", "ots-summit", "cica-summit", "eaeu-summit")


def synthetic_events(kb: KnowledgeBase, seed: int = 11) -> Iterator[Event]:
    """An endless, reproducible stream of events: each real event is reported one to three times."""
    rng = random.Random(seed)
    states = sorted(e for e in kb.entities if e.startswith("country:"))
    leaders = sorted({r.person for r in kb.roles if r.of.startswith("country:")})
    orgs = sorted(e for e in kb.entities if e.startswith("org:"))
    start = dt.date(1995, 1, 1)
    n = 0
    while True:
        type_ = rng.choice(_TYPES)
        day = start + dt.timedelta(days=rng.randrange(30 * 365))
        if type_ == "CONVENE":  # a series meets once a year, on its day, its members' leaders attending
            series = rng.choice(_SERIES)
            fixed = random.Random(f"{series}{day.year}")
            day = dt.date(day.year, 1, 1) + dt.timedelta(days=fixed.randrange(365))
            members = fixed.sample(leaders, 12)
            parts = [f"new:gathering:{series}-{day.year}", orgs[_SERIES.index(series)], *rng.sample(members, 3)]
        elif type_ in ("CHAIR", "APPOINT"):
            parts = [rng.choice(states), rng.choice(orgs)]
        else:
            parts = rng.sample(leaders if rng.random() < 0.5 else states, 2)
        for _ in range(rng.randint(1, 3)):
            told = parts if rng.random() < 0.7 else parts[:-1] or parts
            date = day.isoformat() if rng.random() < 0.7 else day.isoformat()[:7]
            n += 1
            yield Event(f"ev-{n}", type_, list(told), Evidence(0, 0, ""), date)


def story_scaling(kb: KnowledgeBase, sizes: tuple[int, ...] = SIZES, timed: int = TIMED) -> str:
    index = StoryIndex(kb)
    events = synthetic_events(kb)
    lines = ["events in index  CPU us/event  candidates/event  clusters  max RSS MB"]
    fed = 0
    for size in sorted(sizes):
        while fed < size:
            index.assign(next(events))
            fed += 1
        index.changed = set()
        batch = [next(events) for _ in range(timed)]
        cands = sum(len(index.candidates(index._event_report(e))) for e in batch)
        gc.collect()
        gc.disable()  # as timeit does: a full collection of the whole heap is not the index's cost
        t0 = time.process_time()  # CPU time: the machine may be shared
        for e in batch:
            index.assign(e)
        us = (time.process_time() - t0) / timed * 1e6
        gc.enable()
        fed += timed
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        lines.append(f"{size:>15,}  {us:12.1f}  {cands / timed:16.1f}  {len(index.clusters):8,}  {rss:10.0f}")
    return "\n".join(lines)
