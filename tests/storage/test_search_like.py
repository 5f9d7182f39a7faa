"""Search takes %, _ and the LIKE escape character literally, on SQLite and PostgreSQL."""
import json
import warnings

import pytest

from communique.api.app import create_app
from communique.batch.local import run
from communique.kb import load as load_kb
from communique.stages.ingest import read
from communique.storage import open_store
from communique.storage.queries import search
from communique.storage import queries as Q

DOCS = [
    {"id": "percent", "text": "Товарооборот вырос на 12% за год."},
    {"id": "underscore", "text": "Документ назван file_2024."},
    {"id": "slash", "text": "Стороны обсудили повестку 2024/2025 года."},
    {"id": "plain", "text": "Министр Джейхун Байрамов встретился с Сергеем Лавровым."},
]


@pytest.fixture
def store(db_url, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in DOCS), encoding="utf-8")
    store = open_store(db_url, load_kb())
    assert run(read([str(src)]), store=store).processed == len(DOCS)
    yield store
    store.close()


@pytest.mark.parametrize("q, expected", [
    ("%", ["percent"]), ("12%", ["percent"]), ("_", ["underscore"]), ("file_2024", ["underscore"]),
    ("/", ["slash"]), ("2024/2025", ["slash"]), ("%%", []), ("12_", []),
])
def test_search_takes_like_wildcards_literally(store, q, expected):
    assert sorted(d["id"] for d in search(store, q)["documents"]["items"]) == expected


def test_entity_names_take_like_wildcards_literally(store):
    assert Q.find_entities(store, "%") == [] and Q.find_entities(store, "_") == []


def test_search_api_with_a_percent_finds_only_documents_containing_one(store, db_url):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    with TestClient(create_app(db_url)) as client:
        r = client.get("/api/search", params={"q": "%"})
    assert r.status_code == 200 and [d["id"] for d in r.json()["documents"]["items"]] == ["percent"]
