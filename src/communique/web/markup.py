"""Article text as HTML with mentions and event evidence marked.

Every piece of article text is escaped; tags are only ever wrapped around
escaped segments, never built from the text itself.
"""
from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Region:
    """An evidence span (several events may share one sentence)."""
    start: int
    end: int
    events: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


@dataclass(frozen=True)
class MentionMark:
    start: int
    end: int
    entity_id: str
    type: str | None = None
    label: str | None = None


@dataclass
class Marks:
    regions: list[Region] = field(default_factory=list)
    mentions: list[MentionMark] = field(default_factory=list)


def merge_regions(spans: list[tuple[int, int, str, str]], length: int) -> list[Region]:
    """(start, end, event id, type) -> non-overlapping regions, in text order."""
    out: list[Region] = []
    for s, e, eid, typ in sorted((max(0, s), min(length, e), eid, typ) for s, e, eid, typ in spans
                                 if s is not None and e is not None):
        if s >= e:
            continue
        if out and s < out[-1].end:
            last = out[-1]
            out[-1] = Region(last.start, max(last.end, e), last.events + (eid,),
                             last.types + ((typ,) if typ not in last.types else ()))
        else:
            out.append(Region(s, e, (eid,), (typ,)))
    return out


def clean_mentions(mentions: list[MentionMark], length: int) -> list[MentionMark]:
    """Mentions inside the text, the first of any overlapping ones kept."""
    out: list[MentionMark] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if 0 <= m.start < m.end <= length and (not out or m.start >= out[-1].end):
            out.append(m)
    return out


def _covering_each(items: list, cuts: list[int]) -> list:
    """For each piece between consecutive cuts, the first of ``items`` (in list order) that covers
    it, or None: one sweep over the cuts with the started items on a heap by position in the list
    (a scan of every item per piece made a page with thousands of mentions quadratic)."""
    by_start = sorted(range(len(items)), key=lambda i: items[i].start)
    started: list[int] = []
    k, out = 0, []
    for a, b in pairwise(cuts):
        while k < len(by_start) and items[by_start[k]].start <= a:
            heapq.heappush(started, by_start[k])
            k += 1
        while started and items[started[0]].end < b:  # ended: covers no later piece either
            heapq.heappop(started)
        out.append(items[started[0]] if started else None)
    return out


def marked_html(text: str, marks: Marks, href: Callable[[str], str]) -> Markup:
    """The text, escaped, with <mark> around evidence and <a> around mentions (split where they cross)."""
    regions = [r for r in marks.regions if 0 <= r.start < r.end <= len(text)]  # merged by ``merge_regions``
    mentions = clean_mentions(marks.mentions, len(text))
    cuts = sorted({0, len(text), *[x for r in regions for x in (r.start, r.end)],
                   *[x for m in mentions for x in (m.start, m.end)]})
    parts: list[str] = []
    open_region = open_mention = None
    for a, b, region, mention in zip(cuts, cuts[1:], _covering_each(regions, cuts), _covering_each(mentions, cuts)):
        if open_mention is not None and (mention is not open_mention or region is not open_region):
            parts.append("</a>")  # closed before the <mark> around it changes, reopened inside the next
            open_mention = None
        if region is not open_region:
            if open_region is not None:
                parts.append("</mark>")
            if region is not None:
                parts.append(Markup('<mark class="evidence" data-events="{}" title="{}">').format(
                    " ".join(region.events), "evidence: " + ", ".join(region.types)))
            open_region = region
        if mention is not None and open_mention is None:
            parts.append(Markup('<a class="mention t-{}" href="{}" title="{}">').format(
                mention.type or "unknown", href(mention.entity_id), mention.label or mention.entity_id))
            open_mention = mention
        parts.append(escape(text[a:b]))
    if open_mention is not None:
        parts.append("</a>")
    if open_region is not None:
        parts.append("</mark>")
    return Markup("".join(str(p) for p in parts))


def document_marks(doc: dict, events: list[dict] | None = None) -> Marks:
    """Marks for a stored document (``Store.document``): all mentions, and the evidence of ``events``
    (default: all of the document's events)."""
    evs = doc["events"] if events is None else events
    text = doc["text"]
    regions = merge_regions([(e["evidence"]["start"], e["evidence"]["end"], e["id"], e["type"]) for e in evs
                             if e.get("evidence")], len(text))
    mentions = [MentionMark(m["start"], m["end"], e["id"], e.get("type"), e.get("label"))
                for e in doc["entities"] for m in e["mentions"]]
    return Marks(regions, mentions)


def evidence_marks(text: str, event: dict) -> Marks:
    ev = event.get("evidence") or {}
    return Marks(merge_regions([(ev.get("start"), ev.get("end"), event["id"], event["type"])], len(text)))
