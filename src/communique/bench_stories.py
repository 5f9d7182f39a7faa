"""`communique bench --stories`: the cost of clustering one more event as the story index grows.

Synthetic events (no articles): the knowledge base's states and leaders, gatherings of a few
series each year, dates over 30 years, some reports of each event told again with another date
precision or a participant missing, as outlets do. The index is filled to each size and the next
events are timed; blocking keeps the candidates per event bounded, so the time per event should
stay flat from 10,000 to 1,000,000 events.
"""
from __future__ import annotations

import datetime as dt
import random
import resource
import time
from collections.abc import Iterator

from . import kb as kbmod
from .document import Event, Evidence
from .stages.stories import StoryIndex

SIZES = (10_000, 100_000, 1_000_000)
TIMED = 2_000  # events timed at each size
_TYPES = ("MEET", "MEET", "CALL", "CONVENE", "SIGN", "APPOINT", "CHAIR")
_SERIES = ("cis-summit", "sco-summit", "csto-summit", "ots-summit", "cica-summit", "eaeu-summit")


def synthetic_events(seed: int = 11) -> Iterator[Event]:
    """An endless, reproducible stream of events: each real event is reported one to three times."""
    kb = kbmod.load()
    rng = random.Random(seed)
    states = sorted(e for e in kb.entities if e.startswith("country:"))
    leaders = sorted({r.person for r in kb.roles if r.of.startswith("country:")})
    orgs = sorted(e for e in kb.entities if e.startswith("org:"))
    start = dt.date(1995, 1, 1)
    n = 0
    while True:
        type_ = rng.choice(_TYPES)
        day = start + dt.timedelta(days=rng.randrange(30 * 365))
        if type_ == "CONVENE":
            parts = [f"new:gathering:{rng.choice(_SERIES)}-{day.year}", rng.choice(orgs),
                     *rng.sample(leaders, 3)]
        elif type_ in ("CHAIR", "APPOINT"):
            parts = [rng.choice(states), rng.choice(orgs)]
        else:
            parts = rng.sample(leaders if rng.random() < 0.5 else states, 2)
        for _ in range(rng.randint(1, 3)):
            told = parts if rng.random() < 0.7 else parts[:-1] or parts
            date = day.isoformat() if rng.random() < 0.7 else day.isoformat()[:7]
            n += 1
            yield Event(f"ev-{n}", type_, list(told), Evidence(0, 0, ""), date)


def story_scaling(sizes: tuple[int, ...] = SIZES, timed: int = TIMED) -> str:
    index = StoryIndex(kbmod.load())
    events = synthetic_events()
    lines = ["events in index  us/event  candidates/event  clusters  max RSS MB"]
    fed = 0
    for size in sorted(sizes):
        while fed < size:
            index.assign(next(events))
            fed += 1
        index.changed = set()
        batch = [next(events) for _ in range(timed)]
        cands = sum(len(index.candidates(index._event_report(e))) for e in batch)
        t0 = time.perf_counter()
        for e in batch:
            index.assign(e)
        us = (time.perf_counter() - t0) / timed * 1e6
        fed += timed
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        lines.append(f"{size:>15,}  {us:8.1f}  {cands / timed:16.1f}  {len(index.clusters):8,}  {rss:10.0f}")
    return "\n".join(lines)
