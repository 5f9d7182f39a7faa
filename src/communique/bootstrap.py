"""How sure the event figures are: article-level bootstrap intervals for lenient event F1.

The article is the unit resampled: the events of one text share its reading and its participants,
so they are not independent draws. Each language keeps its number of articles in every resample
(the gold sets are drawn per language), and F1 is recomputed from the drawn articles' summed
counts, which `eval` computes once; nothing is extracted again.
"""
from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import asdict, dataclass

from .eval import ArticleCounts

LEVEL = 0.95


@dataclass(frozen=True)
class Interval:
    point: float
    low: float
    high: float


def f1(tp: int, sys: int, gold: int) -> float:
    """Lenient F1 as `Scores.prf` gives it: 1.0 where neither gold nor system has an event."""
    return 2 * tp / (gold + sys) if gold + sys else 1.0


def intervals(counts: list[ArticleCounts], n: int, seed: int = 0) -> dict[str, Interval]:
    """Per language (and "all" where there are several): lenient F1 and its 95% percentile interval
    over ``n`` article resamples."""
    points = _points(counts)
    return {row: _interval(points[row], runs[0]) for row, runs in _replicates([counts], n, seed).items()}


def _rows(counts: list[ArticleCounts]) -> list[str]:
    langs = sorted({c.lang for c in counts})
    return langs + ["all"] if len(langs) > 1 else langs  # as eval's table


def _points(counts: list[ArticleCounts]) -> dict[str, float]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for c in counts:
        for row in (c.lang, "all"):
            for i, x in enumerate((c.lenient, c.sys_events, c.gold_events)):
                sums[row][i] += x
    return {row: f1(*sums[row]) for row in _rows(counts)}


def _replicates(runs: list[list[ArticleCounts]], n: int, seed: int) -> dict[str, list[list[float]]]:
    """F1 of each run in each of ``n`` resamples, per row: out[row][run][k]. The runs share every draw
    (they list the same articles in the same order), which makes a comparison paired."""
    rng = random.Random(seed)
    by_lang: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(runs[0]):
        by_lang[c.lang].append(i)
    columns = [[[c.lenient for c in run], [c.sys_events for c in run], [c.gold_events for c in run]] for run in runs]
    rows = _rows(runs[0])
    out = {row: [[] for _ in runs] for row in rows}
    for _ in range(n):
        total = [[0, 0, 0] for _ in runs]
        for lang in sorted(by_lang):
            draw = rng.choices(by_lang[lang], k=len(by_lang[lang]))
            for r, cols in enumerate(columns):
                sums = [sum(map(col.__getitem__, draw)) for col in cols]  # map: 1000 x 600 in ~0.1 s
                out[lang][r].append(f1(*sums))
                total[r] = [t + s for t, s in zip(total[r], sums)]
        if "all" in out:
            for r, sums in enumerate(total):
                out["all"][r].append(f1(*sums))
    return out


def _interval(point: float, values: list[float]) -> Interval:
    xs = sorted(values)
    tail = (1 - LEVEL) / 2
    return Interval(point, _percentile(xs, tail), _percentile(xs, 1 - tail))


def _percentile(xs: list[float], q: float) -> float:
    """Linear interpolation between order statistics (numpy's default)."""
    pos = q * (len(xs) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


# -- reading and printing ---------------------------------------------------------
def intervals_json(ints: dict[str, Interval], n: int, seed: int) -> dict:
    return {"statistic": "lenient_f1", "unit": "article", "level": LEVEL, "resamples": n, "seed": seed,
            "intervals": {row: asdict(i) for row, i in ints.items()}}


def intervals_text(ints: dict[str, Interval], n: int, seed: int) -> str:
    spans = ", ".join(f"{row} {i.low:.2f}-{i.high:.2f}" for row, i in ints.items())
    return f"lenient F1 {LEVEL:.0%} interval ({n} article resamples, seed {seed}): {spans}"
