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
    return type_ == "CONVENE" and any(p.startswith(("gathering:", "new:gathering:")) for p in a & b)


def cluster_id(type_: str, participants, date: str | None) -> str:
    key = f"{type_}|{'|'.join(sorted(participants))}|{date or ''}"
    return "st-" + hashlib.sha1(key.encode()).hexdigest()[:12]


class StoryIndex:
    """Clusters of events; ``kb`` lets a report naming the leaders ("Pashinyan and Aliyev signed")
    join one naming their states ("Armenia and Azerbaijan will sign")."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.clusters: dict[str, Cluster] = {}
        self._by_member: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._order: dict[str, int] = {}

    def add(self, c: Cluster) -> None:
        self.clusters[c.id] = c
        self._order.setdefault(c.id, len(self._order))
        for p in c.participants | self._states(c.participants, c.date):
            self._by_member[(c.type, p)].add(c.id)

    def _states(self, parts: frozenset[str], date: str | None) -> frozenset[str]:
        """Each participant as a state: a country itself, a person the state whose office they hold."""
        out = set()
        for p in parts:
            if p.startswith("country:"):
                out.add(p)
            elif p.startswith("person:"):
                roles = [r for r in self.kb.roles_of(p) if r.of.startswith("country:")]
                held = [r for r in roles if r.active(date)] or ([] if date else roles[-1:])
                if held:
                    out.add(held[0].of)
        return frozenset(out)

    def find(self, ev: Event) -> Cluster | None:
        parts = frozenset(ev.participants)
        states = self._states(parts, ev.date)
        candidates = set()
        for p in parts | states:
            candidates |= self._by_member.get((ev.type, p), set())
        # Oldest cluster first, so the choice never depends on set order (PYTHONHASHSEED).
        for cid in sorted(candidates, key=self._order.__getitem__):
            c = self.clusters[cid]
            if not dates_compatible(c.date, ev.date):
                continue
            if participants_agree(c.participants, parts) or _same_gathering(ev.type, c.participants, parts):
                return c
            theirs = self._states(c.participants, c.date)
            if len(states) >= 2 and states == theirs:
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

    def __init__(self, kb: KnowledgeBase, index: StoryIndex | None = None):
        self.index = index or StoryIndex(kb)

    def __call__(self, doc: Document) -> Document:
        for ev in doc.events:
            ev.cluster = self.index.assign(ev)
        return doc
