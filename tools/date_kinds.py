"""How right are the dates of the matched events, and where from? Counts only, no text printed (so
unread gold can be counted without being read).

    python tools/date_kinds.py GOLD=TEXTS [GOLD=TEXTS ...]

For the matched events whose gold date comes from the text or the publication date (`date_from`,
what `eval` scores as date-t): right, or how the system's date differs (finer, coarser, another
year, another day or month of the year, none), with the precision of each. For the events the
system dated from the report itself (no date of their own in the text: "an undated report" in their
trace), how the gold dates them, by modality: the report's day, month or year, a finer date, another
date or none. Session 27's end (c27db15), the eight raw samples pooled: held events, the report's day 40
times, its month 6, its year 3; plans, the report's month 10, its day 4.
"""
from __future__ import annotations

import sys
from collections import Counter

from communique import eval as ev
from communique.registry import build

_PRECISION = {4: "year", 7: "month", 10: "day"}


def precision(date: str | None) -> str:
    return _PRECISION.get(len(date), "?") if date else "none"


def error(gold: str | None, system: str | None) -> str:
    """How a system date differs from the gold's."""
    if gold == system:
        return "right"
    if not gold or not system:
        return "no gold date" if system else "no system date"
    if system.startswith(gold):
        return "finer"
    if gold.startswith(system):
        return "coarser"
    return "another year" if gold[:4] != system[:4] else "another day or month of the year"


def from_report(gold: str | None, system: str | None) -> str:
    """How the gold dates an event the system dated from the report itself (its day, month or year)."""
    if not gold:
        return "none"
    if system and system.startswith(gold):
        return f"the report's {precision(gold)}" + ("" if gold == system else f" (the system its {precision(system)})")
    if system and gold.startswith(system):
        return f"a finer date (the system the report's {precision(system)})"
    return "another date"


def main(pairs: list[str]) -> None:
    pipe = build()
    errors, reported = Counter(), Counter()
    for a, doc, sd, amap in ev.read_pairs(pipe, [tuple(x.split("=", 1)) for x in pairs]):
        for gi, si in ev.match_events(a.gold, sd, amap, strict=False):
            ge, event = a.gold["events"][gi], doc.events[si]
            if ge.get("date_from") in ("text", "published"):
                errors[(error(ge.get("date"), event.date), precision(ge.get("date")), precision(event.date))] += 1
            if any("an undated report" in t for t in event.trace):
                reported[(event.modality, from_report(ge.get("date"), event.date))] += 1
    print(f"dates of matched events from the text or the publication: {sum(errors.values())}")
    for (kind, gold, system), n in errors.most_common():
        print(f"  {n:4}  {kind} (gold {gold}, system {system})")
    print(f"events the system dated from the report itself: {sum(reported.values())}")
    for (modality, kind), n in sorted(reported.items()):
        print(f"  {n:4}  {modality}: the gold gives {kind}")


if __name__ == "__main__":
    main(sys.argv[1:])
