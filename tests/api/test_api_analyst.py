"""The JSON API for the analyst: names in any form, dates as intervals, unknown parameter values 422,
errors without server paths, the filtered events as CSV and Parquet files."""
import io

import pandas as pd
import pytest

from communique.export import EVENT_FIELDS

ALIYEV = "person:ilham-aliyev"


@pytest.mark.parametrize("q", ["Əliyev", "Алиев", "Əliyevlə", "Ильхама Алиева"])
def test_entities_and_search_find_every_form(client, q):
    assert ALIYEV in [e["id"] for e in client.get("/api/entities", params={"q": q}).json()["items"]]
    assert ALIYEV in [e["id"] for e in client.get("/api/search", params={"q": q}).json()["entities"]]


def test_events_participant_by_surname_reports_the_candidates(client):
    r = client.get("/api/events", params={"participant": "Əliyev"}).json()
    assert r["total"] > 0 and ALIYEV in r["resolved"]["participant"]


@pytest.mark.parametrize("path", ["/api/timeline?by=week", "/events?format=csv", "/api/events?format=xml",
                                  "/api/entities?q=x&format=parquet", "/timeline?by=week"])
def test_unknown_parameter_values_are_422(client, path):
    r = client.get(path)
    assert r.status_code == 422, r.text


@pytest.mark.parametrize("by, pattern", [("year", r"\d{4}"), ("month", r"\d{4}(-\d{2})?"), ("day", r".+")])
def test_timeline_by_period(client, by, pattern):
    items = client.get("/api/timeline", params={"by": by}).json()["items"]
    assert items and pd.Series([i["date"] for i in items if i["date"]]).str.fullmatch(pattern).all()


def test_errors_show_no_server_path(client, sample_url):
    folder = sample_url.rsplit("/", 1)[0].split("///")[-1]
    r = client.get("/api/documents/nope")
    assert r.status_code == 404 and "nope" in r.json()["error"]
    assert folder not in r.text and "sqlite" not in r.text.lower() and "postgresql" not in r.text.lower()


def test_events_as_csv_and_parquet_files(client):
    params = {"type": "CALL"}
    total = client.get("/api/events", params=params).json()["total"]
    r = client.get("/api/events", params={**params, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    df = pd.read_csv(io.StringIO(r.text), parse_dates=["date_start", "date_end"])
    assert len(df) == total > 0 and list(df.columns) == EVENT_FIELDS and set(df["type"]) == {"CALL"}
    r = client.get("/api/events", params={**params, "format": "parquet"})
    assert r.status_code == 200
    pq = pd.read_parquet(io.BytesIO(r.content))
    assert len(pq) == total and str(pq["latitude"].dtype) == "float64"
