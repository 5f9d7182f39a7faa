"""When an article was written, where it does not say: the year its year-less dates take, and the
day its undated news happened.

Each source is used only where it is certain: the publication date, an agency dateline, a full
date in the lead, a day (and weekday) that fits one year of the officials' terms, a well-known occasion the
article names or describes, a dated gathering the article names.

Nothing here reads the clock: where a rule needs the present (the years a weekday can fall in), it
takes an explicit "as of" date, by default the last day the knowledge base records anything on, so
the same article, knowledge base and "as of" always give the same dates.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import weakref

from ..document import Document, Mention
from .. import lang as langdata
from ..kb import KnowledgeBase
from ..lang.dates import DateMatch, find_dates
from .clean import _DATELINE_START
from .context import SentenceContext, is_since, prose, sentence_code, sentence_dates

_NO_WORDS = re.compile(r"\S{257,}")
_LEAD = 4  # sentences of prose (not the one-word lines around a headline) that make the lead
_NAMED_REACH = 8  # sentences of prose in which a named occasion is what the article reports, not a memory
_FIRST_YEAR = 1990  # the oldest news communique reads: a weekday picks one year among those since


def lead(doc: Document, n: int = _LEAD) -> list[SentenceContext]:
    """The first sentences of prose, built once per run (the event loop reuses them)."""
    out = []
    for sent in prose(doc):
        if len(out) == n:
            break
        ctx = SentenceContext.build(doc, sent)
        if len(ctx.toks) >= 3:
            out.append(ctx)
    return out


def article_year(doc: Document, kb: KnowledgeBase, as_of: dt.date | None = None) -> str | None:
    """The article's year when certain: publication, a full date in the lead ("2023-cü il oktyabrın
    25-də ... tamam olur"), a day that fits one year of the officials' terms up to ``as_of``, a known occasion, else a
    dated gathering it names."""
    if doc.published:
        return doc.published[:4]
    for ctx in lead(doc)[:3]:
        for d in ctx.dates:
            if d.year and d.month and d.relative is None:
                return str(d.year)
    found = terms_year(doc, kb, as_of) or occasion_year(doc, kb) or gathering_place_year(doc, kb)
    if found:
        return found
    for m in doc.mentions:
        start = (kb.gatherings.get(m.entity_id or "") or {}).get("start")
        if start and not _announced(_context_of(doc, m)):
            return start[:4]
    return None


def _context_of(doc: Document, m: Mention) -> SentenceContext | None:
    """The context of the sentence a mention stands in."""
    sent = next((s for s in doc.sentences if s.start <= m.start < s.end), None)
    return SentenceContext.build(doc, sent) if sent is not None else None


def _announced(ctx: SentenceContext | None) -> bool:
    """A gathering announced for a year the sentence states ("2023 жылы ... отырысы Бішкекте өтеді"):
    that year is the plan's, not the news'. (Announced with no year, "the coming summit", it is
    near: news speak of a gathering in the weeks before it.)"""
    return ctx is not None and any(d.year for d in ctx.dates) \
        and any(p.label == "planned" for p, _, _ in ctx.matches(ctx.ld.modality))


def gathering_place_year(doc: Document, kb: KnowledgeBase) -> str | None:
    """"sentyabrın 15-də Səmərqənddə": a day and month without a year, in the lead, in a city where the
    knowledge base has exactly one gathering on that day (the SCO summit of 2022) give its year."""
    years = set()
    for ctx in lead(doc):
        places = {m.entity_id for m in ctx.of_type("location")}
        for d in ctx.dates:
            if d.year or d.relative is not None or not (d.month and d.day) or not places:
                continue
            day = f"{d.month:02d}-{d.day:02d}"
            years |= {g["start"][:4] for g in kb.gatherings.values() if g.get("location") in places
                      and len(g.get("start") or "") == 10 and g["start"][5:] <= day <= (g.get("end") or g["start"])[5:]}
    return years.pop() if len(years) == 1 else None


def context_month(doc: Document, kb: KnowledgeBase) -> str | None:
    """The month of the first dated gathering the article names, unless the article places it in
    "this year" ("биыл күзде COP29"): that gives the year, not the month of the news."""
    for m in doc.mentions:
        start = (kb.gatherings.get(m.entity_id or "") or {}).get("start")
        if not start or len(start) < 7:
            continue
        ctx = _context_of(doc, m)
        if ctx is not None and (ctx.matches(ctx.ld.this_year) or _announced(ctx)):
            continue
        return start[:7]
    return None


def _prose(doc: Document):
    """The context of every sentence outside boilerplate (built once per run)."""
    for sent in prose(doc):
        yield SentenceContext.build(doc, sent)


def _prose_dates(doc: Document):
    """(sentence, date) for every date in the article's prose, read without the sentences' mentions."""
    for sent in prose(doc):
        for d in sentence_dates(doc, sent):
            yield sent, d


def known_until(kb: KnowledgeBase) -> dt.date | None:
    """The last day the knowledge base records something on (a term of office begun or ended, an
    occasion): the terms it gives as open are known to run until then."""
    latest = max((d for r in kb.roles for d in (r.start, r.end) if d), default="")
    latest = max([latest, *(o.date for o in kb.occasions.values())])
    try:
        return dt.date.fromisoformat(f"{latest}-01-01"[:10]) if latest else None
    except ValueError:
        return None


def terms_year(doc: Document, kb: KnowledgeBase, as_of: dt.date | None = None) -> str | None:
    """"МОСКВА, 22 октября", "Бейсенбі, 20 желтоқсан": the one year, up to ``as_of`` (by default the last
    day the knowledge base knows of), in which each official the article names by title held that title
    on that day (and the day was that weekday, where one is named): a new minister named beside an old
    one leaves one year."""
    held = None  # the titled officials' terms, read only for an article that names a day with no year
    for _, d in _prose_dates(doc):
        if not (d.day and d.month) or d.year is not None:
            continue
        if held is None:
            held = _titled_roles(doc, kb)
            as_of = as_of or known_until(kb)
        if as_of is None:
            return None  # no end to the years it may fall in
        if not held and d.weekday is None:
            continue  # every year fits
        years = []
        for y in range(as_of.year, _FIRST_YEAR - 1, -1):
            if len(years) > 1:
                break
            try:
                day = dt.date(y, d.month, d.day)
            except ValueError:
                continue
            if day <= as_of and d.weekday in (None, day.isoweekday()) and all(
                    any(r.active(day.isoformat()) for r in roles) for roles in held):
                years.append(y)
        if len(years) == 1:
            return str(years[0])
    return None


def _titled_roles(doc: Document, kb: KnowledgeBase) -> list[list]:
    """For each official named with a title the knowledge base knows them by, their terms in it."""
    out = []
    for ctx in _prose(doc):
        for person, p, _, _ in ctx.titled_persons():
            roles = [r for r in kb.roles_of(person.entity_id or "") if r.role == p.label]
            if roles:
                out.append(roles)
    return out


def occasion_year(doc: Document, kb: KnowledgeBase) -> str | None:
    """The year of the one well-known occasion the article's lead names ("Azerbaijan Airlines" and a
    crash near Aktau) or it describes by its day and month (or its month) given without a year ("Avqustun
    8-də", "биыл қыркүйекте") and a person taking part; either way with two of its sides named.
    Read once per run and set of the names it reads: the gatherings and events stages both ask, and
    the names gatherings adds in between (summits) are mostly none of those."""
    if not kb.occasions:
        return None
    years = doc.scratch.of(doc.text).occasion_years
    key = (id(kb), doc.lang, _names_read(doc, kb))
    if key not in years:
        years[key] = _occasion_year(doc, kb)
    return years[key]


def _names_read(doc: Document, kb: KnowledgeBase) -> frozenset:
    """What ``_occasion_year`` reads of the mentions: those of a party to some occasion (its sides,
    persons and the sentences naming them) and the states and places (where a visit went, in which case)."""
    parties = _participant_index(kb)
    return frozenset((m.start, m.end, m.type, m.entity_id, m.base) for m in doc.mentions
                     if m.entity_id and (m.entity_id in parties or m.type in ("country", "location")))


def _occasion_year(doc: Document, kb: KnowledgeBase) -> str | None:
    ids = {m.entity_id for m in doc.mentions if m.entity_id}
    persons = {eid for eid in ids if eid.startswith("person:")}  # an occasion shares one with the article, or not
    # an occasion named further down is mostly a memory ("после 44-дневной войны"), not the news
    text = "\n".join(doc.text[c.sent.start:c.sent.end] for c in lead(doc, _NAMED_REACH))
    # a run of characters longer than any word holds no phrase, and the patterns' "\w*[^.]{0,60}"
    # would scan it again at each of its letters
    text = _NO_WORDS.sub(" ", text)
    keywords = _keywords(kb, doc.lang or "")
    # the gatherings and events stages both ask: the same lead is searched once
    named = doc.scratch.of(doc.text).occasions_named.setdefault((doc.lang or "", text), {})

    def is_named(oid: str) -> bool:  # searched only for an occasion with a side the article names
        got = named.get(oid)
        if got is None:
            got = named[oid] = any(rx.search(text) for rx in keywords.get(oid, ()))
        return got
    # a month alone is weak evidence: the sentence giving it must name two sides of the occasion
    # (read once, and only for an occasion the article may describe: most name none)
    @functools.cache
    def yearless() -> list:
        return [(d, _sentence_ids(doc, sent) if d.day is None else ids)
                for sent, d in _prose_dates(doc) if d.year is None and d.month and d.relative is None]
    sides = functools.cache(lambda shared: _sides(shared, kb))  # the same few parties recur
    years = set()
    for occ in _occasions_of(ids, kb):
        shared = occ.participants & ids
        if not shared:
            continue
        if occ.id not in keywords and shared.isdisjoint(persons):
            continue  # neither named nor described with a person of it: the tests below would fail
        # two sides of it, not a president and his own state (an incident may have one side)
        if len(sides(frozenset(shared))) < 2 and not (len(_occasion_sides(occ, kb)) < 2 and is_named(occ.id)):
            continue
        if is_named(occ.id) or not shared.isdisjoint(persons) and any(
                _same_day(d, occ.date) and len(sides(frozenset(occ.participants & near))) >= 2 for d, near in yearless()) \
                and _goes_to_host(doc, kb, occ):
            years.add(occ.date[:4])
            if len(years) > 1:
                return None  # two occasions' years: the article's is not certain
    return years.pop() if len(years) == 1 else None


def _sentence_ids(doc: Document, sent) -> set[str]:
    """The entities a sentence names, as its context has them."""
    return {m.entity_id for m in SentenceContext.build(doc, sent).mentions if m.entity_id}


def _goes_to_host(doc: Document, kb: KnowledgeBase, occ) -> bool:
    """A visit described rather than named goes to its host: the article names the host state (or
    a place in it) as where one goes or is ("ҚХР-ға ... сапары", "visit to China", "в Пекине"),
    so that a visit to China is not taken for a visit from China."""
    host = kb.place_country.get(occ.location)
    if occ.kind != "visit" or not host:
        return True
    for ctx in _prose(doc):
        for m in ctx.of_type("country", "location"):
            if host in (m.entity_id, kb.place_country.get(m.entity_id or "")) and (
                    ctx.is_locative(m) or ctx.is_dative(m)):
                return True
    return False


# knowledge base -> occasion -> its sides: the same for every article
_SIDES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# knowledge base -> entity id -> (position, occasion) for each occasion it takes part in
_BY_PARTICIPANT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# knowledge base -> language -> occasion id -> its keyword patterns
_KEYWORDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _occasions_of(ids: set[str], kb: KnowledgeBase) -> list:
    """The occasions that share an entity with ``ids``, in the knowledge base's order: an article
    names the parties of a few of them, and the others need not be read."""
    index = _participant_index(kb)
    found = {k: occ for eid in ids for k, occ in index.get(eid, ())}
    return [found[k] for k in sorted(found)]


def _participant_index(kb: KnowledgeBase) -> dict[str, list]:
    index = _BY_PARTICIPANT.get(kb)
    if index is None:
        index = _BY_PARTICIPANT[kb] = {}
        for k, occ in enumerate(kb.occasions.values()):
            for eid in occ.participants:
                index.setdefault(eid, []).append((k, occ))
    return index


def _keywords(kb: KnowledgeBase, code: str) -> dict[str, list[re.Pattern]]:
    """The keyword patterns of each occasion in one language, gathered once per knowledge base."""
    by_lang = _KEYWORDS.setdefault(kb, {})
    if code not in by_lang:
        keywords: dict[str, list[re.Pattern]] = {}
        for oid, rx in kb.occasion_keywords.get(code, []):
            keywords.setdefault(oid, []).append(rx)
        by_lang[code] = keywords
    return by_lang[code]


def _occasion_sides(occ, kb: KnowledgeBase) -> set[str]:
    sides = _SIDES.setdefault(kb, {})
    if occ.id not in sides:
        sides[occ.id] = _sides(occ.participants, kb)
    return sides[occ.id]


def _sides(ids: set[str], kb: KnowledgeBase) -> set[str]:
    """The parties among entity ids: a person is on the side of a state or organisation they serve."""
    out = {eid for eid in ids if not eid.startswith("person:")}
    for eid in sorted(ids - out):
        serves = {r.of for r in kb.roles_of(eid)}
        if not serves & out:
            out.add(min(serves) if serves else eid)
    return out


def _same_day(d: DateMatch, date: str) -> bool:
    """A year-less date that names the occasion's day (or, given as a month alone, its month)."""
    if d.month != int(date[5:7]):
        return False
    if d.day is None:
        return True
    return len(date) == 10 and d.day == int(date[8:10])


def dateline(doc: Document, year: str | None) -> str | None:
    """"РОВАНИЕМИ, 6 мая - РИА Новости.": an agency report is about that day's news."""
    year = doc.published[:4] if doc.published else year
    for sent in list(prose(doc))[:3]:
        head = doc.text[sent.start:min(sent.end, sent.start + 60)]
        if not _DATELINE_START.match(head):
            continue
        for d in find_dates(head, langdata.load(sentence_code(doc, sent))):
            if d.relative is None and d.month and d.day and (d.year or year):
                return d.value(f"{year}-01-01")
    return None


def lead_day(doc: Document, year: str | None) -> str | None:
    """Without a publication day, the day the lead gives ("Avqustun 8-də ... imzalayacaqlar",
    "Бейсенбі, 20 желтоқсан күні"): the article's news is of that day, in the month of publication
    where that is known. Not a day it gives as the start of a period, and none where the lead gives
    two different days."""
    if doc.published and len(doc.published) == 10:
        return None
    days = set()
    for ctx in lead(doc):
        for d in ctx.dates:
            if d.relative is None and d.month and d.day and (d.year or year) and not d.ranged \
                    and not is_since(ctx, d):
                days.add(d.value(f"{year}-01-01"))
    day = days.pop() if len(days) == 1 else None
    return day if day and day.startswith(doc.published or "") else None
