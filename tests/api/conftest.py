"""The real app over real databases: the bundled sample plus one article full of
HTML markup, ingested once per backend (SQLite file, PostgreSQL server)."""
from __future__ import annotations

import warnings
from importlib import resources
from pathlib import Path

import pytest

MARKUP_ARTICLE = Path(__file__).parent / "data" / "markup_article.jsonl"
SAMPLE = Path(str(resources.files("communique").joinpath("sample/articles.jsonl")))


def ingest_sample(url: str) -> None:
    from communique.batch.local import run
    from communique.kb import load as load_kb
    from communique.stages.ingest import read
    from communique.storage import open_store
    store = open_store(url, load_kb())
    summary = run(read([str(SAMPLE), str(MARKUP_ARTICLE)]), store=store)
    store.close()
    assert summary.processed == 13 and not summary.rejected


def client_for(app):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    return TestClient(app)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sample_url(request, tmp_path_factory) -> str:
    """A database with the sample ingested, shared by a module's read-only tests."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'sample.db'}"
    else:
        import psycopg
        server = request.getfixturevalue("pg_server")
        name = "api_" + request.module.__name__.rsplit(".", 1)[-1][:40]
        base = server.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    ingest_sample(url)
    return url


@pytest.fixture
def ingest():
    """``ingest(url)`` stores the sample in the database at ``url``."""
    return ingest_sample


@pytest.fixture
def make_client():
    """TestClient(app) that is closed (app shut down) after the test."""
    opened = []

    def make(app):
        c = client_for(app).__enter__()
        opened.append(c)
        return c
    yield make
    for c in opened:
        c.__exit__(None, None, None)


@pytest.fixture(scope="module")
def client(sample_url):
    from communique.api.app import create_app
    app = create_app(sample_url)
    with client_for(app) as c:
        yield c
