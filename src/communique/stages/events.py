"""Diplomatic events from trigger words and the mentions around them."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import re

from ..document import Document, Entity, Event, Evidence
from ..kb import KnowledgeBase
from ..lang import Pattern
from ..lang.grammar import endings
from ..text import fold, lower, opens_line, tokenize
from .context import SentenceContext, parties_only, prose
from . import when
from .arguments import EARLIER_VISIT, FELLOW_VISITORS, PLURAL_OFFICIALS, Arguments, named_by_nationality
from .dating import Dating
from .gatherings import FEW, gathering_organization, is_gathering
from .merging import ARRIVAL, headline, merge_duplicates
from .mentions import region_place

# When one sentence has several trigger types, the more specific one wins over these.
_SUPPRESSED_BY = {"MEET": {"CALL"}, "CONVENE": {"MEET", "CALL", "SIGN", "APPOINT", "CHAIR"}}
_SUPPRESSIBLE_ORDER = {"MEET": 1, "CONVENE": 2}  # made after the types that may suppress them
_LOCATIVE_COUNTRY_TYPES = ("location",)
_GATHERING_TYPES = ("MEET", "CALL", "CONVENE")
_BODY_FRAMED = ("CONVENE", "SIGN", "APPOINT")
_PLACED = ("MEET", "CALL", "CONVENE", "SIGN")  # occurrences at a place; an appointment or a chairmanship is not
_ONE_STATE = "one state's affairs unless it is the gathering reported before"
_PARTIES = ("person:", "new:person:", "country:")  # who meets, as against a body or a gathering
_BODIES = ("org:", "new:organization:")  # a body: a known one, or one the text names that the knowledge base lacks
# Parties (persons, or states) beyond "a few" (GOLD.md): a meeting word with _MULTILATERAL names a
# gathering ("görüş" of a minister and three states is still a meeting); one with FEW (gatherings.py) names
# none of which the knowledge base knows too, since no state makes four unknown names a diplomatic meeting
# (split per counterpart, such meetings came on negative articles). A gathering word with fewer than FEW,
# no body or gathering named, is a meeting.
_MULTILATERAL = 5


def event_id(doc_id: str, type_: str, start: int, part: int = 0) -> str:
    key = f"{doc_id}|{type_}|{start}" + (f"|{part}" if part else "")
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:16]


def _is_visit(ctx: SentenceContext, a: int, b: int) -> bool:
    """The meeting word at a..b is a word of travel (lang/*/visits.tsv)."""
    return any(x < b and a < y for _, x, y in ctx.matches(ctx.ld.visits))


def _plural_trigger(ctx: SentenceContext, a: int, b: int) -> bool:
    """A meeting word in the plural: "görüşlər", "кездесулер", "встречи"."""
    return any(ctx.grammar.is_plural(w) for w in ctx.folds[a:b])


def _trigger_line(ctx: SentenceContext, type_: str, a: int, b: int, source: str = "triggers.tsv") -> str:
    """The trace's line of the trigger at a..b and the data file it comes from (tools/rule_precision.py
    reads it)."""
    return f"trigger: {' '.join(ctx.toks[k].text for k in range(a, b))!r} ({type_}, lang/{ctx.code}/{source})"


def _plural_occasion(ctx: SentenceContext, a: int, b: int, lo: int, hi: int) -> bool:
    """The meeting word at a..b in the plural, or a gathering or meeting noun in the plural in its
    clause: "Zirvə görüşlərində mütəmadi olaraq iştirak edir", "регулярно участвует в саммитах" (the
    occasions taken part in are many)."""
    nouns = ctx.grammar.words["gathering_noun"] + ctx.grammar.words["meeting_noun"]
    return _plural_trigger(ctx, a, b) or any(w.startswith(nouns) and ctx.grammar.is_plural(w) for w in ctx.folds[lo:hi])


class EventStage:
    name = "events"
    requires = ("entities", "sents")
    provides = ("events",)

    def __init__(self, kb: KnowledgeBase, as_of: str | None = None):
        self.kb = kb
        # the day the reading is done as of (never the clock): bounds the years a weekday may fit
        self.as_of = dt.date.fromisoformat(as_of) if as_of else None
        self.args = Arguments(kb)
        self.dating = Dating(kb)

    @parties_only
    def __call__(self, doc: Document) -> Document:
        events: list[Event] = []
        year = when.article_year(doc, self.kb, self.as_of)
        # An undated report is news of the month it was published (of the dateline's day, set after
        # merging: "вчера" in the lead must still meet the headline). Without a publication date the
        # day the lead gives is the news' day; else the year or month of a gathering the article
        # names is a guess, also applied after merging.
        lead_day = when.lead_day(doc, year)
        dateline = when.dateline(doc, year) or lead_day
        reported = (dateline or doc.published or "")[:7] or None
        # after merging, an undated report is news of the day it was published (the batches' gold,
        # GOLD.md "published"); its month until then, so "вчера" in the lead still meets the headline
        reported_day = dateline or (doc.published if doc.published and len(doc.published) == 10 else None)
        guess = None if reported else when.context_month(doc, self.kb) or year
        focus: str | None = None  # the person the article is about so far ("Onun ... görüşündə")
        subject: str | None = None  # the subject of the sentence before, where it reported no event
        undated: set[str] = set()
        senders, others = set(), set()  # persons named only as senders of greetings conveyed are not there
        contexts: list[SentenceContext] = []  # read again by _trip_place, built once
        for sent in prose(doc):
            ctx = SentenceContext.build(doc, sent)
            contexts.append(ctx)
            absent = ctx.senders()
            # "об этом заявил министр X", "bu barədə X bildirib": who told of it, not who was there
            told = bool(ctx.matches(ctx.ld.attribution)) and not ctx.matches(ctx.ld.triggers)
            for m in ctx.of_type("person"):
                (senders if id(m) in absent or (told and not ctx.is_counterpart(m)) else others).add(m.entity_id)
            if ctx.matches(ctx.ld.offtopic):
                continue
            seen = {p for e in events for p in e.participants}
            if events and events[-1].type == "MEET" and self._refers_to_call(ctx):
                events[-1].type = "CALL"  # "telefon söhbəti zamanı": the talks reported were a phone call
            # "Bu barədə ... görüşündə çıxışı zamanı bildirib", "Об этом заявил ... на встрече": where
            # and in which frame the words before were said, not where what they tell took place
            if events and self._refers_back(ctx, seen) and not ctx.matches(ctx.ld.attribution):
                self._enrich(events[-1], ctx)
            # "по итогам саммита", "görüş zamanı": what the sentence reports happened at the occasion
            # reported before it, on its date
            occasion = events[-1] if events and ctx.matches(ctx.ld.anaphora) \
                and not _new_gatherings(ctx, seen) else None
            # "в тот же день", "həmin gün": the day of the news before
            same_day = next((e.date for e in reversed(events) if e.date and len(e.date) == 10), None) \
                if ctx.matches(ctx.ld.same_day) else None
            met = [e for e in reversed(events) if e.type in _GATHERING_TYPES]  # the latest first
            # "Сапар аясында ... кездесулер", "səfər çərçivəsində", "в рамках визита": where the visit was
            visit = next((e for e in met if e.type == "MEET" and e.location), None) if _visit_framed(ctx) else None
            before = len(events)
            # a sentence naming only the one met continues the last sentence's subject, when no event
            # reported since named another ("X ... gül qoydu. Və Y ilə görüşdü.")
            here = subject if subject and _counterparts_only(ctx) else focus
            for ev in self._events(ctx, year, here, earlier=seen, met=met, subject=subject):
                if here is not focus and here in ev.participants and ev.type in ("MEET", "CALL"):
                    ev.trace.append(f"participants: {here}, the subject of the sentence before, goes on (this one names only the one met)")
                # what took place did not take place at an occasion still to come
                at = occasion if occasion and not (occasion.modality == "planned" != ev.modality) else None
                back = same_day or (at.date if at else None)
                ev.location = ev.location or (at.location if at else None)
                if not ev.location and visit is not None and ev.type in _PLACED:
                    ev.location = visit.location
                    ev.trace.append(f"location: {ev.location}, where the visit it is part of went")
                if ev.type == "APPOINT" and not doc.published:
                    ev.date = _traced(ev, "the office's start in the knowledge base", self.dating.role_date(ev, ctx)) or ev.date
                if not (ev.date or back) and reported and (held := self.dating.held_before(ev, reported)):
                    ev.date = _traced(ev, "its gathering's start in the knowledge base, before the report", held)
                if not (ev.date or back) and reported:
                    undated.add(ev.id)
                    # a plan announced in a month is for later: only its year is certain while reports are
                    # merged; a chairmanship is held for a period, which the day of the news does not start
                    ev.date = _traced(ev, "an undated report: the dateline or publication day (a plan: its month; "
                                          "a chairmanship: its year)",
                                      reported[:4] if (ev.modality == "planned" and not lead_day) or ev.type == "CHAIR"
                                      else reported)
                ev.date = ev.date or _traced(ev, "the occasion referred back to", back)
                events.append(ev)
                focus = next((p for p in ev.participants if p.startswith(("person:", "new:person:"))), focus)
            subject = _lone_subject(ctx) if len(events) == before else None
        titled = functools.cache(lambda: _titled_officials(contexts))  # read only for a visit with no known host
        # a protocol welcome on arrival names no host, unless the head of state himself welcomes
        welcomers = frozenset(p for e in events if ARRIVAL in e.trace for p in e.participants)
        # one the visitor is only to meet ("кездесуі жоспарланған"), met in no meeting held, is not yet
        # the host of a visit made
        met = {p for e in events if e.type == "MEET" and e.modality == "asserted" for p in e.participants}
        to_meet = [set(e.participants) for e in events if e.type == "MEET" and e.modality == "planned"]
        for ev in events:
            planned = frozenset(p for parts in to_meet if ev.modality == "asserted" and parts & set(ev.participants)
                                for p in parts) - met
            self.args.name_host(ev, doc, frozenset(senders - others), titled, welcomers | planned)
        doc.events = [e for e in merge_duplicates(events, self.kb, headline(doc), undated,
                                                  functools.cache(lambda: _title_states(contexts)))
                      if e.trace[:1] != [_ONE_STATE]]
        for ev in doc.events:
            ev.participants = list(dict.fromkeys(ev.participants))
            if ev.type == "CALL" and ev.framework:
                # a phone call is held in no gathering's or body's frame: one named beside it is what was
                # discussed ("в ходе телефонного разговора обсудили взаимодействие в рамках ЕАЭС")
                ev.trace.append(f"framework: none, a call's ({ev.framework} is what was discussed)")
                ev.framework = None
        for ev, talk in self._attended(doc):
            doc.events.append(ev)
            if talk.id in undated:
                undated.add(ev.id)  # dated as the talks are
        for ev in doc.events:  # first: what the others may be dated by
            ev.date = ev.date or _traced(ev, "its gathering's one day in the knowledge base", self.dating.gathering_day(ev))
        for ev in doc.events:
            ev.date = ev.date or _traced(ev, "the summit of its body the article dates", self.dating.occasion_date(ev, doc.events)) \
                or _traced(ev, "the appointments reported with it", self.dating.decree_date(ev, doc.events)) \
                or _traced(ev, "the article's month or year", guess)
            if reported_day and ev.id in undated and ev.date == reported:
                ev.date = reported_day
            elif ev.id in undated and ev.modality == "planned" and ev.type != "CHAIR" and ev.date == reported[:4]:
                # then a plan the text does not date is news of the month it is announced in (the
                # annotators' reading: 7 of 8 such plans in the decision samples), not of its day
                ev.date = reported
        held = {p for e in doc.events if e.type == "CONVENE" and e.modality != "negated" for p in e.participants}
        doc.events += [h for e in list(doc.events) if (h := _held_without(e, doc.published))
                       and not set(h.participants) & held]
        _same_place(doc.events)
        _trip_place(doc.events, contexts)
        _same_occasion(doc.events)
        _frame_place(doc.events)
        doc.events = [e for e in doc.events if not self._trip_to_attend(e, doc.events)]
        self._city_of_state(doc)
        add_inferred_entities(doc, self.kb, [x for e in doc.events for x in (*e.participants, e.location, e.framework)])
        return doc

    def _trip_to_attend(self, ev: Event, events: list[Event]) -> bool:
        """A visit to a state whose visitor the article has attend a gathering held there is the trip
        to attend it (GOLD.md: one CONVENE, not also a meeting with the host), unless the host is named
        ("Rusiya Federasiyasına işgüzar səfərə gedib" beside the forums she attends in Saint Petersburg)."""
        if ev.type != "MEET" or not any(t.startswith("participants:") and "a visit:" in t for t in ev.trace):
            return False
        persons = [p for p in ev.participants if "person:" in p]
        states = [p for p in ev.participants if p.startswith("country:")]
        if len(persons) != 1 or len(states) != 1 or len(ev.participants) != 2:
            return False
        return any(o.type == "CONVENE" and persons[0] in o.participants and o.location
                   and states[0] in (o.location, self.kb.place_country.get(o.location)) for o in events)

    def _attended(self, doc: Document) -> list[tuple[Event, Event]]:
        """Talks held within a named gathering ("Antalya Diplomatiya Forumu çərçivəsində görüşüblər", "на
        полях саммита ШОС") tell that their parties attended it: a CONVENE of the gathering where the
        article reports none, with the persons in every such talk (all of one talk's; the one who met
        several there), else the talks' parties; each with the first talk it is inferred from."""
        reported = {p for e in doc.events if e.type == "CONVENE" for p in e.participants}
        framed: dict[str, list[Event]] = {}
        for ev in doc.events:
            if ev.type == "MEET" and ev.modality != "negated" and ev.framework and is_gathering(ev.framework) \
                    and ev.framework not in reported:
                framed.setdefault(ev.framework, []).append(ev)
        out = []
        for gathering, talks in framed.items():
            persons = [p for p in talks[0].participants if p.startswith(("person:", "new:person:"))
                       and all(p in t.participants for t in talks)]
            first = talks[0]
            ev = Event(event_id(doc.id, "CONVENE", first.evidence.start, 1), "CONVENE",
                       (persons or list(first.participants)) + [gathering], first.evidence, date=first.date,
                       location=first.location, framework=gathering_organization(doc, self.kb, gathering),
                       modality="planned" if all(t.modality == "planned" for t in talks) else "asserted",
                       confidence=round(first.confidence - 0.1, 2), trigger=first.trigger)
            ev.trace += [f"inferred: talks held within {gathering} ({len(talks)}): their parties attended it",
                         "participants: the persons in every one of those talks, and the gathering"]
            out.append((ev, first))
        return out

    @staticmethod
    def _refers_back(ctx: SentenceContext, earlier: set[str]) -> bool:
        back = [(a, b) for _, a, b in ctx.matches(ctx.ld.anaphora)]
        return bool(back) and not _new_parties(ctx, earlier) and any(
            any(x < b and a < y for x, y in back) for _, a, b in ctx.matches(ctx.ld.triggers))

    def _enrich(self, ev: Event, ctx: SentenceContext) -> None:
        """A back-reference often says where and in which frame the meeting took place."""
        ev.framework = ev.framework or self._framework(ctx)
        ev.location = ev.location or self._location(ctx, ev.participants, ev.framework, ev.type)
        if ev.date is None:
            ev.date = self.dating.sentence_date(ctx, None)

    @staticmethod
    def _refers_to_call(ctx: SentenceContext) -> bool:
        back = [(a, b) for _, a, b in ctx.matches(ctx.ld.anaphora)]
        return any(p.label == "CALL" and any(x < b and a < y for x, y in back)
                   for p, a, b in ctx.matches(ctx.ld.triggers))

    def _events(self, ctx: SentenceContext, year: str | None, focus: str | None,
                earlier: set[str] = frozenset(), met: list[Event] = (), subject: str | None = None) -> list[Event]:
        found: dict[str, tuple] = {}
        # "during the meeting" refers back, unless it brings in someone new ("X ilə görüşündə")
        back = [(a, b) for _, a, b in ctx.matches(ctx.ld.anaphora)] \
            if earlier and not _new_parties(ctx, earlier) else []
        triggers = ctx.matches(ctx.ld.triggers)
        if any(any(x < b and a < y for x, y in back) for _, a, b in triggers):
            # "during the meeting", "встреча прошла на полях …": the meeting is reported already;
            # what was signed or decided during it is new
            triggers = [t for t in triggers if t[0].label not in _GATHERING_TYPES]
        # "10-летия со дня подписания", "imzalanmasının 10 illiyi": an anniversary of it, not the occurrence
        triggers = [t for t in triggers if not _anniversary(ctx, t[1], t[2])
                    and not (t[0].label == "CONVENE" and _office_of(ctx, t[1], t[2]))]
        for p, a, b in triggers:
            if p.label == "MEET" and _gatherings_named_at(ctx, a, of_body=True):
                # "бейресми кездесуі", "hökumət başçılarının görüşü ... keçirilib": a meeting word naming a gathering
                p = dataclasses.replace(p, label="CONVENE")
            found.setdefault(p.label, (p, a, b))
        for type_, (p, a, b) in list(found.items()):
            # a verb of the same type next to the trigger or in its clause is its predicate ("примет
            # участие в заседании", "... в основных мероприятиях саммита"): its tense or negation is the event's
            lo, hi = _clause(ctx, a, b)
            on = _resumed(ctx, hi) or (hi, hi)  # past an inserted clause ("Встреча, которая ..., не состоится")
            verb = next((q for q, x, y in triggers if q.label == type_ and (q.extra or "asserted") != "asserted"
                         and (0 <= x - b <= _PREDICATE_GAP or 0 <= a - y <= _PREDICATE_GAP
                              or lo <= x and y <= hi or on[0] <= x and y <= on[1])), None)
            if verb is not None and (p.extra or "asserted") == "asserted":
                found[type_] = (dataclasses.replace(p, extra=verb.extra), a, b)
        talks = "MEET" not in found and any(ctx.is_counterpart(m) for m in ctx.of_type("person"))
        if talks:
            for p, a, b in ctx.matches(ctx.ld.talks):  # "Tokayevlə ... müzakirə edib"
                found.setdefault("MEET", (Pattern("MEET", p.tokens, "asserted"), a, b))
        if "CONVENE" in found and _topical(ctx, *found["CONVENE"][1:]):
            # "обсуждал вопрос организации саммита с ...", "Каспий саммитіне дайындық": the summit is
            # what talks are about, or is being prepared: no occurrence here, at most one to come
            p, a, b = found.pop("CONVENE")
            if not ({"MEET", "CALL"} & set(found) or any(ctx.is_counterpart(m) for m in ctx.of_type("person"))):
                found["CONVENE"] = (dataclasses.replace(p, extra="planned"), a, b)
        if "MEET" in found and _topical(ctx, *found["MEET"][1:]) \
                and not any(ctx.is_counterpart(m) for m in ctx.of_type("person")):
            # "АҚШ-тың ... келіссөзге дайындалып жатқаны", "подготовка к встрече": a meeting being prepared
            # is one to come (with a counterpart named, the sentence reports the talks preparing it)
            p, a, b = found["MEET"]
            found["MEET"] = (dataclasses.replace(p, extra="planned"), a, b)
        if "CONVENE" in found and _plural_gathering(ctx, found["CONVENE"][1]) \
                and not _body_named(ctx, *found["CONVENE"][1:]):
            # "участие во взаимных выставках, форумах", "komissiyaların iclasları": gatherings of a kind,
            # with no body or gathering named, are a practice, not an occurrence
            found.pop("CONVENE")
        out: list[Event] = []
        # the more specific event wins only where it was made ("под председательством президента":
        # no chairing state, no CHAIR, so the meeting stays)
        for type_, (p, a, b) in sorted(found.items(), key=lambda kv: _SUPPRESSIBLE_ORDER.get(kv[0], 0)):
            over = [o for o in out if o.type in _SUPPRESSED_BY.get(type_, ())]
            source = "talks.tsv" if talks and type_ == "MEET" else "triggers.tsv"
            ev = None if over and type_ != "CONVENE" else self._event(ctx, type_, p.extra or "asserted", a, b,
                                                                      focus, met, source, subject)
            if ev is not None and over and self._trip_to(ev, over, ctx, found.get("MEET")):
                out = [o for o in out if o not in over]  # GOLD.md: a trip made to attend a summit is one CONVENE
                ev.trace.append("a trip to attend a named gathering: the gathering, not a visit")
            elif ev is not None and over and not self._own_gathering(ev, over, ctx.doc) and not _purposed(ctx, a, b):
                ev = None  # (one come to attend a gathering attends it, whoever he met there: two events)
            if ev is not None:
                # "2018-ci ildən", "с апреля 2023 года": since when, not when; a chairmanship is dated
                # to its start, so there the start is the date
                said = ctx.after_quote(a)
                ev.date = _traced(ev, "the sentence", self.dating.sentence_date(said, year, since=type_ == "CHAIR",
                                                                 past=ev.modality == "asserted", chair=type_ == "CHAIR",
                                                                 ahead=ev.modality == "planned")) \
                    or _traced(ev, "a plan: its gathering's month (knowledge base)", self.dating.planned_month(ev)) \
                    or _traced(ev, "its gathering in the knowledge base", self.dating.gathering_date(ev.framework))
                if ev.date is None:
                    named = next((d for d in said.dates if d.month and d.relative is None), None)
                    # a span of days ("4-5 мая") names no one day
                    ev.month, ev.day = (named.month, None if named.ranged else named.day) if named else (None, None)
                lo, hi = _clause(ctx, a, b)
                if ev.modality == "asserted" and _after(ev.date, ctx.doc.published) \
                        and any(lo <= ctx.token_index(d.start) < hi for d in said.dates):
                    # "2026 жылы ... төрағалықты өз қолына алады" in 2025: dated in its own clause after the
                    # news, it has not happened yet, whatever tense the verb reads in
                    ev.modality = "planned"
                    ev.trace.append("modality: planned, dated after publication")
                out += [y for e in self._separate_meetings(ctx, ev, a, b) for x in _separate_gatherings(ctx, e)
                        for y in self._one_per_body(ctx, x)]
        if "SIGN" in found and not any(e.type == "SIGN" for e in out):
            out += self._signed_at_talks(ctx, found["SIGN"], out)
        return out

    def _signed_at_talks(self, ctx: SentenceContext, trigger: tuple, made: list[Event]) -> list[Event]:
        """A signing verb naming no signers of its own, in the sentence that tells of talks, shares their
        subject and counterpart (coordinated predicates: "Трамппен кездесіп, ... 40-қа жуық құжатқа қол
        қойған", "встретился с ... и подписал"): the talks' parties sign, in the signing clause's tense."""
        talks = [e for e in made if e.type in ("MEET", "CALL") and len(e.participants) >= 2]
        if len(talks) != 1:
            return []
        p, a, b = trigger
        ev, modality = talks[0], self._modality(ctx, p.extra or "asserted", a, b)
        trace = [_trigger_line(ctx, "SIGN", a, b),
                 "participants: sign: no signer named, the parties of the talks in its sentence",
                 f"modality: {modality} (the signing's clause)"]
        trace += [t for t in ev.trace if not t.startswith(("trigger:", "participants:", "modality:"))]
        return [dataclasses.replace(ev, type="SIGN", id=event_id(ctx.doc.id, "SIGN", ctx.sent.start), modality=modality,
                                    trigger=" ".join(ctx.folds[a:b]), trace=trace)]

    def _city_of_state(self, doc: Document) -> None:
        """An event placed in a state took place in the one city of that state the article names: the
        state visited is where the talks were, its city the place ("Қазақстанға мемлекеттік сапар" ...
        "Астанада")."""
        cities: dict[str, set[str]] = {}
        for m in doc.mentions:
            state = self.kb.place_country.get(m.entity_id or "") if m.type == "location" else None
            if state:
                cities.setdefault(state, set()).add(m.entity_id)
        for ev in doc.events:
            if (ev.location or "").startswith("country:") and len(cities.get(ev.location, ())) == 1:
                ev.location = next(iter(cities[ev.location]))
                ev.trace.append(f"location: {ev.location}, the one city of the state the article names")

    def _place_state(self, place: str) -> str | None:
        """The state a place lies in: the knowledge base's, or for a region composed around a known
        place ("new:location:almaty-region") that place's."""
        return self.kb.place_country.get(place) or self.kb.place_country.get(region_place(place) or "")

    def _placed_bodies(self, ctx: SentenceContext, parts: list[str]) -> dict[str, frozenset[str]]:
        """A body the knowledge base lacks meets in the state where the sentence places it ("В Алматы
        прошел форум ассоциации ... с участием делегации Турции": Kazakhstan's, beside Turkey)."""
        bodies = [p for p in parts if p.startswith("new:org")]
        if not bodies:
            return {}
        places = frozenset(c for m in ctx.of_type("location", "country") if ctx.is_locative(m)
                           and (c := m.entity_id if m.type == "country" else self.kb.place_country.get(m.entity_id)))
        return {p: places for p in bodies} if places else {}

    def _domestic(self, ctx: SentenceContext, type_: str, parts: list[str]) -> bool:
        """A session of a state's own legislature or cabinet (lang/*/domestic.tsv) with no international
        body, no named gathering and no second state in the sentence or among the states its
        participants serve: domestic politics. The body may be named in the sentence or be a
        participant the article names ("Орталық референдум комиссиясы", "облысы әкімдігі")."""
        if type_ != "CONVENE" or not (ctx.matches(ctx.ld.domestic) or any(_domestic_body(ctx, p) for p in parts)):
            return False
        if any(is_gathering(p) or p in self.args.member_bodies for p in parts):
            return False
        # whose legislature it is, and whom the persons there represent
        states = {m.entity_id for m in ctx.of_type("country")} | {p for p in parts if p.startswith("country:")} \
            | {self.kb.national_bodies[p] for p in parts if p in self.kb.national_bodies}
        for person in (p for p in parts if "person:" in p):
            served = {x for x in self.args.served(person) if x.startswith("country:")}
            if not served:
                return False  # whom an unknown person represents is not known: not shown domestic
            states |= served
        return len(states) <= 1

    @staticmethod
    def _trip_to(ev: Event, others: list[Event], ctx: SentenceContext, meet: tuple | None) -> bool:
        """"прибыл на саммит ОДКБ", "sammitində iştirak etmək üçün gəlib": a word of travel whose only
        counterparts are states or bodies, beside a named gathering or a body's meeting ("прибыл в Гоа,
        чтобы принять участие в СМИД ШОС"), is the journey to attend it."""
        return meet is not None and _is_visit(ctx, meet[1], meet[2]) \
            and any(is_gathering(p) or p.startswith(_BODIES) for p in ev.participants) \
            and all(o.type == "MEET" and sum("person:" in p for p in o.participants) <= 1 for o in others)

    @staticmethod
    def _own_gathering(ev: Event, others: list[Event], doc: Document) -> bool:
        """The session of a bilateral body is its own event beside the leaders' talks reported with
        it ("екіжақты кездесіп, ... кеңесінің отырысына қатысты"; GOLD.md), unless the talks took
        place in its frame."""
        bodies = [x for x in ev.participants if is_gathering(x) and (e := doc.entity(x)) is not None
                  and e.new and e.organization is None]
        return bool(bodies) and not any(o.framework in bodies for o in others)

    @staticmethod
    def _separate_meetings(ctx: SentenceContext, ev: Event, a: int, b: int) -> list[Event]:
        """"Tramp ... Paşinyan və Əliyevlə görüşlər keçirəcək", "проведет встречи с X и Y": meetings
        in the plural with several counterparts are one meeting per counterpart."""
        persons = [p for p in ev.participants if "person:" in p]
        met = {m.entity_id for m in ctx.of_type("person") if m.entity_id in persons} \
            if any(t.startswith("participants: " + PLURAL_OFFICIALS) for t in ev.trace) else set(persons)
        if ev.type == "MEET" and len(met) < 2 and _plural_trigger(ctx, a, b) \
                and any(a - _SERIES_GAP <= y <= a for _, _, y in ctx.matches(ctx.ld.series)):
            # "BMT rəsmiləri ilə bir sıra görüşlər keçirib": a summary, not one meeting, whoever the
            # article names elsewhere for the plural title ("ряд встреч с министрами")
            return []
        lo, hi = _clause(ctx, a, b)
        if _plural_occasion(ctx, a, b, lo, hi) \
                and any(lo - 2 <= x and y <= hi for _, x, y in ctx.matches(ctx.ld.habitual)):
            return []  # "ежегодные обмены визитами", "mütəmadi görüşlər": a practice, not an occurrence
        if ev.type != "MEET":
            return [ev]
        plural = _plural_trigger(ctx, a, b)
        states = [p for p in ev.participants if p.startswith("country:")]
        if any(FELLOW_VISITORS in t for t in ev.trace) and len(states) == 1:
            return [_part(ctx, ev, k, "one visit per visitor", participants=[p, states[0]])
                    for k, p in enumerate(persons)]
        if len(persons) == 1 and len(states) >= 2 and len(ev.participants) == 1 + len(states) \
                and not plural and _is_visit(ctx, a, b) and _one_list(ctx, states):
            # "Pompeo's visit to Ukraine, Belarus and Kazakhstan": a tour is one visit to each state, there
            return [_part(ctx, ev, k, "a tour is one visit per state", participants=[persons[0], s],
                          location=s if (ev.location or "country:").startswith("country:") else ev.location)
                    for k, s in enumerate(states)]
        earlier = _received_before(ctx, persons)
        if len(persons) == 3 and len(earlier) == 1 and len(ev.participants) == 3:
            # "Мемлекет басшысы ... Чжан Сяодан кейін ... Бородавкинді қабылдап": one received after the
            # other, two meetings
            # the host is named first of those not received before: the subject ("Президент X после Y принял Z")
            host = next(m.entity_id for m in sorted(ctx.of_type("person"), key=lambda m: m.start)
                        if m.entity_id in persons and m.entity_id not in earlier)
            return [_part(ctx, ev, k, "one received after the other", participants=[host, g])
                    for k, g in enumerate(p for p in persons if p != host)]
        if not plural and len(groups := _additive_counterparts(ctx, ev)) >= 2:
            met = {p for g in groups for p in g}
            rest = [p for p in ev.participants if p not in met]
            return [_part(ctx, ev, k, "counterparts met as well", participants=rest + g) for k, g in enumerate(groups)]
        if not plural:
            return [ev]
        if len(persons) == 1 and len(ev.participants) >= 3:
            guests = [p for p in ev.participants if p not in persons]  # "провел встречи с министрами Индии, Китая"
            host = persons[0]
        elif len(persons) >= 3 and len(persons) == len(ev.participants):
            host, *guests = persons
        else:
            return [ev]
        return [_part(ctx, ev, k, "one meeting per counterpart", participants=[host, g]) for k, g in enumerate(guests)]

    def _event(self, ctx: SentenceContext, type_: str, modality: str, a: int, b: int,
               focus: str | None, met: list[Event] = (), source: str = "triggers.tsv", subject: str | None = None) -> Event | None:
        last = met[0] if met else None
        ctx = ctx.without_speaker(a).without_senders().without_sources().after_quote(a)
        if type_ == "MEET" and ctx.of_type("gathering") and not ctx.of_type("person") and self.args.plural_heads(ctx):
            type_ = "CONVENE"  # "саммитке қатысушы мемлекет басшыларын қарсы алу": the summit's attendees
        framework = self._framework(ctx)
        parts, rule = self.args.participants(ctx, type_, framework, focus, a, subject, trigger_end=b)
        visit = type_ == "MEET" and _is_visit(ctx, a, b)
        at = None  # the occasion an agentless signing took place at
        if visit:
            parts, rule = self.args.visit_parties(ctx, parts, rule)
            if ctx.grammar.is_pluperfect(ctx.folds[slice(*_clause(ctx, a, b))]):
                rule += "; " + EARLIER_VISIT
        elif type_ in ("MEET", "CALL"):
            parts, titled = self.args.titled_counterpart(ctx, parts)
            rule += f"; {titled}" if titled else ""
        if type_ == "SIGN" and len(parts) < 2 and (sides := self.args.the_sides(ctx, a)):
            # "Стороны подписали документ": who signed; elsewhere the sides are mostly those of talks
            # reported already ("Стороны обсудили ...")
            parts, rule = sides, "sign: the sides, the parties the sentence before names"
        if type_ == "SIGN" and not parts:
            # the occasion reported last; documents signed were signed at talks or a gathering that
            # took place, not at the next one announced (a signing planned may be at either)
            held = self._modality(ctx, modality, a, b) == "asserted"
            at = next((e for e in met if not held or e.modality == "asserted"), None)
            # a year of its own that is not the occasion's: signed at another time ("В 2003 году был
            # подписан договор" in the report of a visit)
            years = {d.year for d in ctx.dates if d.year}
            at = at if not years or (at and at.date and int(at.date[:4]) in years) else None
            parts, rule = self.args.occasion_parties(at), "sign: no signer named, the parties of the occasion reported last"
            at = at if parts else None  # signed there
        states = sum(not p.startswith(("person:", "new:person:")) for p in parts)
        # split below: one person's visits or meetings in the plural with several states or persons
        # ("екіжақты кездесулер өткізді" with four speakers named) are one per counterpart, no gathering
        plural = _plural_trigger(ctx, a, b)
        several = type_ == "MEET" and ((len(parts) - states == 1 and (visit or plural))
                                       or (plural and not states and _one_host(ctx, parts)))
        if type_ == "MEET" and not several and max(states, len(parts) - states) >= (
                _MULTILATERAL if any(not p.startswith("new:") for p in parts) else FEW):
            type_ = "CONVENE"  # beyond a few parties (GOLD.md: "two or a few"), states or leaders, a meeting is a gathering
            rule += "; a meeting of many parties is a gathering (CONVENE)"
        # a signing is between sides: one person or one state alone is half a record, the side signed with
        # too ("хочет подписания мира с Азербайджаном": whose wish is not read); a body alone adopts its own
        # documents ("принято заявление" of the OTS)
        if len(parts) < (1 if type_ in ("CONVENE", "APPOINT", "SIGN") else 2) or self._domestic(ctx, type_, parts) \
                or (type_ == "SIGN" and len(parts) == 1 and ("person:" in parts[0] or parts[0].startswith("country:"))) \
                or _stateless(ctx, type_, parts):
            return None
        if type_ == "APPOINT" and not states:
            # an appointment is to an office of a state, a body or a place (GOLD.md: the person and the
            # organisation or state): one the text ties to none ("қызметінен босатылды", "sədr müavini
            # seçilib" of a body it does not name) records no more than a fact of a career
            return None
        # one state's affairs; an attendee named after a gathering was reported attended that one:
        # kept only if merged into it
        # officials the knowledge base does not know, whose title names an international body it knows
        international: dict[str, set[str]] = {}
        national: dict[str, str] = {}  # and those whose title names a state's own body: they serve that state
        for m in ctx.of_type("organization"):
            if m.entity_id.startswith("org:") and (q := ctx.qualified_person(m)) is not None \
                    and not self.args.served(q.entity_id):
                if m.entity_id in self.kb.national_bodies:
                    national[q.entity_id] = self.kb.national_bodies[m.entity_id]
                else:
                    international.setdefault(q.entity_id, set()).add(m.entity_id)
        for m in ctx.of_type("location"):
            # "акимом Алматинской области X", "Омбы облысының губернаторы X": an official of a state's region
            # or city serves that state; not one posted there ("консул США в Алматы", "Астанадағы украин елшісі")
            if not ctx.is_locative(m) and (q := ctx.qualified_person(m)) is not None \
                    and q.entity_id.startswith("new:person:") and (state := self._place_state(m.entity_id)):
                national.setdefault(q.entity_id, state)
        # a session the text composes for a body ("облыстық мәслихаттың 6-сессиясы") is as domestic as its body
        held_by = {p: o for p in parts if p.startswith("new:gathering:")
                   and (o := gathering_organization(ctx.doc, self.kb, p)) and not is_gathering(o)}
        provisional = self.args.one_state(type_, [held_by.get(p, p) for p in parts],
                                          self._placed_bodies(ctx, parts) | _own_bodies(ctx), international, national)
        if provisional and not (type_ == "CONVENE" and last is not None and last.type == "CONVENE"):
            return None
        if type_ == "CONVENE" and not provisional and framework is None and len(parts) >= 3 \
                and max(states, len(parts) - states) < FEW and all(p.startswith(_PARTIES) for p in parts) \
                and not any(m.type == "gathering" for m in ctx.doc.mentions):
            # a summit of a few states or leaders, and no gathering named in the article that it
            # could be ("Sammitdə ... iştirak edəcək"): they met (GOLD.md)
            type_ = "MEET"
            rule += "; a gathering of a few parties, with no body or gathering named, is a meeting (MEET)"
        sent, doc = ctx.sent, ctx.doc
        if type_ == "CONVENE" and framework is None:  # a named summit happens in its organisation's frame
            framework = next((o for g in parts if (o := gathering_organization(doc, self.kb, g))
                              and o in self.args.member_bodies), None)
        if framework in parts and is_gathering(framework):
            if any(is_gathering(p) and p != framework for p in parts):
                # "COP28 çərçivəsində ... Sammiti": another gathering held within it; the frame is no attendee
                parts = [p for p in parts if p != framework]
            else:
                framework = gathering_organization(doc, self.kb, framework)  # a gathering is not its own frame
        if type_ in _BODY_FRAMED and framework is None:
            # an organisation's own gathering, signing or appointment happens in its frame
            framework = next((p for p in parts if p in self.args.member_bodies), None)
        # talks held in the course of a visit ("Səfər çərçivəsində ... danışıqlar") are in the state visited
        during_visit = type_ == "MEET" and bool(ctx.matches(ctx.ld.visits))
        location = self._location(ctx, parts, framework, type_, a) \
            or (self.args.visited(ctx, parts) if visit or during_visit else None) \
            or (at.location if at else None)
        ev = Event(event_id(doc.id, type_, sent.start), type_, parts,
                   Evidence(sent.start, sent.end, doc.text[sent.start:sent.end]),
                   location=location, framework=framework,
                   modality=self._modality(ctx, modality, a, b, [*parts, framework]), trigger=" ".join(ctx.folds[a:b]))
        ev.trace += [_ONE_STATE] if provisional else []
        ev.trace += [_trigger_line(ctx, type_, a, b, source), f"participants: {rule}",
                     f"modality: {ev.modality}" + (" (trigger)" if modality != "asserted" else " (markers in the clause)")]
        if framework:
            ev.trace.append(f"framework: {framework}")
        if type_ == "MEET" and all("person:" in p for p in parts) and ctx.matches(ctx.ld.arrival):
            ev.trace.append(ARRIVAL)  # a named official welcomed him there, not a visit to the state
        if ev.modality == "asserted" and any((e := doc.entity(p)) is not None and e.upcoming for p in parts):
            ev.modality = "planned"  # the next summit of a series is yet to come
            ev.trace.append("modality: planned (the next gathering of a series)")
        ev.confidence = min(0.95, 0.45 + 0.15 * min(len(parts), 2) + (0.1 if location else 0)
                            + (0.1 if any(m.source == "kb" for m in ctx.mentions) else 0))
        return ev

    def _framework(self, ctx: SentenceContext) -> str | None:
        cands = [m for m in ctx.mentions if m.type in ("gathering", "organization")]
        for p, a, b in ctx.matches(ctx.ld.frameworks):
            if p.label == "after":
                near = [m for m in cands if 0 <= a - ctx.token_index(m.end - 1) - 1 <= 3]
            else:
                near = [m for m in cands if 0 <= ctx.token_index(m.start) - b <= 4]
            if near:
                return near[-1 if p.label == "after" else 0].entity_id
        return None

    def _location(self, ctx: SentenceContext, parts: list[str], framework: str | None,
                  type_: str = "MEET", trigger_at: int | None = None) -> str | None:
        others = [g for g in ctx.of_type("gathering") if g.entity_id not in parts and g.entity_id != framework] \
            if type_ in ("MEET", "CALL") else []
        places = ctx.of_type("location")
        for m in places:
            if m.entity_id in parts or ctx.is_qualifier(m):
                continue
            if len(places) > 1 and _dateline(ctx.doc.text, m):
                continue  # "БАКУ /Trend/ - ... саммит ... в Анкаре": where the report was filed
            if m.source in ("tagger", "ner", "subdivision") and (m.entity_id or "").startswith("new:"):
                continue  # a place the knowledge base lacks is mostly a region named in passing, not where
            # "Bakıda keçiriləcək COP29": where another gathering takes place, not this meeting
            if any(0 <= ctx.token_index(g.start) - ctx.token_index(m.end - 1) <= 3 for g in others):
                continue
            return m.entity_id
        info = self.kb.gatherings.get(framework or "")
        return (info or {}).get("location") or (self._state_in_locative(ctx, parts, trigger_at)
                                               if trigger_at is not None and type_ in _PLACED else None)

    @staticmethod
    def _state_in_locative(ctx: SentenceContext, parts: list[str], trigger_at: int) -> str | None:
        """No city named: a state in the locative before the event word, neither a party nor qualifying
        one ("Ватиканда ... кездесті", "в Турции состоялась встреча"). Not the attributive locative
        ("Azərbaycandakı səfir"), nor one after the event word, mostly what was discussed ("обсудил
        ситуацию в Афганистане")."""
        return next((m.entity_id for m in ctx.of_type("country") if m.entity_id not in parts
                     and ctx.token_index(m.start) < trigger_at and not ctx.is_qualifier(m)
                     and ctx.in_place(m)), None)

    def _one_per_body(self, ctx: SentenceContext, ev: Event) -> list[Event]:
        """"принял участие в саммите СВМДА и в заседании Совета глав государств СНГ": gatherings of different
        bodies are different occurrences (GOLD.md: one event per occurrence), each attended by the
        parties named; one gathering under two names (COP29, "the Conference of the Parties") has one
        body, or an unknown one, and stays one event."""
        gatherings = [p for p in ev.participants if is_gathering(p)]
        if ev.type != "CONVENE" or len(gatherings) < 2:
            return [ev]
        # a format of states with no body of its own ("Central Asia – Russia") is its own holder
        composed = {m.entity_id for m in ctx.doc.mentions if m.source == "composed"}
        bodies = [gathering_organization(ctx.doc, self.kb, g) or (g if g in composed else None) for g in gatherings]
        if None in bodies or len(set(bodies)) < len(bodies):
            return [ev]
        others = [p for p in ev.participants if p not in gatherings and p not in bodies]
        key = f"{ctx.doc.id}|{ev.id}"  # the event may be one of a clause's split already
        return [dataclasses.replace(ev, id=event_id(key, ev.type, ctx.sent.start, k) if k else ev.id,
                                    participants=[*others, g],
                                    framework=body if ev.framework in bodies else ev.framework,
                                    trace=[*ev.trace, "split: one gathering per body holding it"])
                for k, (g, body) in enumerate(zip(gatherings, bodies))]

    def _modality(self, ctx: SentenceContext, trigger_modality: str, a: int, b: int, own=()) -> str:
        """The trigger's own form, or a marker in its clause (not in a neighbouring clause
        about something else: "Bakıda keçiriləcək COP29 ... görüş əsnasında", nor a participle
        describing another gathering: "görüş əsnasında Bakıda keçiriləcək COP29-un əhəmiyyəti")."""
        lo, hi = _clause(ctx, a, b)
        others = [ctx.token_index(g.start) for g in ctx.of_type("gathering") if g.entity_id not in own]
        # a marker inside a name is none: "Ермек" ends like the intention form "-мек"
        named = {k for m in ctx.of_type("person", "country", "location", "organization", "gathering")
                 for k in range(ctx.token_index(m.start), ctx.token_index(m.end - 1) + 1)}
        labels = {p.label for p, x, y in ctx.matches(ctx.ld.modality) if lo <= x and y <= hi
                  and not (x >= b and any(0 <= g - y <= 2 for g in others)) and not named.issuperset(range(x, y))
                  and (not _purpose_phrase(ctx, p) or _governs(x, y, a, b))}
        if _converb_before_comma(ctx, hi):
            # "görüşlər keçirilib, sərgi təşkil olunacaq", "кездесулер өткізіліп, көрме ұйымдастырылады":
            # a converb closing its clause takes its tense from the verb that closes the next
            # (the verb, not an attributive participle inside the clause: "gələcək əməkdaşlıq")
            nxt = ctx.between(hi, _CLAUSE_BREAK)[1]
            labels |= {p.label for p, x, y in ctx.matches(ctx.ld.modality) if hi <= x and y == nxt
                       and p.label == "planned"}
        if (resumed := _resumed(ctx, hi)) is not None:
            # "Встреча, запланированная на 20 мая, отменена": the clause goes on past an inserted one
            labels |= {p.label for p, x, y in ctx.matches(ctx.ld.modality) if resumed[0] <= x and y <= resumed[1]}
        if not labels and any(ctx.grammar.is_future(w) for w in ctx.folds[lo:hi]):
            labels.add("planned")  # "Токаев сделает видеообращение на сессии": a verb in the future
        if trigger_modality == "negated" or "negated" in labels:
            return "negated"
        if trigger_modality == "planned" or "planned" in labels:
            return "planned"
        return "asserted"


_CLAUSE_BREAK = frozenset(",;:—–()")
_COMMA = frozenset(",")
_SEVERAL = 3  # parties that make a gathering a multilateral occasion
_TOPIC_GAP = 1  # words (an ordinal, an adjective) between a topic word and the gathering word after it
_PREDICATE_GAP = 3  # words between a trigger and a verb of its type it is the object of ("участие в заседании"), an attribute too ("примет участие во втором заседании", "посетить Казахстан с официальным визитом")
_VERB_REACH = 6  # words from a nominal trigger to its verb in az and kk
_OWNER_REACH = 3  # words from a trigger in the genitive to the end of the noun phrase it opens
_PURPOSE_GAP = 2  # words between a purpose phrase and the gathering it governs ("для участия в 79-й сессии")


def _governs(x: int, y: int, a: int, b: int) -> bool:
    """Whether a purpose phrase at x..y governs the gathering word at a..b: right after it in az and kk
    ("sammitində iştirak etmək üçün", overlapping where the trigger is its verb), before it in Russian."""
    return -_PURPOSE_GAP <= x - b <= 0 or 0 <= a - y <= _PURPOSE_GAP


def _purpose_phrase(ctx: SentenceContext, p) -> bool:
    """A modality.tsv row that is a purpose phrase (grammar.tsv ``purpose``: "üçün", "үшін", "для")."""
    return any(t in ctx.grammar.words["purpose"] for t in p.tokens)


def _purposed(ctx: SentenceContext, a: int, b: int) -> bool:
    """A purpose phrase governs the gathering word at a..b ("для участия в саммите")."""
    return any(_purpose_phrase(ctx, p) and _governs(x, y, a, b) for p, x, y in ctx.matches(ctx.ld.modality))


def _plural_gathering(ctx: SentenceContext, a: int) -> bool:
    """A gathering noun in the plural opens the trigger ("forumlarda", "отырыстарында", "форумах"; not
    a participant noun, "қатысушыларға", nor a verb's plural person, "iştirak ediblər")."""
    word = ctx.folds[a]
    return word.startswith(ctx.grammar.words["gathering_noun"]) and ctx.grammar.is_plural(word)


def _body_named(ctx: SentenceContext, a: int, b: int) -> bool:
    """A gathering or an organisation named in the clause of the trigger at a..b."""
    lo, hi = _clause(ctx, a, b)
    return any(lo <= ctx.token_index(m.start) < hi for m in ctx.of_type("gathering", "organization"))


def _after(date: str | None, published: str | None) -> bool:
    """A date later than publication at the coarser of the two precisions ("2026" after "2025-05-14",
    not "2025-05" after "2025-05-14")."""
    if not date or not published:
        return False
    n = min(len(date), len(published))
    return date[:n] > published[:n]


def _held_without(ev: Event, published: str | None) -> Event | None:
    """"İlham Əliyev ... iclasında iştirak etməyəcək", "не примет участия в саммите": one staying away
    does not call the gathering off; it takes place, or will, on its date (GOLD.md: a gathering took
    place), a CONVENE of the gathering alone. Undated, or with no publication date, when is unknown."""
    if ev.type != "CONVENE" or ev.modality != "negated" or not ev.date or not published:
        return None
    held = [p for p in ev.participants if not p.startswith(("person:", "new:person:", "country:"))]
    if not held or len(held) == len(ev.participants):
        return None
    modality = "planned" if _after(ev.date, published) else "asserted"
    return dataclasses.replace(ev, id=event_id(ev.id, ev.type, 0, 1), participants=held, modality=modality,
                               trace=[*ev.trace, f"held without the ones staying away: {modality}"])


def _part(ctx: SentenceContext, ev: Event, k: int, why: str, **changes) -> Event:
    """The k-th of the events one report is split into: the first keeps its id, the others get their own."""
    return dataclasses.replace(ev, id=event_id(ctx.doc.id, ev.type, ctx.sent.start, k) if k else ev.id,
                               trace=[*ev.trace, f"split: {why}"], **changes)


def _one_list(ctx: SentenceContext, ids: list[str]) -> bool:
    """The states named as one list, joined by commas and conjunctions only ("Украина, Беларусь ...
    мен Кипрге", "в Украину, Белоруссию и Казахстан"): the destinations of a tour, not states the
    sentence names apart (a visit to one, talks about another)."""
    ms = sorted((m for m in ctx.of_type("country") if m.entity_id in ids), key=lambda m: m.start)
    if {m.entity_id for m in ms} != set(ids):
        return False
    if all(ctx.is_dative(m) for m in ms):
        return True  # each where one goes ("Özbəkistana səfərindən sonra Qazaxıstana gəlib")
    joins = ctx.grammar.words["conjunction"] + ctx.grammar.words["joining_word"]
    return all(
        all(w == "," or w in joins for w in ctx.folds[ctx.token_index(x.end - 1) + 1:ctx.token_index(y.start)])
        for x, y in zip(ms, ms[1:]))


def _additive_counterparts(ctx: SentenceContext, ev: Event) -> list[list[str]]:
    """The event's counterparts in groups a word of addition parts ("Əliyevlə, eləcə də Məmmədyarovla",
    "с Путиным, а также с Моди"; grammar.tsv additive): each group was met as well as the one before."""
    adds = ctx.grammar.words["additive"]
    met = sorted((m for m in ctx.of_type("person") if m.entity_id in ev.participants and ctx.is_counterpart(m)),
                 key=lambda m: m.start) if adds else []
    groups: list[list[str]] = []
    for prev, m in zip([None, *met], met):
        gap = ctx.folds[ctx.token_index(prev.end - 1) + 1:ctx.token_index(m.start)] if prev else ()
        if not groups or any(w in adds for w in gap):
            groups.append([])
        if not any(m.entity_id in g for g in groups):
            groups[-1].append(m.entity_id)
    return [g for g in groups if g]


def _separate_gatherings(ctx: SentenceContext, ev: Event) -> list[Event]:
    """"в Астане пройдет Х Форум ..., а в Душанбе состоится заседание Совета глав правительств СНГ":
    gatherings named in clauses of their own, each clause with a word of gathering, are separate
    occurrences, each with the place its clause names; a party named in none of those clauses
    attends each, and a clause naming no party shares the parties of the one before. A gathering and its other name in a parenthesis or after a dash ("Tərəflər
    Konfransının 29-cu sessiyası - COP29") stay one: that clause has no gathering word of its own."""
    if ev.type != "CONVENE":
        return [ev]
    words = {k for p, a, b in ctx.matches(ctx.ld.triggers) if p.label == "CONVENE" for k in range(a, b)}
    clauses: dict[str, tuple[int, int]] = {}
    for m in ctx.of_type("gathering"):
        if m.entity_id in ev.participants:
            clauses.setdefault(m.entity_id, ctx.between(ctx.token_index(m.start), _CLAUSE_BREAK))
    if len(clauses) < 2 or len(set(clauses.values())) < len(clauses) \
            or not all(any(lo <= k < hi for k in words) for lo, hi in clauses.values()):
        return [ev]
    where: dict[str, list[int]] = {}
    for m in ctx.mentions:
        where.setdefault(m.entity_id, []).append(ctx.token_index(m.start))

    def named_in(p: str, lo: int, hi: int) -> bool:
        return any(lo <= x < hi for x in where.get(p, ()))
    shared = [p for p in ev.participants if p not in clauses
              and not any(named_in(p, lo, hi) for lo, hi in clauses.values())]
    out, before = [], []
    for k, (gid, (lo, hi)) in enumerate(sorted(clauses.items(), key=lambda kv: kv[1])):
        # a clause naming no party shares the subject of the one before ("Токаев участвовал в
        # Саммите ..., выступил на 78-й сессии")
        own = [p for p in ev.participants if p not in clauses and named_in(p, lo, hi)] or before
        before = own
        place = next((m.entity_id for m in ctx.of_type("location", "country")
                      if lo <= ctx.token_index(m.start) < hi and ctx.is_locative(m)), None)
        out.append(_part(ctx, ev, k, "one gathering per clause", participants=[*shared, *own, gid], location=place))
    return out


def _converb_before_comma(ctx: SentenceContext, hi: int) -> bool:
    """Whether the clause ending before token ``hi`` ends in a converb (grammar.tsv
    ``converb_ending``: "keçirilib", "өткізіліп") and a comma, another clause after it."""
    ends = ctx.grammar.words["converb_ending"]
    return bool(ends) and 0 < hi < len(ctx.toks) and ctx.folds[hi - 1].endswith(ends) \
        and ctx.doc.text[ctx.toks[hi - 1].end:ctx.toks[hi].start].strip() == ","


def _clause(ctx: SentenceContext, a: int, b: int) -> tuple[int, int]:
    """Token range of the clause around tokens a..b: up to the nearest punctuation, and a few
    words beyond the trigger (az/kk auxiliaries follow the verb). Read once per sentence and trigger:
    the trigger's tense, its predicate, its modality and the bodies it names all ask."""
    return ctx.of_text(("clause", a, b), lambda: _clause_of(ctx, a, b))


def _clause_of(ctx: SentenceContext, a: int, b: int) -> tuple[int, int]:
    toks = ctx.toks
    lo = ctx.between(a, _CLAUSE_BREAK)[0]
    hi = b
    # with the verb last (az, kk) the words after a nominal trigger up to a conjunction finish the
    # clause ("iclası yanvarın sonunda ikitərəfli formatda keçiriləcək"); in Russian the verb of
    # "Встреча … не состоялась" can stand anywhere before the comma
    # a trigger in the genitive owns the noun after it ("sammitinin yekunu üzrə bəyannaməni imzalamaqdan
    # imtina edib"): only its nominal head's own words are its ("görüşünün keçirilməsi planlaşdırılır")
    genitive = endings(ctx.ld, "gen")
    owner = bool(genitive) and lower(ctx.toks[b - 1].text).endswith(genitive)
    reach = (_OWNER_REACH if owner else _VERB_REACH) if ctx.grammar.verb_final else len(toks)
    joins = ctx.grammar.words["conjunction"]
    while hi < len(toks) and hi - b < reach and not ctx.breaks_before(hi, _CLAUSE_BREAK) \
            and not (ctx.grammar.verb_final and ctx.folds[hi] in joins):
        hi += 1
    return lo, hi


def _resumed(ctx: SentenceContext, hi: int) -> tuple[int, int] | None:
    """Where a clause ending before token ``hi`` goes on past a participle or relative clause set off by
    commas (``Grammar.opens_insertion``): the token range after the insertion's closing comma (read
    once per sentence and clause end: the predicate and the modality ask)."""
    return ctx.of_text(("resumed", hi), lambda: _resumed_of(ctx, hi))


def _resumed_of(ctx: SentenceContext, hi: int) -> tuple[int, int] | None:
    if not _after_comma(ctx, hi) or not ctx.grammar.opens_insertion(ctx.folds[hi]):
        return None
    end = ctx.between(hi, _CLAUSE_BREAK)[1]
    if not _after_comma(ctx, end) or ctx.grammar.opens_insertion(ctx.folds[end]):
        return None  # another inserted clause after the first ("заложившее ..., которая будет ..."): whose, unknown
    return end, ctx.between(end, _CLAUSE_BREAK)[1]


def _after_comma(ctx: SentenceContext, k: int) -> bool:
    """Token ``k`` exists and a comma alone, no other clause break, stands before it."""
    return k < len(ctx.toks) and ctx.breaks_before(k, _COMMA) and not ctx.breaks_before(k, _CLAUSE_BREAK - _COMMA)


def _own_bodies(ctx: SentenceContext) -> dict[str, frozenset[str]]:
    """The bodies the knowledge base does not know whose names are those of a state's own
    institutions (lang/*/domestic.tsv: a legislature, a cabinet, a party; a ministry composed beside
    its state's name), each with the states the sentence names (one of which it belongs to)."""
    spans = [(a, b) for _, a, b in ctx.matches(ctx.ld.domestic)]
    states = frozenset(m.entity_id for m in ctx.of_type("country"))
    return {m.entity_id: states for m in ctx.of_type("organization") if m.entity_id.startswith("new:")
            # another state's body composed beside its state's name ("МИД Армении")
            and (m.source == "composed"
                 # the name, or the name beside its kind ("«AMANAT» партиясы", "партии «AMANAT»")
                 or any(a - 1 <= ctx.token_index(m.end - 1) and ctx.token_index(m.start) <= b for a, b in spans))}


def _new_parties(ctx: SentenceContext, earlier: set[str]) -> set[str]:
    """Counterparts (a state where its counterpart is named by nationality alone, "monteneqrolu
    həmkarı ilə"), and gatherings the meeting word names (``_new_gatherings``), that no event before
    the sentence has."""
    return ({m.entity_id for m in ctx.of_type("person") if ctx.is_counterpart(m)} - earlier) \
        | (set(named_by_nationality(ctx)) - earlier) | _new_gatherings(ctx, earlier)


def _new_gatherings(ctx: SentenceContext, earlier: set[str]) -> set[str]:
    """A gathering not reported yet that the meeting word itself names ("Dövlət Başçılarının
    görüşündə çıxışı zamanı"): the sentence tells of that gathering, not of the meeting before
    ("встреча прошла на полях сессии" still refers back)."""
    return {m.entity_id for _, a, _ in ctx.matches(ctx.ld.anaphora) for m in _gatherings_named_at(ctx, a)} - earlier


def _gatherings_named_at(ctx: SentenceContext, k: int, of_body: bool = False) -> list:
    """The gatherings the word at token ``k`` names: a word of the gathering's name, or in az and kk
    the head of the compound right after it ("qeyri-rəsmi Zirvə görüşündə"); with ``of_body``, in
    Russian, a meeting word before the body's name in the genitive, its first word capitalised
    ("встреча Государственной комиссии по делимитации": the body's session; "этого саммита" is not)."""
    head_final = 0 if ctx.grammar.genitive_after_head else 1
    genitive = of_body and ctx.grammar.genitive_after_head

    def named(m) -> bool:
        i = ctx.token_index(m.start)
        return i <= k <= ctx.token_index(m.end - 1) + head_final \
            or (genitive and (i == k + 1 or (i == k + 2 and ctx.toks[k + 1].text[:1].isupper())))
    return [m for m in ctx.of_type("gathering") if named(m)]


def _visit_framed(ctx: SentenceContext) -> bool:
    """A visit named as the frame of what the sentence reports: a visit noun (visits.tsv) beside a
    framework marker on its side ("Сапар аясында", "səfər çərçivəsində", "в рамках визита")."""
    visits = ctx.matches(ctx.ld.visits)
    return any((p.label == "after" and any(y == a for _, _, y in visits))
               or (p.label == "before" and any(x == b for _, x, _ in visits))
               for p, a, b in ctx.matches(ctx.ld.frameworks))


def _same_place(events: list[Event]) -> None:
    """An event whose sentence names no place happened where the article's other event of that day with
    a party in common did: what a visitor did on the day of the talks, a signing at the summit."""
    for ev in events:
        if ev.location or not ev.date or len(ev.date) < 10 or ev.type not in _PLACED:
            continue
        there = [o for o in events if o.location and o.date == ev.date and o.modality == ev.modality
                 and set(o.participants) & set(ev.participants)]
        if len({o.location for o in there}) == 1:
            ev.location = there[0].location
            ev.trace.append(f"location: {ev.location}, where the article's other event of that day took place")


_DATELINE = re.compile(r"\s*[/,.—–-]")


def _lone_subject(ctx: SentenceContext) -> str | None:
    """The one person a sentence names in the nominative (the name as its base form), not joined to
    the verb as a counterpart: its subject, whom a following sentence with no subject goes on about."""
    found = {m.entity_id for m in ctx.subjects()}
    return found.pop() if len(found) == 1 else None


def _counterparts_only(ctx: SentenceContext) -> bool:
    """Every person the sentence names is joined to the verb as a counterpart ("Y ilə", "Y-мен", "с
    Y"): the one who met them is left unsaid."""
    persons = [m for m in ctx.of_type("person") if m.source != "role"]
    return bool(persons) and all(ctx.is_counterpart(m) for m in persons)


def _dateline(text: str, m) -> bool:
    """A place opening a line, a slash, comma, full stop or dash after it: an agency's dateline ("БАКУ
    /Trend/ -", "Bakı, 5 may"), the place the report was filed from."""
    return opens_line(text, m.start) and bool(_DATELINE.match(text, m.end))


def _beside(ctx: SentenceContext, patterns, a: int, b: int, after_gap: int = 0) -> bool:
    """A word of ``patterns`` next to the word at a..b on the side its row names: ending at most
    _TOPIC_GAP words `before` it, or starting at most ``after_gap`` words `after` it."""
    return any((p.label == "before" and a - _TOPIC_GAP <= y <= a) or (p.label == "after" and b <= x <= b + after_gap)
               for p, x, y in ctx.matches(patterns))


def _one_host(ctx: SentenceContext, parts: list[str]) -> bool:
    """One party is the subject and every other one its counterpart ("X ... Y-мен, Z-мен ... кездесулер
    өткізді"), not two subjects side by side ("X və Y ... Z ilə görüşlər keçirib") nor a list of
    speakers ("выступили X, Y, Z")."""
    persons = sorted((m for m in ctx.of_type("person") if m.entity_id in parts), key=lambda m: m.start)
    # the last of a list carries the case ending for all in az and kk ("X, Y və Z ilə")
    first = next((k for k, m in enumerate(persons) if Arguments.joined_counterpart(ctx, m)), None)
    if first is None:
        return False
    # a list after the comitative is all counterparts ("с Хаканом Фиданом, Сергеем Лавровым и ...")
    hosts = {m.entity_id for m in persons[:first]}
    return len(hosts) == 1 and {m.entity_id for m in persons[first:]} == set(parts) - hosts


def _title_states(contexts: list[SentenceContext]) -> dict[str, set[str]]:
    """Person -> the states whose officials the article's titles make him."""
    out: dict[str, set[str]] = {}
    for ctx in contexts:
        for m, q in ctx.titled_states():
            out.setdefault(q.entity_id, set()).add(m.entity_id)
    return out


def _titled_officials(contexts: list[SentenceContext]) -> dict[str, set[str]]:
    """State -> the persons new to the knowledge base its officials' titles name ("Иранның бірінші
    вице-президенті X"); an envoy is his state's abroad and a spokesman speaks: neither hosts a visit."""
    titled: dict[str, set[str]] = {}
    for ctx in contexts:
        if not any(m.entity_id.startswith("new:person:") for m in ctx.of_type("person")):
            continue
        hosting = {id(p) for p, t, _, _ in ctx.titled_persons() if t.label not in _NO_HOST_TITLES}
        for m, q in ctx.titled_states():
            if q.entity_id.startswith("new:person:") and id(q) in hosting:
                titled.setdefault(m.entity_id, set()).add(q.entity_id)
    return titled


def _received_before(ctx: SentenceContext, persons: list[str]) -> set[str]:
    """The persons the sentence says something came after ("Чжан Сяодан кейін", "X-dən sonra", "после
    X"; grammar.tsv ``after_word``): met before, in a meeting of their own."""
    after = ctx.grammar.words["after_word"]
    out = set()
    for m in ctx.of_type("person"):
        if m.entity_id not in persons:
            continue
        i, j = ctx.token_index(m.start), ctx.token_index(m.end - 1)
        if ctx.grammar.names_inflect:  # a postposition after the name: "Чжан Сяодан кейін"
            found = j + 1 < len(ctx.folds) and ctx.folds[j + 1] in after
        else:  # a preposition before the name and its title: "после посла Китая Чжан Сяо"
            found = any(ctx.folds[k] in after for k in range(max(0, i - _AFTER_REACH), i))
        if found:
            out.add(m.entity_id)
    return out


_AFTER_REACH = 4  # words between "после" and the name it governs (its title)


_NO_HOST_TITLES = frozenset({"ambassador", "press secretary", "foreign minister spokesperson", "special representative",
                             "assistant to the president"})
_SERIES_GAP = 2  # words between a summary's word and the meetings it counts ("проведены и другие встречи")


def _anniversary(ctx: SentenceContext, a: int, b: int) -> bool:
    """The trigger at a..b names what an anniversary is of (lang/*/anniversaries.tsv): the word stands
    before it ("10-летия со дня подписания") or after it, a number between ("imzalanmasının 10
    illiyi", "қол қойылуының 20 жылдығы")."""
    return _beside(ctx, ctx.ld.anniversaries, a, b, after_gap=1)


def _office_of(ctx: SentenceContext, a: int, b: int) -> bool:
    """A gathering word naming an office or a record, the possessor of a title ("Münxen Təhlükəsizlik
    Konfransının sədri", "председатель конференции": the conference's chairman) or of its minutes
    (grammar.tsv ``record_noun``: "протокол заседания комиссии", "комиссия отырысының хаттамасы"), not
    the gathering taking place."""
    for m in ctx.of_type("gathering"):  # the whole name the word stands in ("Мюнхенской конференции")
        x, y = ctx.token_index(m.start), ctx.token_index(m.end - 1) + 1
        if x <= a and b <= y:
            a, b = x, y
    records = ctx.grammar.words["record_noun"]
    if ctx.grammar.genitive_after_head:  # the title or the record, then the gathering in the genitive
        return any(y == a for _, _, y in ctx.matches(ctx.ld.titles)) or (a > 0 and ctx.folds[a - 1].startswith(records))
    # the gathering in the genitive, then the title or the record ("İclasda nazir ...": where, not whose)
    return ctx.folds[b - 1].endswith(endings(ctx.ld, "gen")) and (
        any(x == b for _, x, _ in ctx.matches(ctx.ld.titles)) or (b < len(ctx.folds) and ctx.folds[b].startswith(records)))


def _topical(ctx: SentenceContext, a: int, b: int) -> bool:
    """The gathering word at a..b is the topic of the sentence: its preparation, agenda, date or
    organisation is named just before it ("подготовки к шестому саммиту", "дата саммита") or right
    after it ("sammitə hazırlıq", "саммитті ұйымдастыру") (lang/*/topics.tsv)."""
    return _beside(ctx, ctx.ld.topics, a, b)


def _same_occasion(events: list[Event]) -> None:
    """Talks or a signing with no frame of their own, by a person attending the one named gathering
    of several parties the article reports, of the same modality and no other date, took place in
    its frame: the leaders' talks beside the summit ("səfər çərçivəsində ... danışıqlar aparacaq").
    A bilateral body's session, of two parties, frames nothing beside it (GOLD.md)."""
    gatherings = {(g, o.date, o.modality, p) for o in events if o.type == "CONVENE"
                  and sum(not is_gathering(x) for x in o.participants) >= _SEVERAL
                  for g in o.participants if is_gathering(g) for p in o.participants if "person:" in p}
    if len({g for g, *_ in gatherings}) != 1:
        return
    for ev in events:
        if ev.framework or ev.type not in ("MEET", "CALL", "SIGN"):
            continue
        found = {g for g, date, modality, person in gatherings if person in ev.participants
                 and modality == ev.modality and (not date or not ev.date or date[:len(ev.date)] == ev.date[:len(date)])}
        if found:
            ev.framework = found.pop()
            ev.trace.append(f"framework: {ev.framework}, the gathering its party attends")


def _trip_place(events: list[Event], contexts: list[SentenceContext]) -> None:
    """A gathering with no place of its own was held in the city an attendee travelled to, where the
    article names one such city ("Қазақстан Президенті жұмыс сапарымен Санкт-Петербургке келді":
    GOLD.md, a trip to a gathering's city is made to attend it)."""
    open_ = [e for e in events if e.type == "CONVENE" and not e.location and e.modality == "asserted"]
    if not open_:
        return
    trips: dict[str, set[str]] = {}  # city -> travellers
    for ctx in contexts:
        if ctx.matches(ctx.ld.visits):
            for city in {m.entity_id for m in ctx.of_type("location") if not ctx.is_qualifier(m)
                         and not (m.entity_id or "").startswith("new:")}:
                trips.setdefault(city, set()).update(m.entity_id for m in ctx.of_type("person"))
    if len(trips) != 1:
        return
    (city, travellers), = trips.items()
    for ev in open_:
        if travellers & set(ev.participants):
            ev.location = city
            ev.trace.append(f"location: {city}, the city an attendee travelled to")


def _frame_place(events: list[Event]) -> None:
    """Talks or a signing with no place of their own, or only a state, in the frame of a gathering the
    article reports held at one place, took place there: the side meetings of a summit or a ministers'
    council ("Лавров уже провёл двусторонние встречи" at the SCO ministers' council in Goa; "Japarov ...
    Olaf Şolz ilə danışıqlar aparacaq" at the summit in Astana, not in Germany)."""
    places: dict[str, set[str]] = {}
    for o in events:
        if o.type == "CONVENE" and o.location:
            for g in o.participants:
                if is_gathering(g):
                    places.setdefault(g, set()).add(o.location)
    for ev in events:
        # a state only guessed for it (a counterpart's, a visit's) yields to the gathering's place
        if (ev.location and not ev.location.startswith("country:")) or ev.type not in ("MEET", "CALL", "SIGN") \
                or len(places.get(ev.framework or "", ())) != 1:
            continue
        ev.location = next(iter(places[ev.framework]))
        ev.trace.append(f"location: {ev.location}, where the gathering framing it was held")


def _traced(ev: Event, origin: str, date: str | None) -> str | None:
    """``date``, noted in the event's trace with where it came from."""
    if date:
        ev.trace.append(f"date: {date} from {origin}")
    return date


def add_inferred_entities(doc: Document, kb: KnowledgeBase, ids) -> None:
    """Entities an event or fact names from knowledge (a gathering's host, an appointee's
    state) join the article's entities, with no mentions."""
    have = {e.id for e in doc.entities}
    for eid in ids:
        if eid and eid not in have and (k := kb.get(eid)):
            doc.entities.append(Entity(k.id, k.type, k.label, wikidata=k.wikidata or None))
            have.add(eid)


def _stateless(ctx: SentenceContext, type_: str, parts: list[str]) -> bool:
    """A diplomatic contact has a foreign party (GOLD.md): a meeting or gathering of persons and bodies
    the knowledge base does not know, in an article that names no state and no body or gathering it
    knows, is local affairs (a district's officials meeting residents, a party's congress)."""
    return type_ in _GATHERING_TYPES and all(p.startswith(("new:person:", "new:organization:")) for p in parts) \
        and not any(m.type == "country" or (m.entity_id or "").startswith(("org:", "gathering:"))
                    for m in ctx.doc.mentions)


def _domestic_body(ctx: SentenceContext, entity_id: str) -> bool:
    """Whether an organisation the article names is one of a state's own institutions by its name
    (lang/*/domestic.tsv): "Қазақстан халқы Ассамблеясы", "Шығыс Қазақстан облысы әкімдігі"."""
    if "organization" not in entity_id and not entity_id.startswith("org:"):
        return False
    entity = ctx.doc.entity(entity_id)
    return entity is not None and any(ctx.ld.domestic.find([fold(t.text) for t in tokenize(m.text)])
                                      for m in entity.mentions)
