"""How often is an event right, by the rule that made it? Counts only, no text printed (so unread
gold can be counted without being read).

    python tools/rule_precision.py GOLD=TEXTS [GOLD=TEXTS ...]

Each extracted event is counted under every step of its trace (`communique show --trace`): the
trigger file and type, the rule that chose its participants and each rule after it (split, merged,
host, ...), names and quoted words reduced to placeholders so that the same rule is one line.
Precision is the share of those events a gold event matches leniently. A rule far below the
others on gold nobody tuned it to makes events that are mostly wrong. Session 17, the eight raw
samples pooled (d20487c, 492 events; `docs/quality/rule-precision-d20487c.txt`): "persons named in
the sentence" 0.88 of 149; the article's focus person with the states the sentence names ("the
subject left unsaid" then "persons, and the states and bodies ...") 0.12 of 24; Azerbaijani
appointment triggers 0.20 of 10; a signer with no side joined to him was 0.00 of 9 before d20487c.
"""
from __future__ import annotations

import re
import sys
from collections import Counter

from communique import eval as ev
from communique.registry import build

_ATTRIBUTES = ("modality", "framework", "date", "location", "when")  # they say nothing of whether it is an event
_ID = re.compile(r"(new:)?(person|country|org|organization|gathering|place|city|location):[\w\-.+]+")


def steps(trace: list[str], type_: str) -> set[str]:
    """The rules an event's trace names, each reduced to a line shared by every event it made."""
    out = {f"type {type_}"}
    for t in trace:
        if t.startswith("trigger:"):
            out.add(f"trigger {type_} {t.rsplit(',', 1)[-1].strip(' )')}")
        elif not t.startswith(_ATTRIBUTES):
            for part in t.split("; "):
                part = _ID.sub("ID", re.sub(r"'[^']*'", "'…'", part))
                out.add(re.sub(r"\d+", "N", re.sub(r"\(\d+\)", "", part))[:110])
    return out


def precision(pairs: list[tuple[str, str]]) -> tuple[Counter, Counter]:
    """(events, events matched) per rule."""
    pipe = build()
    made, right = Counter(), Counter()
    for a, doc, sd, amap in ev.read_pairs(pipe, pairs):
        matched = {s for _, s in ev.match_events(a.gold, sd, amap, strict=False)}
        for k, e in enumerate(doc.events):
            for step in steps(e.trace, e.type):
                made[step] += 1
                right[step] += k in matched
    return made, right


def main(argv: list[str]) -> None:
    made, right = precision([tuple(x.split("=", 1)) for x in argv])
    for step, n in sorted(made.items(), key=lambda x: (-x[1], x[0])):
        print(f"{n:5} {right[step] / n:.2f}  {step}")


if __name__ == "__main__":
    main(sys.argv[1:])
