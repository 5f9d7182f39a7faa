"""What a value must be to be stored or queried, checked the same way whichever way it came in
(a file read by the CLI, a JSON body or a query parameter of the API).

Each check returns the value as it is stored, or raises ``InvalidValue`` with a message that says
what to send instead. ``document_problems`` runs every check on a ``Document``; the batch runners
(local and distributed) call it on every document before the pipeline, and the API on every posted
article, so no way in stores what another refuses.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .document import Document
from .errors import InputError

MAX_ID = 512  # the length of the documents.id column
MAX_INT = 2**63 - 1  # the largest integer SQLite and PostgreSQL (bigint) hold: the bound of every count and offset
LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")  # "kk", "KK", "az-Latn", "ru_RU"
STORED_LANGUAGE = re.compile(r"^[a-z]{2,3}$")  # what a document keeps: the ISO 639 code alone, lower case
CALENDAR_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")  # YYYY, YYYY-MM or YYYY-MM-DD
_SURROGATE = re.compile("[\ud800-\udfff]")
DOCUMENT_STRINGS = ("id", "text", "title", "url", "published", "source", "lang")


class InvalidValue(ValueError):
    """A value no database stores or no query can use; the message says what to send instead."""


def storable_text(value: str) -> str:
    """``value`` unless it holds a character no database stores: NUL (PostgreSQL refuses it) or an
    unpaired UTF-16 surrogate (not Unicode at all; it comes from a JSON escape such as \\ud800)."""
    if "\x00" in value:
        raise InvalidValue("contains a NUL character (binary data, or %00 in a URL), which no database stores; "
                           "remove it")
    if m := _SURROGATE.search(value):
        raise InvalidValue(f"contains an unpaired UTF-16 surrogate (\\u{ord(m.group()):04x}), which is not valid "
                           f"Unicode; fix the escaping where it was written")
    return value


def document_id(value: str) -> str:
    """A document id: some visible character, at most ``MAX_ID`` characters, storable."""
    if not value.strip():
        raise InvalidValue("the id is empty; give every document an id")
    if len(value) > MAX_ID:
        raise InvalidValue(f"id longer than {MAX_ID} characters; shorten it")
    return storable_text(value)


def language_code(value: str) -> str:
    """The ISO 639 code of a language tag, in lower case: "kk", "KK" and "kk-Cyrl" are "kk"."""
    if not (m := LANGUAGE.match(value)):
        raise InvalidValue(f"{value[:40]!r} is not a language code such as az, kk or ru")
    return m.group(1).lower()


def calendar_date(value: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date ("2024-02-30" is none)."""
    if not (m := CALENDAR_DATE.match(value)):
        raise InvalidValue(f"{value[:40]!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 1 for g in m.groups())
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise InvalidValue(f"{value!r} is not a calendar date ({exc})") from exc
    return value


PRECISIONS = ("day", "month", "year")
_LOOKS_NUMERIC = re.compile(r"^[\d\s./-]+$")  # digits and separators only: a calendar date or nothing
_QUERY_LANGUAGES = ["en", "ru", "az", "kk"]  # the words a date filter may be written in


@dataclass(frozen=True)
class DateSpan:
    """A date as the interval it names: "2024" is 2024-01-01..2024-12-31 with precision "year"."""
    date: str  # as written: YYYY, YYYY-MM or YYYY-MM-DD
    start: str  # YYYY-MM-DD
    end: str  # YYYY-MM-DD, inclusive
    precision: str  # day, month or year


def date_span(value: str) -> DateSpan:
    """The interval a stored date names; ``InvalidValue`` unless it is a real YYYY[-MM[-DD]]."""
    calendar_date(value)
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        return DateSpan(value, value, value, "day")
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return DateSpan(value, f"{value}-01", f"{value}-{last:02d}", "month")
    return DateSpan(value, f"{value}-01-01", f"{value}-12-31", "year")


def spans_of(value: str | None) -> dict:
    """The interval columns stored beside a date (all None for no date or one that is no date)."""
    try:
        span = date_span(value) if value else None
    except InvalidValue:
        span = None
    return {"date_start": span.start if span else None, "date_end": span.end if span else None,
            "date_precision": span.precision if span else None}


def query_date(value: str, *, now: dt.datetime | None = None) -> str:
    """A date filter as YYYY[-MM[-DD]]: a calendar date as written, or words dateparser reads in
    English, Russian, Azerbaijani or Kazakh ("yesterday", "в прошлом месяце", "dünən") relative to
    ``now``, kept at the precision they name. Anything else raises ``InvalidValue``."""
    value = value.strip()
    if CALENDAR_DATE.match(value) or _LOOKS_NUMERIC.match(value):
        return calendar_date(value)
    from dateparser.date import DateDataParser  # loaded only for a date in words
    settings = {"RELATIVE_BASE": (now or dt.datetime.now()).replace(tzinfo=None), "PREFER_DATES_FROM": "past"}
    got = DateDataParser(languages=_QUERY_LANGUAGES, settings=settings).get_date_data(value)
    if got.date_obj is None:
        raise InvalidValue(f"{value[:40]!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, or words such as "
                           f"'yesterday' or 'last month'")
    d = got.date_obj.date()
    return {"year": f"{d:%Y}", "month": f"{d:%Y-%m}"}.get(got.period, d.isoformat())


def document_problems(doc: Document) -> list[tuple[str, str]]:
    """(field, problem) for every field of ``doc`` that cannot be stored as it is; empty if none."""
    checks = {"id": document_id, "published": calendar_date, "lang": _stored_language}
    problems = []
    for name in DOCUMENT_STRINGS:
        value = getattr(doc, name)
        if not isinstance(value, str):
            continue
        try:
            storable_text(value)
            if name in checks:
                checks[name](value)
        except InvalidValue as exc:
            problems.append((name, str(exc)))
    return problems


def checked(doc: Document) -> Document | InputError:
    """``doc``, or the input error naming its origin and what cannot be stored."""
    problems = document_problems(doc)
    if not problems:
        return doc
    return InputError(doc.origin or doc.id[:80], "; ".join(f"{name}: {why}" for name, why in problems))


def _stored_language(value: str) -> str:
    if not STORED_LANGUAGE.match(value):
        raise InvalidValue(f"{value[:40]!r} is not a lower-case ISO 639 code such as az, kk or ru")
    return value
