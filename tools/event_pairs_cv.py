"""Would a learned classifier find the events the rules miss? Leave-one-set-out cross-validation.

    python tools/event_pairs_cv.py [--only-where-no-event] [THRESHOLD ...]   # needs scikit-learn

Every pair of parties (persons, states, bodies, gatherings) that one sentence names is an instance,
labelled with the type of a gold event whose participants include both (NONE where none does: a
distant label, since the gold does not say which sentence tells of the event). Features: the pair's
entity types and cases (counterpart, genitive, dative, locative, ablative), the sentence's word
stems, the stems between the two, the triggers matched and the events the rules made there. For each
set held out (dev, b1-b3, the dev sample, and the eight raw samples used for decisions; never
reserve7 or reserve8), a logistic regression trained on the others proposes, for each pair it gives
a type with at least THRESHOLD probability, a two-party event of that type unless the rules made
one; the held-out set's lenient matches are then counted again exactly.

Session 15 (cf0f346, pooled over the thirteen sets; the rules alone: lenient F1 0.643, 616 of 1035
gold events found, 882 extracted): 0.588, 0.600, 0.617 and 0.629 at thresholds 0.5, 0.6, 0.7 and
0.8; proposing only in sentences where the rules made no event, 0.595 to 0.629. The events it adds
are right about one time in seven.
"""
from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from event_filter_cv import ROOT, sets  # noqa: E402

from communique import eval as ev  # noqa: E402
from communique.registry import build  # noqa: E402
from communique.stages.context import SentenceContext, sentence_code  # noqa: E402
from communique.text import fold  # noqa: E402

PARTIES = ("person", "country", "organization", "gathering")
DECISION_SAMPLES = ("blind", "probe", "reserve", "reserve2", "reserve3", "reserve4", "reserve5", "reserve6")
_STEM = 5  # letters of a word kept: a crude stem in three inflecting languages


def _stem(word: str) -> str:
    return fold(word)[:_STEM]


def features(doc, ctx, sent, m1, m2, code: str) -> dict[str, float]:
    f: dict[str, float] = {"t1=" + m1.type: 1, "t2=" + m2.type: 1, "tt=" + "|".join(sorted((m1.type, m2.type))): 1,
                           "new1": m1.entity_id.startswith("new:"), "new2": m2.entity_id.startswith("new:"),
                           "lang=" + code: 1}
    for tag, m in (("a", m1), ("b", m2)):
        for case, test in (("com", ctx.is_counterpart), ("gen", ctx.is_genitive), ("dat", ctx.is_dative),
                           ("loc", ctx.is_locative), ("abl", ctx.is_ablative)):
            if test(m):
                f[f"{tag}:{case}"] = 1
    words = [t.text for t in ctx.toks]
    f.update({f"{code}:w={_stem(w)}": 1 for w in words if w.isalpha()})
    i, j = sorted((ctx.token_index(m1.start), ctx.token_index(m2.start)))
    f.update({f"{code}:btw={_stem(w)}": 1 for w in words[i + 1:j] if w.isalpha()})
    f["dist"] = min(j - i, 30) / 30
    f.update({"trig=" + p.label: 1 for p, _, _ in ctx.matches(ctx.ld.triggers)})
    here = [e for e in doc.events if e.evidence and sent.start <= e.evidence.start < sent.end]
    for e in here:
        f["sev=" + e.type] = 1
        both = m1.entity_id in e.participants and m2.entity_id in e.participants
        if both or m1.entity_id in e.participants or m2.entity_id in e.participants:
            f[("pair_in=" if both else "one_in=") + e.type] = 1
    f["noev"] = not here
    return f


def instances(doc, gold: dict, amap: dict[str, str]) -> list[tuple[str, str, str, dict]]:
    """(entity id, entity id, label, features) for every pair of parties a sentence names."""
    out = []
    for sent in doc.sentences:
        code = sentence_code(doc, sent)
        if not code:
            continue
        named: dict[str, object] = {}
        for m in doc.mentions:
            if sent.start <= m.start < sent.end and m.entity_id and m.type in PARTIES:
                named.setdefault(m.entity_id, m)
        if len(named) < 2:
            continue
        ctx = SentenceContext.build(doc, sent)
        for x, y in combinations(sorted(named), 2):
            gx, gy = amap.get(x), amap.get(y)
            label = next((g["type"] for g in gold.get("events", []) if gx and gy and gx != gy
                          and gx in g["participants"] and gy in g["participants"]), "NONE")
            out.append((x, y, label, features(doc, ctx, sent, named[x], named[y], code)))
    return out


def _collect(corpus: Path) -> dict[str, list]:
    pipe, data = build(), {}
    named = sets(corpus)
    named.update({s: ([str(ROOT / f"docs/quality/raw-sample/{s}.gold.jsonl")], [str(corpus / "raw/raw.jsonl")])
                  for s in DECISION_SAMPLES})
    for name, (g, t) in named.items():
        rows = []
        for a in ev.load_gold(g, t):
            doc = pipe(ev.gold_document(a))
            sd = doc.to_dict()
            amap = ev.align(a.gold, a.text, sd)
            rows.append((a.gold, sd, amap, instances(doc, a.gold, amap)))
        data[name] = rows
        print(f"{name}: {len(rows)} articles, {sum(len(r[3]) for r in rows)} pairs", file=sys.stderr)
    return data


def _counts(rows, added) -> tuple[int, int, int]:
    g = s = tp = 0
    for (gold, sd, amap, _), extra in zip(rows, added):
        sd2 = {**sd, "events": list(sd["events"]) + extra}
        g, s = g + len(gold.get("events", [])), s + len(sd2["events"])
        tp += len(ev.match_events(gold, sd2, amap, strict=False))
    return g, s, tp


def _f1(g: int, s: int, tp: int) -> float:
    p, r = (tp / s if s else 0.0), (tp / g if g else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def proposed(rows, vec, clf, threshold: float, only_where_no_event: bool) -> list[list[dict]]:
    out = []
    for _, sd, _, inst in rows:
        extra: list[dict] = []
        if inst:
            for (x, y, _, f), p in zip(inst, clf.predict_proba(vec.transform([i[3] for i in inst]))):
                k = p.argmax()
                t = clf.classes_[k]
                if t == "NONE" or p[k] < threshold or (only_where_no_event and not f.get("noev")):
                    continue
                if any(e["type"] == t and x in e["participants"] and y in e["participants"] for e in sd["events"] + extra):
                    continue
                extra.append({"type": t, "participants": [x, y], "date": None, "location": None,
                              "framework": None, "modality": "asserted"})
        out.append(extra)
    return out


def main(argv: list[str]) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    only = "--only-where-no-event" in argv
    thresholds = [float(a) for a in argv if not a.startswith("--")] or [0.5, 0.6, 0.7, 0.8]
    data = _collect(ROOT.parent / "shared" / "corpus")
    base, total = [0, 0, 0], {t: [0, 0, 0] for t in thresholds}
    for held, rows in data.items():
        train = [i for name, rs in data.items() if name != held for r in rs for i in r[3]]
        vec = DictVectorizer()
        clf = LogisticRegression(max_iter=2000, C=0.5).fit(vec.fit_transform([i[3] for i in train]),
                                                            [i[2] for i in train])
        b = _counts(rows, [[] for _ in rows])
        base = [u + v for u, v in zip(base, b)]
        line = f"{held:9} rules alone F1 {_f1(*b):.3f}"
        for t in thresholds:
            c = _counts(rows, proposed(rows, vec, clf, t, only))
            total[t] = [u + v for u, v in zip(total[t], c)]
            line += f" | {t}: {_f1(*c):.3f} ({c[1] - b[1]:+d} extracted, {c[2] - b[2]:+d} found)"
        print(line, flush=True)
    print(f"pooled: rules alone F1 {_f1(*base):.3f} (gold {base[0]}, extracted {base[1]}, found {base[2]})")
    for t in thresholds:
        print(f"pooled, threshold {t}: F1 {_f1(*total[t]):.3f} (extracted {total[t][1]}, found {total[t][2]})")


if __name__ == "__main__":
    main(sys.argv[1:])
