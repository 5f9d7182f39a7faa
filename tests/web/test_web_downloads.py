"""Every filtered view links the events it shows as CSV, JSON and Parquet, and those files load."""
import io
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from communique.export import CSV_FIELDS

VIEWS = ["/events?participant=Sarıbay&type=MEET", "/timeline?country=Qazaxıstan", "/network?since=2024",
         "/map?organization=ШЫҰ", "/entities/person:kairat-sarybay"]


def _links(html: str) -> dict[str, str]:
    block = re.search(r'<p class="downloads">(.*?)</p>', html, re.S).group(1)
    return {name: unescape(href) for href, name in re.findall(r'<a href="([^"]+)"[^>]*>(\w+)</a>', block)}


@pytest.mark.parametrize("view", VIEWS)
def test_downloads_every_filtered_view_links_its_events_in_three_formats(client, view):
    links = _links(client.get(view).text)
    assert set(links) == {"CSV", "JSON", "Parquet"}
    listed = client.get(links["JSON"]).json()
    assert listed["total"] > 0
    csv = client.get(links["CSV"])
    assert csv.headers["content-type"].startswith("text/csv") and "attachment" in csv.headers["content-disposition"]
    table = pd.read_csv(io.StringIO(csv.text))
    parquet = pd.read_parquet(io.BytesIO(client.get(links["Parquet"]).content))
    # every matching event, not one page; the same rows in both files, the CSV export's columns
    assert len(table) == len(parquet) == listed["total"]
    assert list(table.columns) == list(parquet.columns) == CSV_FIELDS
    assert sorted(table["event_id"]) == sorted(parquet["event_id"]) == sorted(e["id"] for e in listed["items"])
    assert parquet["confidence"].dtype == "float64"


def test_downloads_keep_the_views_filters(client):
    links = _links(client.get("/network?since=2024&country=Қазақстан").text)
    query = parse_qs(urlsplit(links["CSV"]).query)
    assert query == {"since": ["2024"], "country": ["Қазақстан"], "types": ["MEET", "CALL"],
                     "modality": ["asserted"], "sort": ["-date"], "format": ["csv"]}
    rows = pd.read_csv(io.StringIO(client.get(links["CSV"]).text))
    assert len(rows) and set(rows["type"]) <= {"MEET", "CALL"} and set(rows["modality"]) == {"asserted"}


def test_downloads_unknown_format_is_422_in_json(client):
    r = client.get("/api/events?format=xlsx")
    assert r.status_code == 422 and "format" in r.json()["error"]
