"""Occasions, per-field support and counterparts of every kind, through the real app, on SQLite
and PostgreSQL: the sample plus three reports of one summit in three languages."""
from __future__ import annotations

import warnings
from importlib import resources
from pathlib import Path

import pytest

SAMPLE = Path(str(resources.files("communique").joinpath("sample/articles.jsonl")))
OCCASION = Path(__file__).parents[1] / "web" / "data" / "occasion.jsonl"
ALIYEV, TOKAYEV, SUMMIT = "person:ilham-aliyev", "person:kassym-jomart-tokayev", "gathering:cica-summit-6"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request, tmp_path_factory):
    from communique.api.app import create_app
    from communique.batch.local import run
    from communique.kb import load as load_kb
    from communique.stages.ingest import read
    from communique.storage import open_store
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('occasions') / 'o.db'}"
    else:
        import psycopg
        server = request.getfixturevalue("pg_server")
        base = server.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "api_occasions"')
            conn.execute('CREATE DATABASE "api_occasions"')
        url = f"{server}/api_occasions"
    store = open_store(url, load_kb())
    run(read([str(SAMPLE), str(OCCASION)]), store=store)
    store.close()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    with TestClient(create_app(url)) as c:
        yield c


def _summit_cluster(client) -> dict:
    events = client.get("/api/events", params={"participant": SUMMIT, "limit": 50}).json()["items"]
    ours = [e for e in events if e["doc_id"].startswith("occasion-")]
    assert len({e["cluster"] for e in ours}) == 1, ours  # three languages, one record
    return client.get(f"/api/clusters/{ours[0]['cluster']}").json()


def test_reports_in_three_languages_are_one_cluster_with_field_support(client):
    cluster = _summit_cluster(client)
    assert {"az", "kk", "ru"} <= set(cluster["languages"])
    fields = {f["field"]: f for f in cluster["fields"]}
    date = fields["date"]
    assert date["consensus"] == "2022-10-13" and date["disagreement"]
    support = {v["value"]: v for v in date["values"]}
    assert support["2022-10-13"]["reports"] >= 2 and support["2022-10-13"]["agrees"]
    assert support["2022-10-12"]["languages"] == {"az": 1} and not support["2022-10-12"]["agrees"]
    assert fields["location"]["consensus"] == "loc:astana" and not fields["location"]["disagreement"]
    named = {v["value"]: v["reports"] for v in fields["participants"]["values"]}
    assert named[SUMMIT] >= 3 and named[ALIYEV] >= 2


def test_the_occasion_page_and_its_json_twin(client):
    cluster = _summit_cluster(client)
    assert cluster["occasion"]
    occasion = client.get(f"/api/occasions/{cluster['occasion']}").json()
    assert cluster["id"] in [c["id"] for c in occasion["clusters"]] and occasion["main"]
    assert {"az", "kk", "ru"} <= set(occasion["languages"])
    assert client.get(f"/occasions/{cluster['occasion']}.json").json()["fields"] == occasion["fields"]
    html = client.get(f"/occasions/{cluster['occasion']}").text
    assert "reports disagree" in html and "contradicts the consensus" in html
    assert client.get(f"/clusters/{cluster['id']}").text.count('class="support"') == 5
    assert client.get("/api/occasions/oc-none").status_code == 404


def test_counterparts_count_every_kind_of_contact_with_the_kind_shown(client):
    profile = client.get(f"/api/entities/{ALIYEV}").json()
    tokayev = next(c for c in profile["counterparts"] if c["id"] == TOKAYEV)
    assert tokayev["kinds"].get("call") == 1  # the sample's call, reported twice, counts once
    assert tokayev["kinds"].get("co-attendance") == 1 and tokayev["gatherings"] == [SUMMIT]
    # neither the gathering, nor the body that convened it, nor the state Aliyev represents
    assert not any(c["id"] in (SUMMIT, "org:cica", "country:az") for c in profile["counterparts"])
    html = client.get(f"/entities/{ALIYEV}").text
    assert "co-attendance 1 (" in html
