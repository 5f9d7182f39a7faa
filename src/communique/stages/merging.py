"""One event per occasion in an article: the same meeting reported twice is merged, the headline's
event told in full by the lead takes the lead's participants."""
from __future__ import annotations

from collections.abc import Callable

from ..document import Document, Event
from ..kb import KnowledgeBase
from .gatherings import is_gathering
from .stories import participants_agree


def headline(doc: Document):
    """The article's headline: its first sentence when that is a line without a full stop."""
    first = next((s for s in doc.sentences if not s.boilerplate), None)
    if first is None:
        return None
    text = doc.text[first.start:first.end].strip()
    return first if text and text[-1] not in ".!?…" and "\n" not in text else None


def merge_duplicates(events: list[Event], kb: KnowledgeBase | None = None, headline=None,
                     undated: frozenset[str] | set[str] = frozenset(),
                     title_states: Callable[[], dict[str, set[str]]] = dict) -> list[Event]:
    """The same meeting mentioned twice in one article is one event. ``undated``: the ids of events the
    text does not date, dated by the report (its month, or year). ``title_states``: person -> the states
    the article's titles give him (read only where the knowledge base cannot say)."""
    out: list[Event] = []
    for ev in events:
        head = out[0] if out and headline is not None and out[0].evidence.start == headline.start else None
        if head is not None and ev is not head and _tells_headline(head, ev, out, kb):
            # "Мемлекет басшысы Қытай Елшісін қабылдады" then the lead names the envoy: the lead's
            # participants are the precise ones
            ev.location, ev.framework = ev.location or head.location, ev.framework or head.framework
            ev.date = ev.date or head.date
            out[0] = ev
            continue
        twin = next((o for o in reversed(out) if _same_kind(o, ev)
                     # a chairmanship lasts: days apart in one month are one chairmanship
                     and _months_agree(o, ev)
                     and (_compatible(o.date, ev.date) or o.type == ev.type == "CHAIR"
                          and (o.date or "")[:7] == (ev.date or "")[:7])
                     # a planned handover is not the chairmanship held (one summit stays one summit)
                     and (o.modality == ev.modality or ev.type == "CONVENE" or _told_both_ways(o, ev, undated))
                     and (participants_agree(frozenset(o.participants), frozenset(ev.participants))
                          or _body_for_state(o, ev, kb)
                          or _same_gathering(o, ev, kb) or _same_chair(o, ev)
                          or _refers_to_gathering(ev, o) or _person_for_body(o, ev, kb, title_states))), None)
        if twin is None:
            out.append(ev)
            continue
        if _person_for_body(twin, ev, kb, title_states):  # the persons named, not the states or bodies
            if _persons_only(set(ev.participants) - set(twin.participants)):
                twin.participants = list(ev.participants)
        else:
            twin.participants += [p for p in ev.participants if p not in twin.participants]
            if kb is not None and twin.type in ("MEET", "CALL"):  # a state's own body met is the more precise party
                bodies_of = {kb.national_bodies.get(p) for p in twin.participants}
                twin.participants = [p for p in twin.participants if p not in bodies_of]
        twin.trace.append(f"merged: the same occasion reported again at [{ev.evidence.start}:{ev.evidence.end}]")
        if "CALL" in (ev.type, twin.type):
            twin.type = "CALL"  # talks with the same people reported as a phone call were the call
        if _told_both_ways(twin, ev, undated):
            twin.modality = "planned"
        twin.location = twin.location or ev.location
        twin.framework = twin.framework or ev.framework
        if ev.date and (not twin.date or len(ev.date) > len(twin.date)):
            twin.date = ev.date
    return out


def _tells_headline(head: Event, ev: Event, out: list[Event], kb: KnowledgeBase | None = None) -> bool:
    """The first meeting or call after a headline's, with the same modality and more persons named,
    is the headline's event told in full: it has a person in common with the headline, or the
    headline named only the states whose officials the lead names ("Gürcüstanın daxili işlər naziri
    Azərbaycan ... komandanını qəbul edib", then both by name). A state or body in the headline
    stands for its official the lead names ("компаниясының президентімен кездесті")."""
    def persons(e: Event) -> set[str]:
        return {p for p in e.participants if "person:" in p}
    if not (head.type == ev.type and head.type in ("MEET", "CALL") and head.modality == ev.modality
            and all("person:" in p or p.startswith(("country:", "org:", "new:organization:")) for p in head.participants)
            and len(persons(ev)) > len(persons(head))
            and not any(o.type == ev.type for o in out[1:])):
        return False
    if persons(head):
        return bool(persons(head) & persons(ev))
    parties = set(head.participants)
    return len(ev.participants) >= len(parties) \
        and all(p in parties for p in ev.participants if p.startswith("country:")) \
        and all(kb is None or kb.state_served(p, ev.date) in (None, *parties) for p in persons(ev))


def _body_for_state(a: Event, b: Event, kb: KnowledgeBase | None) -> bool:
    """One meeting or call told once with a state and once with that state's own body ("МИД Казахстана
    ... встречу с послом России", "Казахстан ... с послом России"): the same parties, a body read as
    the state it belongs to."""
    if kb is None or a.type != b.type or a.type not in ("MEET", "CALL") or a.modality != b.modality:
        return False
    def states(e: Event) -> frozenset[str]:
        return frozenset(kb.national_bodies.get(p, p) for p in e.participants)
    return set(a.participants) != set(b.participants) and len(states(a)) >= 2 and states(a) == states(b)


def _persons_only(parties: set[str]) -> bool:
    return bool(parties) and all("person:" in p for p in parties)


def _person_for_body(a: Event, b: Event, kb: KnowledgeBase | None = None,
                     title_states: Callable[[], dict[str, set[str]]] = dict) -> bool:
    """One meeting or call told once with a person and once with the state or body that person stands
    for (the same type, modality and day, a person in common; what one report adds is one person, what
    the other adds only a state, a body or both, none a state the knowledge base has that person serve
    no other): GOLD.md takes the persons where named. Two bodies met are two counterparts ("с
    Американским еврейским комитетом и Коалицией ..."), not one person's. Undated, no day tells a visit
    to the person's state from a visit to another ("Помпеоның Украина, Беларусь ... сапары" beside his
    talks with Kazakhstan's minister): what the other report names must be the state the person is
    known to serve, by the knowledge base or by the article's titles, or that state's own body."""
    if a.type != b.type or a.type not in ("MEET", "CALL") or a.modality != b.modality or a.date != b.date:
        return False
    pa, pb = set(a.participants), set(b.participants)
    if not any("person:" in p for p in pa & pb):
        return False
    for persons, bodies in ((pa - pb, pb - pa), (pb - pa, pa - pb)):
        if len(persons) == 1 and _persons_only(persons) and bodies and not any("person:" in p for p in bodies):
            person = next(iter(persons))
            served = kb.state_served(person, a.date) if kb is not None else None
            states = {p for p in bodies if p.startswith("country:")}
            if not a.date:
                titled = title_states().get(person, set())
                served = served or (next(iter(titled)) if len(titled) == 1 else None)
                national = kb.national_bodies if kb is not None else {}
                return served is not None and all(served in (p, national.get(p)) for p in bodies)
            one = len(states) <= 1 and len(bodies - states) <= 1  # one counterpart: a state, its body
            return one and (served is None or not states or served in states)
    return False


def _same_gathering(a: Event, b: Event, kb: KnowledgeBase | None = None) -> bool:
    """Two CONVENE reports of one summit in one article are one event (a summit and the
    organisation holding it count as the same key)."""
    if a.type != "CONVENE":
        return False
    named_a = {p for p in a.participants if is_gathering(p)}
    named_b = {p for p in b.participants if is_gathering(p)}
    if named_a and named_b:
        return bool(named_a & named_b)  # two named gatherings (this summit and the next) are two occasions
    ga = gathering_keys(a, kb)
    gb = gathering_keys(b, kb)
    return bool(ga & gb) or bool(ga and set(b.participants) & ga) or bool(gb and set(a.participants) & gb)


def gathering_keys(e: Event, kb: KnowledgeBase | None = None) -> set[str]:
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


# "В аэропорту ... встретил", "hava limanında qarşılayıb": the welcome of an arriving visitor is a meeting of
# its own (GOLD.md), not the talks of the visit it opens, nor another report of the visit
ARRIVAL = "a welcome on arrival: a meeting of its own"


def _same_kind(a: Event, b: Event) -> bool:
    if (ARRIVAL in a.trace) != (ARRIVAL in b.trace):
        return False
    return a.type == b.type or ({a.type, b.type} == {"MEET", "CALL"} and set(a.participants) == set(b.participants))


def _refers_to_gathering(ev: Event, earlier: Event) -> bool:
    """"İlham Əliyev tədbirdə iştirak etmişdir": a CONVENE naming no gathering after one that did."""
    def named(e: Event) -> bool:
        return e.framework is not None or any(is_gathering(p) or p.startswith("org:") for p in e.participants)
    return ev.type == "CONVENE" and earlier.type == "CONVENE" and not named(ev)


def _months_agree(a: Event, b: Event) -> bool:
    """Two reports whose sentences name different months, or different days of one month, are two
    occasions, even where no year makes either a date ("4 мая прибыл в Гоа" and "намеченное на 3-4
    июля заседание"; "заседание ... 10 сентября" and "11 сентября ... состоится саммит")."""
    ma, mb = _month(a), _month(b)
    if ma and mb and ma != mb:
        return False
    da, db = _day(a), _day(b)
    return not (ma and ma == mb and da and db and da != db)


def _month(ev: Event) -> int | None:
    return ev.month or (int(ev.date[5:7]) if ev.date and len(ev.date) >= 7 else None)


def _day(ev: Event) -> int | None:
    return ev.day or (int(ev.date[8:10]) if ev.date and len(ev.date) == 10 else None)


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _told_both_ways(o: Event, ev: Event, undated: frozenset[str] | set[str] = frozenset()) -> bool:
    """The same parties' meeting or call told as to come and as held, with the same date or none to tell
    two occasions apart (a visit "begins today" and its talks "were held"): one occasion told in two
    tenses. It is to come: a future marker is explicit, while a report read as held is often a
    headline or a present tense with none (pooled samples: modality of matched events 7.23 summed
    over the eight, against 7.19 keeping the first report's tense and 7.16 taking "held"). A plan
    dated by its year alone and talks dated to a day stay two (merging those too lost two found); talks
    told as held with no date of their own are the news of the report's days, so of the day the plan
    names in its month ("Лукашенко направился в Москву на переговоры с Путиным" and "во вторник на
    переговорах"); a plan with no date of its own may be for any later day."""
    same_day = o.date == ev.date or any(
        x.id in undated and x.modality == "asserted" and x.date and y.date and len(x.date) < len(y.date)
        and y.date.startswith(x.date) and y.id not in undated for x, y in ((o, ev), (ev, o)))
    return {o.modality, ev.modality} == {"planned", "asserted"} and o.type == ev.type \
        and o.type in ("MEET", "CALL") and set(o.participants) == set(ev.participants) and same_day
