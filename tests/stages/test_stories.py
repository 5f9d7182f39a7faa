import itertools

import pytest

from communique.document import Document, Event, Evidence
from communique.stages.stories import Cluster, StoryIndex, date_points, dates_compatible

AZ, KZ, AM, RU = "country:az", "country:kz", "country:am", "country:ru"


def _event(parts, date=None, type_="MEET", *, id="e", location=None, framework=None, text=""):
    return Event(id=id, type=type_, participants=list(parts), evidence=Evidence(0, len(text), text), date=date,
                 location=location, framework=framework)


def _feed(index, *events):
    return [index.assign(_event(*e[:-1], **e[-1]) if isinstance(e[-1], dict) else _event(*e)) for e in events]


@pytest.mark.parametrize("first", ["st-ab", "st-ac"])
def test_an_event_matching_two_clusters_joins_the_oldest(kb, first):
    clusters = {"st-ab": Cluster("st-ab", "CONVENE", frozenset({"org:x", "person:b"}), "2024-09"),
                "st-ac": Cluster("st-ac", "CONVENE", frozenset({"org:x", "person:c"}), "2024-09")}
    index = StoryIndex(kb)
    index.add(clusters[first])
    index.add(clusters["st-ac" if first == "st-ab" else "st-ab"])
    # Both clusters score the same; the answer must not depend on set iteration order.
    for parts in itertools.permutations(["org:x", "person:b", "person:c"]):
        assert index.find(_event(parts, "2024-09", "CONVENE")).id == first


def test_reports_join_across_languages_when_participants_and_dates_agree(kb):
    index = StoryIndex(kb)
    a = index.assign(_event(["person:x", "person:y"], "2024-09-24", id="1"))
    assert index.assign(_event(["person:y", "person:x"], "2024-09-25", id="2")) == a
    assert index.assign(_event(["person:y", "person:x"], "2024-10-30", id="3")) != a
    assert index.assign(_event(["person:x", "person:y"], "2024-09-24", "CALL", id="4")) != a


def test_a_leader_and_the_state_they_lead_are_one_party(kb):
    """Aliyev and Tokayev in one report, Azerbaijan and Kazakhstan in the other: one call."""
    index = StoryIndex(kb)
    a = index.assign(_event(["person:ilham-aliyev", "person:kassym-jomart-tokayev"], "2024-12-27", "CALL", id="1"))
    assert index.assign(_event([AZ, KZ], "2024-12", "CALL", id="2")) == a


def test_a_report_missing_a_participant_still_joins(kb):
    index = StoryIndex(kb)
    a = index.assign(_event(["person:ilham-aliyev", "person:nikol-pashinyan", "person:donald-trump"],
                            "2025-08-08", id="1"))
    assert index.assign(_event(["person:ilham-aliyev", "person:nikol-pashinyan"], "2025-08-08", id="2")) == a


def test_the_same_leader_with_another_counterpart_is_another_meeting(kb):
    index = StoryIndex(kb)
    a = index.assign(_event([AZ, AM], "2025-08-08", id="1"))
    assert index.assign(_event([AZ, KZ], "2025-08-08", id="2")) != a


def test_a_named_gathering_identifies_its_convene_whatever_the_dates(kb):
    """One report dates COP29 to its month, another to a wrong year: the gathering decides."""
    index = StoryIndex(kb)
    a = index.assign(_event(["gathering:cop29", AZ], "2024-11", "CONVENE", id="1"))
    assert index.assign(_event(["gathering:cop29"], "2023-11-11", "CONVENE", id="2")) == a


def test_two_years_of_one_series_are_two_gatherings(kb):
    index = StoryIndex(kb)
    a = index.assign(_event(["new:gathering:cis-summit-2023", "org:cis"], "2023-10-13", "CONVENE", id="1"))
    assert index.assign(_event(["new:gathering:cis-summit-2024", "org:cis"], "2023-10-13", "CONVENE", id="2")) != a


def test_a_series_named_without_year_joins_the_dated_one_on_the_same_day(kb):
    index = StoryIndex(kb)
    a = index.assign(_event(["new:gathering:cis-summit", "org:cis", "person:ilham-aliyev"], "2022-10-14",
                            "CONVENE", id="1", location="loc:astana"))
    assert index.assign(_event(["new:gathering:cis-summit-2022", RU], "2022-10-14", "CONVENE", id="2")) == a


def test_documents_signed_with_no_signer_belong_to_the_gathering(kb):
    index = StoryIndex(kb)
    a = index.assign(_event(["new:gathering:cis-summit-2023", "org:cis", AZ], "2023-10-13", "CONVENE",
                            id="1", framework="org:cis"))
    assert index.assign(_event(["org:cis"], "2023-10-13", "SIGN", id="2", framework="org:cis")) == a
    # a document signed by states is its own event (and may share the occasion)
    assert index.assign(_event([AZ, KZ], "2023-10-13", "SIGN", id="3", framework="org:cis")) != a


def test_an_undated_report_needs_strong_evidence(kb):
    index = StoryIndex(kb)
    a = index.assign(_event([AZ, AM], "2024-09-24", id="1", text="Aliyev met Pashinyan in Almaty"))
    assert index.assign(_event([AZ, AM], None, id="2", text="The ministers discussed the peace agenda")) != a
    # near-identical evidence (a reprint) is strong enough
    assert index.assign(_event([AZ, AM], None, id="3", text="Aliyev met Pashinyan in Almaty.")) == a


def test_an_undated_chairmanship_of_one_state_and_body_joins_the_dated_one(kb):
    index = StoryIndex(kb)
    a = index.assign(_event(["country:tj", "org:cis"], "2025", "CHAIR", id="1"))
    assert index.assign(_event(["country:tj", "org:cis"], None, "CHAIR", id="2")) == a
    # another state taking part (a handover) is not that chairmanship alone
    assert index.assign(_event([KZ, "country:tj", "org:cis"], None, "CHAIR", id="3")) != a


def test_an_undated_report_joins_its_series_in_the_same_city(kb):
    index = StoryIndex(kb)
    a = index.assign(_event(["new:gathering:csto-summit-2022", "person:nikol-pashinyan"], "2022-11-23",
                            "CONVENE", id="1", location="loc:yerevan"))
    assert index.assign(_event(["new:gathering:csto-summit", "person:nikol-pashinyan"], None, "CONVENE",
                               id="2", location="loc:yerevan")) == a
    assert index.assign(_event(["new:gathering:csto-summit", "person:nikol-pashinyan"], None, "CONVENE",
                               id="3", location="loc:baku")) != a


def test_a_side_meeting_shares_the_occasion_of_its_gathering(kb):
    index = StoryIndex(kb)
    summit = index.assign(_event(["new:gathering:cis-summit-2022", "org:cis"], "2022-10-14", "CONVENE", id="1",
                                 framework="org:cis"))
    talks = index.assign(_event(["person:ilham-aliyev", "person:vladimir-putin"], "2022-10-14", "MEET", id="2",
                                framework="org:cis"))
    assert talks != summit
    assert index.clusters[talks].occasion == index.clusters[summit].occasion is not None
    elsewhere = index.assign(_event([AZ, KZ], "2022-12-01", "MEET", id="3", framework="org:cis"))
    assert index.clusters[elsewhere].occasion is None


def test_cluster_ids_depend_on_input_only(kb):
    def run():
        index = StoryIndex(kb)
        doc = Document(id="d", text="", events=[
            _event([AZ, AM], "2024-09-24", id="ev-1"), _event(["person:ilham-aliyev", "person:nikol-pashinyan"],
                                                              "2024-09-24", id="ev-2")])
        index.assign_document(doc)
        return [e.cluster for e in doc.events]
    assert run() == run()
    assert run()[0] == run()[1]


@pytest.mark.parametrize("a, b, points", [
    ("2024-09-24", "2024-09-24", 3.0), ("2024-09-24", "2024-09-26", 1.0), ("2024-09-24", "2024-09-30", None),
    ("2024-09", "2024-09-24", 1.5), ("2024-08", "2024-09-24", None), ("2024", "2024-09-24", 0.0),
    (None, "2024-09-24", 0.0),
])
def test_date_points_by_precision(a, b, points):
    assert date_points(a, b) == points


def test_dates_compatible_tolerates_partial_dates():
    assert dates_compatible("2024-09", "2024-09-24")
    assert not dates_compatible("2024-08", "2024-09-24")
    assert dates_compatible(None, "2024-09-24")


def test_a_chairmanship_is_dated_to_its_year():
    assert date_points("2025", "2025-10-10", "CHAIR") == 1.0
    assert date_points("2024", "2025-10-10", "CHAIR") is None


def test_talks_and_a_signing_on_one_day_in_one_place_are_one_occasion(kb):
    """A summit with no name of its own: the leaders' talks and the declaration they sign."""
    index = StoryIndex(kb)
    talks = index.assign(_event(["person:donald-trump", "person:nikol-pashinyan"], "2025-08-08", id="1",
                                location="loc:washington"))
    assert index.clusters[talks].occasion is None  # alone, it is an event, not an occasion
    signing = index.assign(_event(["person:ilham-aliyev", "person:nikol-pashinyan"], "2025-08-08", "SIGN", id="2",
                                  location="loc:washington"))
    assert index.clusters[talks].occasion == index.clusters[signing].occasion is not None
    other = index.assign(_event([AZ, KZ], "2025-08-08", id="3", location="loc:astana"))
    assert index.clusters[other].occasion is None
