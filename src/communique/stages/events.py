"""Diplomatic events from trigger words and the mentions around them."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import Counter

from ..document import Document, Entity, Event, Evidence
from ..kb import KnowledgeBase
from ..lang import Pattern
from .context import SentenceContext, is_since, prose
from . import when
from .gatherings import gathering_organization, is_gathering
from .stories import participants_agree

# When one sentence has several trigger types, the more specific one wins over these.
_SUPPRESSED_BY = {"MEET": {"CALL"}, "CONVENE": {"MEET", "CALL", "SIGN", "APPOINT", "CHAIR"}}
_SUPPRESSIBLE_ORDER = {"MEET": 1, "CONVENE": 2}  # made after the types that may suppress them
_LOCATIVE_COUNTRY_TYPES = ("location",)
_GATHERING_TYPES = ("MEET", "CALL", "CONVENE")
_BODY_FRAMED = ("CONVENE", "SIGN", "APPOINT")
_HEAD_OF_STATE = frozenset({"president", "head of state", "king"})
_HEAD_TITLES = ("head of state", "president")
_MULTILATERAL = 4  # parties at one meeting (persons, or states): beyond a few (GOLD.md) it is a gathering
_PRESIDER_REACH = 3  # words from "под председательством" to the presiding person's name (a title between)


def event_id(doc_id: str, type_: str, start: int, part: int = 0) -> str:
    key = f"{doc_id}|{type_}|{start}" + (f"|{part}" if part else "")
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:16]


def _is_visit(ctx: SentenceContext, a: int, b: int) -> bool:
    """The meeting word at a..b is a word of travel (lang/*/visits.tsv)."""
    return any(x < b and a < y for _, x, y in ctx.matches(ctx.ld.visits))


def _plural_trigger(ctx: SentenceContext, a: int, b: int) -> bool:
    """A meeting word in the plural: "görüşlər", "кездесулер", "встречи"."""
    return any(ctx.grammar.is_plural(w) for w in ctx.folds[a:b])


class EventStage:
    name = "events"
    requires = ("entities", "sents")
    provides = ("events",)

    def __init__(self, kb: KnowledgeBase, as_of: str | None = None):
        self.kb = kb
        # the day the reading is done as of (never the clock): bounds the years a weekday may fit
        self.as_of = dt.date.fromisoformat(as_of) if as_of else None
        self._member_bodies: set[str] | None = None

    @property
    def member_bodies(self) -> set[str]:
        """Bodies of member states (the knowledge base's memberships and chairs): an event of theirs
        happens in their frame; a ministry, an agency, or a series of summits with no members of its
        own (the Caspian summits, the UN climate conferences) frames nothing."""
        if self._member_bodies is None:
            kb = self.kb
            self._member_bodies = {m["organization"] for m in kb.memberships} | {c["organization"] for c in kb.chairs}
        return self._member_bodies

    def __call__(self, doc: Document) -> Document:
        events: list[Event] = []
        year = when.article_year(doc, self.kb, self.as_of)
        # An undated report is news of the month it was published (of the dateline's day, set after
        # merging: "вчера" in the lead must still meet the headline). Without a publication date the
        # day the lead gives is the news' day; else the year or month of a gathering the article
        # names is a guess, also applied after merging.
        lead_day = None if doc.published else when.lead_day(doc, year)
        dateline = when.dateline(doc, year) or lead_day
        reported = (dateline or doc.published or "")[:7] or None
        # after merging, an undated report is news of the day it was published (the batches' gold,
        # GOLD.md "published"); its month until then, so "вчера" in the lead still meets the headline
        reported_day = dateline or (doc.published if doc.published and len(doc.published) == 10 else None)
        guess = None if reported else when.context_month(doc, self.kb) or year
        focus: str | None = None  # the person the article is about so far ("Onun ... görüşündə")
        undated: set[str] = set()
        for sent in prose(doc):
            ctx = SentenceContext.build(doc, sent)
            if ctx.matches(ctx.ld.offtopic):
                continue
            seen = {p for e in events for p in e.participants}
            if events and events[-1].type == "MEET" and self._refers_to_call(ctx):
                events[-1].type = "CALL"  # "telefon söhbəti zamanı": the talks reported were a phone call
            if events and self._refers_back(ctx, seen):
                self._enrich(events[-1], ctx)
            # "по итогам саммита", "görüş zamanı": what the sentence reports happened at the occasion
            # reported before it, on its date
            occasion = events[-1] if events and ctx.matches(ctx.ld.anaphora) else None
            back = occasion.date if occasion else None
            if ctx.matches(ctx.ld.same_day):  # "в тот же день", "həmin gün": the day of the news before
                back = next((e.date for e in reversed(events) if e.date and len(e.date) == 10), back)
            for ev in self._events(ctx, year, focus, earlier=seen, last=next((e for e in reversed(events) if e.type in _GATHERING_TYPES), None)):
                ev.location = ev.location or (occasion.location if occasion else None)
                if ev.type == "APPOINT" and not doc.published:
                    ev.date = _traced(ev, "the office's start in the knowledge base", self._role_date(ev, ctx)) or ev.date
                if not (ev.date or back) and reported:
                    undated.add(ev.id)
                    # a plan announced in a month is for later: only its year is certain; a chairmanship
                    # is held for a period, which the day of the news does not start: its year
                    ev.date = _traced(ev, "an undated report: the dateline or publication day (a plan, a chairmanship: its year)",
                                      reported[:4] if (ev.modality == "planned" and not lead_day) or ev.type == "CHAIR"
                                      else reported)
                ev.date = ev.date or _traced(ev, "the occasion referred back to", back)
                events.append(ev)
                focus = next((p for p in ev.participants if p.startswith(("person:", "new:person:"))), focus)
        for ev in events:
            self._name_host(ev, doc)
        doc.events = merge_duplicates(events, self.kb, _headline(doc))
        for ev in doc.events:
            ev.participants = list(dict.fromkeys(ev.participants))
        for ev in doc.events:
            ev.date = ev.date or _traced(ev, "the summit of its body the article dates", self._occasion_date(ev, doc.events)) \
                or _traced(ev, "the appointments reported with it", self._decree_date(ev, doc.events)) \
                or _traced(ev, "the article's month or year", guess)
            if reported_day and ev.id in undated and ev.date == reported:
                ev.date = reported_day
        add_inferred_entities(doc, self.kb, [x for e in doc.events for x in (*e.participants, e.location, e.framework)])
        return doc

    def _occasion_parties(self, last: Event | None) -> list[str]:
        """Who signed documents the text signs with no signer named ("Daha sonra sənədlər imzalanıb",
        "Сапар аясында ... құжатқа қол қойылады"): the parties of the talks reported last, or the body
        of the gathering reported last."""
        if last is None:
            return []
        if last.type == "CONVENE":
            return [last.framework] if last.framework in self.member_bodies else []
        return list(last.participants)

    def _name_host(self, ev: Event, doc: Document) -> None:
        """A visit is a meeting with the host person where the article names one (GOLD.md): the
        state visited stands for the official of that state the article names, the head of state
        where it names several."""
        persons = [p for p in ev.participants if "person:" in p]
        states = [p for p in ev.participants if p.startswith("country:")]
        if ev.type not in ("MEET", "CALL") or len(persons) != 1 or len(states) != 1 or len(ev.participants) != 2:
            return
        named = {m.entity_id for m in doc.mentions if m.type == "person" and m.entity_id not in persons}
        # undated: the official the article names held the office then, whenever that was
        when_ = ev.date or doc.published
        officials = {r.person: r.role for p in named for r in self.kb.roles_of(p)
                     if r.of == states[0] and (not when_ or r.active(when_))}
        heads = [p for p, role in officials.items() if role in _HEAD_OF_STATE]
        host = list(officials) if len(officials) == 1 else heads
        if len(host) == 1:
            ev.participants = [host[0] if p == states[0] else p for p in ev.participants]
            ev.trace.append(f"host: {states[0]} stands for {host[0]}, its official named in the article")

    def _visit_parties(self, ctx: SentenceContext, parts: list[str], rule: str) -> tuple[list[str], str]:
        """A visit meets the states visited, other than the visitor's own; where no state is named, the
        state of the city visited ("Мәскеуге сапары", "визит в Баку")."""
        persons = [p for p in parts if "person:" in p]
        if len(persons) != 1:
            return parts, rule
        own = {r.of for r in self.kb.roles_of(persons[0])}
        parts = [p for p in parts if p not in own] if any(p.startswith("country:") and p not in own for p in parts) else parts
        # a trip to the city of a gathering the article names is the trip to attend it (GOLD.md)
        if len(parts) == 1 and not any(m.type == "gathering" for m in ctx.doc.mentions):
            cities = (self.kb.place_country.get(m.entity_id) for m in ctx.of_type("location"))
            host = next((c for c in cities if c and c not in own), None)
            if host:
                return parts + [host], rule + "; a visit: the state of the city visited"
        return parts, rule + "; a visit: the states visited, not the visitor's own"

    def _visited(self, ctx: SentenceContext, parts: list[str]) -> str | None:
        """Where a visit took place, with no city named: the state visited ("Azərbaycana səfəri",
        "с визитом в Турции"), a state named in the sentence that is neither a person's own nor
        qualifies one."""
        own = {r.of for p in parts for r in self.kb.roles_of(p)} if sum("person:" in p for p in parts) == 1 else set()
        return next((m.entity_id for m in ctx.of_type("country")
                     if not ctx.is_qualifier(m) and m.entity_id not in own), None)

    @staticmethod
    def _refers_back(ctx: SentenceContext, earlier: set[str]) -> bool:
        new_people = {m.entity_id for m in ctx.of_type("person") if ctx.is_counterpart(m)} - earlier
        back = [(a, b) for _, a, b in ctx.matches(ctx.ld.anaphora)]
        return bool(back) and not new_people and any(
            any(x < b and a < y for x, y in back) for _, a, b in ctx.matches(ctx.ld.triggers))

    def _enrich(self, ev: Event, ctx: SentenceContext) -> None:
        """A back-reference often says where and in which frame the meeting took place."""
        ev.framework = ev.framework or self._framework(ctx)
        ev.location = ev.location or self._location(ctx, ev.participants, ev.framework, ev.type)
        if ev.date is None:
            ev.date = self._date(ctx, None)

    @staticmethod
    def _refers_to_call(ctx: SentenceContext) -> bool:
        back = [(a, b) for _, a, b in ctx.matches(ctx.ld.anaphora)]
        return any(p.label == "CALL" and any(x < b and a < y for x, y in back)
                   for p, a, b in ctx.matches(ctx.ld.triggers))

    def _events(self, ctx: SentenceContext, year: str | None, focus: str | None,
                earlier: set[str] = frozenset(), last: Event | None = None) -> list[Event]:
        found: dict[str, tuple] = {}
        # "during the meeting" refers back, unless it brings in someone new ("X ilə görüşündə")
        new_people = {m.entity_id for m in ctx.of_type("person") if ctx.is_counterpart(m)} - earlier
        back = [(a, b) for _, a, b in ctx.matches(ctx.ld.anaphora)] if earlier and not new_people else []
        triggers = ctx.matches(ctx.ld.triggers)
        if any(any(x < b and a < y for x, y in back) for _, a, b in triggers):
            # "during the meeting", "встреча прошла на полях …": the meeting is reported already;
            # what was signed or decided during it is new
            triggers = [t for t in triggers if t[0].label not in _GATHERING_TYPES]
        named = [(ctx.token_index(m.start), ctx.token_index(m.end - 1)) for m in ctx.of_type("gathering")]
        for p, a, b in triggers:
            if p.label == "MEET" and any(x <= a and b - 1 <= y for x, y in named):
                p = dataclasses.replace(p, label="CONVENE")  # "бейресми кездесуі": a meeting word naming a gathering
            found.setdefault(p.label, (p, a, b))
        if "MEET" not in found and any(ctx.is_counterpart(m) for m in ctx.of_type("person")):
            for p, a, b in ctx.matches(ctx.ld.talks):  # "Tokayevlə ... müzakirə edib"
                found.setdefault("MEET", (Pattern("MEET", p.tokens, "asserted"), a, b))
        out: list[Event] = []
        # the more specific event wins only where it was made ("под председательством президента":
        # no chairing state, no CHAIR, so the meeting stays)
        for type_, (p, a, b) in sorted(found.items(), key=lambda kv: _SUPPRESSIBLE_ORDER.get(kv[0], 0)):
            over = [o for o in out if o.type in _SUPPRESSED_BY.get(type_, ())]
            ev = None if over and type_ != "CONVENE" else self._event(ctx, type_, p.extra or "asserted", a, b,
                                                                      focus, last)
            if ev is not None and over and not self._own_gathering(ev, over, ctx.doc):
                ev = None
            if ev is not None:
                # "2018-ci ildən", "с апреля 2023 года": since when, not when; a chairmanship is dated
                # to its start, so there the start is the date
                ev.date = _traced(ev, "the sentence", self._date(ctx, year, since=type_ == "CHAIR",
                                                                 past=ev.modality == "asserted", chair=type_ == "CHAIR")) \
                    or _traced(ev, "its gathering in the knowledge base", self._gathering_date(ev.framework))
                out += self._separate_meetings(ctx, ev, a, b)
        return out

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
        if ev.type == "MEET" and len(persons) < 2 and ctx.matches(ctx.ld.series) and _plural_trigger(ctx, a, b):
            return []  # "BMT rəsmiləri ilə bir sıra görüşlər keçirib": a summary, not one meeting
        if ev.type != "MEET":
            return [ev]
        plural = _plural_trigger(ctx, a, b)
        states = [p for p in ev.participants if p.startswith("country:")]
        if len(persons) == 1 and len(states) >= 2 and len(ev.participants) == 1 + len(states) \
                and not plural and _is_visit(ctx, a, b):
            # "Pompeo's visit to Ukraine, Belarus and Kazakhstan": a tour is one visit to each state, there
            return [dataclasses.replace(ev, id=event_id(ctx.doc.id, ev.type, ctx.sent.start, k) if k else ev.id,
                                        participants=[persons[0], s],
                                        location=s if (ev.location or "country:").startswith("country:") else ev.location,
                                        trace=[*ev.trace, "split: a tour is one visit per state"])
                    for k, s in enumerate(states)]
        if not plural:
            return [ev]
        if len(persons) == 1 and len(ev.participants) >= 3:
            guests = [p for p in ev.participants if p not in persons]  # "провел встречи с министрами Индии, Китая"
            host = persons[0]
        elif len(persons) >= 3 and len(persons) == len(ev.participants):
            host, *guests = persons
        else:
            return [ev]
        return [dataclasses.replace(ev, id=event_id(ctx.doc.id, ev.type, ctx.sent.start, k) if k else ev.id,
                                    participants=[host, g], trace=[*ev.trace, "split: one meeting per counterpart"])
                for k, g in enumerate(guests)]

    def _event(self, ctx: SentenceContext, type_: str, modality: str, a: int, b: int,
               focus: str | None, last: Event | None = None) -> Event | None:
        ctx = ctx.without_speaker(a)
        if type_ == "MEET" and ctx.of_type("gathering") and not ctx.of_type("person") and self._plural_heads(ctx):
            type_ = "CONVENE"  # "саммитке қатысушы мемлекет басшыларын қарсы алу": the summit's attendees
        framework = self._framework(ctx)
        parts, rule = self._participants(ctx, type_, framework, focus, a)
        visit = type_ == "MEET" and _is_visit(ctx, a, b)
        at = None  # the occasion an agentless signing took place at
        if visit:
            parts, rule = self._visit_parties(ctx, parts, rule)
        if type_ == "SIGN" and not parts:
            parts, rule = self._occasion_parties(last), "sign: no signer named, the parties of the occasion reported last"
            at = last if parts else None  # signed there
        states = sum(not p.startswith(("person:", "new:person:")) for p in parts)
        several = type_ == "MEET" and len(parts) - states == 1 and (visit or _plural_trigger(ctx, a, b))  # split below
        if type_ == "MEET" and not several and max(states, len(parts) - states) >= _MULTILATERAL:
            type_ = "CONVENE"  # beyond a few parties (GOLD.md: "two or a few"), states or leaders, a meeting is a gathering
            rule += "; a meeting of many parties is a gathering (CONVENE)"
        if len(parts) < (1 if type_ in ("CONVENE", "APPOINT", "SIGN") else 2):
            return None
        sent, doc = ctx.sent, ctx.doc
        if type_ == "CONVENE" and framework is None:  # a named summit happens in its organisation's frame
            framework = next((o for g in parts if (o := gathering_organization(doc, self.kb, g))
                              and o in self.member_bodies), None)
        if framework in parts and is_gathering(framework):
            framework = gathering_organization(doc, self.kb, framework)  # a gathering is not its own frame
        if type_ in _BODY_FRAMED and framework is None:
            # an organisation's own gathering, signing or appointment happens in its frame
            framework = next((p for p in parts if p in self.member_bodies), None)
        location = self._location(ctx, parts, framework, type_) or (self._visited(ctx, parts) if visit else None) \
            or (at.location if at else None)
        ev = Event(event_id(doc.id, type_, sent.start), type_, parts,
                   Evidence(sent.start, sent.end, doc.text[sent.start:sent.end]),
                   location=location, framework=framework,
                   modality=self._modality(ctx, modality, a, b, [*parts, framework]), trigger=" ".join(ctx.folds[a:b]))
        ev.trace += [f"trigger: {' '.join(ctx.toks[k].text for k in range(a, b))!r} ({type_}, "
                     f"lang/{ctx.code}/triggers.tsv)", f"participants: {rule}",
                     f"modality: {ev.modality}" + (" (trigger)" if modality != "asserted" else " (markers in the clause)")]
        if framework:
            ev.trace.append(f"framework: {framework}")
        if ev.modality == "asserted" and any((e := doc.entity(p)) is not None and e.upcoming for p in parts):
            ev.modality = "planned"  # the next summit of a series is yet to come
            ev.trace.append("modality: planned (the next gathering of a series)")
        ev.confidence = min(0.95, 0.45 + 0.15 * min(len(parts), 2) + (0.1 if location else 0)
                            + (0.1 if any(m.source == "kb" for m in ctx.mentions) else 0))
        return ev

    def _participants(self, ctx: SentenceContext, type_: str, framework: str | None,
                      focus: str | None, trigger_at: int = 0) -> tuple[list[str], str]:
        """The participants and the name of the rule that chose them (for the trace)."""
        persons = _ids(m for m in ctx.of_type("person") if not ctx.within_date(m))
        rule = ""
        represented: set[str] = set()
        if type_ in (*_GATHERING_TYPES, "SIGN") and len(persons) < 2:
            # "Главы МИД Армении и Азербайджана договорились", "мемлекет басшылары": the officials
            # of those states the article names stand for the plural title and the states
            officials, represented = self._plural_officials(ctx)
            if officials:
                persons += [p for p in officials if p not in persons]
                rule = "the officials the article names for a plural title (\"главы МИД\", \"dövlət başçıları\"); "
        # "Onun ... Moratinos ilə görüşündə": the subject is elided, the article's focus person meets
        # the counterpart; a sentence with its own subject keeps it
        owners = [m for m in ctx.of_type("person") if ctx.is_genitive(m)]
        if type_ in ("MEET", "CALL") and focus and focus not in persons and (
                not persons or (len(persons) == 1 and not owners)):
            persons = [focus] + persons
        # "Қазақстан мен Қытай арасындағы серіктестік": with persons meeting, the pair of states is
        # what they talked about
        topic = _between(ctx) if type_ in ("MEET", "CALL") and persons else set()
        # a ministry named inside an official's title ("главы МИД", "СІМ басшысы") is part of the title
        titled = [(a, b) for _, a, b in ctx.matches(ctx.ld.titles)]
        # an organisation in the locative ("в Кремле", "Akordada") is where talks were held, not a party
        states = _ids(m for m in ctx.of_type("country", "organization") if not ctx.is_qualifier(m)
                      and m.entity_id != framework and m.kind not in ("adjective",) and m.start not in topic
                      and m.entity_id not in represented
                      and not (m.type == "organization" and any(a <= ctx.token_index(m.start) < b for a, b in titled))
                      and not (m.type == "organization" and type_ in ("MEET", "CALL", "SIGN") and ctx.is_locative(m)))
        gatherings = _ids(ctx.of_type("gathering"))
        convene_rule = rule + "convene: attendees named (persons, else states) and the gathering or the body standing for it"
        if type_ == "CHAIR":
            return self._chair_parties(ctx, gatherings, trigger_at), "chair: the states holding it, the body chaired"
        if type_ == "CONVENE" and any(m.source != "role" for m in ctx.of_type("person")):
            # an official named only by title beside named attendees is mostly the narrator
            # ("ҚР СІМ басшысы ... Назарбаевтың 1992 жылы ... сессиясында жариялаған идеясы")
            roles = {m.entity_id for m in ctx.of_type("person") if m.source == "role"}
            named = {m.entity_id for m in ctx.of_type("person") if m.source != "role"}
            persons = [p for p in persons if p not in roles - named]
        if type_ == "CONVENE" and not persons and self._plural_heads(ctx):
            # "саммитке қатысушы мемлекет басшылары", "the heads of state": the leaders the article names
            persons = self._nearby_heads(ctx)
            convene_rule = "convene: the heads of state the article names, for a plural title (\"мемлекет басшылары\")"
        if type_ == "CONVENE":
            hosts = {gathering_organization(ctx.doc, self.kb, g) for g in gatherings}
            # the body holding a named summit is its frame; other bodies named beside a named gathering
            # are what was discussed there, the states its attendees
            base = persons or [x for x in states if x not in hosts and not (gatherings and x.startswith("org:"))]
            if not gatherings:  # a body meeting with no name of its own: the organisation stands for it
                orgs = [m.entity_id for m in ctx.of_type("organization") if not ctx.is_qualifier(m)]
                gatherings = orgs[:1] or ([framework] if framework else []) or _main_organization(ctx.doc)
            return base + [g for g in gatherings if g not in base], convene_rule
        if type_ == "APPOINT":
            appointee = self._appointee(ctx, trigger_at)
            if not appointee:
                return [], "appoint: no appointee"
            bodies = [m for m in ctx.of_type("country", "organization") if not ctx.is_locative(m)]
            person = next(m for m in ctx.mentions if m.entity_id == appointee)
            # "Qazaxıstanın Avstriyadakı səfiri K.Sarıbay AQEM-in icraçı direktoru təyin edilib"
            of = [m.entity_id for m in bodies if m.start > person.end][:1] or [m.entity_id for m in bodies][:1]
            if not of:  # the state the appointee serves, from the knowledge base
                of = [r.of for r in self.kb.roles_of(appointee)][-1:]
            return [appointee] + of, "appoint: the person nearest the trigger who is not the head of state, and the body or state"
        if type_ == "SIGN" and len(persons) == 1:
            # "Tramp ... Ermənistan və Azərbaycanla ... sazişlər imzalayacaq": he signs with them
            partners = _ids(m for m in ctx.of_type("country", "organization") if m.entity_id in states
                            and self._joined_counterpart(ctx, m))
            return persons + [p for p in partners if p not in persons], "sign: the signer and the parties joined to the counterpart"
        if len(persons) >= 2 or type_ in ("SIGN",) and persons:
            return persons, rule + "persons named in the sentence"
        return persons + [s for s in states if s not in persons], rule + "persons, and the states and bodies not qualifying a person"

    def _plural_officials(self, ctx: SentenceContext) -> tuple[list[str], set[str]]:
        """For a title in the plural, the persons the article names who held that office of a state
        named in the sentence (two at least), and the states and offices they stand for (a ministry
        inside the title, "МИД", is no party)."""
        doc = ctx.doc
        named = _ids(m for m in doc.mentions if m.type == "person" and m.entity_id)
        states = {m.entity_id for m in ctx.of_type("country")}
        for p, a, b in ctx.matches(ctx.ld.titles):
            # a plural ending, or one title for two states ("главы МИД Армении и Азербайджана")
            if not (ctx.grammar.plural_title(p.tokens, ctx.folds[a:b]) or len(states) >= 2):
                continue
            roles = _HEAD_OF_STATE if p.label in _HEAD_TITLES else {p.label}
            holders = {r.person: r.of for x in named for r in self.kb.roles_of(x)
                       if r.role in roles and (r.of in states or not states) and r.active(doc.published)}
            if len(holders) >= 2:
                inside = {m.entity_id for m in ctx.mentions if a <= ctx.token_index(m.start) < b}
                return list(holders), set(holders.values()) | inside
        return [], set()

    @staticmethod
    def _plural_heads(ctx: SentenceContext) -> bool:
        """A title of heads of state in the plural ("мемлекет басшылары", "dövlət başçıları", "главы
        государств")."""
        return any(p.label in _HEAD_TITLES and ctx.grammar.plural_title(p.tokens, ctx.folds[a:b])
                   for p, a, b in ctx.matches(ctx.ld.titles))

    def _nearby_heads(self, ctx: SentenceContext) -> list[str]:
        """The heads of state or government (their offices in the knowledge base) named in the sentence
        before or after: "... саммитке қатысушы мемлекет басшылары. Қазақстан Президенті Қасым-Жомарт
        Тоқаев, ҚХР Төрағасы Си Цзиньпин ..." """
        doc = ctx.doc
        k = next((i for i, s in enumerate(doc.sentences) if s.start == ctx.sent.start), 0)
        lo, hi = doc.sentences[max(0, k - 1)].start, doc.sentences[min(len(doc.sentences) - 1, k + 1)].end
        named = _ids(m for m in doc.mentions if m.type == "person" and m.entity_id and lo <= m.start < hi)
        return [p for p in named if any(r.role in _HEAD_OF_STATE | {"prime minister", "head of government"}
                                        and r.active(doc.published) for r in self.kb.roles_of(p))]

    def _chair_parties(self, ctx: SentenceContext, gatherings: list[str], at: int) -> list[str]:
        """The chairing states and the body chaired. A state is needed: a person presiding over a
        meeting (the chairmanship of the person next to it, "под председательством Токаева",
        "Əliyevin sədrliyi ilə") chairs no body.
        The body is the one named (chairmanship passes from a state, "Azərbaycandan", never from
        an organisation: "BMT-dən sonra ən böyük ... Hərəkata" compares with the UN), a gathering
        presided over (COP29), or the one the article is about ("ұйымға": to the organisation)."""
        persons = ctx.of_type("person")
        if any(ctx.token_index(m.end - 1) == at - 1 or 0 < ctx.token_index(m.start) - at <= _PRESIDER_REACH
               for m in persons) or any(b == at or a == at + 1 for _, a, b in ctx.matches(ctx.ld.titles)):
            # the chairmanship of a person or an official next to it ("Əliyevin sədrliyi ilə", "под
            # председательством министра иностранных дел Турции"): presiding a meeting
            return []
        states = _ids(ctx.of_type("country"))
        if not states:
            return []
        series = [gathering_organization(ctx.doc, self.kb, g) for g in gatherings]
        bodies = _ids(m for m in ctx.of_type("organization") if not ctx.is_ablative(m))
        bodies += [o for o in series if o and o not in bodies]
        bodies += [g for g in gatherings if g in self.kb.gatherings and not series[gatherings.index(g)]]
        return states + (bodies or self._article_body(ctx.doc))

    def _article_body(self, doc: Document) -> list[str]:
        """The body of member states the article names most, where one stands out."""
        counts = Counter(m.entity_id for m in doc.mentions if m.entity_id in self.member_bodies)
        top = counts.most_common(2)
        return [top[0][0]] if top and (len(top) == 1 or top[0][1] > top[1][1]) else []

    @staticmethod
    def _joined_counterpart(ctx: SentenceContext, m) -> bool:
        """A counterpart, or joined by "və", "и", "және" or a comma to the counterpart that
        carries the case ending for the whole list ("Ermənistan və Azərbaycanla")."""
        if ctx.is_counterpart(m):
            return True
        later = [o for o in ctx.mentions if o.start >= m.end]
        for o in later[:3]:
            gap = ctx.doc.text[m.end:o.start].strip(" ,").lower()
            if gap not in ("", "və", "и", "және", "ve", "hem", "and"):
                return False
            if ctx.is_counterpart(o):
                return True
            m = o
        return False

    def _appointee(self, ctx: SentenceContext, trigger_at: int) -> str | None:
        """The person nearest the trigger who is not the head of state signing the decree."""
        persons = [m for m in ctx.of_type("person") if not ctx.within_date(m)]
        heads = {m.entity_id for m in persons if any(r.role == "president" for r in self.kb.roles_of(m.entity_id))}
        persons = [m for m in persons if m.entity_id not in heads]  # the head of state signs the decree
        if not persons:
            return None
        return min(persons, key=lambda m: abs(ctx.token_index(m.start) - trigger_at)).entity_id

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
                  type_: str = "MEET") -> str | None:
        others = [g for g in ctx.of_type("gathering") if g.entity_id not in parts and g.entity_id != framework] \
            if type_ in ("MEET", "CALL") else []
        for m in ctx.of_type("location"):
            if m.entity_id in parts or ctx.is_qualifier(m):
                continue
            # "Bakıda keçiriləcək COP29": where another gathering takes place, not this meeting
            if any(0 <= ctx.token_index(g.start) - ctx.token_index(m.end - 1) <= 3 for g in others):
                continue
            return m.entity_id
        info = self.kb.gatherings.get(framework or "")
        return (info or {}).get("location") or None

    def _gathering_date(self, framework: str | None) -> str | None:
        """The year of a summit; nothing for a session that lasts a year (the UN General Assembly's)."""
        info = self.kb.gatherings.get(framework or "") or {}
        start, end = info.get("start") or "", info.get("end") or ""
        if end and end[:7] != start[:7]:
            return None
        return start[:4] or None

    def _modality(self, ctx: SentenceContext, trigger_modality: str, a: int, b: int, own=()) -> str:
        """The trigger's own form, or a marker in its clause (not in a neighbouring clause
        about something else: "Bakıda keçiriləcək COP29 ... görüş əsnasında", nor a participle
        describing another gathering: "görüş əsnasında Bakıda keçiriləcək COP29-un əhəmiyyəti")."""
        lo, hi = _clause(ctx, a, b)
        others = [ctx.token_index(g.start) for g in ctx.of_type("gathering") if g.entity_id not in own]
        labels = {p.label for p, x, y in ctx.matches(ctx.ld.modality) if lo <= x and y <= hi
                  and not (x >= b and any(0 <= g - y <= 2 for g in others))}
        if trigger_modality == "negated" or "negated" in labels:
            return "negated"
        if trigger_modality == "planned" or "planned" in labels:
            return "planned"
        return "asserted"

    def _date(self, ctx: SentenceContext, year: str | None, since: bool = True, past: bool = False,
              chair: bool = False) -> str | None:
        published = ctx.doc.published
        for d in ctx.dates:
            if not since and is_since(ctx, d):
                continue
            v = d.value(published or (f"{year}-01-01" if year and d.relative is None else None))
            if v and chair and d.ranged:
                v = v[:7]  # handed over at a summit of several days: on one of them, in that month
            if v and past and published and d.year is None and d.relative is None and v[:7] > published[:7]:
                # "в декабре" in a report of 1 January: what happened was last December
                v = f"{int(v[:4]) - 1:04d}{v[4:]}"
            if v:
                return v
        # "биыл күзде", "в этом году": the year of publication, or the article's year
        this_year = (published or "")[:4] or year
        if this_year and ctx.matches(ctx.ld.this_year):
            return this_year
        return None

    def _occasion_date(self, ev: Event, events: list[Event]) -> str | None:
        """An undated event involving an organisation whose dated summit the article reports took
        place at that summit ("AQEM-in sədri olan Qazaxıstan" in a report of the CICA summit)."""
        if ev.date is not None:
            return None
        dates = {o.date for o in events if o.type == "CONVENE" and o.date and len(o.date) == 10 and o is not ev
                 and _gathering_keys(o, self.kb) & set(ev.participants)
                 and any(is_gathering(p) for p in o.participants)}
        return dates.pop() if len(dates) == 1 else None

    @staticmethod
    def _decree_date(ev: Event, events: list[Event]) -> str | None:
        """Appointments reported together are one reshuffle: an undated one ("X освобожден от
        должности") takes the date of the others ("Y назначен") where they agree on one."""
        if ev.type != "APPOINT" or ev.date is not None:
            return None
        dates = {o.date for o in events if o.type == "APPOINT" and o.date and o.modality == ev.modality}
        return dates.pop() if len(dates) == 1 else None

    def _role_date(self, ev: Event, ctx: SentenceContext) -> str | None:
        """An appointment the knowledge base knows: the office's start gives the year the text leaves
        out ("26 қыркүйекте ... тағайындады"), or the month where the text gives no date at all."""
        starts = {r.start for p in ev.participants for r in self.kb.roles_of(p)
                  if r.start and r.of in ev.participants}
        if not starts:
            return None
        own = [d for d in ctx.dates if d.relative is None and d.month and not is_since(ctx, d)]
        if own and own[0].year is None:
            month = f"-{own[0].month:02d}"
            fits = {st[:4] for st in starts if st[4:7] == month and
                    (own[0].day is None or len(st) < 10 or int(st[8:10]) == own[0].day)}
            return own[0].value(f"{fits.pop()}-01-01") if len(fits) == 1 else None
        if not own and len({st[:7] for st in starts}) == 1:
            return next(iter(starts))[:7]
        return None


_CLAUSE_BREAK = frozenset(",;:—–()")


def _clause(ctx: SentenceContext, a: int, b: int) -> tuple[int, int]:
    """Token range of the clause around tokens a..b: up to the nearest punctuation, and a few
    words beyond the trigger (az/kk auxiliaries follow the verb)."""
    text, toks = ctx.doc.text, ctx.toks
    lo = a
    while lo > 0 and not (_CLAUSE_BREAK & set(text[toks[lo - 1].end:toks[lo].start])):
        lo -= 1
    hi = b
    # with the verb last (az, kk) a few words after a nominal trigger finish the clause; in Russian
    # the verb of "Встреча … не состоялась" can stand anywhere before the comma
    reach = 3 if ctx.grammar.verb_final else len(toks)
    while hi < len(toks) and hi - b < reach and not (_CLAUSE_BREAK & set(text[toks[hi - 1].end:toks[hi].start])):
        hi += 1
    return lo, hi


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


def _ids(mentions) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.entity_id not in out:
            out.append(m.entity_id)
    return out


def _main_organization(doc: Document) -> list[str]:
    """The organisation an article is about ("Azərbaycan ... ekspertlərin görüşünə ev sahibliyi edib"
    in an article on CICA): named at least three times and twice as often as any other."""
    counts = Counter(m.entity_id for m in doc.mentions if m.type == "organization" and m.entity_id)
    top = counts.most_common(2)
    if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
        return [top[0][0]]
    return []


def _between(ctx: SentenceContext) -> set[int]:
    """Start offsets of the state mentions a "between" marker takes (up to five words away)."""
    out = set()
    for p, a, b in ctx.matches(ctx.ld.between):
        lo, hi = (a - 5, a) if p.label == "before" else (b, b + 5)
        for m in ctx.of_type("country", "organization"):
            if lo <= ctx.token_index(m.start) < hi:
                out.add(m.start)
    return out


def _headline(doc: Document):
    """The article's headline: its first sentence when that is a line without a full stop."""
    first = next((s for s in doc.sentences if not s.boilerplate), None)
    if first is None:
        return None
    text = doc.text[first.start:first.end].strip()
    return first if text and text[-1] not in ".!?…" and "\n" not in text else None


def merge_duplicates(events: list[Event], kb: KnowledgeBase | None = None, headline=None) -> list[Event]:
    """The same meeting mentioned twice in one article is one event."""
    out: list[Event] = []
    for ev in events:
        head = out[0] if out and headline is not None and out[0].evidence.start == headline.start else None
        if head is not None and ev is not head and _tells_headline(head, ev, out):
            # "Мемлекет басшысы Қытай Елшісін қабылдады" then the lead names the envoy: the lead's
            # participants are the precise ones
            ev.location, ev.framework = ev.location or head.location, ev.framework or head.framework
            ev.date = ev.date or head.date
            out[0] = ev
            continue
        twin = next((o for o in reversed(out) if _same_kind(o, ev)
                     # a chairmanship lasts: days apart in one month are one chairmanship
                     and (_compatible(o.date, ev.date) or o.type == ev.type == "CHAIR"
                          and (o.date or "")[:7] == (ev.date or "")[:7])
                     # a planned handover is not the chairmanship held (one summit stays one summit)
                     and (o.modality == ev.modality or ev.type == "CONVENE")
                     and (participants_agree(frozenset(o.participants), frozenset(ev.participants))
                          or _same_gathering(o, ev, kb) or _same_chair(o, ev)
                          or _refers_to_gathering(ev, o))), None)
        if twin is None:
            out.append(ev)
            continue
        twin.participants += [p for p in ev.participants if p not in twin.participants]
        twin.trace.append(f"merged: the same occasion reported again at [{ev.evidence.start}:{ev.evidence.end}]")
        if "CALL" in (ev.type, twin.type):
            twin.type = "CALL"  # talks with the same people reported as a phone call were the call
        twin.location = twin.location or ev.location
        twin.framework = twin.framework or ev.framework
        if ev.date and (not twin.date or len(ev.date) > len(twin.date)):
            twin.date = ev.date
    return out


def _tells_headline(head: Event, ev: Event, out: list[Event]) -> bool:
    """The first meeting or call after a headline's, with the same modality, a person in common
    and more persons named, is the headline's event told in full."""
    def persons(e: Event) -> set[str]:
        return {p for p in e.participants if "person:" in p}
    return (head.type == ev.type and head.type in ("MEET", "CALL") and head.modality == ev.modality
            and all("person:" in p or p.startswith("country:") for p in head.participants)
            and len(persons(ev)) > len(persons(head))
            and not any(o.type == ev.type for o in out[1:])
            and bool(persons(head) & persons(ev)))


def _same_gathering(a: Event, b: Event, kb: KnowledgeBase | None = None) -> bool:
    """Two CONVENE reports of one summit in one article are one event (a summit and the
    organisation holding it count as the same key)."""
    if a.type != "CONVENE":
        return False
    named_a = {p for p in a.participants if is_gathering(p)}
    named_b = {p for p in b.participants if is_gathering(p)}
    if named_a and named_b:
        return bool(named_a & named_b)  # two named gatherings (this summit and the next) are two occasions
    ga = _gathering_keys(a, kb)
    gb = _gathering_keys(b, kb)
    return bool(ga & gb) or bool(ga and set(b.participants) & ga) or bool(gb and set(a.participants) & gb)


def _gathering_keys(e: Event, kb: KnowledgeBase | None = None) -> set[str]:
    keys = ({p for p in e.participants if is_gathering(p)}
            or {p for p in e.participants if p.startswith("org:")} or ({e.framework} - {None}))
    if kb is not None:
        keys |= {o for g in keys if (o := (kb.gatherings.get(g) or {}).get("organization"))}
    if any(is_gathering(k) for k in keys) and e.framework:
        keys.add(e.framework)  # a composed summit's body is its frame
    return keys


def _same_chair(a: Event, b: Event) -> bool:
    """One handover told in several sentences ("SCO chairmanship passed to China", "Kazakhstan handed
    over ...") is one CHAIR: same organisation, or no organisation named and a state in common."""
    if a.type != "CHAIR" or b.type != "CHAIR":
        return False
    oa = {p for p in a.participants if p.startswith("org:")}
    ob = {p for p in b.participants if p.startswith("org:")}
    return bool(oa & ob) or ((not oa or not ob) and bool(set(a.participants) & set(b.participants)))


def _same_kind(a: Event, b: Event) -> bool:
    return a.type == b.type or ({a.type, b.type} == {"MEET", "CALL"} and set(a.participants) == set(b.participants))


def _refers_to_gathering(ev: Event, earlier: Event) -> bool:
    """"İlham Əliyev tədbirdə iştirak etmişdir": a CONVENE naming no gathering after one that did."""
    def named(e: Event) -> bool:
        return e.framework is not None or any(is_gathering(p) or p.startswith("org:") for p in e.participants)
    return ev.type == "CONVENE" and earlier.type == "CONVENE" and not named(ev)


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]
