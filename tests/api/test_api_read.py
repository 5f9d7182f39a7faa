"""The JSON API on the sample corpus, on SQLite and on PostgreSQL."""
import pytest

TOKAYEV = "person:kassym-jomart-tokayev"
BAYRAMOV = "person:jeyhun-bayramov"


def test_api_index_lists_endpoints_and_counts(client):
    r = client.get("/api")
    assert r.status_code == 200
    body = r.json()
    assert body["counts"]["documents"] == 13 and body["counts"]["events"] > 20
    assert "GET /api/events" in body["endpoints"] and body["writes"] is False
    assert "POST /api/documents" not in body["endpoints"]


def test_openapi_schema_describes_the_api(client):
    schema = client.get("/openapi.json").json()
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"participant", "country", "organization", "type", "modality", "lang", "framework", "location",
            "since", "until", "sort", "limit", "offset"} <= params
    assert {"/api/documents", "/api/documents/{doc_id}", "/api/entities/{entity_id}", "/api/clusters/{cluster_id}",
            "/api/facts", "/api/search", "/events.json"} <= set(schema["paths"])
    assert "post" not in schema["paths"]["/api/documents"]


def test_documents_list_paginates_with_total(client):
    first = client.get("/api/documents", params={"limit": 5}).json()
    second = client.get("/api/documents", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] == 13
    assert len(first["items"]) == 5 and not {d["id"] for d in first["items"]} & {d["id"] for d in second["items"]}
    kk = client.get("/api/documents", params={"lang": "kk"}).json()
    assert kk["total"] == 4 and {d["lang"] for d in kk["items"]} == {"kk"}


def test_document_offsets_point_into_its_text(client):
    doc = client.get("/api/documents/sample-kk-1").json()
    text = doc["text"]
    assert doc["lang"] == "kk" and doc["events"]
    assert all(text[m["start"]:m["end"]] == m["text"] for e in doc["entities"] for m in e["mentions"])
    assert all(text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"] for e in doc["events"])


@pytest.mark.parametrize("path", ["/api/documents/no-such-doc", "/api/entities/person:nobody",
                                  "/api/events/ev-0000", "/api/clusters/st-0000", "/api/nothing-here"])
def test_unknown_ids_are_404_with_a_message(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
    assert set(r.json()) == {"error"} and len(r.json()["error"]) > 20


@pytest.mark.parametrize("name", ["Tokayev", "Тоқаев", "Токаев", "Kasım-Jomart Tokayev", TOKAYEV])
def test_entity_search_finds_any_name_in_any_script(client, name):
    found = client.get("/api/entities", params={"q": name}).json()["items"]
    assert found and found[0]["id"] == TOKAYEV


def test_entity_profile_names_positions_counterparts(client):
    p = client.get(f"/api/entities/{TOKAYEV}").json()
    scripts = {(n["lang"], n["script"]) for n in p["names"]}
    assert {("az", "Latn"), ("kk", "Cyrl"), ("ru", "Cyrl")} <= scripts
    assert any(x["role"] == "president" and x["of"] == "country:kz" and x["source"] == "kb" for x in p["positions"])
    assert any(x["source"] == "article" for x in p["positions"])
    aliyev = next(c for c in p["counterparts"] if c["id"] == "person:ilham-aliyev")
    assert aliyev["meetings"] == 1 and aliyev["reports"] == 2  # one call, reported in az and ru
    assert p["events"]["total"] >= 4 and p["documents"]["total"] >= 4 and p["timeline"]


def test_organisation_profile_members_and_chairs(client):
    p = client.get("/api/entities/org:sco").json()
    assert any(m["state"] == "country:kz" and m["role"] == "member" for m in p["memberships"])
    assert any(c["state"] == "country:kz" for c in p["chairs"])
    assert p["labels"]["country:kz"] == "Kazakhstan"
    country = client.get("/api/entities/country:az").json()
    assert any(c["organization"] == "org:cica" for c in country["chairs"])
    assert any(h["person"] == "person:ilham-aliyev" for h in country["office_holders"])


@pytest.mark.parametrize("params, check", [
    ({"type": "call"}, lambda e: e["type"] == "CALL"),
    ({"lang": "kk"}, lambda e: e["lang"] == "kk"),
    ({"participant": "Байрамов"}, lambda e: BAYRAMOV in e["participants"]),
    ({"participant": "Ceyhun Bayramov", "type": "MEET"}, lambda e: BAYRAMOV in e["participants"]),
    ({"country": "Qazaxıstan"}, lambda e: e["participants"]),
    # the organisation, or one of its summits (the knowledge base's SCO summits are gathering:sco-summit-YYYY)
    ({"organization": "ШЫҰ"}, lambda e: any(x == "org:sco" or (x or "").startswith("gathering:sco-")
                                           for x in [*e["participants"], e["framework"]])),
    ({"location": "Astana"}, lambda e: e["location"] == "loc:astana"),
    ({"framework": "gathering:unga-79"}, lambda e: e["framework"] == "gathering:unga-79"),
    ({"modality": "planned"}, lambda e: e["modality"] == "planned"),
    # dates are intervals: an event dated "2024" overlaps July-August 2024
    ({"since": "2024-07", "until": "2024-08"}, lambda e: e["date_start"] <= "2024-08-31" and e["date_end"] >= "2024-07-01"),
])
def test_event_filters(client, params, check):
    r = client.get("/api/events", params=params).json()
    assert r["total"] == len(r["items"]) > 0
    assert all(check(e) for e in r["items"]), r["items"]


def test_event_filter_by_country_includes_its_office_holders(client):
    r = client.get("/api/events", params={"country": "Казахстан", "limit": 1000}).json()
    assert r["resolved"]["country"] == ["country:kz"]
    assert any(TOKAYEV in e["participants"] and "country:kz" not in e["participants"] for e in r["items"])
    everything = client.get("/api/events", params={"limit": 1000}).json()["total"]
    assert 0 < r["total"] < everything


def test_events_sort_and_paginate(client):
    asc = client.get("/api/events", params={"sort": "date", "limit": 1000}).json()["items"]
    dates = [e["date"] for e in asc if e["date"]]
    assert dates == sorted(dates)
    page1 = client.get("/api/events", params={"limit": 7}).json()
    page2 = client.get("/api/events", params={"limit": 7, "offset": 7}).json()
    assert page1["total"] == page2["total"] == len(asc)
    assert not {e["id"] for e in page1["items"]} & {e["id"] for e in page2["items"]}


@pytest.mark.parametrize("query, parameter", [
    ("type=FOO", "type"), ("limit=0", "limit"), ("limit=5000", "limit"), ("offset=-1", "offset"),
    ("since=2024-13", "since"), ("since=someday", "since"), ("until=2024-1", "until"), ("until=2024-02-30", "until"),
    ("sort=size", "sort"), ("modality=maybe", "modality"),
    ("lang=Kazakh", "lang"), ("limit=ten", "limit"),
])
def test_bad_event_parameters_are_422_naming_the_parameter(client, query, parameter):
    r = client.get("/api/events?" + query)
    assert r.status_code == 422
    assert f"parameter '{parameter}'" in r.json()["error"]


def test_event_detail_has_every_report_of_its_cluster(client):
    ev = client.get("/api/events", params={"participant": "Nurtleu", "type": "MEET", "lang": "az"}).json()["items"][0]
    detail = client.get(f"/api/events/{ev['id']}").json()
    assert detail["event"]["id"] == ev["id"]
    assert {r["lang"] for r in detail["reports"]} == {"az", "kk"}
    for r in detail["reports"]:
        ev_ = r["evidence"]
        assert r["document"]["text"][ev_["start"]:ev_["end"]] == ev_["text"]


def test_clusters_list_and_one_cluster(client):
    page = client.get("/api/clusters", params={"limit": 50}).json()
    multi = [c for c in page["items"] if len(c["languages"]) > 1]
    assert page["total"] >= len(page["items"]) > 0 and multi
    one = client.get(f"/api/clusters/{multi[0]['id']}").json()
    assert len(one["reports"]) >= 2 and "text" not in one["reports"][0]["document"]
    assert client.get("/api/clusters", params={"type": "call"}).json()["items"][0]["type"] == "CALL"


def test_facts_by_subject_name(client):
    r = client.get("/api/facts", params={"subject": "Bayramov", "relation": "holds_position"}).json()
    assert r["total"] > 0 and {f["subject"] for f in r["items"]} == {BAYRAMOV}
    assert all(f["evidence"]["text"] for f in r["items"] if f["evidence"])


def test_search_finds_an_entity_by_any_name_and_its_documents_in_every_language(client):
    r = client.get("/api/search", params={"q": "Тоқаев"}).json()
    assert r["entities"][0]["id"] == TOKAYEV
    assert {d["lang"] for d in r["documents"]["items"]} == {"az", "kk", "ru"}
    words = client.get("/api/search", params={"q": "декларация"}).json()  # plain words, any case
    assert words["documents"]["total"] >= 0
    assert client.get("/api/search", params={"q": "Astana Declaration"}).status_code == 200


def test_timeline_and_network(client):
    days = client.get("/api/timeline", params={"participant": "Tokayev"}).json()["items"]
    assert days and sum(d["count"] for d in days) >= 4
    net = client.get("/api/network").json()
    pair = next(e for e in net["edges"] if {e["source"], e["target"]} == {BAYRAMOV, "person:murat-nurtleu"})
    assert pair["meetings"] == 1 and pair["reports"] == 2
    assert all(n["label"] for n in net["nodes"])
    az = client.get("/api/network", params={"country": "Azerbaijan", "types": "MEET"}).json()
    assert az["edges"] and len(az["edges"]) < len(net["edges"]) + 1
