"""How far two annotators agree: score one gold file as if it were a system's output against another.

    python tools/gold_agreement.py GOLD_A GOLD_B --texts ARTICLES [--texts ...]

Each article of B becomes a system document: an entity per key whose mentions are every
occurrence of its mention strings in the text (GOLD.md: a string marks all its occurrences), and
B's events and facts with keys as ids. `communique eval`'s scorer then aligns B's entities to A's
by mention overlap and matches events as for a system (strict, lenient), so the figures read as
the evaluation's do. Swapping A and B swaps precision and recall.
"""
from __future__ import annotations

import argparse
import json
import re

from communique import eval as ev


def as_system(gold: dict, text: str) -> dict:
    entities = []
    for e in gold.get("entities", []):
        spans = sorted({(m.start(), m.end()) for s in e.get("mentions", []) if s
                        for m in re.finditer(re.escape(s), text)})
        entities.append({"id": e["key"], "mentions": [{"start": a, "end": b, "text": text[a:b]} for a, b in spans]})
    events = [{"type": x["type"], "participants": list(x["participants"]), "date": x.get("date"),
               "location": x.get("location"), "framework": x.get("framework"),
               "modality": x.get("modality"), "cluster": x.get("story")} for x in gold.get("events", [])]
    return {"id": gold["id"], "lang": gold.get("lang"), "entities": entities, "events": events,
            "facts": list(gold.get("facts", []))}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold_a")
    ap.add_argument("gold_b")
    ap.add_argument("--texts", action="append", required=True)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    a = ev.load_gold([args.gold_a], args.texts)
    b = {x.id: x for x in ev.load_gold([args.gold_b], args.texts)}
    shared = [x for x in a if x.id in b]
    sysdocs = {x.id: as_system(b[x.id].gold, x.text) for x in shared}
    result = ev.score(shared, sysdocs)
    print(json.dumps(ev.figures(result), indent=2) if args.json else ev.table(result))


if __name__ == "__main__":
    main()
