"""Marked-up article text (escaping, nesting) and chart geometry, built by hand."""
import re

import pytest

from communique.web import charts
from communique.web.markup import Marks, MentionMark, marked_html, merge_regions


def _href(eid):
    return "/entities/" + eid


def _text_of(html: str) -> str:
    """What a browser shows: tags dropped, entities decoded."""
    from html import unescape
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize("text, marks", [
    ("<script>alert(1)</script> Лавров встретился с Байрамовым.",
     Marks(merge_regions([(0, 57, "e1", "MEET")], 57), [MentionMark(26, 32, "person:lavrov", "person")])),
    ('Əliyev & "Tokayev" <b>', Marks(merge_regions([(0, 6, "e1", "CALL"), (3, 18, "e2", "MEET")], 22),
                                     [MentionMark(9, 18, "person:t<x>", "person", 'T"<')])),
    ("Қасым-Жомарт Тоқаев", Marks([], [MentionMark(13, 19, "p", None), MentionMark(10, 15, "overlap", None),
                                       MentionMark(15, 99, "out-of-range", None)])),
])
def test_marked_html_keeps_the_text_and_escapes_it(text, marks):
    html = str(marked_html(text, marks, _href))
    assert _text_of(html) == text
    assert "<script" not in html and "<b>" not in html
    assert html.count("<mark") == html.count("</mark>") and html.count("<a ") == html.count("</a>")


def test_marked_html_splits_a_mention_that_crosses_an_evidence_boundary():
    text = "Kassym-Jomart Tokayev called."
    html = str(marked_html(text, Marks(merge_regions([(14, 29, "e1", "CALL")], len(text)),
                                       [MentionMark(0, 21, "person:t", "person")]), _href))
    assert html == ('<a class="mention t-person" href="/entities/person:t" title="person:t">Kassym-Jomart </a>'
                    '<mark class="evidence" data-events="e1" title="evidence: CALL">'
                    '<a class="mention t-person" href="/entities/person:t" title="person:t">Tokayev</a>'
                    ' called.</mark>')


def test_overlapping_evidence_merges_into_one_region():
    regions = merge_regions([(0, 10, "a", "MEET"), (5, 20, "b", "SIGN"), (30, 40, "c", "CALL")], 35)
    assert [(r.start, r.end, r.events) for r in regions] == [(0, 20, ("a", "b")), (30, 35, ("c",))]


@pytest.mark.parametrize("dates, by", [
    (["2024-09-24", "2024-10-07"], "day"),
    (["2024-09-24", "2024-10"], "month"),
    (["2019", "2024-10"], "month"),
    (["2001", "2024-10"], "year"),
])
def test_chart_granularity(dates, by):
    assert charts.choose_granularity(dates) == by


def test_buckets_fill_empty_periods_and_count_coarser_dates():
    per_day = [{"date": "2024-01-05", "count": 2, "types": {"MEET": 2}},
               {"date": "2024-03", "count": 1, "types": {"CALL": 1}}, {"date": "2024", "count": 4, "types": {}},
               {"date": None, "count": 1, "types": {}}]
    series = charts.buckets(per_day, "month")
    assert [(r["period"], r["count"]) for r in series["rows"]] == [("2024-01", 2), ("2024-02", 0), ("2024-03", 1)]
    assert series["coarser"] == 5 and series["total"] == 8
    chart = charts.bar_chart(series)
    assert [b["h"] > 0 for b in chart["bars"]] == [True, False, True] and chart["max"] == 2


def test_network_drawing_keeps_nodes_and_labels_on_the_canvas():
    nodes = [{"id": f"n{i}", "label": "A rather long label " + str(i), "type": "person", "degree": 1}
             for i in range(6)]
    edges = [{"source": "n0", "target": f"n{i}", "meetings": 1} for i in range(1, 6)]
    d = charts.network_drawing({"nodes": nodes, "edges": edges}, width=500, height=400)
    for n in d["nodes"]:
        assert 0 <= n["x"] <= 500 and 0 <= n["y"] <= 400
        width = 7.6 * len(n["label"]) + 6
        left = {"start": n["lx"], "end": n["lx"] - width, "middle": n["lx"] - width / 2}[n["anchor"]]
        assert left >= 0 and left + width <= 500
    assert len(d["edges"]) == 5


def _scan_covering(items, a, b):
    return next((x for x in items if x.start <= a and b <= x.end), None)


def test_each_piece_is_covered_by_the_first_item_a_scan_finds():
    import random
    from itertools import pairwise

    from communique.web.markup import Region, _covering_each
    rng = random.Random(3)
    for _ in range(500):
        items = []
        for k in range(rng.randint(0, 8)):
            start = rng.randint(0, 30)
            items.append(Region(start, rng.randint(start + 1, 32), (str(k),)))  # overlapping too
        cuts = sorted({0, 32, *[x for r in items for x in (r.start, r.end)]})
        expected = [_scan_covering(items, a, b) for a, b in pairwise(cuts)]
        assert all(got is want for got, want in zip(_covering_each(items, cuts), expected, strict=True))


def test_a_page_with_thousands_of_mentions_marks_each_once():
    n = 16_000
    text = "Сергей Лавров. " * n
    mentions = [MentionMark(15 * k, 15 * k + 13, "person:sergey-lavrov", "person", "Лавров") for k in range(n)]
    regions = merge_regions([(15 * k, 15 * k + 14, f"e{k}", "MEET") for k in range(0, n, 4)], len(text))
    html = str(marked_html(text, Marks(regions, mentions), _href))
    assert html.count('<a class="mention') == n and html.count("<mark ") == n // 4
    assert _text_of(html) == text
