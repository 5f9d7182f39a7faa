"""Exports of stored results: the JSON Lines contract and a CSV of events."""
from __future__ import annotations

import csv
import json
from typing import TextIO

CSV_FIELDS = ["event_id", "doc_id", "type", "date", "modality", "participants", "participant_labels",
              "location", "framework", "confidence", "cluster", "lang", "evidence"]


def export(store, fmt: str, out: TextIO) -> int:
    if fmt == "jsonl":
        n = 0
        for doc_id in store.doc_ids():
            d = store.document(doc_id)
            d.pop("text", None)
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        from .storage.store import EventFilter
        w = csv.DictWriter(out, fieldnames=CSV_FIELDS)
        w.writeheader()
        n, offset = 0, 0
        while True:
            rows = store.events(EventFilter(limit=1000, offset=offset))
            if not rows:
                return n
            labels = store.labels(sorted({p for r in rows for p in r["participants"]}))
            for r in rows:
                w.writerow({"event_id": r["id"], "doc_id": r["doc_id"], "type": r["type"], "date": r["date"],
                            "modality": r["modality"], "participants": "|".join(r["participants"]),
                            "participant_labels": "|".join(labels.get(p, p) for p in r["participants"]),
                            "location": r["location"], "framework": r["framework"],
                            "confidence": r["confidence"], "cluster": r["cluster"], "lang": r["lang"],
                            "evidence": r["evidence"]["text"]})
                n += 1
            offset += len(rows)
    raise ValueError(f"unknown export format {fmt!r}")
