"""The benchmark corpus streams and is reproducible; `bench` reports what it promises."""
from __future__ import annotations

import inspect

from communique.bench import bench, corpus


def test_corpus_is_a_generator_of_about_3kb_articles():
    gen = corpus(100_000)
    assert inspect.isgenerator(gen)
    first = [next(gen) for _ in range(9)]
    assert [d.id.split("-")[1] for d in first] == ["az", "kk", "ru"] * 3
    assert all(3000 <= len(d.text.encode("utf-8")) < 6000 for d in first)
    assert len({d.text for d in first}) == 9
    assert [d.text for d in corpus(9)] == [d.text for d in first]  # same n and seed, same corpus


def test_corpus_one_language():
    assert {d.id.split("-")[1] for d in corpus(5, ["kk"])} == {"kk"}


def test_bench_report_on_a_few_articles():
    report = bench(4, langs=["kk"])
    for what in ("articles/s", "MB/s", "peak memory", "time per stage", "store", "events"):
        assert what in report
    events = int(report.split("events: ")[1].split()[0])
    assert events > 0


def test_hostile_shapes_have_the_size_asked_for():
    from communique.bench import SHAPES, hostile_text
    for shape in SHAPES:
        size = len(hostile_text(shape, 50_000).encode("utf-8"))
        assert 50_000 <= size < 55_000, shape
        assert hostile_text(shape, 50_000) == hostile_text(shape, 50_000)


def test_scaling_report_on_small_articles():
    from communique.bench import scaling
    report = scaling(["dots", "junk"], (10_000, 20_000))
    lines = report.splitlines()
    assert "growth" in lines[2] and "10 KB" in lines[2] and "20 KB" in lines[2]
    assert lines[3].split()[:2] == ["dots", "kk"] and lines[4].split()[:2] == ["junk", "kk"]
    # the article's events at each size: the same, and some (how many is the pipeline's business)
    small, large = lines[3].split()[-1].split("/")
    assert small == large and int(small) > 0 and "refused" not in report
