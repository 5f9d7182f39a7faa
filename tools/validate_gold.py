"""Check a gold JSONL file against its articles (every mention in the text, participants among the entities, the
format of dates and modality): python3 tools/validate_gold.py GOLD ARTICLES"""
import json, re, sys
gold_p, arts_p = sys.argv[1], sys.argv[2]
arts = {json.loads(l)["id"]: json.loads(l) for l in open(arts_p, encoding="utf-8") if l.strip()}
TYPES = {"MEET", "CALL", "CONVENE", "SIGN", "APPOINT", "CHAIR"}
ETYPES = {"person", "country", "organization", "location", "gathering"}
errs, seen = [], set()
for n, line in enumerate(open(gold_p, encoding="utf-8"), 1):
    if not line.strip():
        continue
    g = json.loads(line)
    aid = g.get("id"); seen.add(aid)
    if aid not in arts:
        errs.append(f"line {n}: unknown id {aid}"); continue
    text = arts[aid]["text"]
    if g.get("kind") not in ("event", "tricky", "negative"):
        errs.append(f"{aid}: kind must be event|tricky|negative")
    if g.get("lang") != arts[aid]["lang"]:
        errs.append(f"{aid}: lang")
    keys = {}
    for e in g.get("entities", []):
        if e.get("type") not in ETYPES:
            errs.append(f"{aid}: entity {e.get('key')} type {e.get('type')}")
        keys[e["key"]] = e["type"]
        for m in e.get("mentions", []):
            if m not in text:
                errs.append(f"{aid}: mention {m!r} of {e['key']} not in text")
    for e in g.get("events", []):
        if e.get("type") not in TYPES:
            errs.append(f"{aid}: event type {e.get('type')}")
        for p in e.get("participants", []):
            if p not in keys:
                errs.append(f"{aid}: participant {p!r} is no entity key")
        for f in ("location", "framework"):
            if e.get(f) is not None and e[f] not in keys:
                errs.append(f"{aid}: {f} {e[f]!r} is no entity key")
        if e.get("modality") not in ("asserted", "planned", "negated"):
            errs.append(f"{aid}: modality {e.get('modality')}")
        d = e.get("date")
        if d is not None and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", d):
            errs.append(f"{aid}: date {d!r}")
        if d is not None and e.get("date_from") not in ("text", "published", "knowledge"):
            errs.append(f"{aid}: date_from {e.get('date_from')!r}")
    if kind := g.get("kind"):
        if kind == "negative" and g.get("events"):
            errs.append(f"{aid}: a negative article has no events")
    for f in g.get("facts", []):
        if f.get("subject") not in keys:
            errs.append(f"{aid}: fact subject {f.get('subject')!r} is no entity key")
missing = set(arts) - seen
if missing:
    errs.append(f"articles without a gold line: {sorted(missing)}")
print("\n".join(errs) if errs else f"ok: {len(seen)} articles")
sys.exit(1 if errs else 0)
