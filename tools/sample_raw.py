"""Draw the raw-corpus samples that helper sessions annotated in gold format (docs/quality/raw-sample/).

Each language's articles of ``raw.jsonl`` are shuffled with one fixed seed; sample K holds
positions 10*(K-1) .. 10*K-1 of that order, ten articles per language. Nothing is chosen by what
the system extracts, so the samples hold as many domestic (negative) articles as the corpus does.

    python tools/sample_raw.py ../shared/corpus/raw/raw.jsonl OUTDIR      # writes R1..R30-<lang>.articles.jsonl
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261206
SAMPLES = 30
PER_SAMPLE = 10


def samples(rows: list[dict]) -> dict[str, list[dict]]:
    out = {}
    for lang in ("az", "kk", "ru"):
        d = [r for r in rows if r["lang"] == lang]
        random.Random(SEED).shuffle(d)
        for k in range(SAMPLES):
            out[f"R{k + 1}-{lang}"] = d[k * PER_SAMPLE:(k + 1) * PER_SAMPLE]
    return out


def main(raw: str, outdir: str) -> None:
    rows = [json.loads(line) for line in open(raw, encoding="utf-8") if line.strip()]
    Path(outdir).mkdir(parents=True, exist_ok=True)
    for name, part in samples(rows).items():
        with open(Path(outdir) / f"{name}.articles.jsonl", "w", encoding="utf-8") as f:
            for r in part:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
