"""Throughput of the full pipeline on a corpus generated from the bundled sample.

The corpus is a generator: documents are made as the pipeline asks for them, so
memory stays flat however many articles are asked for. The same ``n``, ``langs``
and ``seed`` always give the same documents.
"""
from __future__ import annotations

import json
import random
import re
import resource
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice, pairwise
from pathlib import Path

from .document import Document
from .pipeline import Limits

_TARGET_BYTES = 3000
COMPARE_MAX = 1000  # Russian articles timed by --compare
_NUMBER = re.compile(r"\b([1-9]|1\d|2[0-8])\b")


def sample_articles() -> list[dict]:
    path = Path(str(resources.files("communique").joinpath("sample/articles.jsonl")))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def _vary(text: str, rng: random.Random) -> str:
    """Shuffle paragraphs and change numbers so no two generated articles are equal."""
    paras = [p for p in text.split("\n") if p.strip()]
    head, body = paras[:1], paras[1:]
    rng.shuffle(body)
    out = "\n".join(head + body)
    return _NUMBER.sub(lambda m: str(rng.randint(1, 28)), out)


def corpus(n: int, langs: list[str] | None = None, seed: int = 7) -> Iterator[Document]:
    """n documents of about 3 KB, equal shares of the requested languages, one at a time."""
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


class MemoryPeak:
    """Samples the resident memory of this process plus its worker processes."""

    def __init__(self, every: float = 0.25):
        self.every = every
        self.peak_total = 0  # bytes, all processes together
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> MemoryPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        try:
            import psutil
        except ImportError:  # without psutil only the per-process maxima below are reported
            return
        me = psutil.Process()
        while not self._stop.wait(self.every):
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:  # a worker that just ended
                    pass
            self.peak_total = max(self.peak_total, total)


def _max_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own / 1024, kids / 1024


@dataclass
class Progress:
    """Counts documents and bytes and notes the time at each tenth of the run."""
    n: int
    t0: float = field(default_factory=time.perf_counter)
    done: int = 0
    bytes: int = 0
    first: float | None = None  # seconds until the first article was finished
    marks: list[float] = field(default_factory=list)

    def counted(self, docs: Iterable[Document]) -> Iterator[Document]:
        for d in docs:
            self.bytes += len(d.text.encode("utf-8"))
            yield d

    def on_doc(self, _doc) -> None:
        self.done += 1
        now = time.perf_counter() - self.t0
        if self.first is None:
            self.first = now
        if self.n >= 10 and self.done % (self.n // 10) == 0 and len(self.marks) < 10:
            self.marks.append(now)

    def tenths_ms(self) -> list[float]:
        """Milliseconds per article in each tenth of the run (the first includes start-up)."""
        step = self.n // 10
        edges = [0.0, *self.marks]
        return [1000 * (b - a) / step for a, b in pairwise(edges)]


def bench(n: int, langs: list[str] | None = None, jobs: int = 1, db: str | None = None,
          compare: bool = False) -> str:
    """Run the full pipeline on n generated articles into a fresh database; a report to print."""
    from .batch.local import limit_blas_threads, run
    from .kb import load
    from .storage import open_store
    limit_blas_threads()
    codes = sorted(langs or ["az", "kk", "ru"])
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(db or f"sqlite:///{Path(tmp) / 'bench.db'}", load())
        progress = Progress(n)
        with MemoryPeak() as mem:
            summary = run(progress.counted(corpus(n, langs)), store=store, jobs=jobs, force=True,
                          on_doc=progress.on_doc)
            elapsed = time.perf_counter() - progress.t0
        store.close()
    own, kid = _max_rss_mb()
    mb = progress.bytes / 2**20
    steady = (n - 1) / (elapsed - progress.first) if n > 1 and progress.first and elapsed > progress.first else 0
    lines = [(f"articles: {n} ({', '.join(codes)}), {progress.bytes / n / 1024:.1f} KB each on average, "
              f"jobs={jobs}, {'database ' + db if db else 'fresh SQLite file'}"),
             (f"time: {elapsed:.1f} s   {n / elapsed:.1f} articles/s   {mb / elapsed:.3f} MB/s   "
              f"{1000 * elapsed / n:.1f} ms/article"),
             (f"start-up (pipeline built, first article done): {progress.first or 0:.1f} s; "
              f"after it {steady:.1f} articles/s"),
             "ms/article by tenth of the run: " + " ".join(f"{x:.0f}" for x in progress.tenths_ms()),
             (f"peak memory: {mem.peak_total / 2**20:.0f} MB all processes together (sampled); "
              f"max RSS {own:.0f} MB main process, {kid:.0f} MB largest worker"),
             f"events: {summary.events}   failed: {summary.failed}"]
    lines += _stage_lines(summary.timings, n, jobs)
    if compare:
        lines += compare_natasha(n, langs)
    return "\n".join(lines)


def _stage_lines(timings: dict[str, float], n: int, jobs: int) -> list[str]:
    from .registry import DEFAULT
    order = [s for s in DEFAULT if s in timings] + [s for s in timings if s not in DEFAULT]
    total = sum(timings.values()) or 1.0
    where = "summed over workers; store is the main process writing" if jobs > 1 else "store is the database writes"
    out = [f"time per stage ({where}):"]
    for name in order:
        secs = timings[name]
        out.append(f"  {name:10} {secs:8.2f} s  {100 * secs / total:5.1f}%  {1000 * secs / n:7.2f} ms/article")
    return out


def compare_natasha(n: int, langs: list[str] | None = None, limit: int = COMPARE_MAX) -> list[str]:
    """natasha's NER alone against our full pipeline (no database), on the same Russian articles,
    one process each, models loaded beforehand."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    from .batch.local import limit_blas_threads
    from .registry import build
    limit_blas_threads()
    ru = list(islice((d for d in corpus(n, langs) if d.id.startswith("bench-ru-")), limit))
    if not ru:
        return ["compare: no Russian articles in this corpus"]
    warm = next(corpus(1, ["ru"], seed=1))
    seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())

    def natasha_ner(text: str) -> None:
        nd = Doc(text)
        nd.segment(seg)
        nd.tag_ner(ner)
    natasha_ner(warm.text)
    t0 = time.perf_counter()
    for d in ru:
        natasha_ner(d.text)
    t_ner = time.perf_counter() - t0
    pipe = build()
    pipe(Document(id=warm.id, text=warm.text))
    t0 = time.perf_counter()
    for d in ru:
        pipe(Document(id=d.id, text=d.text))
    t_ours = time.perf_counter() - t0
    k = len(ru)
    first = f" (the first {limit})" if k == limit else ""
    return [(f"compare on {k} Russian articles{first}: "
             f"natasha NER alone {t_ner:.2f} s ({1000 * t_ner / k:.1f} ms/article), "
             f"our full pipeline without database {t_ours:.2f} s ({1000 * t_ours / k:.1f} ms/article), "
             f"ratio {t_ours / t_ner:.2f}x")]


# Hostile shapes of one long article, for ``scaling``: (language of the article around it, the
# unit repeated, where it goes). "paragraph": a paragraph of its own after a real article; "token":
# one token at the start of the article's first paragraph (its title), of characters drawn at
# random from the unit (the same ones every time); "repeat": the article itself, again and again.
SHAPES: dict[str, tuple[str, str, str]] = {
    "name": ("ru", "Сергей Лавров ", "paragraph"),  # one name repeated
    "initials": ("ru", "А. ", "paragraph"),  # a boundary candidate that is never a boundary
    "dots": ("kk", ". ", "paragraph"),
    "parens": ("az", "( ", "paragraph"),
    "quotes": ("kk", "\" ", "paragraph"),
    "junk": ("kk", "abcdefghijklmnopqrstuvwxyz", "token"),  # 300k such letters made a Kazakh paragraph Uzbek
    "marks": ("ru", "".join(map(chr, range(0x300, 0x370))), "token"),  # combining accents on one letter
    "article": ("az", "", "repeat"),  # a real article repeated: every stage at work
}
SCALING_SIZES = (10_000, 100_000, 500_000, 2_000_000)  # UTF-8 bytes


def hostile_text(shape: str, size: int) -> str:
    """An article of about ``size`` UTF-8 bytes in a hostile shape (``SHAPES``)."""
    code, unit, where = SHAPES[shape]
    lead = next(a["text"] for a in sample_articles() if a["lang"] == code)
    room = max(0, size - len(lead.encode("utf-8")))
    if where == "repeat":
        copies = size // len(lead.encode("utf-8")) + 1
        return "\n\n".join([lead] * copies)
    if where == "paragraph":
        return f"{lead}\n\n{unit * (room // len(unit.encode('utf-8')) + 1)}"
    flood = "".join(random.Random(size).choices(unit, k=room // len(unit[0].encode("utf-8")) + 1))
    return f"{lead[:1]}{flood} {lead}"


def _scaling_rows(shape: str, sizes: tuple[int, ...], limits: Limits) -> list[dict]:
    """One shape at growing sizes, in a process of its own (its peak memory is its own)."""
    from .batch.local import limit_blas_threads
    from .registry import Config, build
    limit_blas_threads()
    pipe = build(Config(limits=limits))
    pipe(Document("warm", hostile_text(shape, 1)))  # models loaded before the clock starts
    rows = []
    for size in sizes:
        text = hostile_text(shape, size)
        t0 = time.perf_counter()
        doc = pipe(Document(f"{shape}-{size}", text))
        seconds = time.perf_counter() - t0
        rows.append({"shape": shape, "bytes": len(text.encode("utf-8")), "seconds": seconds,
                     "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                     "lang": doc.lang, "events": len(doc.events),
                     "failure": doc.failure.error if doc.failure else None})
    return rows


def scaling(shapes: list[str] | None = None, sizes: tuple[int, ...] | None = None,
            limits: Limits | None = None) -> str:
    """Time per KB of one article in each hostile shape (``SHAPES``) from 10 KB to 2 MB, a report to
    print. The pipeline is linear in article length where the time per KB stays flat: "growth" is
    the time per KB of the largest article over that of the smallest. Each shape runs in a fresh
    process, so its peak memory is its own."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    sizes = tuple(sizes or SCALING_SIZES)
    limits = Limits() if limits is None else limits
    lines = [f"one article per size, {limits}",
             "ms per KB (UTF-8) at each size; growth = largest / smallest; peak RSS of the process "
             "(natasha's models, loaded for Russian, take about 300 MB)",
             f"{'shape':9} {'lang':4} " + " ".join(f"{_kb(s):>8}" for s in sizes) + "   growth  peak RSS  events"]
    for shape in shapes or list(SHAPES):
        with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
            rows = pool.submit(_scaling_rows, shape, sizes, limits).result()
        per_kb = [None if r["failure"] else 1000 * r["seconds"] / (r["bytes"] / 1024) for r in rows]
        done = [x for x in per_kb if x is not None]
        growth = f"{done[-1] / done[0]:7.2f}x" if len(done) > 1 else "       -"
        lang = next((r["lang"] for r in reversed(rows) if r["lang"]), "")
        lines.append(f"{shape:9} {lang:4} "
                     + " ".join(f"{'refused':>8}" if x is None else f"{x:8.2f}" for x in per_kb)
                     + f"  {growth}  {rows[-1]['rss_mb']:5.0f} MB  {'/'.join(str(r['events']) for r in rows)}")
        lines += [f"  {_kb(r['bytes'])} refused: {r['failure']}" for r in rows if r["failure"]]
    return "\n".join(lines)


def _kb(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"
