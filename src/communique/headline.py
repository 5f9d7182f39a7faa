"""An article's headline from what a page or a text gives: the page's title (trafilatura's metadata:
<title>, og:title, h1) or the first lines of the text, without the site's chrome around it.

- a breadcrumb ("Главная > Siyasət > Headline") keeps its last part;
- a site name or a media marker after a separator ("Headline | Site", "Headline - ФОТО") is dropped;
- a line that repeats the next one with something glued on ("Headlinebackend" / "Headline") is the next one;
- section names ("Власть", "Спорт") and datelines with a clock time ("Все новости, 11:54, 1 янв 2016")
  are no headline;
- a first line that is the lead paragraph gives its first sentence when that is short, else nothing.
"""
from __future__ import annotations

import re

from .lang import letters

_BREADCRUMB = re.compile(r"\s+[>»›]\s+")
_SITE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::)\s+")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_SENTENCE = re.compile(rf"^(.+?[.!?…])(?:\s|[^\w\s\"«»“”'’)]|(?=[{letters('upper')}]))")
_MIN_WORDS = 3  # fewer words: a section name or a marker
_SITE_WORDS = 3  # a part after a separator with at most this many words may be the site's name
MAX_HEADLINE = 200


def clean_title(title: str | None, site: str | None = None) -> str | None:
    """The headline in a page title: breadcrumbs, the site's name and media markers removed."""
    if not title:
        return None
    title = " ".join(title.split())
    parts = [p for p in _BREADCRUMB.split(title) if p.strip()]
    title = parts[-1] if parts else title
    # the site's name or a marker stands first or last, short, after a separator: "Headline | Site"
    ends = list(_SITE_SEPARATOR.finditer(title))
    if ends:
        head, tail = title[:ends[-1].start()], title[ends[-1].end():]
        if _is_site_part(tail, site) and len(head.split()) >= _MIN_WORDS:
            title = head
        else:
            head, tail = title[:ends[0].start()], title[ends[0].end():]
            if _is_site_part(head, site) and len(tail.split()) >= _MIN_WORDS:
                title = tail
    return title.strip() or None


def _is_site_part(part: str, site: str | None) -> bool:
    """A site's name or a marker: the site's name itself, or a few words with no quotation mark
    (a quotation split at a dash, "«Орталық Азия – Қытай» форматындағы", is part of the headline)."""
    if site and site.casefold() in part.casefold():
        return True
    return len(part.split()) <= _SITE_WORDS and not any(q in part for q in "«»\"“”„")


def _is_chrome(line: str) -> bool:
    return len(line.split()) < _MIN_WORDS or (bool(_CLOCK.search(line)) and len(line) < 80)


def _is_lead(line: str) -> bool:
    """Prose rather than a headline: long, or more than one sentence."""
    m = _SENTENCE.match(line)
    return len(line) > MAX_HEADLINE or bool(m and len(m.group(1)) < len(line) - 1)


def headline(lines: list[str], site: str | None = None) -> str | None:
    """The headline among the first non-empty lines of a text."""
    lines = [" ".join(x.split()) for x in lines if x.strip()][:4]
    for k, line in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if nxt and line != nxt and line.startswith(nxt) and not _is_chrome(nxt):
            continue  # "Headlinebackend" before "Headline"
        line = clean_title(line, site) or ""
        if not line or _is_chrome(line):
            continue
        if _is_lead(line):
            m = _SENTENCE.match(line)
            first = m.group(1) if m else line
            return first if len(first) <= MAX_HEADLINE else None
        return line
    return None
