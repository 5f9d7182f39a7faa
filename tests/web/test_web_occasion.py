"""The occasion page in a real browser: one summit reported in three languages, each field with
the reports and languages that support it, and the field the reports disagree on."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib import resources
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

OCCASION = Path(__file__).parent / "data" / "occasion.jsonl"


def _serve(url: str, log) -> tuple[subprocess.Popen, str]:
    """`communique serve` on a free port, once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", url, "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/api", timeout=2):
                return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    log.seek(0)
    pytest.fail(f"communique serve did not start:\n{log.read().decode(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def occasion_server(tmp_path_factory):
    from communique.batch.local import run
    from communique.kb import load as load_kb
    from communique.stages.ingest import read
    from communique.storage import open_store
    url = f"sqlite:///{tmp_path_factory.mktemp('occasion') / 'o.db'}"
    sample = str(resources.files("communique").joinpath("sample/articles.jsonl"))
    store = open_store(url, load_kb())
    run(read([sample, str(OCCASION)]), store=store)
    store.close()
    with tempfile.TemporaryFile() as log:
        proc, base = _serve(url, log)
        try:
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def test_web_occasion_page_shows_support_per_field_and_a_disagreement(browser, occasion_server, screenshot):
    with urllib.request.urlopen(occasion_server + "/api/events?participant=gathering:cica-summit-6") as r:
        events = [e for e in json.load(r)["items"] if e["doc_id"].startswith("occasion-")]
    browser.get(f"{occasion_server}/clusters/{events[0]['cluster']}")
    browser.find_element(By.LINK_TEXT, "the gathering and everything around it").click()
    assert "/occasions/oc-" in browser.current_url
    summary = browser.find_element(By.CSS_SELECTOR, "dl.summary").text
    assert all(code in summary for code in ("az", "kk", "ru"))
    date = browser.find_element(By.CSS_SELECTOR, "tr.field-date")
    assert "disagreement" in date.get_attribute("class") and "reports disagree" in date.text
    readings = [li.text for li in date.find_elements(By.CSS_SELECTOR, "ul.support li")]
    assert any(x.startswith("2022-10-13: 2 reports") for x in readings), readings
    assert any(x.startswith("2022-10-12: 1 report") and "contradicts the consensus" in x for x in readings)
    place = browser.find_element(By.CSS_SELECTOR, "tr.field-location")
    assert "Astana" in place.text and "disagreement" not in place.get_attribute("class")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.members tbody tr")
    assert rows and "CONVENE" in rows[0].text
    screenshot("occasion")
