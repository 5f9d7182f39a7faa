"""Who took part in an event: the participants each event type takes from the sentence around its
trigger, and the article around it (the host a visit meets, the officials a plural title stands
for, the states holding a chairmanship, the appointee, the signers of an occasion)."""
from __future__ import annotations

from collections import Counter
from typing import Callable

from ..document import Document, Event
from ..kb import KnowledgeBase
from ..text import lower
from .context import SentenceContext
from .gatherings import gathering_organization, is_gathering

_GATHERING_TYPES = ("MEET", "CALL", "CONVENE")
_HEAD_OF_STATE = frozenset({"president", "head of state", "king"})
_HEAD_TITLES = ("head of state", "president")
_PRESIDER_REACH = 3  # words from "под председательством" to the presiding person's name (a title between)
_OFFICE_REACH = 4  # words between the verb of appointing and the body its office is of ("СНГ генеральным секретарем")

# the trace of participants standing for a plural title; a summary of meetings ("ряд встреч с министрами")
# names none of them (events._separate_meetings)
PLURAL_OFFICIALS = "the officials the article names for a plural title (\"главы МИД\", \"dövlət başçıları\"); "


FELLOW_VISITORS = "a visit: those named together went, each to the state visited"
# "Qazaxıstana gəlmişdi", "Қазақстанға келген еді": a visit before the occasion the article reports, whose
# host is not the official it names for that occasion
EARLIER_VISIT = "told in the pluperfect: an earlier visit, hosted by the state"


class Arguments:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
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

    def occasion_parties(self, last: Event | None) -> list[str]:
        """Who signed documents the text signs with no signer named ("Daha sonra sənədlər imzalanıb",
        "Сапар аясында ... құжатқа қол қойылады"): the parties of the talks reported last, or the body
        of the gathering reported last."""
        if last is None:
            return []
        if last.type == "CONVENE":
            return [last.framework] if last.framework in self.member_bodies else []
        # documents signed in the course of a visit to a state, no signer named, are between the
        # states ("səfər zamanı 10-dan artıq sənədin imzalanması"): the visitor's state beside the host
        if any(p.startswith("country:") for p in last.participants):
            states = [self.kb.state_served(p, last.date) if "person:" in p else p for p in last.participants]
            if all(states) and len(set(states)) > 1:
                return list(dict.fromkeys(states))
        return list(last.participants)

    @staticmethod
    def the_sides(ctx: SentenceContext, trigger_at: int) -> list[str]:
        """"Стороны подписали документ", "Tərəflər ... razılaşıb", "Тараптар ... келісті": the sides are
        the parties the sentence before names (its persons, else its states; two at least); none where
        the sentence does not speak of the sides as the subject of the trigger, standing at most a
        clause's words before it (grammar.tsv ``sides_word``: not "со стороны", "российской стороны", on
        the part of one; not inside a gathering's name, "Tərəflər Konfransı")."""
        words, g = ctx.folds, ctx.grammar.words
        named = [(ctx.token_index(m.start), ctx.token_index(m.end - 1)) for m in ctx.of_type("gathering")]
        if not any(w in g["sides_word"] and not (k and (words[k - 1] in g["sides_not_after"]
                                                        or words[k - 1].endswith(g["sides_not_after_ending"])))
                   and not any(x <= k <= y for x, y in named) and 0 < trigger_at - k <= _SUBJECT_REACH
                   for k, w in enumerate(words)):
            return []
        sents = [s for s in ctx.doc.sentences if s.end <= ctx.sent.start]
        if not sents:
            return []
        before = [m for m in ctx.doc.mentions if sents[-1].start <= m.start < sents[-1].end and m.entity_id]
        for kind in ("person", "country"):
            ids = _ids(m for m in before if m.type == kind)
            if len(ids) >= 2:
                return ids
        return []

    def name_host(self, ev: Event, doc: Document, senders: frozenset[str] = frozenset(),
                  titled: Callable[[], dict[str, set[str]]] | None = None,
                  welcomers: frozenset[str] = frozenset()) -> None:
        """A visit is a meeting with the host person where the article names one (GOLD.md): the
        state visited stands for the official of that state the article names, the head of state
        where it names several; not one named only as the sender of greetings (``senders``), who is
        not there. With none the knowledge base knows, the one person the article titles as that
        state's (``titled()``: state -> persons new to the knowledge base its titles name)."""
        persons = [p for p in ev.participants if "person:" in p]
        states = [p for p in ev.participants if p.startswith("country:")]
        if ev.type not in ("MEET", "CALL") or len(persons) != 1 or len(states) != 1 or len(ev.participants) != 2 \
                or any(EARLIER_VISIT in t for t in ev.trace):
            return
        named = {m.entity_id for m in doc.mentions if m.type == "person" and m.entity_id not in persons} - senders
        # undated: the official the article names held the office then, whenever that was
        when_ = ev.date or doc.published
        officials = {r.person: r.role for p in named for r in self.kb.roles_of(p)
                     if r.of == states[0] and (not when_ or r.active(when_))}
        heads = [p for p, role in officials.items() if role in _HEAD_OF_STATE]
        # one who welcomed the visitor on arrival ("в аэропорту встретил замминистра") hosts the visit
        # only as the head of state
        officials = {p: role for p, role in officials.items() if p not in welcomers or p in heads}
        host = list(officials) if len(officials) == 1 else heads
        if not officials and titled is not None:
            host = sorted((titled().get(states[0], set()) & named) - set(persons) - welcomers)
        if len(host) == 1:
            ev.participants = [host[0] if p == states[0] else p for p in ev.participants]
            ev.trace.append(f"host: {states[0]} stands for {host[0]}, its official named in the article")

    def titled_counterpart(self, ctx: SentenceContext, parts: list[str]) -> tuple[list[str], str | None]:
        """"Türk Şurasının baş katibi ilə görüşdü", "встретился с генеральным секретарем ОДКБ": a body or
        state met, named with an office of its right beside it (titles.tsv), stands for the holder of that
        office (the knowledge base's terms) whom the article names (GOLD.md: the persons where named)."""
        persons = [p for p in parts if "person:" in p]
        others = [p for p in parts if p not in persons]
        if len(persons) != 1 or len(others) != 1:
            return parts, None
        near = [(ctx.token_index(m.start), ctx.token_index(m.end - 1)) for m in ctx.mentions if m.entity_id == others[0]]
        named = {m.entity_id for m in ctx.doc.mentions if m.type == "person" and m.entity_id} - set(persons)
        for title, a, b in ctx.matches(ctx.ld.titles):
            if not any(y == a - 1 or x == b for x, y in near):
                continue
            holders = [p for p in named if any(r.role == title.label and r.of == others[0] and r.active(ctx.doc.published)
                                               for r in self.kb.roles_of(p))]
            if len(holders) == 1:
                return persons + holders, f"{others[0]} stands for {holders[0]}, its {title.label} the article names"
        return parts, None

    def one_state(self, type_: str, parts: list[str], own: dict[str, frozenset[str]] | None = None,
                  represents: dict[str, set[str]] | None = None, national: dict[str, str] | None = None) -> bool:
        """A diplomatic contact has a foreign party (GOLD.md: every meeting and gathering in the gold is
        between states, or in an international body's frame): a meeting or call whose parties are all
        known to be of one state ("the president met the public of the region": the president and his
        state), or a gathering with no named gathering, no international body and at most one state
        among its parties (a party congress, a regional council), is that state's own affairs. A body the
        knowledge base lacks, meeting with no one named attending, is taken for no international one: the
        knowledge base knows this field's international bodies, and those it lacks, with no foreign party
        named, are mostly a state's own (a local committee, a company: pooled samples, events on negative
        articles 12 -> 9, none found lost); attended by an official, whose it is stays unknown. Whom a
        person the knowledge base does not know represents is unknown: a meeting with one is kept.
        ``own``: bodies the text names as a state's own (its legislature, cabinet, a party), of no
        foreign reach although the knowledge base does not know them, with the states their sentence
        names (whose body it may be: "Милли Меджлиса Азербайджана"). ``represents``: the bodies the
        knowledge base knows as international that qualify each person in the sentence ("заместитель
        генерального директора ... Европейской комиссии Йоханнес Лухнер"), for persons it does not know;
        ``national``: the state whose own body qualifies a person it does not know ("Dövlət Sərhəd
        Xidmətinin rəisi X": he serves Azerbaijan)."""
        own, represents, national = own or {}, represents or {}, national or {}
        if type_ == "CHAIR":  # a rotating chairmanship is of an international body, never of a state's own
            return all(p.startswith("country:") or p in self.kb.national_bodies for p in parts)
        if type_ not in ("MEET", "CALL", "CONVENE"):
            return False
        states: set[str] = set()
        for p in parts:
            if p in own:
                states |= own[p]
                continue
            if p.startswith("new:org") and not any("person:" in x for x in parts):
                continue  # a body the knowledge base lacks, no one attending: no international body, no state
            if is_gathering(p) or (p.startswith(("org:", "new:org")) and p not in self.kb.national_bodies):
                return False  # an international body, or one attended whose reach is unknown
            if p.startswith("country:"):
                states.add(p)
            elif p in self.kb.national_bodies:
                states.add(self.kb.national_bodies[p])
            elif served := {x for x in self.served(p) if x.startswith("country:")} if p.startswith("person:") else set():
                states |= served
            elif any(not x.startswith("country:") for x in self.served(p)) or represents.get(p):
                return False  # an official of an international body
            elif p in national:
                states.add(national[p])
            elif type_ != "CONVENE":
                return False  # whom an unknown person represents is not known
        return len(states) <= 1 if type_ == "CONVENE" else len(states) == 1

    def served(self, person: str) -> set[str]:
        """The states and bodies a person has held an office of (the knowledge base's terms)."""
        return {r.of for r in self.kb.roles_of(person)}

    def visit_parties(self, ctx: SentenceContext, parts: list[str], rule: str) -> tuple[list[str], str]:
        """A visit meets the states visited, other than the visitor's own; where no state is named, the
        state of the city visited ("Мәскеуге сапары", "визит в Баку")."""
        persons = [p for p in parts if "person:" in p]
        if len(persons) > 1:
            return self._fellow_visitors(ctx, parts, persons, rule)
        if len(persons) != 1:
            return parts, rule
        own = self._visitors_own(ctx, persons)
        parts = [p for p in parts if p not in own] if any(p.startswith("country:") and p not in own for p in parts) else parts
        # a trip to the city of a gathering the article names is the trip to attend it (GOLD.md)
        if len(parts) == 1 and not any(m.type == "gathering" for m in ctx.doc.mentions):
            cities = (self.kb.place_country.get(m.entity_id) for m in ctx.of_type("location"))
            host = next((c for c in cities if c and c not in own), None)
            if host:
                return parts + [host], rule + "; a visit: the state of the city visited"
        return parts, rule + "; a visit: the states visited, not the visitor's own"

    def _visitors_own(self, ctx: SentenceContext, persons: list[str]) -> set[str]:
        """The visitors' own states: those they serve, and those qualifying them here ("визита
        казахстанского министра обороны Мурата Бектанова в Москву"); a state in the dative is where
        they go."""
        return {x for p in persons for x in self.served(p)} | {
            m.entity_id for m in ctx.of_type("country") if not ctx.is_dative(m)
            and (q := ctx.qualified_person(m)) is not None and q.entity_id in persons}

    def _fellow_visitors(self, ctx: SentenceContext, parts: list[str], persons: list[str],
                         rule: str) -> tuple[list[str], str]:
        """"Mirziyoyev və Japarov Qazaxıstana səfər edib", "Мирзиёев и Жапаров прибыли с визитом в
        Казахстан": persons who are all subjects of a visit went together; each visits the state
        visited, they do not meet each other (``FELLOW_VISITORS``: one visit each, split later)."""
        subjects = {m.entity_id for m in ctx.subjects()}
        if not set(persons) <= subjects:
            return parts, rule  # one is met ("Tokayevlə", "Tokayevin dəvəti ilə"): a meeting
        own = self._visitors_own(ctx, persons)
        hosts = [m.entity_id for m in ctx.of_type("country") if m.entity_id not in own
                 and (ctx.is_dative(m) or ctx.is_locative(m) or m.entity_id in parts)]
        if not hosts:
            hosts = [c for m in ctx.of_type("location") if (ctx.is_dative(m) or ctx.is_locative(m))
                     and (c := self.kb.place_country.get(m.entity_id)) and c not in own]
        if len(set(hosts)) != 1:
            return parts, rule
        return persons + hosts[:1], rule + "; " + FELLOW_VISITORS

    def visited(self, ctx: SentenceContext, parts: list[str]) -> str | None:
        """Where a visit took place, with no city named: the state visited ("Azərbaycana səfəri",
        "с визитом в Турции"), a state named in the sentence that is neither a person's own nor
        qualifies one other than the host met ("проведет переговоры с президентом Казахстана": the
        host's state is the one visited)."""
        persons = [p for p in parts if "person:" in p]
        own = self.served(persons[0]) if len(persons) == 1 else set()

        def hosts(m) -> bool:
            q = ctx.qualified_person(m)
            if q is None:
                # a possessor in the genitive owns what follows ("Azərbaycanın Sərhəd Qoşunları komandanı"):
                # whose body, not where the visit went, unless what it owns is the one met ("Ауғанстанның
                # ресми өкілдерімен")
                return not ctx.is_genitive(m) or ctx.owns_counterpart(m)
            return ctx.is_counterpart(q)
        return next((m.entity_id for m in ctx.of_type("country") if hosts(m) and m.entity_id not in own), None)

    def participants(self, ctx: SentenceContext, type_: str, framework: str | None,
                      focus: str | None, trigger_at: int = 0, continued: str | None = None,
                      trigger_end: int | None = None) -> tuple[list[str], str]:
        """The participants and the name of the rule that chose them (for the trace); ``continued``: the
        subject of the sentence before, which one naming no person goes on about ("X ... туған. Ол ...
        тағайындалды")."""
        persons = _ids(m for m in ctx.of_type("person") if not ctx.within_date(m) and not ctx.is_topic_owner(m))
        rule = ""
        represented: set[str] = set()
        if type_ in (*_GATHERING_TYPES, "SIGN") and len(persons) < 2:
            # "Главы МИД Армении и Азербайджана договорились", "мемлекет басшылары": the officials
            # of those states the article names stand for the plural title and the states
            officials, represented = self._plural_officials(ctx, type_)
            if officials:
                persons += [p for p in officials if p not in persons]
                rule = PLURAL_OFFICIALS
        # "Onun ... Moratinos ilə görüşündə": the subject is elided, the article's focus person meets
        # the counterpart; a sentence with its own subject keeps it
        owners = [m for m in ctx.of_type("person") if ctx.is_genitive(m)]
        # a name in its base form is the nominative, the subject; with the states it met named, the
        # sentence is whole ("Лавров уже провёл встречи с министрами Индии и Китая"); with none, the
        # one met is the focus under a pronoun or a title ("его проводил премьер-министр X")
        subject = ctx.subjects()
        # a body the trigger's own words name is met, whatever its case reads like ("вызван в МИД": where one
        # is summoned to, an accusative the locative's preposition shares)
        spelled = range(trigger_at, trigger_end if trigger_end is not None else trigger_at)

        def located(m) -> bool:  # where, not who
            return ctx.is_locative(m) and ctx.token_index(m.start) not in spelled
        met = [m for m in ctx.of_type("country", "organization") if not ctx.is_qualifier(m) and not located(m)]
        leaders = ctx.grammar.words["leader_noun"]
        if type_ in ("MEET", "CALL") and not persons and not ctx.reported_titles() \
                and not any(w.startswith(leaders) for w in ctx.folds):
            # a meeting or call that took place is told with who met, by name or by title (the article's
            # person under a title: "Мемлекеттік хатшының ... сапары"), or as the states' leaders (grammar.tsv
            # leader_noun: "Өзбекстан мен Қазақстан басшыларының кездесуі"); a meeting word in a sentence naming
            # neither ("Армения и Азербайджан подтвердили участие в переговорах", "iki ölkə arasında
            # görüşlər") tells of meetings in general, of relations, or of those told elsewhere
            return [], "meet: no one named by name or title"
        # those named met, none the subject ("проведет встречи с X и Y"): the one who meets them is unsaid
        named = [m for m in ctx.of_type("person") if m.entity_id in persons]
        all_met = len(named) >= 2 and any(ctx.is_counterpart(m) for m in named) \
            and not any(m in subject for m in named)
        if type_ in ("MEET", "CALL") and focus and focus not in persons and (
                not persons or all_met or (len(persons) == 1 and not owners and not (subject and met))):
            persons = [focus] + persons
            rule += "the person the article is about, the subject left unsaid; "
        # "Қазақстан мен Қытай арасындағы серіктестік": with persons meeting, the pair of states is
        # what they talked about
        topic = _between(ctx, trigger_at) if type_ in ("MEET", "CALL") and persons else set()
        # a ministry named inside an official's title ("главы МИД", "СІМ басшысы") is part of the title
        titled = [(a, b) for _, a, b in ctx.matches(ctx.ld.titles)]
        # an organisation in the locative ("в Кремле", "Akordada") is where talks were held, not a party
        bodies = _bodies_of_known(ctx)
        # the body holding a gathering the sentence names is that gathering's frame, not a party to
        # the talks held in it ("переговоры ... в рамках 85-го заседания Совета министров обороны СНГ")
        held = {gathering_organization(ctx.doc, self.kb, g) for g in _ids(ctx.of_type("gathering"))} \
            if type_ != "CONVENE" else set()
        states = _ids(m for m in ctx.of_type("country", "organization") if not ctx.is_qualifier(m)
                      and not (m.type == "organization" and m.entity_id in held)
                      and not self._source_body(ctx, m)
                      and m.start not in bodies and not ctx.is_topic_owner(m)
                      # "Қазақстандағы Ресей елшісі", "Azərbaycandakı səfiri": a state in the attributive
                      # locative says where the noun after it is (an envoy's post), not who takes part
                      and not (m.type == "country" and ctx.is_attributive(m))
                      # "Совет стратегического сотрудничества Азербайджан-Турция": the pair names the
                      # gathering, not who attends; a format with no gathering named is of its pair
                      # ("Azərbaycan-İran-Rusiya arasında növbəti sammit")
                      and not (type_ == "CONVENE" and ctx.in_compound(m) and ctx.of_type("gathering"))
                      and m.entity_id != framework and m.kind not in ("adjective",) and m.start not in topic
                      and m.entity_id not in represented
                      and not (m.type == "organization" and _in_title(ctx, m, titled))
                      and not (m.type == "organization" and type_ in ("MEET", "CALL", "SIGN") and located(m))
                      # "В Кыргызстане началось заседание", "Qırğızıstanda ... iclası": where it is held
                      and not (m.type == "country" and type_ == "CONVENE" and ctx.in_place(m)
                               and ctx.token_index(m.start) < trigger_at))
        # the ministry inside an official's title names the official's state ("Главы МИД Азербайджана,
        # России ... встретились"): that state takes part, unless one of its officials is named
        ministries = [m for m in ctx.of_type("organization") if m.entity_id in self.kb.national_bodies
                      and _in_title(ctx, m, titled) and not ctx.is_qualifier(m)]
        if ministries:
            served = {self.kb.state_served(p, ctx.doc.published) for p in persons}
            states += [x for m in ministries if (x := self.kb.national_bodies[m.entity_id]) not in states
                       and x not in represented and x not in served]
        if type_ in ("MEET", "CALL"):
            states += [x for x in named_by_nationality(ctx) if x not in states and x not in represented]
        gatherings = _ids(ctx.of_type("gathering"))
        convene_rule = rule + "convene: attendees named (persons, else states) and the gathering or the body standing for it"
        if type_ == "CHAIR":
            return (self._chair_parties(ctx, gatherings, trigger_at, trigger_end),
                    "chair: the states holding it, the body chaired")
        if type_ == "CONVENE" and any(m.source != "role" for m in ctx.of_type("person")):
            # an official named only by title beside named attendees is mostly the narrator
            # ("ҚР СІМ басшысы ... Назарбаевтың 1992 жылы ... сессиясында жариялаған идеясы")
            roles = {m.entity_id for m in ctx.of_type("person") if m.source == "role"}
            named = {m.entity_id for m in ctx.of_type("person") if m.source != "role"}
            persons = [p for p in persons if p not in roles - named]
        if type_ == "CONVENE" and (invited := _invited_from(ctx)) is not None:
            # "пригласил президента Монголии принять участие в саммите": the one invited is to attend,
            # not the one inviting (grammar.tsv invite_object_after: the invited stands after the verb)
            after = {m.entity_id for m in ctx.mentions if ctx.token_index(m.start) >= invited}
            persons = [p for p in persons if p in after]
            states = [x for x in states if x in after]
        if type_ == "CONVENE" and not persons and self.plural_heads(ctx):
            # "саммитке қатысушы мемлекет басшылары", "the heads of state": the leaders the article names
            persons = self._nearby_heads(ctx)
            convene_rule = "convene: the heads of state the article names, for a plural title (\"мемлекет басшылары\")"
        if type_ == "CONVENE":
            hosts = {gathering_organization(ctx.doc, self.kb, g) for g in gatherings}
            # the body holding a named summit is its frame; other bodies named beside a named gathering
            # are what was discussed there, the states its attendees
            base = persons or [x for x in states if x not in hosts and not (gatherings and x.startswith("org:"))]
            if not gatherings:  # a body meeting with no name of its own: the organisation stands for it
                orgs = [m.entity_id for m in ctx.of_type("organization") if not ctx.is_qualifier(m)
                        and m.start not in bodies and not self._source_body(ctx, m)]
                # the body the article is about, where a gathering or meeting noun says one of its meetings
                # is meant (taking part in a ceremony, "vida mərasimində iştirak edib", is not one)
                nouns = ctx.grammar.words["gathering_noun"] + ctx.grammar.words["meeting_noun"]
                noun = any(w.startswith(nouns) for w in ctx.folds)
                gatherings = orgs[:1] or ([framework] if framework else []) \
                    or (_main_organization(ctx.doc) if noun else [])
            return base + [g for g in gatherings if g not in base], convene_rule
        if type_ == "APPOINT":
            appointee = self._appointee(ctx, trigger_at)
            went_on = not appointee and continued and not ctx.of_type("person")
            if went_on:
                appointee = continued  # the sentence names no one: the one the sentence before is about
            if not appointee:
                return [], "appoint: no appointee"
            person = next((m for m in ctx.mentions if m.entity_id == appointee), None)
            # a state qualifying someone else than the appointee or the head of state appointing is that
            # one's ("Министр иностранных дел России Сергей Лавров поздравил коллегу из Казахстана Ермека
            # Кошербаева с назначением")
            bodies = [m for m in ctx.of_type("country", "organization", "gathering") if not ctx.is_locative(m)
                      and ((q := ctx.qualified_person(m)) is None or q == person or self._head_of_state(q.entity_id))]
            # the office named next to the verb is of the body in it: before the verb where the verb comes
            # last ("K.Sarıbay AQEM-in icraçı direktoru təyin edilib", "BVF-in idarəedici direktoru
            # seçilməsi ilə bağlı K. Georgiyevaya"), after it in Russian ("избран генеральным секретарем СНГ");
            # a gathering's office is of that gathering ("избран президентом 29-й сессии Конференции сторон")
            def from_verb(m) -> int:  # words from the verb to the name, on the side its office stands
                return trigger_at - ctx.token_index(m.end - 1) if ctx.grammar.verb_final \
                    else ctx.token_index(m.start) - trigger_at
            # a region's or a district's head is appointed to it ("Абай ауданының әкімі лауазымына сайланды")
            regions = [m for m in ctx.of_type("location") if not ctx.is_locative(m) and not ctx.in_place(m)]
            office = sorted((m for m in bodies + regions if 0 < from_verb(m) <= _OFFICE_REACH), key=from_verb)
            of = [m.entity_id for m in office][:1] or self._title_state(ctx.doc, appointee) \
                or [m.entity_id for m in bodies if person is None or m.start > person.end][:1] \
                or [m.entity_id for m in bodies][:1] or [m.entity_id for m in regions][:1]
            if not of:  # the state the appointee serves, from the knowledge base
                of = [r.of for r in self.kb.roles_of(appointee)][-1:]
            who = "the subject of the sentence before (this one names no one)" if went_on \
                else "the person nearest the trigger who is not the head of state"
            return [appointee] + of, f"appoint: {who}, and the body or state"
        if type_ == "SIGN" and len(persons) == 1:
            # "Tramp ... Ermənistan və Azərbaycanla ... sazişlər imzalayacaq": he signs with them
            partners = _ids(m for m in ctx.of_type("country", "organization") if m.entity_id in states
                            and self.joined_counterpart(ctx, m))
            if partners:
                return persons + [p for p in partners if p not in persons], "sign: the signer and the parties joined to the counterpart"
        elif len(persons) >= 2:
            return persons, rule + "persons named in the sentence"
        return persons + [s for s in states if s not in persons], rule + "persons, and the states and bodies not qualifying a person"

    def _plural_officials(self, ctx: SentenceContext, type_: str) -> tuple[list[str], set[str]]:
        """For a title in the plural, the persons the article names who held that office of a state
        named in the sentence (two at least), and the states and offices they stand for (a ministry
        inside the title, "МИД", is no party)."""
        doc = ctx.doc
        named = _ids(m for m in doc.mentions if m.type == "person" and m.entity_id)
        # a state's ministry names the state too ("глав МИД Азербайджана и Армении")
        national = self.kb.national_bodies
        states = {m.entity_id for m in ctx.of_type("country")} | {
            national[m.entity_id] for m in ctx.of_type("organization") if m.entity_id in national}
        # "мемлекеттер басшылары кеңесінің отырысы", "заседание Совета глав государств": a title inside a
        # body's name names the body; its members are who attend its session, not who meet or sign
        bodies = [(x, y) for _, x, y in ctx.matches(ctx.ld.gatherings)] if type_ != "CONVENE" else []
        for p, a, b in ctx.matches(ctx.ld.titles):
            # a plural ending, or one title for two states ("главы МИД Армении и Азербайджана")
            if not (ctx.grammar.plural_title(p.tokens, ctx.folds[a:b]) or len(states) >= 2) \
                    or any(x < b and a < y for x, y in bodies):
                continue
            roles = _HEAD_OF_STATE if p.label in _HEAD_TITLES else {p.label}
            holders = {r.person: r.of for x in named for r in self.kb.roles_of(x)
                       if r.role in roles and (r.of in states or not states) and r.active(doc.published)}
            if len(holders) >= 2:
                inside = {m.entity_id for m in ctx.mentions if a <= ctx.token_index(m.start) < b}
                return list(holders), set(holders.values()) | inside
        return [], set()

    @staticmethod
    def plural_heads(ctx: SentenceContext) -> bool:
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

    def _chair_parties(self, ctx: SentenceContext, gatherings: list[str], at: int, end: int | None = None) -> list[str]:
        """The chairing states and the body chaired. A state is needed: a person presiding over a
        meeting (the chairmanship of the person next to it, "под председательством Токаева",
        "Əliyevin sədrliyi ilə") chairs no body.
        The body is the one named (chairmanship passes from a state, "Azərbaycandan", never from
        an organisation: "BMT-dən sonra ən böyük ... Hərəkata" compares with the UN), a gathering
        presided over (COP29), or the one the article is about ("ұйымға": to the organisation)."""
        persons = ctx.of_type("person")
        # a title that is the trigger's own word ("является председателем") is the state's office, no one else's
        own = range(at, end if end is not None else at)
        if any(ctx.token_index(m.end - 1) == at - 1 or 0 < ctx.token_index(m.start) - at <= _PRESIDER_REACH
               for m in persons) \
                or any((b == at or a == at + 1) and a not in own for _, a, b in ctx.matches(ctx.ld.titles)):
            # the chairmanship of a person or an official next to it ("Əliyevin sədrliyi ilə", "под
            # председательством министра иностранных дел Турции"): presiding a meeting
            return []
        states = _ids(ctx.of_type("country"))
        if not states:
            return []
        # the state modifying the chairmanship word holds it ("казахстанского председательства",
        # "Qazaxıstanın sədrliyi"); the others appraise or congratulate, unless one gives or receives it
        in_body = {k for o in ctx.of_type("organization") for k in range(ctx.token_index(o.start), ctx.token_index(o.end - 1) + 1)}
        owner = [m for m in ctx.of_type("country")  # the body chaired may stand between: "Qazaxıstanın ATƏT-də sədrliyi"
                 if (m.kind == "adjective" or ctx.is_genitive(m)) and ctx.token_index(m.end - 1) < at
                 and set(range(ctx.token_index(m.end - 1) + 1, at)) <= in_body]
        directions = ctx.grammar.words["direction_word"]

        def gives_or_receives(m) -> bool:  # "Qırğızıstana", "от Казахстана к Кыргызстану"
            k = ctx.token_index(m.start)
            return ctx.is_dative(m) or ctx.is_ablative(m) or (k > 0 and ctx.folds[k - 1] in directions)
        if owner and not any(gives_or_receives(m) for m in ctx.of_type("country") if m not in owner):
            states = _ids(owner)
        # a gathering named at the chairmanship word is what is presided over ("COP29-a sədrliyi",
        # "председательство в COP29"), not its organisation
        presided = _ids(m for m in ctx.of_type("gathering")
                        if ctx.token_index(m.end - 1) == at - 1 or ctx.token_index(m.start) in (at + 1, at + 2))
        if presided:
            return states + presided
        series = [gathering_organization(ctx.doc, self.kb, g) for g in gatherings]
        # an organisation qualifying an official's title is not the body chaired ("MDB İcraiyyə
        # Komitəsinin sədri ... sədrliyin Qırğızıstana keçdiyini bildirib")
        bodies = _ids(m for m in ctx.of_type("organization") if not ctx.is_ablative(m) and not ctx.is_qualifier(m))
        bodies += [o for o in series if o and o not in bodies]
        bodies += [g for g in gatherings if g in self.kb.gatherings and not series[gatherings.index(g)]]
        return states + (bodies or self._article_body(ctx.doc))

    def _article_body(self, doc: Document) -> list[str]:
        """The body of member states the article names most, where one stands out."""
        counts = Counter(m.entity_id for m in doc.mentions if m.entity_id in self.member_bodies)
        top = counts.most_common(2)
        return [top[0][0]] if top and (len(top) == 1 or top[0][1] > top[1][1]) else []

    @staticmethod
    def joined_counterpart(ctx: SentenceContext, m) -> bool:
        """A counterpart, or joined by "və", "и", "және" or a comma to the counterpart that
        carries the case ending for the whole list ("Ermənistan və Azərbaycanla"), each name with
        its title after the state qualifying it ("Belçikanın xarici işlər naziri X, Slovakiyanın
        xarici işlər naziri Y və Maltanın ... Z ilə")."""
        if ctx.is_counterpart(m):
            return True
        later = [o for o in ctx.mentions if o.start >= m.end]
        titled = False  # the words after a state qualifying the next name are that name's title
        for o in later[:_LIST_REACH]:
            raw = ctx.doc.text[m.end:o.start]
            gap = raw.strip(" ,").lower()
            if gap and gap not in ctx.grammar.words["conjunction"] and not (titled and o.type == "person"):
                return False
            if not raw.strip() and m.type == o.type == "person":
                return False  # two names side by side, no list: the subject and the one it meets
            if ctx.is_counterpart(o):
                return True
            titled = o.type in ("country", "organization") and ctx.qualified_person(o) is not None
            m = o
        return False

    def _source_body(self, ctx: SentenceContext, m) -> bool:
        """"Prezident Administrasiyasından bildirilib", "Сыртқы істер министрлігінен хабарлады": a
        state's body in the ablative is where the words come from, no party."""
        return m.entity_id in self.kb.national_bodies and ctx.is_ablative(m)

    def _head_of_state(self, person: str | None) -> bool:
        return any(r.role == "president" for r in self.kb.roles_of(person))

    @staticmethod
    def _title_state(doc: Document, person: str) -> list[str]:
        """The one state the article's titles give a person the knowledge base does not know ("Moldova
        Respublikasının ... naziri Aleksey Buzu", "Gürcüstanın daxili işlər naziri Gela Geladze"): the
        state whose office he holds, whatever other state his appointment's sentence names."""
        if not person.startswith("new:person:"):
            return []
        states = set()
        for sent in doc.sentences:
            if any(m.entity_id == person and sent.start <= m.start < sent.end for m in doc.mentions):
                states |= {m.entity_id for m, q in SentenceContext.build(doc, sent).titled_states()
                           if q.entity_id == person}
        return list(states) if len(states) == 1 else []

    def _appointee(self, ctx: SentenceContext, trigger_at: int) -> str | None:
        """The person nearest the trigger who is not the head of state signing the decree."""
        persons = [m for m in ctx.of_type("person") if not ctx.within_date(m)]
        heads = {m.entity_id for m in persons if self._head_of_state(m.entity_id)}
        persons = [m for m in persons if m.entity_id not in heads]  # the head of state signs the decree
        # "вместо Сергея Кулагина", "Kulaginin yerinə": the one replaced; the word stands before the name
        # in Russian, after it in az/kk
        instead = {k for k, w in enumerate(ctx.folds) if w in ctx.grammar.words["instead_of"]}

        def beside(m) -> int:
            return ctx.token_index(m.start) - 1 if ctx.grammar.genitive_after_head else ctx.token_index(m.end - 1) + 1
        persons = [m for m in persons if beside(m) not in instead]
        congratulation = ctx.grammar.words["congratulation"]
        at = next((k for k, w in enumerate(ctx.folds) if congratulation and w.startswith(congratulation)), None)
        if at is not None:
            # "Bayramov ... təyin edilməsi münasibətilə həmkarını təbrik edib", "Лавров поздравил Кошербаева
            # с назначением": the one congratulating, the subject, is not the one appointed: in the
            # nominative where names inflect, else before the verb
            persons = [m for m in persons if (lower(ctx.doc.text[m.start:m.end]) != lower(m.base or m.text)
                                              if ctx.grammar.names_inflect else ctx.token_index(m.start) > at)]
        if not persons:
            return None
        # an attributive participle describes a person by an office taken before ("Bayramov və Gürcüstanın
        # yenidən təyin edilmiş xarici işlər naziri Darçiaşvili arasında telefon danışığı", "тағайындалған
        # елші", "назначенный посол"): the clause reports something else, no appointment (the annotators'
        # reading for 3 of the 4 in the samples; "сайланған ауданның жаңа басшысын таныстырды": nor is the
        # one who presents him appointed); a participle that ends its clause is its verb (the appointment
        # word itself, or in az and kk its auxiliary after it, "təyin olunmuş": in Russian a word after it
        # is the office's, "назначен Государственным советником")
        ends = ctx.grammar.words["participle_ending"]
        reach = _AUXILIARY_REACH if ctx.grammar.verb_final else 1
        at = next((k for k in range(trigger_at, min(trigger_at + reach, len(ctx.folds)))
                   if ends and ctx.folds[k].endswith(ends)), None)
        if at is not None and at + 1 < len(ctx.toks) \
                and not ctx.doc.text[ctx.toks[at].end:ctx.toks[at + 1].start].strip():
            return None
        return min(persons, key=lambda m: abs(ctx.token_index(m.start) - trigger_at)).entity_id


_SUBJECT_REACH = 8  # words between a subject and its verb at the end of a Turkic clause ("Tərəflər sənədi ... imzalayıblar")
_LIST_REACH = 8  # names and their qualifying states read along a list to the one with the case ending
_AUXILIARY_REACH = 3  # an appointment word and the auxiliaries after it in az and kk ("təyin olunmuş")


def _ids(mentions) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.entity_id not in out:
            out.append(m.entity_id)
    return out


def named_by_nationality(ctx: SentenceContext) -> list[str]:
    """The states of counterparts named by nationality alone ("бельгиялық әріптесімен", "с турецким
    коллегой"; grammar.tsv counterpart_noun): the adjective before the counterpart noun, no name after it."""
    nouns = ctx.grammar.words["counterpart_noun"]
    if not nouns:
        return []
    named = {ctx.token_index(m.start) for m in ctx.of_type("person")}
    out = []
    for m in ctx.of_type("country"):
        k = ctx.token_index(m.end - 1) + 1
        if m.kind in ("adjective", "demonym") and k < len(ctx.folds) and ctx.folds[k].startswith(nouns) \
                and k + 1 not in named:
            out.append(m.entity_id)
    return out


def _invited_from(ctx: SentenceContext) -> int | None:
    """The first token after an invitation verb whose object follows it (grammar.tsv
    invite_object_after: "пригласил"), where something is named after it."""
    verbs = ctx.grammar.words["invite_object_after"]
    at = next((k for k, w in enumerate(ctx.folds) if verbs and w.startswith(verbs)), None)
    if at is None or not any(ctx.token_index(m.start) > at for m in ctx.mentions if m.type in ("person", "country")):
        return None
    return at + 1


def _main_organization(doc: Document) -> list[str]:
    """The organisation an article is about ("Azərbaycan ... ekspertlərin görüşünə ev sahibliyi edib"
    in an article on CICA): named at least three times and twice as often as any other."""
    counts = Counter(m.entity_id for m in doc.mentions if m.type == "organization" and m.entity_id)
    top = counts.most_common(2)
    if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
        return [top[0][0]]
    return []


def _in_title(ctx: SentenceContext, m, titled: list[tuple[int, int]]) -> bool:
    """A body's name that a title's words run into ("Qazaxıstan XİN rəhbərləri", "главы МИД"): the
    ministry is the title's, whichever token its name starts at."""
    i, j = ctx.token_index(m.start), ctx.token_index(m.end - 1)
    return any(i < b and a <= j for a, b in titled)


def _between(ctx: SentenceContext, trigger_at: int | None = None) -> set[int]:
    """Start offsets of the state mentions a "between" marker takes (up to five words away). A marker
    right before the event word names its parties ("Məmmədyarov ilə ATƏT-in Minsk qrupunun həmsədrləri
    arasında görüş", "арасындағы кездесу"), not a topic. (Russian "встреча между" alike was measured:
    no raw article changed, and a background mention of talks became an event.)"""
    out = set()
    for p, a, b in ctx.matches(ctx.ld.between):
        if trigger_at is not None and p.label == "before" and 0 <= trigger_at - b <= 1:
            continue
        lo, hi = (a - 5, a) if p.label == "before" else (b, b + 5)
        for m in ctx.of_type("country", "organization"):
            if lo <= ctx.token_index(m.start) < hi:
                out.add(m.start)
    return out


def _bodies_of_known(ctx: SentenceContext) -> set[int]:
    """Start offsets of organisations the knowledge base lacks named right beside one it knows, where
    the language puts a genitive ("СМИД ШОС", "ŞƏT-in XİŞ"): a body of that organisation, which
    stands for it (GOLD.md)."""
    orgs = sorted(ctx.of_type("organization"), key=lambda m: m.start)
    out = set()
    for a, b in zip(orgs, orgs[1:]):
        if ctx.token_index(b.start) - ctx.token_index(a.end - 1) != 1:
            continue
        body, known = (a, b) if ctx.grammar.genitive_after_head else (b, a)
        if body.entity_id.startswith("new:") and not known.entity_id.startswith("new:"):
            out.add(body.start)
    return out
