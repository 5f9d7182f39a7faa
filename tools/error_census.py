"""Where are the missed gold events? A census over every readable set, and the ceiling of choosing
participants better.

    python tools/error_census.py [../shared/corpus]

Runs the pipeline over the dev set, b1-b3 and the raw sample developed on (the sets of
`event_filter_cv.py`) and sorts each gold event the lenient match misses:
- `no event of its type`: no unmatched extracted event of its type in the article;
- `participants elsewhere`: there is one, but no such event's sentence names enough of the gold
  participants (at least two, or the only one, or the gold gathering);
- `fixable by choosing`: an unmatched event of its type whose sentence names them, so a perfect
  choice among the names of the event's own sentence would match it. This is the ceiling of a
  learned participant selector working sentence by sentence.

Session 12 (d9c56fd, 143 missed over the five sets): 89 with no event of their type, 40 with the
participants elsewhere, 14 fixable by choosing; so such a selector could win at most 14 events. At
the session's end (fdd5b9d): 138 missed, 86 / 38 / 14.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from event_filter_cv import ROOT, sets  # noqa: E402

from communique import eval as ev  # noqa: E402
from communique.registry import build  # noqa: E402


def _named_in(sd: dict, e: dict) -> set[str]:
    """The entities with a mention inside the event's sentence, and its participants."""
    s, t = e["evidence"]["start"], e["evidence"]["end"]
    return {x["id"] for x in sd["entities"] if any(m["start"] >= s and m["end"] <= t for m in x["mentions"])} \
        | set(e["participants"])


def census(gold: dict, sd: dict, text: str) -> Counter:
    amap = ev.align(gold, text, sd)
    pairs = ev.match_events(gold, sd, amap, strict=False)
    matched_g, matched_s = {g for g, _ in pairs}, {s for _, s in pairs}
    gatherings = {x["key"] for x in gold.get("entities", []) if x.get("type") == "gathering"}
    out: Counter = Counter()
    for gi, ge in enumerate(gold.get("events", [])):
        if gi in matched_g:
            continue
        parts = set(ge["participants"])
        same = [e for si, e in enumerate(sd["events"]) if si not in matched_s and e["type"] == ge["type"]]
        if not same:
            out["no event of its type"] += 1
            continue

        def enough(e: dict) -> bool:
            common = {amap[p] for p in _named_in(sd, e) if p in amap} & parts
            return len(common) >= 2 or (len(parts) == 1 and common == parts) or bool(common & gatherings)
        out["fixable by choosing" if any(enough(e) for e in same) else "participants elsewhere"] += 1
    return out


def main(corpus: Path) -> None:
    pipe, total = build(), Counter()
    for name, (g, t) in sets(corpus).items():
        here: Counter = Counter()
        for a in ev.load_gold(g, t):
            here += census(a.gold, pipe(ev.gold_document(a)).to_dict(), a.text)
        print(f"{name:4} " + ", ".join(f"{k}: {n}" for k, n in sorted(here.items())))
        total += here
    print(f"all  {sum(total.values())} missed: " + ", ".join(f"{k}: {n}" for k, n in sorted(total.items())))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus")
