"""Would a learned filter over the extracted events help? Leave-one-set-out cross-validation.

    python tools/event_filter_cv.py [../shared/corpus]      # needs scikit-learn

Runs the pipeline over the dev set, b1-b3 and the raw sample developed on
(docs/quality/raw-sample/dev.gold.jsonl). Each extracted event is labelled by whether it matches
a gold event (lenient, as `communique eval`). For each set held out, a logistic regression and a
gradient-boosted classifier are trained on the others. Their features: type, language, modality,
participant kinds, place, frame, date precision, position, the trigger word and the participant
rule from the trace. The script prints the held-out lenient F1 with the events under a
probability threshold dropped.

Session 11 (378 events, 293 matched): no threshold gains on every held-out set; the changes are
-0.07 to +0.01, a few events each way. A precision filter has too little to learn from here.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from communique import eval as ev
from communique.registry import build

ROOT = Path(__file__).parent.parent


def sets(corpus: Path) -> dict[str, tuple[list[str], list[str]]]:
    b = corpus / "batches"
    out = {"dev": ([str(corpus / "seeds.gold.jsonl"), str(corpus / "dev.gold.jsonl")],
                   [str(corpus), str(corpus / "dev.articles.jsonl")]),
           "raw": ([str(ROOT / "docs/quality/raw-sample/dev.gold.jsonl")], [str(corpus / "raw/raw.jsonl")])}
    out.update({n: ([str(b / n / "gold.jsonl")], [str(b / n / "articles.jsonl")]) for n in ("b1", "b2", "b3")})
    return out


def labelled(corpus: Path) -> tuple[list[dict], dict[str, int]]:
    """Every extracted event with its article's facts and whether it matches gold; gold events per set."""
    pipe, rows, gold = build(), [], {}
    for name, (g, t) in sets(corpus).items():
        arts = ev.load_gold(g, t)
        gold[name] = sum(len(a.gold.get("events", [])) for a in arts)
        for a in arts:
            doc = pipe(ev.gold_document(a))
            sd = doc.to_dict()
            matched = {si for _, si in ev.match_events(a.gold, sd, ev.align(a.gold, a.text, sd), strict=False)}
            rows += [{"set": name, "lang": sd.get("lang"), "ev": e, "trace": list(x.trace), "label": k in matched,
                      "textlen": len(a.text)} for k, (e, x) in enumerate(zip(sd["events"], doc.events))]
    return rows, gold


def features(r: dict) -> dict[str, float]:
    e, parts = r["ev"], r["ev"]["participants"]
    f = {f"type={e['type']}": 1, f"lang={r['lang']}": 1, f"mod={e['modality']}": 1, f"type_lang={e['type']}{r['lang']}": 1,
         "n": min(len(parts), 6), "persons": sum("person:" in p for p in parts),
         "states": sum(p.startswith("country:") for p in parts), "gatherings": sum("gathering:" in p for p in parts),
         "new": sum(p.startswith("new:") for p in parts), "place": int(bool(e.get("location"))),
         "frame": int(bool(e.get("framework"))), f"date={len(e.get('date') or '')}": 1,
         "confidence": e.get("confidence", 0.5), "position": e["evidence"]["start"] / max(1, r["textlen"])}
    for t in r["trace"]:
        if t.startswith("participants:"):
            f["rule=" + t[13:60]] = 1
        elif t.startswith("trigger:") and (w := re.search(r"'([^']*)'", t)):
            f["trigger=" + w.group(1).lower()[:12]] = 1
        elif t.startswith(("inferred", "merged")):
            f[t.split(":")[0]] = f.get(t.split(":")[0], 0) + 1
    return f


def main(corpus: Path) -> None:
    rows, gold = labelled(corpus)
    print(f"{len(rows)} events, {sum(r['label'] for r in rows)} matching gold")
    x, y, s = [features(r) for r in rows], np.array([r["label"] for r in rows]), np.array([r["set"] for r in rows])
    for held in gold:
        tr, te = s != held, s == held
        vec = DictVectorizer()
        xtr, xte = vec.fit_transform([x[i] for i in np.where(tr)[0]]), vec.transform([x[i] for i in np.where(te)[0]])
        for name, clf in (("logistic", LogisticRegression(C=0.5, max_iter=2000)),
                          ("boosted", GradientBoostingClassifier(n_estimators=80, max_depth=2))):
            p = clf.fit(xtr, y[tr]).predict_proba(xte)[:, 1]
            tp, n, g = y[te].sum(), te.sum(), gold[held]
            cells = [f"all kept {2 * tp / (n + g):.3f}"]
            for t in (0.3, 0.4, 0.5):
                keep = p >= t
                cells.append(f">= {t}: {2 * y[te][keep].sum() / (keep.sum() + g):.3f} (-{n - keep.sum()} events, "
                             f"-{tp - y[te][keep].sum()} right)")
            print(f"{held:4} {name:8} " + " | ".join(cells))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus")
