"""Gatherings composed from their parts: a summit word, the organisation holding it, its year.

"ТМД мемлекеттері басшылары кеңесінің отырысы", "MDB-nin Zirvə görüşü" and "саммит СНГ" in 2024
name one gathering, the CIS summit of 2024, in every language and article. Its id is the knowledge
base's where a gathering of that organisation is known for that year (the SCO summit of 2024), else
one built from the organisation, the kind and the year. The summit words are per-language data
(``lang/<code>/gatherings.tsv``); the organisation is the one named next to them, or the one
whose summit the article names elsewhere.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from ..document import Document, Entity, Mention, Sentence
from .. import lang as langdata
from ..kb import KnowledgeBase
from ..lang.dates import forms_index, ordinal
from . import when
from .context import SentenceContext, parties_only, prose

_REACH = 4  # words between a summit word and the organisation whose summit it is
_MIN_STEM = 4  # letters of a compound's part that must begin a state's name
_ENDING = 3  # letters a compound's part may carry beyond the state's word (a combining vowel, a case ending)
_SUMMITS = ("summit", "informal summit", "extraordinary summit")
# A body's meeting of ministers has no name of its own, and the organisation stands for it (GOLD.md),
# unless it is numbered ("VI встреча министров иностранных дел СВМДА"): then it is a gathering. The
# ministers of another sector are named by their portfolio (portfolios.tsv): "85-е заседание Совета
# министров обороны СНГ" is the CIS's 85th defence ministers meeting, not its 85th foreign ministers'.
SECTOR = "sector ministers meeting"
_PORTFOLIO_REACH = 3  # words between the ministers' word and the field of their ministry
# Parties (persons, or states) beyond "a few" (GOLD.md: a meeting is between two or a few): from this
# many on, what is met is a gathering (events.py reads it too)
FEW = 4


# An assembly or a session of a body is one gathering only where numbered ("151-ci Assambleyası",
# "78-я сессия"), and only of the body named next to it: an unnumbered one is the body's, and a number
# alone says nothing of whose it is.
_OWN_BODY_ONLY = ("assembly", "session")


def ministers_meeting(kind: str) -> bool:
    """A meeting of ministers, of foreign affairs or of another sector (SECTOR, portfolios.tsv)."""
    return kind.endswith("ministers meeting")


def numbered_only(kind: str) -> bool:
    return ministers_meeting(kind) or kind in _OWN_BODY_ONLY


@dataclass(frozen=True)
class SummitPhrase:
    start: int
    end: int
    kind: str
    org: str | None  # the body holding it, or the pair of states of a bilateral body ("country:kz+country:tr")
    year: str | None  # named in its own sentence
    upcoming: bool = False  # "the next summit": a later occasion than the one reported
    number: int | None = None  # its ordinal ("VI", "7-ci", "ikinci"): part of its name
    group: str | None = None  # the body of the heads of state of a region named next to it, where no body is
    places: frozenset[str] = frozenset()  # the places its sentence names
    planned: bool = False  # its sentence tells of it as to come ("2023 жылы ... Бішкекте өтеді")
    site: frozenset[str] = frozenset()  # the places in the locative next to it ("Soçidə keçirilən sammit")
    states: int = 0  # the states its sentence names


class GatheringStage:
    name = "gatherings"
    requires = ("entities", "sents")
    provides = ("gatherings",)

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._known: dict[tuple[str, str, str], list[str]] | None = None
        self._numbered: dict[tuple[str, int, str], list[str]] | None = None
        self._placed: dict[tuple[str, str, str], list[str]] = {}
        self._country_words: list[tuple[str, str]] | None = None

    @property
    def known(self) -> dict[tuple[str, str, str], list[str]]:
        """(organisation, year, kind) -> the knowledge base's gatherings of that body and kind starting
        that year (the Central Asia–China summit of 2023, not its ministers' meeting)."""
        if self._known is None:
            self._index()
        return self._known

    @property
    def numbered(self) -> dict[tuple[str, int, str], list[str]]:
        """(organisation, number, kind) -> the knowledge base's numbered gatherings of that body and kind."""
        if self._numbered is None:
            self._index()
        return self._numbered

    def _index(self) -> None:
        """The knowledge base's gatherings by body, year or number, and the kind their English name
        says ("5th China–Central Asia Foreign Ministers' Meeting"); a series named otherwise
        ("Consultative Meeting of the Heads of State") holds summits."""
        self._known, self._numbered = {}, {}
        kinds = {k for ld in _languages() for k in {p.label for p in ld.gatherings}}
        for gid, g in self.kb.gatherings.items():
            if not g.get("organization"):
                continue
            label = re.sub(r"[^a-z ]+", "", self.kb.label(gid).lower())
            for kind in [k for k in kinds if k in label] or ["summit"]:
                if (g.get("start") or "")[:4].isdigit():
                    self._known.setdefault((g["organization"], g["start"][:4], kind), []).append(gid)
                if g.get("number", "").isdigit():
                    self._numbered.setdefault((g["organization"], int(g["number"]), kind), []).append(gid)
                if g.get("location"):
                    self._placed.setdefault((g["organization"], g["location"], kind), []).append(gid)

    def placed_in(self, org: str, kind: str, places: frozenset[str]) -> set[str]:
        """The gatherings of a body and kind the knowledge base has in any of the places named."""
        if self._known is None:
            self._index()
        return {gid for place in places for gid in self._placed.get((org, place, kind), [])}

    def held_in(self, org: str, kind: str, places: frozenset[str]) -> str | None:
        """The one gathering of a body and kind the knowledge base has in one of the places named."""
        found = self.placed_in(org, kind, places)
        return found.pop() if len(found) == 1 else None

    def _before_announced(self, phrases: list[SummitPhrase], p: SummitPhrase, org: str) -> str | None:
        """A summit reported with no year, in an article announcing the body's next one for a year
        ("2023 жылы ... отырысы Бішкекте өтеді"): the one the knowledge base has last before that."""
        years = {q.year for q in phrases if q is not p and q.org == org and q.kind == p.kind and q.year
                 and (q.upcoming or q.planned)}
        later = self.known.get((org, years.pop(), p.kind), []) if len(years) == 1 else []
        if len(later) != 1:
            return None
        start = self.kb.gatherings[later[0]]["start"]
        earlier = [(g["start"], gid) for (o, _, k), gids in self.known.items() if o == org and k == p.kind
                   for gid in gids if (g := self.kb.gatherings[gid])["start"] < start]
        return max(earlier)[1] if earlier else None

    @parties_only
    def __call__(self, doc: Document) -> Document:
        phrases = [p for s in prose(doc) for p in self.find(doc, s) if p.number or not numbered_only(p.kind)]
        orgs = {p.org for p in phrases if p.org and "+" not in p.org}
        # the summits the article names by the knowledge base's name or number ("VI саммит"), per body
        named: dict[str, set[str]] = {}
        for m in doc.mentions:
            if m.type == "gathering" and (org := (self.kb.gatherings.get(m.entity_id or "") or {}).get("organization")):
                named.setdefault(org, set()).add(m.entity_id)
        added: list[Mention] = []
        main = _most_named(doc, set(self.kb.national_bodies))
        composed = []
        # the year a summit named by its body alone is of: publication's, else the article's as the
        # event stage reads it (a full date in the lead, a known occasion...)
        article: list[str | None] = []  # read once, where some summit needs it

        def article_year() -> str | None:
            if not article:
                article.append(_year(doc.published) or when.article_year(doc, self.kb))
            return article[0]
        for p in phrases:
            # a summit word alone ("the summit") is the summit of the one body the article names with
            # one; a numbered meeting of "the organisation's" ministers is one of the body it names most,
            # unless its sentence names the few states whose it is ("Türkiyə, Azərbaycan və Türkmənistan
            # xarici işlər nazirlərinin beşinci görüşü": their format, a meeting)
            org = p.org or (next(iter(orgs)) if len(orgs) == 1 and p.kind in _SUMMITS else None) \
                or p.group or (main if p.number and p.kind not in _OWN_BODY_ONLY and not _few(p.states) else None)
            if org is None:
                continue
            # held elsewhere than the body's summit of that year: the one held there, if known, else none
            moved = self._held_there(org, p, article_year)
            if moved == "":
                continue
            # a standing bilateral body meets every year or so: its sessions are the body; a region's
            # format with a state ("Central Asia–Germany") holds numbered summits like any other group
            pair = "+" in org and not org.startswith("region:")
            year = None if pair else p.year if p.upcoming else (
                p.year or _usual_year(phrases, org, p.kind) or article_year())
            gid = moved or self.gathering_id(org, p.kind, year, p.upcoming, p.number)
            if gid not in self.kb.gatherings and not (p.upcoming or year or p.number or pair) \
                    and (here := self.held_in(org, p.kind, p.places) or self._before_announced(phrases, p, org)):
                # "«Орталық Азия – Қытай» саммитіне ... Астанаға келді", of no known year: the Astana one
                gid = here
                named.setdefault(org, set()).add(gid)
            composed.append((p, org, pair, year, gid))
        # a bare summit word, with no body next to it, in an article that names one special summit of
        # the body (an extraordinary, an informal one) is that summit (a regular one is named as such)
        special: dict[str, set[str]] = {}
        for p, org, _, _, gid in composed:
            if p.kind in _SUMMITS and p.kind != "summit":
                special.setdefault(org, set()).add(gid)
        for p, org, pair, year, gid in composed:
            if p.kind == "summit" and p.org is None and not (p.year or p.number or p.upcoming) \
                    and len(special.get(org, ())) == 1 and not named.get(org):
                gid = next(iter(special[org]))
            one = named.get(org, set())
            if gid not in self.kb.gatherings and not p.upcoming and not p.year and len(one) == 1 and p.kind == "summit":
                gid = next(iter(one))  # "АӨСШК саммиті" in an article on the "VI саммит" of CICA: that one
            added.append(Mention(p.start, p.end, doc.text[p.start:p.end], "gathering", base=doc.text[p.start:p.end],
                                 source="composed", entity_id=gid, candidates=[gid]))
            entity = doc.entity(gid)
            if entity is None:
                kbe = self.kb.get(gid)
                holder = "–".join(self.kb.label(x) for x in org.split("+"))
                nth = _nth(p.number) if p.number else year
                # "Caspian Summit" holds summits: "2025 Caspian Summit", not "... Summit summit"
                kind = None if holder.lower().endswith(p.kind) else p.kind
                label = kbe.label if kbe else " ".join(x for x in (nth, holder, kind) if x)
                entity = Entity(gid, "gathering", label, new=kbe is None, organization=None if "+" in org else org,
                                upcoming=p.upcoming)
                doc.entities.append(entity)
            entity.mentions.append(added[-1])
        # a gathering's name read on its own (its head noun), or a body the knowledge base lacks named
        # inside it ("Yüksək Səviyyəli Strateji Əməkdaşlıq Şurasının" in the council's session): the
        # composed gathering, not another party
        headed = [m for m in doc.mentions if (m.type == "gathering" and m.source == "cue"
                                               and any(m.start < a.end and a.start < m.end for a in added))
                  or (m.type == "organization" and (m.entity_id or "").startswith("new:")
                      and any(a.start <= m.start and m.end <= a.end for a in added))]
        for m in headed:
            entity = doc.entity(m.entity_id)
            if entity is not None:
                entity.mentions = [x for x in entity.mentions if x is not m]
                if not entity.mentions:
                    doc.entities.remove(entity)
        gone = {id(m) for m in headed}
        doc.mentions = sorted([m for m in doc.mentions if id(m) not in gone] + added,
                              key=lambda m: (m.start, -m.end))
        return doc

    def _held_there(self, org: str, p: SummitPhrase, article_year) -> str | None:
        """A summit held in a city named beside it is not the body's summit of that year the knowledge
        base has in another city ("liderlərinin Soçidə keçirilən sammiti" in an article on the CSTO's
        Yerevan summit of 2022; "в Астане пройдет саммит ОДКБ" told in 2023, the year of Minsk's): the
        body's summit held in that city nearest that year, not an earlier one for a summit told as to come,
        or "" where it has none there (another occasion: an informal one, another format's). None where
        nothing says it is another."""
        if not p.site or p.kind not in _SUMMITS or p.number or p.upcoming:
            return None  # the next one named as such keeps a name of its own
        year = p.year or article_year()
        known = self.known.get((org, year or "", p.kind), [])
        places = {self.kb.gatherings[g].get("location") for g in known}
        if not known or None in places or "" in places or places & p.site:
            return None
        started = {g: int(start[:4]) for g in self.placed_in(org, p.kind, p.site)
                   if (start := self.kb.gatherings[g].get("start") or "")[:4].isdigit()}
        if p.planned:  # one told as to come is none held in an earlier year
            started = {g: y for g, y in started.items() if y >= int(year)}
        return min(sorted(started), key=lambda g: abs(started[g] - int(year)), default="")

    def gathering_id(self, org: str, kind: str, year: str | None, upcoming: bool = False,
                     number: int | None = None) -> str:
        known = self.numbered.get((org, number, kind), []) if number else \
            self.known.get((org, year or "", kind), []) if kind == "summit" else []
        if len(known) == 1:
            return known[0]
        holder = "-".join(x.split(":")[-1] for x in sorted(org.split("+")))
        # a numbered gathering is named by its number; the next summit with no year given is not
        # this year's: it keeps a name of its own
        when = str(number) if number else year or ("next" if upcoming else None)
        return "new:gathering:" + "-".join(_ascii_key(x) for x in (holder, kind, when) if x)

    def find(self, doc: Document, sent: Sentence) -> list[SummitPhrase]:
        ctx = SentenceContext.build(doc, sent)
        found = _longest(ctx.ld.gatherings.find(ctx.folds))
        if not found:
            return []  # the rest is read only for a sentence with a gathering word
        # a gathering named by its head noun alone ("Parlament Forumu") yields to the one composed
        # with its organisation ("BRİKS ölkələrinin Parlament Forumu")
        named = [(ctx.token_index(m.start), ctx.token_index(m.end - 1)) for m in ctx.of_type("gathering")
                 if m.source != "cue"]
        # a state's own body holds no summit; a new name in quotes before it is its theme or title
        # ("«Апат және төтенше жағдайлар менеджменті» атты ... саммиті")
        orgs = [(ctx.token_index(m.start), ctx.token_index(m.end - 1), m.entity_id)
                for m in ctx.of_type("organization") if m.entity_id not in self.kb.national_bodies
                and not (m.entity_id.startswith("new:") and _quoted(doc.text, m.start, m.end))]
        states = [(ctx.token_index(m.start), ctx.token_index(m.end - 1), m.entity_id) for m in ctx.of_type("country")]
        regions = [(a, b - 1, p.label) for p, a, b in ctx.ld.regions.find(ctx.folds)]
        places = frozenset(m.entity_id for m in ctx.of_type("location") if m.entity_id)
        # a year counted from publication is the summit's too ("келесі жылы ... саммиті": next year's, not this one)
        year = next((str(d.year) for d in ctx.dates if d.year and d.relative is None), None) \
            or _own_year([d for d in ctx.dates if d.relative is not None and d.unit == "year"], doc.published)
        planned = any(p.label == "planned" for p, _, _ in ctx.matches(ctx.ld.modality))
        # "очередное заседание" is the next one only where the sentence tells of it as to come
        nexts = [m for m in ctx.ld.next.find(ctx.folds) if m[0].label == "next" or planned]
        spelled = {i: (int(p.label), j) for p, i, j in forms_index(ctx.ld, "ordinals").find(ctx.folds)}
        out: list[SummitPhrase] = []
        quoted = _quoted_tokens(ctx)
        for p, a, b in found:
            # named already ("6-cı Zirvə Toplantısı", "COP29"), or the head noun of the name beside it, on
            # the side the language names it ("COP29 sammitində"; "саммит COP29")
            beside = (lambda x, y: x == b) if ctx.grammar.genitive_after_head else (lambda x, y: y == a - 1)
            if any(x < b and a <= y or beside(x, y) for x, y in named):
                continue
            fmt = _format(ctx, regions, states, a, b, orgs)
            # an ordinal before a format's name counts its summits ("ikinci “Mərkəzi Asiya – Almaniya” sammiti")
            number, a = _number(ctx, spelled, min(a, fmt[1]) if fmt else a, b)
            if p.extra == "states":
                holder = self._pair(ctx, states, a, b)
            elif p.extra == "region":
                # the heads of state meet as their region's group or their body's members ("встреча глав
                # государств - членов ШОС"), or as no gathering (two states' leaders meeting)
                side = "after" if ctx.grammar.genitive_after_head else "before"
                holder = (fmt and fmt[0]) or self._group(ctx, regions, a, b) or _nearest(orgs, a, b, side, quoted)
                if holder is None:
                    continue
            else:
                holder = (fmt and fmt[0]) or _nearest(orgs, a, b, p.extra, quoted)
            kind = p.label
            if kind == SECTOR:
                field = next((q.label for q, x, y in ctx.ld.portfolios.find(ctx.folds)
                              if a - _PORTFOLIO_REACH <= x and y <= b + _PORTFOLIO_REACH), None)
                if field is None:
                    continue
                kind = f"{field} ministers meeting"
            upcoming = any(a - 2 <= x < b for _, x, _ in nexts)
            group = None if holder else (fmt and fmt[0]) or self._group(ctx, regions, a, b, 1)
            site = frozenset(m.entity_id for m in ctx.of_type("location") if m.entity_id and ctx.in_place(m)
                             and a - _REACH <= ctx.token_index(m.start) and ctx.token_index(m.end - 1) < b + _REACH)
            out.append(SummitPhrase(ctx.toks[a].start, ctx.toks[b - 1].end, kind, holder,
                                    _own_year(ctx.dates, doc.published) if upcoming else year, upcoming, number, group,
                                    places, planned, site, len({x[2] for x in states})))
        return out

    def _pair(self, ctx: SentenceContext, states: list[tuple[int, int, str]], a: int, b: int) -> str | None:
        """The two states of a bilateral body: a compound next to it ("азербайджано-египетской",
        "Azərbaycan-Misir", "Азербайджан-Турция"), else the two states named nearest to it."""
        for k in range(max(0, a - _REACH), min(len(ctx.folds), b + _REACH)):
            pair = self.compound_states(ctx.folds[k])
            if len(pair) == 2:
                return "+".join(sorted(pair))
        near = sorted((min(abs(a - y), abs(x - b + 1)), sid) for x, y, sid in states)
        pair = list(dict.fromkeys(sid for _, sid in near))[:2]
        return "+".join(sorted(pair)) if len(pair) == 2 else None

    def _group(self, ctx: SentenceContext, regions: list[tuple[int, int, str]], a: int, b: int,
               reach: int = _REACH) -> str | None:
        """The body whose meetings are the heads of state's of a region within reach of a phrase at
        a..b (kb/data/regions.tsv: "встреча глав государств Центральной Азии"; a bare summit word
        takes a region only right next to it, "саммит центроазиатской пятерки", not "главы государств
        Центральной Азии поехали на саммит с ..."); the caller tries a format of the region and a
        state first (``_format``). A region in the locative is where, not who."""
        near = sorted((min(abs(a - y), abs(x - b + 1)), rid) for x, y, rid in regions
                      if a - reach <= y and x <= b - 1 + reach
                      and not ctx.grammar.is_locative(ctx.doc.text, ctx.toks[x].start, ctx.toks[y].end))
        return next((self.kb.regions.get(rid, {}).get("heads_of_state") or None for _, rid in near), None)

    def compound_states(self, word: str) -> list[str]:
        """States named by the parts of a hyphenated compound ("азербайджано-египетской",
        "Azərbaycan-Misir", "қазақ-түрік"): each part, less up to three letters of combining vowel
        or ending, begins a word of exactly one state's names (a whole word first: "түрік" is
        Turkey's, not the start of Turkmenistan's)."""
        parts = word.split("-")
        if len(parts) != 2:
            return []
        out = []
        for part in parts:
            ids: set[str] = set()
            for n in range(len(part), max(_MIN_STEM, len(part) - _ENDING) - 1, -1):
                ids = self.country_words(part[:n])
                if ids:
                    break
            if len(ids) != 1:
                return []
            out.append(ids.pop())
        return out if len(set(out)) == 2 else []

    def country_words(self, stem: str) -> set[str]:
        """The states one of whose names has a word equal to ``stem``, else beginning with it."""
        if self._country_words is None:
            self._country_words = sorted({(w, eid) for k in self.kb.keys() for eid, _ in self.kb.lookup(k)
                                          if eid.startswith("country:") for w in k[:1]})
        words = self._country_words
        i = bisect.bisect_left(words, (stem, ""))
        exact, begun = set(), set()
        while i < len(words) and words[i][0].startswith(stem):
            (exact if words[i][0] == stem else begun).add(words[i][1])
            i += 1
        return exact or begun


def _few(states: int) -> bool:
    """Two or a few states (GOLD.md: a meeting is between two or a few parties)."""
    return 2 <= states < FEW


def _nth(n: int) -> str:
    """An English ordinal for a label: "1st", "22nd", "85th", "113th"."""
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _number(ctx: SentenceContext, spelled: dict[int, tuple[int, int]], a: int, b: int) -> tuple[int | None, int]:
    """The ordinal of a gathering phrase at a..b, and where the phrase then starts: right before it,
    taken in ("VI встреча", "бесінші кездесуі") or inside it ("nazirlərinin Bakıda keçirilən 7-ci
    iclasında")."""
    for k in range(max(0, a - 3), b):
        number = ordinal(ctx.toks[k].text) if k >= a - 1 else None
        value, end = spelled.get(k, (None, None))
        if number is None and value and (end == a or k >= a):
            number = value
        if number:
            return number, min(a, k)
    return None, a


_DASH = re.compile(r"\s*[-–—+]\s*")


def _format(ctx: SentenceContext, regions: list[tuple[int, int, str]], states: list[tuple[int, int, str]],
            a: int, b: int, orgs: list[tuple[int, int, str]]) -> tuple[str, int] | None:
    """A region and a state or a body joined by a dash right next to a gathering phrase ("«Центральная
    Азия – Германия» саммиті", "саммит «Центральная Азия – ЕС»"): a format of their own, 'region+state'
    in either order written, and the token where its name starts; not the body's own summit. One the
    knowledge base knows is an organisation ("Орталық Азия – Қытай")."""
    for x, y, rid in regions:
        if any(ox <= x and y <= oy for ox, oy, _ in orgs):
            continue
        for x2, y2, sid in [*states, *orgs]:
            if _DASH.fullmatch(ctx.doc.text, ctx.toks[y].end, ctx.toks[x2].start):
                lo, hi = x, y2
            elif _DASH.fullmatch(ctx.doc.text, ctx.toks[y2].end, ctx.toks[x].start):
                lo, hi = x2, y
            else:
                continue
            if hi == a - 1 or lo == b:
                return f"{rid}+{sid}", lo
    return None


_QUOTED = re.compile(r"«[^«»]{1,200}»|“[^“”]{1,200}”|„[^„“]{1,200}“|\"[^\"]{1,200}\"")


def _quoted_tokens(ctx: SentenceContext) -> frozenset[int]:
    """The tokens of the sentence inside quotation marks, and a naming word right after them
    ("«...» атты", "«...» adlı")."""
    out: set[int] = set()
    for q in _QUOTED.finditer(ctx.doc.text, ctx.sent.start, ctx.sent.end):
        k = ctx.token_index(q.start())
        while k < len(ctx.toks) and ctx.toks[k].start < q.end():
            out.add(k)
            k += 1
        if k < len(ctx.folds) and ctx.folds[k] in ctx.grammar.words["naming"]:
            out.add(k)
    return frozenset(out)


def _quoted(text: str, start: int, end: int) -> bool:
    """A span standing between quotation marks."""
    return text[max(0, start - 1):start] in ("«", '"', "“", "„") and text[end:end + 1] in ("»", '"', "”", "“")


def _languages():
    return [langdata.load(code) for code in langdata.LANGS]


def _most_named(doc: Document, national: set[str] = frozenset()) -> str | None:
    """The international organisation the article names most, where one stands out (a state's own
    ministry holds no summit)."""
    top = Counter(m.entity_id for m in doc.mentions if m.type == "organization" and m.entity_id
                  and m.entity_id not in national).most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _longest(matches):
    """Non-overlapping matches, the longest first ("бейресми саммит" over "саммит")."""
    out: list = []
    for m in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if not any(m[1] < o[2] and o[1] < m[2] for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m[1])


def _nearest(orgs: list[tuple[int, int, str]], a: int, b: int, side: str, quoted: frozenset[int] = frozenset()) -> str | None:
    """The nearest organisation within reach on the side the language puts it (a genitive before
    the phrase in az/kk, "ШЫҰ саммиті"; after it in Russian, "саммит ШОС"), or inside the phrase
    ("MDB Dövlət Başçıları Şurasının iclası"). A quoted title between them ("ұйымының «...» атты
    саммиті") adds no distance."""
    lo, hi = (a - _REACH, b - 1) if side == "before" else (a, b - 1 + _REACH)
    if side == "before":
        lo -= sum(1 for k in quoted if lo - len(quoted) <= k < a)
    else:
        hi += sum(1 for k in quoted if b <= k <= hi + len(quoted))
    near = [(min(abs(a - y), abs(x - b + 1)), oid) for x, y, oid in orgs if lo <= y and x <= hi]
    return min(near)[1] if near else None


def _own_year(dates, published: str | None) -> str | None:
    """The year a sentence gives, relative ones ("gələn ilin oktyabrında") read from publication."""
    for d in dates:
        v = d.value(published) if d.year or d.relative is not None else None
        if v:
            return v[:4]
    return None


def _usual_year(phrases: list[SummitPhrase], org: str, kind: str) -> str | None:
    """The year the article's other sentences give for this body's summit of this kind, not those
    that tell of one to come (the next summit's year is not this one's)."""
    years = Counter(p.year for p in phrases if p.org == org and p.kind == kind and p.year
                    and not (p.upcoming or p.planned))
    top = years.most_common(2)
    return top[0][0] if len(top) == 1 else None


def _ascii_key(part: str) -> str:
    """Ids and kinds are ASCII already ("org:cis", "informal summit"): only spaces become hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-")


def _year(published: str | None) -> str | None:
    return published[:4] if published and published[:4].isdigit() else None


def is_gathering(eid: str) -> bool:
    """A gathering's id: the knowledge base's, or one composed from its parts."""
    return eid.startswith(("gathering:", "new:gathering:"))


def gathering_organization(doc: Document, kb: KnowledgeBase, gid: str) -> str | None:
    """The body that holds a gathering: from the knowledge base, or as composed in this article."""
    known = (kb.gatherings.get(gid) or {}).get("organization")
    if known:
        return known
    entity = doc.entity(gid)
    return entity.organization if entity is not None else None

