"""Stories: reports of one real-world event, across articles and languages, in one cluster.

Events of the same type whose participants (by entity id) agree and whose dates
are compatible join one cluster. Clustering is incremental: ``StoryIndex`` can
be seeded from the database and fed one article at a time.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass

from ..document import Document, Event
from ..kb import KnowledgeBase

_DAY_SLACK = 3


@dataclass
class Cluster:
    id: str
    type: str
    participants: frozenset[str]
    date: str | None


def _day(d: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(d) if d and len(d) == 10 else None
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    da, db = _day(a), _day(b)
    if da and db:
        return abs((da - db).days) <= _DAY_SLACK
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def participants_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    if a == b:
        return True
    common = a & b
    return len(common) >= 2 and (common == a or common == b)


def _same_gathering(type_: str, a: frozenset[str], b: frozenset[str]) -> bool:
    """Reports of one summit name different attendees; the named gathering identifies it."""
    return type_ == "CONVENE" and any(p.startswith("gathering:") for p in a & b)


def cluster_id(type_: str, participants, date: str | None) -> str:
    key = f"{type_}|{'|'.join(sorted(participants))}|{date or ''}"
    return "st-" + hashlib.sha1(key.encode()).hexdigest()[:12]


class StoryIndex:
    def __init__(self):
        self.clusters: dict[str, Cluster] = {}
        self._by_member: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(self, c: Cluster) -> None:
        self.clusters[c.id] = c
        for p in c.participants:
            self._by_member[(c.type, p)].add(c.id)

    def find(self, ev: Event) -> Cluster | None:
        parts = frozenset(ev.participants)
        seen = set()
        for p in parts:
            for cid in self._by_member.get((ev.type, p), ()):
                if cid in seen:
                    continue
                seen.add(cid)
                c = self.clusters[cid]
                if dates_compatible(c.date, ev.date) and (
                        participants_agree(c.participants, parts) or _same_gathering(ev.type, c.participants, parts)):
                    return c
        return None

    def assign(self, ev: Event) -> str:
        c = self.find(ev)
        if c is None:
            c = Cluster(cluster_id(ev.type, ev.participants, ev.date), ev.type, frozenset(ev.participants), ev.date)
            self.add(c)
        elif ev.date and (not c.date or len(ev.date) > len(c.date)):
            c.date = ev.date
        return c.id


class StoryStage:
    name = "stories"
    requires = ("events",)
    provides = ("stories",)

    def __init__(self, kb: KnowledgeBase | None = None, index: StoryIndex | None = None):
        self.index = index or StoryIndex()

    def __call__(self, doc: Document) -> Document:
        for ev in doc.events:
            ev.cluster = self.index.assign(ev)
        return doc
