"""A real browser (Debian's headless Chromium through chromedriver) against
`communique serve` running as a subprocess on a free port."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib import resources
from pathlib import Path

import pytest

MARKUP_ARTICLE = Path(__file__).parents[1] / "api" / "data" / "markup_article.jsonl"
SCREENSHOTS = Path(__file__).parents[2] / "docs" / "screenshots"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1280,900", "--lang=en-US"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _missing(what: str) -> None:
    message = f"{what} is needed for the browser tests: apt-get install chromium chromium-driver (.ci/run does)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    from communique.batch.local import run
    from communique.kb import load as load_kb
    from communique.stages.ingest import read
    from communique.storage import open_store
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    sample = str(resources.files("communique").joinpath("sample/articles.jsonl"))
    store = open_store(url, load_kb())
    assert run(read([sample, str(MARKUP_ARTICLE)]), store=store).processed == 13
    store.close()
    return url


@pytest.fixture(scope="session")
def server(web_db):
    """`communique serve` in a subprocess; yields its base URL."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", web_db, "--port", str(port)],
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(proc, base, log)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def _wait_until_up(proc, base: str, log) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/api", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            pytest.fail(f"communique serve did not start:\n{log.read().decode(errors='replace')[-3000:]}")
        time.sleep(0.2)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists()
                                                   else None)
    if not chromium:
        _missing("Chromium")
    if not driver_path:
        _missing("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "SEVERE"})  # console errors, CSP violations
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def screenshot(browser, tmp_path_factory):
    """Save the whole current page as NAME.png: into docs/screenshots when
    COMMUNIQUE_SCREENSHOTS=1 (to refresh the README's pictures), else into a
    temporary folder so a test run leaves the tree clean."""
    folder = SCREENSHOTS if os.environ.get("COMMUNIQUE_SCREENSHOTS") == "1" \
        else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)

    def save(name: str) -> Path:
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(1280, max(600, min(int(height) + 140, 2400)))
        path = folder / f"{name}.png"
        browser.save_screenshot(str(path))
        browser.set_window_size(1280, 900)
        return path
    return save


@pytest.fixture(scope="session")
def client(web_db):
    """The real app over the sample through its HTTP client (no browser)."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    from communique.api.app import create_app
    with TestClient(create_app(web_db)) as c:
        yield c
