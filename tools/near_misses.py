"""What the near misses are. Counts only, no text printed (so unread gold can be counted without being
read).

    python tools/near_misses.py GOLD=TEXTS [GOLD=TEXTS ...]

For each extracted event that no gold event matches while a gold event of its type shares a party:
whether every such gold event was matched by another report (a repeat: the article's event told
again with other parties) or one was missed; for a repeat, by the kinds of the ids each report has
that the other lacks ("country" for a state where the other names its official as a new person,
"new-person"). For each missed signing: whether a sentence naming its parties (two, or its only one)
has a signing trigger. Session 28 (13487f8), the eight raw samples pooled: 72 such events, 24 of them
repeats (14 with the same modality and date, 8 of those naming a state or body where the matched report
names a person); 48 missed signings, 40 with no such sentence.
"""
from __future__ import annotations

import sys
from collections import Counter

from communique import eval as ev
from communique.registry import build
from communique.stages.context import SentenceContext, sentence_code


def kind(entity_id: str) -> str:
    """"country", "org", "person", or "new-person" for an id new to the knowledge base."""
    head, _, rest = entity_id.partition(":")
    return f"new-{rest.partition(':')[0]}" if head == "new" else head


def repeat(gold: dict, events: list[dict], amap: dict, found: list[tuple[int, int]], si: int) -> str | None:
    """How the unmatched extracted event ``si`` relates to the gold: None if no gold event of its type
    shares a party; "missed" if one of those was missed; else the repeat's difference from the report
    matched to the first of them."""
    matched = {g: s for g, s in found}
    se = events[si]
    parties = {amap.get(p) for p in se["participants"]} - {None}
    same = [g for g, ge in enumerate(gold.get("events", [])) if ge["type"] == se["type"] and parties & set(ge["participants"])]
    if not same:
        return None
    if not all(g in matched for g in same):
        return "missed"
    other = events[matched[same[0]]]
    mine, theirs = set(se["participants"]), set(other["participants"])
    when = "same modality and date" if (other["modality"], other.get("date")) == (se["modality"], se.get("date")) \
        else "another modality or date"
    return (f"repeat, {when}: has {'+'.join(sorted(map(kind, mine - theirs))) or '-'}, "
            f"the matched report {'+'.join(sorted(map(kind, theirs - mine))) or '-'}")


def signing_sentence(doc, amap: dict, ge: dict) -> bool:
    """Whether a sentence naming the gold signing's parties (two, or its only one) has a signing trigger."""
    for s in ev.sentences_naming(doc, amap, ge["participants"]):
        if sentence_code(doc, s):
            ctx = SentenceContext.build(doc, s)
            if any(p.label == "SIGN" for p, _, _ in ctx.matches(ctx.ld.triggers)):
                return True
    return False


def main(pairs: list[str]) -> None:
    pipe = build()
    repeats, signings = Counter(), Counter()
    for a, doc, sd, amap in ev.read_pairs(pipe, [tuple(x.split("=", 1)) for x in pairs]):
        found = ev.match_events(a.gold, sd, amap, strict=False)
        matched_g, matched_s = {g for g, _ in found}, {s for _, s in found}
        for si, se in enumerate(sd.get("events", [])):
            if si not in matched_s and (how := repeat(a.gold, sd["events"], amap, found, si)) is not None:
                repeats[f"{se['type']} {how}"] += 1
        for gi, ge in enumerate(a.gold.get("events", [])):
            if gi not in matched_g and ge["type"] == "SIGN":
                signings["a sentence naming its parties has a signing trigger" if signing_sentence(doc, amap, ge)
                         else "no sentence naming its parties has a signing trigger"] += 1
    for title, counts in (("extracted events sharing a party with a gold event of their type", repeats),
                          ("missed signings", signings)):
        print(f"{title}: {sum(counts.values())}")
        for k, n in counts.most_common():
            print(f"  {n:4}  {k}")


if __name__ == "__main__":
    main(sys.argv[1:])
