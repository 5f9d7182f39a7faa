"""Web pages and their JSON twins through the real app, on SQLite and PostgreSQL."""
import re
from html import unescape

import pytest

PAGES = ["/", "/events?type=MEET&participant=Bayramov", "/clusters", "/entities", "/entities?q=Сарыбай",
         "/entities/person:kassym-jomart-tokayev", "/entities/org:sco", "/entities/country:kz", "/documents",
         "/documents/sample-kk-4", "/network?since=2024", "/timeline?by=month", "/search?q=Sarıbay", "/api-docs"]


def _twin(path: str) -> str:
    base, _, query = path.partition("?")
    return ("/index.json" if base == "/" else base + ".json") + ("?" + query if query else "")


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_and_its_json_twin_has_the_same_data(client, path):
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    html = page.text
    assert html.startswith("<!doctype html>") and '<html lang="en">' in html and 'href="#main"' in html
    twin = client.get(_twin(path))
    assert twin.status_code == 200 and twin.headers["content-type"].startswith("application/json")
    link = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)">', html).group(1)
    assert client.get(unescape(link)).json() == twin.json()  # the page links its twin
    sep = "&" if "?" in path else "?"
    assert client.get(path + sep + "format=json").json() == twin.json()


def test_event_page_shows_every_report_with_evidence_marked(client):
    ev = client.get("/api/events", params={"participant": "Nurtleu", "type": "MEET", "lang": "kk"}).json()["items"][0]
    html = client.get(f"/events/{ev['id']}").text
    assert html.count('<article class="report') == 2 and 'lang="az"' in html and 'lang="kk"' in html
    assert html.count('<mark class="evidence"') == 2


def test_document_page_marks_mentions_and_events(client):
    doc = client.get("/api/documents/sample-kk-4").json()
    html = client.get("/documents/sample-kk-4").text
    assert 'class="mention t-person" href="/entities/person:kairat-sarybay"' in html
    assert html.count('<mark class="evidence"') >= 1
    assert "Қайрат Сарыбай" in html and 'lang="kk"' in html and len(doc["events"]) >= 1


def test_entity_page_lists_names_positions_and_counterparts(client):
    html = client.get("/entities/person:kairat-sarybay").text
    for text in ("Қайрат Сарыбай", "Kayrat Sarıbay", "Cyrillic", "Latin", "secretary general", "Murat Nurtleu"):
        assert text in html
    org = client.get("/entities/org:sco").text
    assert "Members and observers over time" in org and "Chairmanship over time" in org and "<svg" in org


def test_network_and_timeline_pages_draw_svg(client):
    net = client.get("/network").text
    assert net.count("<circle") >= 4 and net.count("<line") >= 3
    tl = client.get("/timeline").text
    assert tl.count('class="bar"') >= 3


def test_events_page_filters_with_a_get_form(client):
    html = client.get("/events", params={"participant": "Тоқаев", "type": "CALL"}).text
    assert '<form class="filters" method="get" action="/events">' in html
    assert "2 event reports match" in html and "<option selected>CALL</option>" in html


def test_article_markup_is_escaped_on_every_page(client):
    pages = ["/", "/events", "/clusters", "/documents", "/documents/markup-ru-1", "/search?q=alert",
             "/entities/person:sergey-lavrov"]
    ev = client.get("/api/events", params={"participant": "Lavrov", "since": "2024-12"}).json()["items"][0]
    pages.append(f"/events/{ev['id']}")
    for path in pages:
        html = client.get(path).text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>встретился" not in html, path
        assert 'href="javascript:' not in html, path


def test_html_errors_for_pages_and_json_errors_for_twins(client):
    r = client.get("/documents/no-such-doc")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "no-such-doc" in r.text
    r = client.get("/events.json", params={"since": "sometime soon-ish"})
    assert r.status_code == 422 and "since" in r.json()["error"]
    r = client.get("/events", params={"type": "LUNCH"})
    assert r.status_code == 422 and "unknown event type" in r.text


def test_security_headers_and_static_files(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    css = client.get("/static/style.css")
    assert css.status_code == 200 and ":focus-visible" in css.text
    assert client.get("/static/app.js").status_code == 200
