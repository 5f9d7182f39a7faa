"""Every GET route answers a NUL character or an integer no database holds with 422 and a message
(JSON under /api and for the .json twins, the error page for HTML pages), never 500, on SQLite and
on PostgreSQL (which refuses NUL in a query with an error)."""
import re

import pytest

from communique.validation import MAX_INT

EVENT_FILTERS = ("participant", "country", "organization", "type", "modality", "lang", "framework", "location",
                 "since", "until", "cluster", "sort")

# Every GET route of the app and the string parameters it reads ("{...}": a path parameter).
ROUTES = {
    "/api": (), "/api/documents": ("lang", "entity"), "/api/documents/{doc_id:path}": (),
    "/api/entities": ("q",), "/api/entities/{entity_id}": (), "/api/events": (*EVENT_FILTERS, "types", "format"),
    "/api/events/{event_id}": (), "/api/clusters": ("type", "since", "until"), "/api/clusters/{cluster_id}": (),
    "/api/facts": ("subject", "relation", "of"), "/api/search": ("q",), "/api/timeline": EVENT_FILTERS,
    "/api/network": (*EVENT_FILTERS, "types"),
    "/": (), "/index.json": (), "/api-docs": (), "/api-docs.json": (),
    "/events": EVENT_FILTERS, "/events.json": EVENT_FILTERS,
    "/events/{event_id}": (), "/events/{event_id}.json": (),
    "/clusters": ("type", "since", "until"), "/clusters.json": ("type", "since", "until"),
    "/clusters/{cluster_id}": (), "/clusters/{cluster_id}.json": (),
    "/api/occasions/{occasion_id}": (), "/occasions/{occasion_id}": (), "/occasions/{occasion_id}.json": (),
    "/entities": ("q", "type"), "/entities.json": ("q", "type"),
    "/entities/{entity_id}": (), "/entities/{entity_id}.json": (),
    "/documents": ("lang", "entity"), "/documents.json": ("lang", "entity"),
    "/documents/{doc_id:path}": (), "/documents/{doc_id:path}.json": (),
    "/network": (*EVENT_FILTERS, "types"), "/network.json": (*EVENT_FILTERS, "types"),
    "/timeline": (*EVENT_FILTERS, "by"), "/timeline.json": (*EVENT_FILTERS, "by"),
    "/search": ("q",), "/search.json": ("q",),
    "/map": EVENT_FILTERS, "/map.json": EVENT_FILTERS,
}
PAGED = ["/api/documents", "/api/events", "/api/clusters", "/api/facts", "/api/timeline", "/api/network",
         "/events", "/events.json", "/clusters", "/clusters.json", "/documents", "/documents.json",
         "/network", "/network.json", "/timeline", "/timeline.json", "/map", "/map.json"]
NUL = "a\x00b"


def _fill(path: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", value, path)


def _assert_422(r, says: str) -> None:
    assert r.status_code == 422, (r.status_code, r.text[:300])
    if r.url.path == "/api" or r.url.path.startswith("/api/") or r.url.path.endswith(".json"):
        assert r.headers["content-type"].startswith("application/json")
        assert set(r.json()) == {"error"} and says in r.json()["error"]
    else:
        assert r.headers["content-type"].startswith("text/html") and says in r.text


@pytest.fixture(scope="module")
def probe(sample_url):
    """The read-only app over the sample; a server error comes back as a response, not an exception."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    from communique.api.app import create_app
    with TestClient(create_app(sample_url), raise_server_exceptions=False) as c:
        yield c


def test_routes_name_every_get_route_of_the_app(probe):
    served = {r.path for r in probe.app.routes if "GET" in (getattr(r, "methods", None) or ())}
    assert served - {"/openapi.json"} == set(ROUTES)


@pytest.mark.parametrize("path, name", [(p, n) for p, names in ROUTES.items() if "{" not in p
                                        for n in names or ("x",)])
def test_nul_in_a_query_parameter_is_422(probe, path, name):
    _assert_422(probe.get(path, params={name: NUL}), "NUL")


@pytest.mark.parametrize("path", [p for p in ROUTES if "{" in p])
def test_nul_in_a_path_id_is_422(probe, path):
    _assert_422(probe.get(_fill(path, "a%00b")), "NUL")


@pytest.mark.parametrize("value", [str(2**63), str(10**40), str(-2**63 - 1), "9" * 5000])
@pytest.mark.parametrize("path", PAGED)
def test_offset_no_database_holds_is_422(probe, path, value):
    _assert_422(probe.get(path, params={"offset": value}), "offset")


@pytest.mark.parametrize("path", ["/api/documents", "/api/entities", "/api/events", "/api/clusters", "/api/facts",
                                  "/api/search", "/documents.json", "/clusters.json"])
def test_limit_out_of_range_is_422(probe, path):
    _assert_422(probe.get(path, params={"q": "x", "limit": str(2**63)}), "limit")


def test_integer_parameters_of_the_schema_are_all_probed(probe):
    """The PAGED routes are every route with an offset, and offsets and limits are the only integers."""
    schema = probe.get("/openapi.json").json()
    ints = {(path, p["name"]) for path, ops in schema["paths"].items() for p in ops.get("get", {}).get("parameters", ())
            if p["schema"].get("type") == "integer" or any(s.get("type") == "integer"
                                                             for s in p["schema"].get("anyOf", ()))}
    assert {name for _, name in ints} == {"limit", "offset"}
    assert {path for path, name in ints if name == "offset"} <= set(PAGED)


@pytest.mark.parametrize("path", ["/api/documents", "/api/events", "/api/clusters", "/api/facts", "/documents.json"])
def test_the_largest_offset_is_an_empty_page(probe, path):
    r = probe.get(path, params={"offset": str(MAX_INT)})
    assert r.status_code == 200, r.text[:300]
    assert r.json()["items"] == [] and r.json()["offset"] == MAX_INT
