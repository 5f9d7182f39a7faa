"""Stories: the reports of one real-world event, across articles and languages, in one cluster;
the clusters of one multilateral gathering (the plenary, the leaders' talks beside it, the
documents signed, the chairmanship handed over) in one occasion.

Not a pipeline stage: a worker sees one article, a story needs all of them. One ``StoryIndex``
is fed every document in input order by whoever writes the results (the store, or a runner
without a store), so ``ingest``, ``process`` (local or Dask) and re-ingestion give the same ids.

A report joins the cluster that scores best on the evidence that survives extraction errors:
participants mapped to the states they represent on that date (the knowledge base's terms of
office), the same gathering, the place, dates compared at the precision each report gives, and
types that belong together. Candidates come from an index keyed by gathering series and by pairs
of actors, each key holding only its latest clusters, so the cost per report stays flat however
many clusters there are.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

from ..document import Document, Event
from ..kb import KnowledgeBase

JOIN_SCORE = 3.0  # the least evidence that makes two reports one event (see StoryIndex.score)
KEY_DEPTH = 64  # clusters kept per blocking key of one year: the latest ones, so candidates stay bounded
ANY_DEPTH = 16  # per key of every year or of no date: what an undated report may join, the latest
_ANY, _UNDATED = "*", "-"
KEY_ACTORS = 5  # actors whose pairs make blocking keys: a long attendance list adds nothing but cost
_DAY_SLACK = 3  # a summit of several days, or a report dated by its time zone or by the next day's news
_BILATERAL = ("MEET", "CALL")
_GATHERING_DAYS = 14  # longer than any summit: two days further apart are two occasions of one name
_YEAR_SUFFIX = re.compile(r"-(\d+)$")


@dataclass(slots=True)
class Cluster:
    """One real-world event as the index knows it: what its reports say, merged (participants
    united, the most precise date, the first place and frame given). ``seq`` is its rank in input
    order, which breaks every tie."""
    id: str
    type: str
    participants: frozenset[str]
    date: str | None
    location: str | None = None
    framework: str | None = None
    occasion: str | None = None
    seq: int = 0
    evidence: str = ""  # the founding report's sentence, for the near-identical test


@dataclass(slots=True)
class Report:
    """What one event (or cluster) offers as evidence, derived once with the knowledge base."""
    type: str
    family: str  # the type clusters are matched within (signerless documents go with their gathering)
    date: str | None
    location: str | None
    framework: str | None
    states: frozenset[str]  # countries, and persons as the state whose office they held on the date
    actors: frozenset[str]  # states, persons no office maps to a state, organisations
    persons: frozenset[str]
    bodies: frozenset[str]  # organisations among participants and frame
    gatherings: tuple[tuple[str, str | None], ...]  # (series, year or None for the series alone)
    evidence: str = ""


def cluster_id(event_id: str) -> str:
    """A cluster is named after the report that founded it: the same input gives the same ids."""
    return "st-" + hashlib.sha1(event_id.encode()).hexdigest()[:12]


def occasion_id(founder: str) -> str:
    return "oc-" + hashlib.sha1(founder.encode()).hexdigest()[:12]


def is_gathering(eid: str | None) -> bool:
    return bool(eid) and eid.startswith(("gathering:", "new:gathering:"))


def _day(d: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(d) if d and len(d) == 10 else None
    except ValueError:
        return None


def _days_apart(a: str | None, b: str | None, days: int) -> bool:
    da, db = _day(a), _day(b)
    return bool(da and db) and abs((da - db).days) > days


def date_points(a: str | None, b: str | None, type_: str = "") -> float | None:
    """Evidence from two dates at the precision each has: None where they exclude each other, 0
    where either is missing, more the finer they agree. A chairmanship lasts a year: its dates
    agree on the year."""
    if not a or not b:
        return 0.0
    if type_ == "CHAIR":
        return 1.0 if a[:4] == b[:4] else None
    da, db = _day(a), _day(b)
    if da and db:
        gap = abs((da - db).days)
        return 3.0 if gap == 0 else 2.0 if gap == 1 else 1.0 if gap <= _DAY_SLACK else None
    n = min(len(a), len(b))
    if a[:n] != b[:n]:
        return None
    return 1.5 if n == 7 else 0.0


def dates_compatible(a: str | None, b: str | None) -> bool:
    return date_points(a, b) is not None


def participants_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same parties, or at least two in common and one side naming no one the other lacks
    (the events stage merges reports of one event within an article with it)."""
    if a == b:
        return True
    common = a & b
    return len(common) >= 2 and (common == a or common == b)


class StoryIndex:
    """Clusters and occasions of the events fed to it, in the order fed. ``similarity`` (two
    evidence sentences -> 0..1) lets an undated report join on near-identical evidence."""

    def __init__(self, kb: KnowledgeBase, similarity: Callable[[str, str], float] | None = None):
        self.kb = kb
        self.similarity = similarity or char_similarity
        self.clusters: dict[str, Cluster] = {}
        self._reports: list[Report] = []  # by cluster seq
        self._ids: list[str] = []  # by cluster seq
        self._keys: dict[tuple, deque[int]] = {}
        self._occasions: dict[tuple, str] = {}  # gathering (series, year), (body, day), (place, day, party)
        self._alone: dict[tuple, str] = {}  # (place, day, party) -> the one cluster there, no occasion yet
        self._alone_keys: dict[str, list[tuple]] = {}
        self.changed: set[str] = set()  # clusters created or updated since the caller last emptied it
        self._states: dict[tuple[str, str | None], str | None] = {}  # (person, date) -> state, a cache

    # -- evidence ----------------------------------------------------------------
    def report(self, type_: str, participants: Iterable[str], date: str | None, location: str | None = None,
               framework: str | None = None, evidence: str = "") -> Report:
        parts = frozenset(participants)
        persons = frozenset(p for p in parts if "person:" in p)
        states, actors = set(), set()
        for p in parts:
            if p.startswith("country:"):
                states.add(p)
            elif p in persons:
                state = self._state_of(p, date)
                (states if state else actors).add(state or p)
            elif not is_gathering(p):
                actors.add(p)
        bodies = frozenset(p for p in (*parts, framework) if p and not is_gathering(p)
                           and not p.startswith(("country:", "loc:")) and "person:" not in p)
        gatherings = tuple(sorted({self._gathering(g) for g in (*parts, framework) if is_gathering(g)},
                                  key=lambda g: (g[0], g[1] or "")))
        signerless = type_ == "SIGN" and not states and not persons
        return Report(type_, "CONVENE" if signerless else type_, date, location, framework,
                      frozenset(states), frozenset(actors | states), persons, bodies, gatherings, evidence)

    def _state_of(self, person: str, date: str | None) -> str | None:
        key = (person, date)
        if key not in self._states:
            if len(self._states) > 100_000:
                self._states.clear()
            # undated and no office held now: the last state he served
            last = None if date else next((r.of for r in reversed(self.kb.roles_of(person))
                                           if r.of.startswith("country:")), None)
            self._states[key] = self.kb.state_served(person, date) or last
        return self._states[key]

    def _gathering(self, gid: str) -> tuple[str, str | None]:
        """A gathering as (series, year): a numbered or dated one of the knowledge base has its
        start's year; one composed from the text ends with its year where the text gave it; one
        without either names its series (every summit of that body), not one occasion."""
        row = self.kb.gatherings.get(gid)
        series = gid.removeprefix("new:").removeprefix("gathering:")
        m = _YEAR_SUFFIX.search(series)
        if row is not None:
            year = (row.get("start") or "")[:4] or None
            return (series[:m.start()] if m and year else series), year
        if m and len(m.group(1)) == 4:
            return series[:m.start()], m.group(1)
        return series, None

    # -- the score ---------------------------------------------------------------
    def score(self, r: Report, c: Report) -> float | None:
        """How strongly two reports are one event; None where something excludes it."""
        if r.family != c.family:
            return None
        gathered = self._gatherings_agree(r, c)
        if gathered is None:
            return None
        if gathered == "same" and r.family == "CONVENE" and not _days_apart(r.date, c.date, _GATHERING_DAYS):
            return 10.0  # a named gathering identifies its event, whatever else the dates say
        if r.family == "CONVENE" and r.gatherings and c.gatherings and not gathered:
            return None  # two gatherings of different names
        points = date_points(r.date, c.date, r.family)
        if points is None or not self._parties_agree(r, c):
            return None
        place = self._places_agree(r.location, c.location)
        shared = len(r.actors & c.actors)
        points += 1.5 * min(shared, 3) + 0.5 * len(r.persons & c.persons & (r.actors | c.actors))
        points += {"same": 3.0, "series": 1.5}.get(gathered or "", 0.0) + place
        points += 0.5 * bool(r.framework and r.framework == c.framework)
        if not (r.date and c.date) and not self._strong_undated(r, c, gathered, place):
            return None
        return points

    def _gatherings_agree(self, r: Report, c: Report) -> str | None:
        """"same" (one gathering of one year), "series" (one series, a year missing on a side),
        "" (nothing in common), None (two years of one series: different occasions)."""
        best = ""
        for s1, y1 in r.gatherings:
            for s2, y2 in c.gatherings:
                if s1 != s2:
                    continue
                if y1 and y2 and y1 != y2:
                    return None
                best = "same" if y1 and y2 else best or "series"
        return best

    def _parties_agree(self, r: Report, c: Report) -> bool:
        """Who must be the same for the type: the two sides of a meeting or call, the person
        appointed, the state chairing; any one party of a signing."""
        if r.family in _BILATERAL:
            # both sides of the talks: one party in common is the same leader with another counterpart
            return len(r.actors & c.actors) >= 2 and (r.actors <= c.actors or c.actors <= r.actors)
        if r.family == "APPOINT":
            return bool(r.persons & c.persons) if r.persons and c.persons else bool(r.actors & c.actors)
        if r.family == "CHAIR":
            return bool(r.states & c.states) and (not (r.bodies and c.bodies) or bool(r.bodies & c.bodies))
        if r.family == "SIGN":
            return bool(r.actors & c.actors)
        return bool(r.actors & c.actors) or bool(r.gatherings and c.gatherings)

    def _places_agree(self, a: str | None, b: str | None) -> float:
        if not a or not b:
            return 0.0
        if a == b:
            return 1.0
        country = self.kb.place_country
        if country.get(a, a) == country.get(b, b):
            return 0.5 if b == country.get(a) or a == country.get(b) else -3.0
        return -3.0

    def _strong_undated(self, r: Report, c: Report, gathered: str, place: float) -> bool:
        """An undated report joins only on evidence that needs no date: a gathering of one series
        in the same city with a party in common, the same state chairing the same body (a rotating
        chair comes back to a state only years later), or the same parties told in near-identical words."""
        if gathered and place >= 1.0 and r.actors & c.actors:
            return True
        if r.family == "CHAIR" and r.states and r.states == c.states and r.bodies and r.bodies == c.bodies:
            return True
        same_parties = len(r.actors) >= 2 and r.actors == c.actors
        return same_parties and bool(r.evidence and c.evidence) and self.similarity(r.evidence, c.evidence) >= 0.5

    # -- blocking ----------------------------------------------------------------
    # A cluster is filed under key stems (a gathering series, pairs of its actors) in the year of its
    # date, under "-" when it has none, and under "*" whatever its date; and under its body and
    # month. A dated report looks in the years its date may fall in and among the undated; an
    # undated one everywhere ("*"). Each key keeps only its latest clusters.
    def _stems(self, r: Report) -> list[tuple[tuple, str | None]]:
        """(stem, the year the stem is filed in): a gathering in its own year, actors in the date's."""
        year = r.date[:4] if r.date else None
        stems = [(("g", r.family, series), y or year) for series, y in r.gatherings]
        actors = sorted(r.actors)[:KEY_ACTORS]
        pairs = [(a,) for a in actors] if len(actors) == 1 else list(combinations(actors, 2))
        return stems + [(("a", r.family, *pair), year) for pair in pairs]

    def _periods(self, r: Report) -> tuple[list[str], list[str]]:
        """The years and months a report's date may fall in (a day, give or take the slack)."""
        day = _day(r.date)
        if day:
            ends = [(day + dt.timedelta(days=k)).isoformat() for k in (-_DAY_SLACK, 0, _DAY_SLACK)]
            return sorted({e[:4] for e in ends}), sorted({e[:7] for e in ends})
        if not r.date:
            return [], []
        return [r.date[:4]], [r.date[:7]] if len(r.date) >= 7 else []

    def _index_keys(self, r: Report) -> list[tuple]:
        keys = [k for stem, year in self._stems(r) for k in (stem + (year or _UNDATED,), stem + (_ANY,))]
        if r.date and len(r.date) >= 7:  # how a signing with no signer finds its body's gathering
            keys += [("o", r.family, body, r.date[:7]) for body in sorted(r.bodies)]
        return keys

    def _query_keys(self, r: Report) -> list[tuple]:
        years, months = self._periods(r)
        keys = []
        for stem, year in self._stems(r):
            if year and (year not in years):
                keys += [stem + (year,), stem + (_UNDATED,)]  # a gathering of a known year
            elif years:
                keys += [stem + (y,) for y in years] + [stem + (_UNDATED,)]
            else:
                keys.append(stem + (_ANY,))
        return keys + [("o", r.family, body, m) for body in sorted(r.bodies) for m in months]

    def candidates(self, r: Report) -> list[int]:
        seen: set[int] = set()
        for key in self._query_keys(r):
            seen.update(self._keys.get(key, ()))
        return sorted(seen)

    def _index(self, seq: int, r: Report) -> None:
        for key in self._index_keys(r):
            q = self._keys.get(key)
            if q is None:
                q = self._keys[key] = deque(maxlen=KEY_DEPTH if key[-1] not in (_ANY, _UNDATED) else ANY_DEPTH)
            if seq not in q:
                q.append(seq)

    # -- assigning ---------------------------------------------------------------
    def add(self, c: Cluster, r: Report | None = None) -> None:
        """A cluster as stored (seeding the index from a database, in ``seq`` order), or new with
        the report that founded it."""
        c.seq = len(self._ids)
        self.clusters[c.id] = c
        self._ids.append(c.id)
        r = r or self.report(c.type, c.participants, c.date, c.location, c.framework, c.evidence)
        self._reports.append(r)
        self._index(c.seq, r)
        self._register_occasion(c, r)

    def find(self, ev: Event, r: Report | None = None) -> Cluster | None:
        r = r or self._event_report(ev)
        best, best_score = None, JOIN_SCORE
        for seq in self.candidates(r):
            s = self.score(r, self._reports[seq])
            if s is not None and s >= best_score and (best is None or s > best_score):
                best, best_score = seq, s
        return self.clusters[self._ids[best]] if best is not None else None

    def _event_report(self, ev: Event) -> Report:
        return self.report(ev.type, ev.participants, ev.date, ev.location, ev.framework,
                           ev.evidence.text if ev.evidence else "")

    def assign(self, ev: Event) -> str:
        """The cluster of ``ev``: the best-scoring one it joins, else a new one it founds."""
        r = self._event_report(ev)
        c = self.find(ev, r)
        if c is None:
            c = Cluster(cluster_id(ev.id), ev.type, frozenset(ev.participants), ev.date, ev.location, ev.framework,
                        evidence=r.evidence)
            self.add(c, r)
        else:
            self._merge(c, ev, r)
        self.changed.add(c.id)
        return c.id

    def take_changed(self) -> list[Cluster]:
        """The clusters created or updated since the last call, in the order they were founded."""
        out = sorted((self.clusters[i] for i in self.changed), key=lambda c: c.seq)
        self.changed = set()
        return out

    def assign_document(self, doc: Document) -> None:
        for ev in doc.events:
            ev.cluster = self.assign(ev)

    def _merge(self, c: Cluster, ev: Event, r: Report) -> None:
        """What a new report adds to its cluster; the cluster is indexed again under its new keys.
        The cluster's evidence is the union of its reports' (each person mapped to a state on the
        date of the report that names them), so a merge costs the size of the report, not of the
        cluster."""
        c.participants = c.participants | frozenset(ev.participants)
        if ev.date and (not c.date or (len(ev.date) > len(c.date) and ev.date.startswith(c.date))):
            c.date = ev.date
        c.location = c.location or ev.location
        c.framework = c.framework or ev.framework
        if c.type == "SIGN" and ev.type == "CONVENE":
            c.type = "CONVENE"  # documents adopted at a gathering: the gathering names the record
        old = self._reports[c.seq]
        merged = Report(c.type, "CONVENE" if c.type == "CONVENE" else old.family, c.date, c.location, c.framework,
                        old.states | r.states, old.actors | r.actors, old.persons | r.persons, old.bodies | r.bodies,
                        tuple(sorted(set(old.gatherings) | set(r.gatherings), key=lambda g: (g[0], g[1] or ""))),
                        old.evidence)
        self._reports[c.seq] = merged
        self._index(c.seq, merged)
        self._register_occasion(c, merged)

    # -- occasions ---------------------------------------------------------------
    def _register_occasion(self, c: Cluster, r: Report) -> None:
        """A cluster's occasion: that of its gathering (of a known year), else that of a gathering
        its body held on the same day, else that of other events on the same day in the same place
        with a party in common (a trilateral summit with no name: the talks, the signing)."""
        own = [("g", s, y) for s, y in r.gatherings if y]
        day = _day(c.date)
        near = [("b", b, (day + dt.timedelta(days=k)).isoformat()) for b in sorted(r.bodies) for k in (0, -1, 1)] \
            if day else []
        # the country of the place: reports name the venue ("the White House") or the city
        where = self.kb.place_country.get(c.location or "", c.location)
        place = [("p", where, day.isoformat(), a) for a in sorted(r.actors)] if day and where else []
        if c.occasion is None:
            found = next((self._occasions[k] for k in own + near if k in self._occasions), None)
            if found is None and not own:
                found = self._same_place_and_day(c, place)
            if found is None and not own:
                return
            c.occasion = found or occasion_id(c.id)
            self.changed.add(c.id)
        for k in own:
            self._occasions.setdefault(k, c.occasion)
        if own and day:
            for b in sorted(r.bodies):
                self._occasions.setdefault(("b", b, day.isoformat()), c.occasion)
        for k in place:
            self._occasions.setdefault(k, c.occasion)

    def _same_place_and_day(self, c: Cluster, keys: list[tuple]) -> str | None:
        """The occasion of an earlier cluster at this place and day with a party in common; an
        earlier cluster alone there gets its occasion now, named after it."""
        for k in keys:
            other = self._occasions.get(k) or self._alone.get(k)
            if other is None or other == c.id:
                continue
            if other.startswith("st-"):  # a cluster that had no occasion until this one came
                first = self.clusters[other]
                first.occasion = first.occasion or occasion_id(first.id)
                self.changed.add(first.id)
                for key in self._alone_keys.pop(other, ()):
                    self._alone.pop(key, None)
                    self._occasions.setdefault(key, first.occasion)
                return first.occasion
            return other
        for k in keys:
            self._alone.setdefault(k, c.id)
        self._alone_keys.setdefault(c.id, []).extend(keys)
        return None


def char_similarity(a: str, b: str) -> float:
    """Share of character trigrams two evidence sentences have in common (Jaccard): near-identical
    wording, as when one outlet reprints another's report."""
    ga, gb = _trigrams(a), _trigrams(b)
    return len(ga & gb) / len(ga | gb) if ga and gb else 0.0


def _trigrams(s: str) -> set[str]:
    s = " ".join(s.lower().split())
    return {s[i:i + 3] for i in range(len(s) - 2)}
