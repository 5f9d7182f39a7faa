"""Check a gold file against its articles (GOLD.md): every mention in the text, every participant,
place and frame an entity, a known type, modality and date form, and a line for every article.

    python3 tools/validate_gold.py GOLD ARTICLES      # prints the problems, exits 1 if any
"""
from __future__ import annotations

import json
import re
import sys

TYPES = {"MEET", "CALL", "CONVENE", "SIGN", "APPOINT", "CHAIR"}
ENTITY_TYPES = {"person", "country", "organization", "location", "gathering"}
DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")


def article_problems(g: dict, text: str, lang: str) -> list[str]:
    aid, out = g.get("id"), []
    if g.get("kind") not in ("event", "tricky", "negative"):
        out.append(f"{aid}: kind must be event|tricky|negative")
    if g.get("lang") != lang:
        out.append(f"{aid}: lang")
    keys = set()
    for e in g.get("entities", []):
        keys.add(e["key"])
        if e.get("type") not in ENTITY_TYPES:
            out.append(f"{aid}: entity {e.get('key')} type {e.get('type')}")
        out += [f"{aid}: mention {m!r} of {e['key']} not in text" for m in e.get("mentions", []) if m not in text]
    for e in g.get("events", []):
        if e.get("type") not in TYPES:
            out.append(f"{aid}: event type {e.get('type')}")
        out += [f"{aid}: participant {p!r} is no entity key" for p in e.get("participants", []) if p not in keys]
        out += [f"{aid}: {f} {e[f]!r} is no entity key" for f in ("location", "framework")
                if e.get(f) is not None and e[f] not in keys]
        if e.get("modality") not in ("asserted", "planned", "negated"):
            out.append(f"{aid}: modality {e.get('modality')}")
        if (d := e.get("date")) is not None:
            if not DATE.fullmatch(d):
                out.append(f"{aid}: date {d!r}")
            if e.get("date_from") not in ("text", "published", "knowledge"):
                out.append(f"{aid}: date_from {e.get('date_from')!r}")
    if g.get("kind") == "negative" and g.get("events"):
        out.append(f"{aid}: a negative article has no events")
    out += [f"{aid}: fact subject {f.get('subject')!r} is no entity key" for f in g.get("facts", [])
            if f.get("subject") not in keys]
    return out


def problems(gold_path: str, articles_path: str) -> list[str]:
    arts = {r["id"]: r for r in (json.loads(line) for line in open(articles_path, encoding="utf-8") if line.strip())}
    out, seen = [], set()
    for n, line in enumerate(open(gold_path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        g = json.loads(line)
        seen.add(g.get("id"))
        if g.get("id") not in arts:
            out.append(f"line {n}: unknown id {g.get('id')}")
            continue
        out += article_problems(g, arts[g["id"]]["text"], arts[g["id"]]["lang"])
    if missing := set(arts) - seen:
        out.append(f"articles without a gold line: {sorted(missing)}")
    return out


if __name__ == "__main__":
    found = problems(sys.argv[1], sys.argv[2])
    print("\n".join(found) if found else f"ok: {sum(1 for line in open(sys.argv[1]) if line.strip())} articles")
    sys.exit(1 if found else 0)
