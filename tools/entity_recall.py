"""How many of the gold's entities does the system find, per language and type? Counts only, no
text printed (so unread gold can be counted without being read).

    python tools/entity_recall.py GOLD=TEXTS [GOLD=TEXTS ...]

A gold entity is found where a system entity aligns to it (the evaluation's alignment: mention
overlap). Session 16 (e0cced9 -> its end), the eight raw samples pooled for decisions: Azerbaijani
persons 0.895 -> 0.948 (names by their shape), organisations az 0.418 -> 0.707, kk 0.679 -> 0.739,
ru 0.510 -> 0.588 (states' own bodies in the knowledge base, other states' composed by kind),
Azerbaijani places 0.607 -> 0.717 (ISO 3166-2 districts); countries az 0.940 -> 0.929, ru 0.980 ->
0.972 (a state inside a body's name, "Правительство Казахстана"), Kazakh gatherings 0.679 -> 0.643.
"""
from __future__ import annotations

import sys
from collections import Counter

from communique import eval as ev
from communique.registry import build


def recall(pairs: list[tuple[str, str]]) -> tuple[Counter, Counter]:
    """(gold entities, found) per (language, type)."""
    pipe = build()
    total, found = Counter(), Counter()
    for a, _, sd, amap in ev.read_pairs(pipe, pairs):
        got = set(amap.values())
        lang = a.gold.get("lang") or sd.get("lang")
        for e in a.gold.get("entities", []):
            key = (lang, e.get("type"))
            total[key] += 1
            found[key] += e["key"] in got
    return total, found


def main(argv: list[str]) -> None:
    total, found = recall([tuple(x.split("=", 1)) for x in argv])
    for key in sorted(total):
        print(f"{key[0]:3} {key[1]:13} {found[key]:5} / {total[key]:5}  {found[key] / total[key]:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
