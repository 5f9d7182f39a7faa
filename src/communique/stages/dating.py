"""When an event took place, from its sentence and from what the article and the knowledge base
say around it: the sentence's own date, the year of a known summit, the day of the summit an
undated event of its body took place at, the date of the appointments reported with one, an
office's start in the knowledge base."""
from __future__ import annotations

import re

from ..document import Event
from ..kb import KnowledgeBase
from ..text import opens_line
from .context import SentenceContext, is_since
from .gatherings import is_gathering
from .merging import gathering_keys


class Dating:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def gathering_date(self, framework: str | None) -> str | None:
        """The year of a summit; nothing for a session that lasts a year (the UN General Assembly's)."""
        info = self.kb.gatherings.get(framework or "") or {}
        start, end = info.get("start") or "", info.get("end") or ""
        if end and end[:7] != start[:7]:
            return None
        return start[:4] or None

    def planned_month(self, ev: Event) -> str | None:
        """The month the knowledge base dates a gathering announced ("Bir aydan sonra Bakı ... COP29
        ... ev sahibliyi edəcək"): a plan's date is the gathering's, not the news' (its month: the
        day of a plan is seldom what a report of it is about)."""
        if ev.type != "CONVENE" or ev.modality != "planned":
            return None
        months = {start[:7] for start, end in self._known(ev) if len(start) >= 7 and (end or start)[:7] == start[:7]}
        return months.pop() if len(months) == 1 else None

    def gathering_day(self, ev: Event) -> str | None:
        """The day of a gathering the knowledge base dates to one day, for a report of it that took
        place and gives no date of its own ("Bu gün Aktauda ... V Zirvə toplantısı keçirilib")."""
        if ev.type != "CONVENE" or ev.modality != "asserted":
            return None
        days = {start for start, end in self._known(ev) if len(start) == 10 and end == start}
        return days.pop() if len(days) == 1 else None

    def held_before(self, ev: Event, reported: str) -> str | None:
        """A gathering attended that the knowledge base dates before the report's month ("принял участие
        в 10-м саммите ОТГ" in a report of 2025: the summit of November 2023): its start, not the news'
        day."""
        if ev.type != "CONVENE" or ev.modality != "asserted":
            return None
        starts = {start for start, _ in self._known(ev)}
        return starts.pop() if len(starts) == 1 and next(iter(starts))[:7] < reported[:7] else None

    def _known(self, ev: Event) -> list[tuple[str, str | None]]:
        """Start and end (or none) of each party the knowledge base dates as a gathering."""
        return [(start, info.get("end")) for p in ev.participants
                if (info := self.kb.gatherings.get(p)) and (start := info.get("start"))]

    def sentence_date(self, ctx: SentenceContext, year: str | None, since: bool = True, past: bool = False,
              chair: bool = False, ahead: bool = False) -> str | None:
        """``ahead``: the event is planned, so a weekday alone ("во вторник встретится") is the next one."""
        published = ctx.doc.published
        dates = ctx.dates if len(ctx.dates) < 2 else [d for d in ctx.dates if not _stamp(ctx, d)] or ctx.dates
        if not chair:  # a chairmanship "на 2018 год" is held that year; a plan "на 2026 год" is not signed then
            # a span of years ("2022-2026-cı illər") is a period held, covered or worked in, not a day
            dates = [d for d in dates if not _period_of_document(ctx, d) and not (d.ranged and d.month is None)]
        dates = [d for d in dates if not _founded(ctx, d)]
        for d in dates:
            if not since and is_since(ctx, d):
                continue
            # a year counted from publication ("келесі жылы", "ötən il") needs only the year: the
            # article's, where it has no publication date
            v = d.value(published or (f"{year}-01-01" if year and (d.relative is None or d.unit == "year") else None),
                        ahead=ahead)
            if v and chair and d.ranged:
                v = v[:7]  # handed over at a summit of several days: on one of them, in that month
            if v and past and published and d.year is None and d.relative is None and v[:7] > published[:7] \
                    and not _planned_at(ctx, d):
                # "в декабре" in a report of 1 January: what happened was last December
                v = f"{int(v[:4]) - 1:04d}{v[4:]}"
            if v and ahead and published and d.year is None and d.relative is None and v[:7] < published[:7]:
                # "5-6 марта пройдет" in a report of May: what is planned is next March
                v = f"{int(v[:4]) + 1:04d}{v[4:]}"
            if v:
                return v
        # "биыл күзде", "в этом году": the year of publication, or the article's year
        this_year = (published or "")[:4] or year
        if this_year and ctx.matches(ctx.ld.this_year):
            return this_year
        return None

    def occasion_date(self, ev: Event, events: list[Event]) -> str | None:
        """An undated event involving an organisation whose dated summit the article reports took
        place at that summit ("AQEM-in sədri olan Qazaxıstan" in a report of the CICA summit)."""
        if ev.date is not None:
            return None
        dates = {o.date for o in events if o.type == "CONVENE" and o.date and len(o.date) == 10 and o is not ev
                 and gathering_keys(o, self.kb) & set(ev.participants)
                 and any(is_gathering(p) for p in o.participants)}
        return dates.pop() if len(dates) == 1 else None

    @staticmethod
    def decree_date(ev: Event, events: list[Event]) -> str | None:
        """Appointments reported together are one reshuffle: an undated one ("X освобожден от
        должности") takes the date of the others ("Y назначен") where they agree on one."""
        if ev.type != "APPOINT" or ev.date is not None:
            return None
        dates = {o.date for o in events if o.type == "APPOINT" and o.date and o.modality == ev.modality}
        return dates.pop() if len(dates) == 1 else None

    def role_date(self, ev: Event, ctx: SentenceContext) -> str | None:
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


_PLAN_REACH = 3  # words between a date and the word that plans it ("запланирована 11—22 ноября")


def _planned_at(ctx: SentenceContext, d) -> bool:
    """A date the sentence plans something for ("которая запланирована 11—22 ноября"): it lies ahead,
    whatever the event reported beside it."""
    a, b = ctx.token_index(d.start), ctx.token_index(d.end - 1)
    return any(p.label == "planned" and (0 <= a - y <= _PLAN_REACH or 0 <= x - b - 1 <= _PLAN_REACH)
               for p, x, y in ctx.matches(ctx.ld.modality))


_DIGITS = re.compile(r"[\d.\-/]+")


def _period_of_document(ctx: SentenceContext, d) -> bool:
    """A year a document covers ("план сотрудничества на 2026 год", "2023-2025 жылдарға арналған",
    "2026-cı il üçün"): what it plans for, not when the event took place (grammar.tsv
    ``period_before``, ``period_after``)."""
    if d.month is not None:
        return False  # "назначен на 6 августа": the day it is set for
    words = ctx.grammar.words
    a, b = ctx.token_index(d.start), ctx.token_index(d.end - 1)
    return (a > 0 and ctx.folds[a - 1] in words["period_before"]) \
        or (b + 1 < len(ctx.folds) and ctx.folds[b + 1] in words["period_after"])


_FOUNDING_REACH = 2  # words between a year and the founding word that dates it ("основанная в 1963 году")


def _founded(ctx: SentenceContext, d) -> bool:
    """A year beside a founding word ("основанная в 1963 году", "1963-cü ildə təsis edilmiş", "1963
    жылы құрылған"; grammar.tsv ``founding_word``): when a body was founded, not when the event
    took place."""
    words = ctx.grammar.words["founding_word"]
    if not words or d.day is not None:
        return False
    a, b = ctx.token_index(d.start), ctx.token_index(d.end - 1)
    near = ctx.folds[max(0, a - _FOUNDING_REACH - 1):a] + ctx.folds[b + 1:b + 2 + _FOUNDING_REACH]
    return any(w.startswith(words) for w in near)


def _stamp(ctx: SentenceContext, d) -> bool:
    """A full date in digits opening a line ("08.11.2022 | 10:157 ноября министры ..."): the page's
    publication stamp, not the date of what the sentence goes on to tell."""
    text = ctx.doc.text
    return bool(d.year and d.day) and bool(_DIGITS.fullmatch(text, d.start, d.end)) and opens_line(text, d.start)
