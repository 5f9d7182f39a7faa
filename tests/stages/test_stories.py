import itertools

import pytest

from communique.document import Event, Evidence
from communique.stages.stories import Cluster, StoryIndex, dates_compatible


def _event(parts, date=None, type_="MEET"):
    return Event(id="e", type=type_, participants=list(parts), evidence=Evidence(0, 1, ""), date=date)


@pytest.mark.parametrize("first", ["st-ab", "st-ac"])
def test_an_event_matching_two_clusters_joins_the_oldest(kb, first):
    clusters = {"st-ab": Cluster("st-ab", "MEET", frozenset({"person:a", "person:b"}), None),
                "st-ac": Cluster("st-ac", "MEET", frozenset({"person:a", "person:c"}), None)}
    index = StoryIndex(kb)
    index.add(clusters[first])
    index.add(clusters["st-ac" if first == "st-ab" else "st-ab"])
    # Both clusters agree with the event; the answer must not depend on set iteration order.
    for parts in itertools.permutations(["person:a", "person:b", "person:c"]):
        assert index.find(_event(parts)).id == first


def test_reports_join_across_languages_when_participants_and_dates_agree(kb):
    index = StoryIndex(kb)
    a = index.assign(_event(["person:x", "person:y"], "2024-09-24"))
    assert index.assign(_event(["person:y", "person:x"], "2024-09-25")) == a
    assert index.assign(_event(["person:y", "person:x"], "2024-10-30")) != a
    assert index.assign(_event(["person:x", "person:y"], "2024-09-24", "CALL")) != a


def test_dates_compatible_tolerates_partial_dates():
    assert dates_compatible("2024-09", "2024-09-24")
    assert not dates_compatible("2024-08", "2024-09-24")
    assert dates_compatible(None, "2024-09-24")
