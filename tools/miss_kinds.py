"""Where do the misses and the spurious events lie? Aggregate kinds over gold sets, no text printed
(so unread gold can be counted without being read).

    python tools/miss_kinds.py GOLD=TEXTS [GOLD=TEXTS ...]

A missed gold event (the lenient match finds no extracted one): a participant no extracted entity
aligns to; participants that never share a sentence; a sentence naming them with no event (and
whether a trigger of its type, of another type or none matched there); with an event of another
type; with one of its type but other participants. An extracted event no gold one matches: on a
negative article; of another type than a gold event with two of its parties; of its type with a
party in common; of another type with a party in common; no counterpart.
"""
from __future__ import annotations

import sys
from collections import Counter

from communique import eval as ev
from communique.registry import build
from communique.stages.context import SentenceContext, sentence_code


def _missed(doc, amap, ge) -> str:
    inv = set(amap.values())
    parts = set(ge["participants"])
    need = min(2, len(parts))
    if len(parts & inv) < need:
        return "a participant found as no entity"
    best, trig = None, None
    for s in ev.sentences_naming(doc, amap, parts):
        evs = [e for e in doc.events if e.evidence and s.start <= e.evidence.start < s.end]
        kind = "same type" if any(e.type == ge["type"] for e in evs) else "other type" if evs else "no event"
        if best is None or kind == "same type" or (kind == "other type" and best == "no event"):
            best = kind
        if kind == "no event" and sentence_code(doc, s):
            ctx = SentenceContext.build(doc, s)
            labels = {p.label for p, _, _ in ctx.matches(ctx.ld.triggers)}
            t = "a trigger of its type" if ge["type"] in labels else "another trigger" if labels else "no trigger"
            trig = t if trig is None or t < trig else trig
    if best is None:
        return "participants never in one sentence"
    if best == "no event":
        return f"their sentence has no event ({trig})"
    return {"same type": "their sentence has one of its type, other participants",
            "other type": "their sentence has an event of another type"}[best]


def _spurious(gold: dict, keys: set[str], type_: str) -> str:
    events = gold.get("events", [])
    if gold.get("kind") == "negative" or not events:
        return "on a negative article"
    if any(g["type"] != type_ and len(keys & set(g["participants"])) >= 2 for g in events):
        return "another type than a gold event with two of its parties"
    if any(g["type"] == type_ and keys & set(g["participants"]) for g in events):
        return "its type, a party in common, not enough"
    if any(keys & set(g["participants"]) for g in events):
        return "another type, a party in common"
    return "no counterpart"


def main(pairs: list[str]) -> None:
    pipe = build()
    missed, spurious = Counter(), Counter()
    for a, doc, sd, amap in ev.read_pairs(pipe, [tuple(x.split("=", 1)) for x in pairs]):
        found = ev.match_events(a.gold, sd, amap, strict=False)
        matched_g, matched_s = {g for g, _ in found}, {s for _, s in found}
        for gi, ge in enumerate(a.gold.get("events", [])):
            if gi not in matched_g:
                missed[_missed(doc, amap, ge)] += 1
        for si, se in enumerate(sd.get("events", [])):
            if si not in matched_s:
                spurious[_spurious(a.gold, {amap.get(p) for p in se["participants"]} - {None}, se["type"])] += 1
    for title, counts in (("missed", missed), ("spurious", spurious)):
        print(f"{title}: {sum(counts.values())}")
        for kind, n in counts.most_common():
            print(f"  {n:4}  {kind}")


if __name__ == "__main__":
    main(sys.argv[1:])
