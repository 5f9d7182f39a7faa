"""Throughput of the full pipeline on a corpus generated from the bundled sample."""
from __future__ import annotations

import json
import random
import re
import resource
import tempfile
import time
from importlib import resources
from pathlib import Path

from .document import Document

_TARGET_BYTES = 3000


def sample_articles() -> list[dict]:
    path = Path(str(resources.files("communique").joinpath("sample/articles.jsonl")))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _vary(text: str, rng: random.Random) -> str:
    """Shuffle paragraphs and change numbers so no two generated articles are equal."""
    paras = [p for p in text.split("\n") if p.strip()]
    head, body = paras[:1], paras[1:]
    rng.shuffle(body)
    out = "\n".join(head + body)
    return re.sub(r"\b([1-9]|1\d|2[0-8])\b", lambda m: str(rng.randint(1, 28)), out)


def corpus(n: int, langs: list[str] | None = None, seed: int = 7):
    """n documents of about 3 KB, equal shares of the requested languages."""
    rng = random.Random(seed)
    by_lang: dict[str, list[dict]] = {}
    for a in sample_articles():
        by_lang.setdefault(a["lang"], []).append(a)
    codes = sorted(langs or by_lang)
    for i in range(n):
        code = codes[i % len(codes)]
        pool = by_lang[code]
        parts, size = [], 0
        while size < _TARGET_BYTES:
            t = _vary(rng.choice(pool)["text"], rng)
            parts.append(t)
            size += len(t.encode("utf-8"))
        yield Document(id=f"bench-{code}-{i}", text="\n\n".join(parts))


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def bench(n: int, langs: list[str] | None = None, jobs: int = 1, db: str | None = None, compare: bool = False) -> str:
    from .batch.local import run
    from .storage import open_store
    docs = list(corpus(n, langs))
    total_bytes = sum(len(d.text.encode("utf-8")) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(db or f"sqlite:///{Path(tmp) / 'bench.db'}")
        t0 = time.perf_counter()
        summary = run(iter(docs), store=store, jobs=jobs, force=True)
        elapsed = time.perf_counter() - t0
        store.close()
    lines = [f"articles: {n} ({', '.join(sorted(langs or ['az', 'kk', 'ru']))}), "
             f"{total_bytes / n / 1024:.1f} KB each on average, jobs={jobs}",
             f"time: {elapsed:.1f} s   {n / elapsed:.1f} articles/s   {total_bytes / elapsed / 2**20:.2f} MB/s   "
             f"{1000 * elapsed / n:.2f} ms/article",
             f"peak memory (max RSS of one process): {_peak_mb():.0f} MB",
             f"events: {summary.events}   failed: {summary.failed}"]
    stage_total = sum(summary.timings.values()) or 1.0
    lines.append("time per stage (summed over workers):")
    for name, secs in summary.timings.items():
        lines.append(f"  {name:10} {secs:8.2f} s  {100 * secs / stage_total:5.1f}%  {1000 * secs / n:7.2f} ms/article")
    if compare:
        lines += _compare(docs, summary, elapsed)
    return "\n".join(lines)


def _compare(docs: list[Document], summary, elapsed: float) -> list[str]:
    """natasha's NER alone on the Russian articles, against our pipeline on the same articles."""
    from .batch.local import run
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    ru = [d for d in docs if d.id.startswith("bench-ru-")]
    if not ru:
        return ["compare: no Russian articles in this corpus"]
    seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    t0 = time.perf_counter()
    for d in ru:
        nd = Doc(d.text)
        nd.segment(seg)
        nd.tag_ner(ner)
    t_ner = time.perf_counter() - t0
    fresh = [Document(id=d.id, text=d.text) for d in ru]
    t0 = time.perf_counter()
    run(iter(fresh))
    t_ours = time.perf_counter() - t0
    return [f"compare on {len(ru)} Russian articles: natasha NER alone {t_ner:.2f} s, "
            f"our full pipeline (no database) {t_ours:.2f} s, ratio {t_ours / t_ner:.2f}x"]
