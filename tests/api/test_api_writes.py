"""POST /api/documents: only when enabled, only with the token, within the size limit."""
import hashlib
import os

import pytest

from communique.api import TOKEN_ENV, hash_token
from communique.api.app import MAX_BODY, create_app

KK = ("Қазақстан Президенті Қасым-Жомарт Тоқаев Әзербайжан Президенті Ілхам Әлиевпен "
      "телефон арқылы сөйлесті.")


TOKEN = "test-token-0123456789abcdef"


@pytest.fixture
def writer(db_url, make_client):
    return make_client(create_app(db_url, write_token_hash=hash_token(TOKEN), read_only=False))


def _auth(token=TOKEN):
    return {"Authorization": f"Bearer {token}"}


def test_post_document_runs_the_pipeline_and_stores_it(writer):
    r = writer.post("/api/documents", json={"id": "kk-call", "text": KK, "published": "2024-12-27"},
                    headers=_auth())
    assert r.status_code == 201, r.text
    assert r.headers["location"] == "/api/documents/kk-call"
    stored = r.json()["document"]
    assert stored["lang"] == "kk" and {e["type"] for e in stored["events"]} == {"CALL"}
    assert writer.get("/api/documents/kk-call").json()["events"] == stored["events"]
    assert writer.get("/api/events", params={"participant": "Тоқаев"}).json()["total"] == 1
    again = writer.post("/api/documents", json={"id": "kk-call", "text": KK, "published": "2024-12-27"},
                        headers=_auth())
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


@pytest.mark.parametrize("headers", [{}, _auth("wrong-token-0123456789"), {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": "Bearer "}])
def test_post_without_the_right_token_is_401(writer, headers):
    r = writer.post("/api/documents", json={"id": "x", "text": KK}, headers=headers)
    assert r.status_code == 401 and "token" in r.json()["error"].lower()
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert writer.get("/api/documents").json()["total"] == 0


def test_post_over_the_size_limit_is_413(writer):
    r = writer.post("/api/documents", content=b'{"id": "big", "text": "' + b"a" * MAX_BODY + b'"}',
                    headers={**_auth(), "Content-Type": "application/json"})
    assert r.status_code == 413 and "MB" in r.json()["error"]

    def chunks():  # no Content-Length: the limit holds for a streamed body too
        yield b'{"id": "big", "text": "'
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"a" * 65536
        yield b'"}'
    r = writer.post("/api/documents", content=chunks(), headers={**_auth(), "Content-Type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize("body, parameter", [
    ('{"id": "x"}', "text"), ('{"id": "x", "text": "   "}', "text"), ('{"text": "t"}', "id"),
    ('{"id": "x", "text": "t", "colour": "red"}', "colour"), ('{"id": "x", "text": "t", "published": "soon"}',
                                                              "published"), ("not json", None),
])
def test_post_invalid_document_is_422(writer, body, parameter):
    r = writer.post("/api/documents", content=body.encode(), headers={**_auth(), "Content-Type": "application/json"})
    assert r.status_code == 422
    if parameter:
        assert f"parameter '{parameter}'" in r.json()["error"]


def test_read_only_app_has_no_write_endpoint(sqlite_url, make_client):
    from communique.kb import load as load_kb
    from communique.storage import open_store
    open_store(sqlite_url, load_kb()).close()  # a read-only server reads a database that exists
    c = make_client(create_app(sqlite_url))
    r = c.post("/api/documents", json={"id": "x", "text": KK}, headers=_auth())
    assert r.status_code == 405 and "--enable-writes" in r.json()["error"]
    assert "post" not in c.get("/openapi.json").json()["paths"]["/api/documents"]


def test_writes_need_a_token_hash(sqlite_url):
    with pytest.raises(ValueError, match="token"):
        create_app(sqlite_url, read_only=False)


def test_serve_keeps_only_the_hash_of_the_token(monkeypatch):
    from communique.api.commands import write_token_hash
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    assert write_token_hash() == hashlib.sha256(TOKEN.encode()).hexdigest()
    monkeypatch.setenv(TOKEN_ENV, "short")
    from communique.api import WriteTokenError
    with pytest.raises(WriteTokenError, match=TOKEN_ENV):
        write_token_hash()


def test_serve_enable_writes_without_token_fails_with_a_message(monkeypatch, sqlite_url, capsys):
    from communique.cli import main
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert main(["serve", "--db", sqlite_url, "--enable-writes", "--port", "1"]) == 2
    assert TOKEN_ENV in capsys.readouterr().err
    assert TOKEN_ENV not in os.environ


def test_curation_endpoints_change_what_queries_return(writer, tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_KB", str(tmp_path / "overlay"))
    text = "Министр иностранных дел Джейхун Байрамов встретился с послом Франции Анри Дюпоном."
    assert writer.post("/api/documents", json={"id": "ru-amb", "text": text}, headers=_auth()).status_code == 201
    r = writer.post("/api/curation/rename", json={"entity": "new:person:anri-dupon", "label": "Henri Dupont"},
                    headers=_auth())
    assert r.status_code == 200, r.text
    assert writer.get("/api/entities/new:person:anri-dupon").json()["entity"]["label"] == "Henri Dupont"
    r = writer.post("/api/curation/alias", json={"entity": "new:person:anri-dupon", "alias": "Anri Düpon",
                                                 "lang": "az"}, headers=_auth())
    assert r.status_code == 200
    r = writer.post("/api/curation/merge", json={"entity": "new:person:anri-dupon"}, headers=_auth())
    assert r.status_code == 422 and "into" in r.json()["error"]
    assert writer.post("/api/curation/rename", json={"entity": "x", "label": "y"}).status_code == 401


def test_feed_submission_refuses_private_addresses(writer):
    r = writer.post("/api/feeds", json={"url": "http://127.0.0.1:9/feed.xml"}, headers=_auth())
    assert r.status_code == 422 and "private or local" in r.json()["error"]
    r = writer.post("/api/feeds", json={"url": "file:///etc/passwd"}, headers=_auth())
    assert r.status_code == 422 and "http" in r.json()["error"]


@pytest.mark.parametrize("path", ["/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                                  "/static/..%2f..%2f..%2fetc%2fpasswd"])
def test_request_paths_cannot_leave_the_static_folder(writer, path):
    r = writer.get(path)
    assert r.status_code in (400, 404) and "root:" not in r.text


@pytest.mark.parametrize("fields, parameter", [
    ({"id": "a\x00b"}, "id"), ({"id": "   "}, "id"), ({"id": "x" * 513}, "id"),
    ({"text": KK + "\x00"}, "text"), ({"title": "a\x00b"}, "title"), ({"url": "https://a\x00b"}, "url"),
    ({"source": "\x00"}, "source"),
    ({"lang": "<script>"}, "lang"), ({"lang": "k" * 100}, "lang"), ({"lang": "kazakhstan"}, "lang"),
    ({"lang": "k\x00"}, "lang"),
    ({"published": "2024-02-30"}, "published"), ({"published": "2024-13"}, "published"),
    ({"published": "2024-00-10"}, "published"), ({"published": "2024-1-5"}, "published"),
])
def test_post_document_that_cannot_be_stored_is_422_and_stores_nothing(writer, fields, parameter):
    """What the command line refuses or cannot store, the API refuses too, on both databases
    (PostgreSQL answered NUL with a plain-text 500 and an over-long lang with 503)."""
    r = writer.post("/api/documents", json={"id": "doc", "text": KK, **fields}, headers=_auth())
    assert r.status_code == 422, r.text[:300]
    assert r.headers["content-type"].startswith("application/json")
    assert f"parameter '{parameter}'" in r.json()["error"]
    assert writer.get("/api/documents").json()["total"] == 0


@pytest.mark.parametrize("lang, stored", [("kk", "kk"), ("KK", "kk"), ("kk-Cyrl", "kk"), ("ru_RU", "ru")])
def test_post_document_language_tag_is_read_as_a_json_lines_file_reads_it(sqlite_url, make_client, lang, stored):
    writer = make_client(create_app(sqlite_url, write_token_hash=hash_token(TOKEN), read_only=False))
    r = writer.post("/api/documents", json={"id": "doc", "text": KK, "lang": lang, "published": "2024-02-29"},
                    headers=_auth())
    assert r.status_code == 201, r.text[:300]
    assert r.json()["document"]["lang"] == stored and r.json()["document"]["published"] == "2024-02-29"


@pytest.mark.parametrize("path, body, parameter", [
    ("/api/curation/alias", {"entity": "country:kz", "alias": "Qaz\x00", "lang": "az"}, "alias"),
    ("/api/curation/alias", {"entity": "country:kz", "alias": "Qazaxıstan", "lang": "<script>"}, "lang"),
    ("/api/curation/rename", {"entity": "country:kz\x00", "label": "Kazakhstan"}, "entity"),
    ("/api/curation/merge", {"entity": "country:kz", "into": "\x00"}, "into"),
    ("/api/feeds", {"url": "https://example.org/\x00feed"}, "url"),
])
def test_post_body_with_an_unstorable_string_is_422(writer, path, body, parameter):
    r = writer.post(path, json=body, headers=_auth())
    assert r.status_code == 422, r.text[:300]
    assert f"parameter '{parameter}'" in r.json()["error"]
