"""Plain dataclasses for an article and what the pipeline finds in it.

Every span is a pair of character offsets into ``Document.text``, the article
text as read (decoded, before any cleaning), so ``text[start:end]`` is always
the surface string.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Span:
    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start:self.end]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass
class Sentence(Span):
    lang: str = ""
    boilerplate: bool = False


@dataclass
class Mention(Span):
    text: str
    type: str  # person | country | organization | location | gathering
    base: str = ""  # base (nominative, uninflected) form
    source: str = ""  # kb | ner | cue
    entity_id: str | None = None
    kind: str = "name"  # alias kind: name, short, acronym, adjective, ...
    candidates: list[str] = field(default_factory=list)  # knowledge-base ids, best first


# The kind of a person's name of one word that no fuller name in the article completes ("Азамат"
# addressed on air, a given name in a human-interest story): a name, and no party to any event
ALONE = "alone"
# The kind of the name of who reports the news (an outlet, an agency, the name a reporting frame
# introduces: "сообщает ТАСС", "“Report” xəbər verir", the page's signature): named, and no party
SOURCE = "source"
# The kind of a region's name ("Mərkəzi Asiya", "Орталық Азия", "Центральной Азии"): a place named,
# whose states are no one party, and no city or state an event took place in
REGION = "region"
NO_PARTY = frozenset({ALONE, SOURCE, REGION})


@dataclass
class Entity:
    id: str
    type: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    wikidata: str | None = None
    new: bool = False  # not in the knowledge base: learned from text
    organization: str | None = None  # a gathering's convening body, where the article composed it
    upcoming: bool = False  # a gathering the article names as the next of its series


@dataclass
class Evidence(Span):
    text: str


@dataclass
class Event:
    id: str
    type: str  # MEET | CALL | CONVENE | SIGN | APPOINT | CHAIR
    participants: list[str]
    evidence: Evidence
    date: str | None = None
    location: str | None = None
    framework: str | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    trigger: str = ""
    cluster: str | None = None
    # how the event was read (trigger, rule, cues, merges): shown by `communique show --trace`, not stored
    trace: list[str] = field(default_factory=list, repr=False, compare=False)
    # the month and day its sentence names where no year makes it a date ("4 мая", no year in the
    # article): enough to tell two occasions apart within one article; not stored
    month: int | None = field(default=None, repr=False, compare=False)
    day: int | None = field(default=None, repr=False, compare=False)


@dataclass
class Fact:
    relation: str  # holds_position | chairs | member_of
    subject: str
    role: str | None
    of: str | None
    date: str | None
    evidence: Evidence | None = None
    former: bool = False


@dataclass
class Failure:
    stage: str
    error: str


@dataclass
class Scratch:
    """What the stages share within one pipeline run, per sentence span: its tokens, the part of its
    reading that depends on the text alone (stages/context.py: folds, dates, pattern matches), and
    the order of the mentions, and which occasions the lead names by their keywords and the year they
    give (read by the gatherings and events stages alike). Never stored or exported; Pipeline
    empties it after the run so workers do not pickle it back, and a replaced text makes it start
    afresh."""
    text: str | None = None
    tokens: dict[tuple[int, int], list] = field(default_factory=dict)
    readings: dict[tuple[int, int, str], Any] = field(default_factory=dict)
    mention_order: dict[str, Any] = field(default_factory=dict)
    occasions_named: dict[tuple[str, str], dict[str, bool]] = field(default_factory=dict)
    occasion_years: dict[tuple, str | None] = field(default_factory=dict)  # by the names read (when.occasion_year)

    def of(self, text: str) -> "Scratch":
        """This scratch, emptied first if it was made for another text."""
        if self.text is not text:
            self.clear()
            self.text = text
        return self

    def clear(self) -> None:
        self.text = None
        self.tokens.clear()
        self.readings.clear()
        self.mention_order.clear()
        self.occasions_named.clear()
        self.occasion_years.clear()

    def empty(self) -> bool:
        return not (self.tokens or self.readings or self.mention_order or self.occasions_named
                    or self.occasion_years)


@dataclass
class Document:
    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    origin: str | None = None  # file or feed the text came from
    lang: str | None = None
    boilerplate: list[Span] = field(default_factory=list)
    paragraphs: list[Sentence] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    done: set[str] = field(default_factory=set)  # labels provided so far
    failure: Failure | None = None
    scratch: Scratch = field(default_factory=lambda: Scratch(), repr=False, compare=False)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def in_boilerplate(self, span: Span) -> bool:
        return any(b.overlaps(span) for b in self.boilerplate)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The document as plain JSON values, from its own fields alone. ``extract`` prints it with
        each event's PLOVER and CAMEO codes added by the export step (``export.document_record``)."""
        return {
            "id": self.id, "lang": self.lang, "title": self.title,
            "published": self.published, "source": self.source, "url": self.url,
            "entities": [_entity_dict(e) for e in self.entities],
            "events": [_event_dict(e) for e in self.events],
            "facts": [_fact_dict(f) for f in self.facts],
            **({"error": dataclasses.asdict(self.failure)} if self.failure else {}),
        }


def _span_dict(s: Span | None, text: str | None = None) -> dict | None:
    if s is None:
        return None
    return {"start": s.start, "end": s.end, "text": text if text is not None else getattr(s, "text", "")}


def _entity_dict(e: Entity) -> dict:
    return {"id": e.id, "label": e.label, "type": e.type, "wikidata": e.wikidata, "new": e.new,
            "mentions": [mention_dict(m.start, m.end, m.text, m.kind) for m in e.mentions]}


def mention_dict(start: int, end: int, text: str, kind: str | None) -> dict:
    """A mention in the output contract; ``kind`` only for a name that is no party (``NO_PARTY``)."""
    return {"start": start, "end": end, "text": text, **({"kind": kind} if kind in NO_PARTY else {})}


def _event_dict(e: Event) -> dict:
    return {"id": e.id, "type": e.type, "participants": list(e.participants), "date": e.date,
            "location": e.location, "framework": e.framework, "modality": e.modality,
            "evidence": _span_dict(e.evidence), "confidence": round(e.confidence, 3),
            "cluster": e.cluster}


def _fact_dict(f: Fact) -> dict:
    d = {"relation": f.relation, "subject": f.subject, "role": f.role, "of": f.of,
         "date": f.date, "evidence": _span_dict(f.evidence)}
    if f.former:
        d["former"] = True
    return d
