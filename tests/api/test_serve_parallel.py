"""`communique serve` as a real server: reads go on while writes wait, a posted article has a time
limit, half-sent requests are cut off, and the server's processes and port are checked."""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from communique.api import TOKEN_ENV, hash_token
from communique.api.app import create_app
from communique.cli import main

TOKEN = "test-token-0123456789abcdef"
KK = "Қазақстан Президенті Қасым-Жомарт Тоқаев Әзербайжан Президенті Ілхам Әлиевпен телефон арқылы сөйлесті."
# more writers than the server's default thread pool (40 threads): were each write to wait for the
# write lock on a thread, reads would find none left
WRITES = 48


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(*args: str, env: dict | None = None):
    """`communique serve ARGS` on a free port; yields (base URL, the lines it printed so far)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--port", str(port), *args],
                                stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        try:
            deadline = time.monotonic() + 120
            while _status(base + "/api", timeout=2) != 200:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail("communique serve did not start:\n" + log.read().decode(errors="replace")[-3000:])
                time.sleep(0.2)
            log.seek(0)
            yield base, log.read().decode(errors="replace")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _status(url: str, timeout: float = 60, data: bytes | None = None, headers: dict | None = None) -> int:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return -1


@contextmanager
def writes_held(url: str):
    """Another client holding the database's write lock: readers go on, writers wait (SQLite's
    reserved lock in WAL mode; PostgreSQL's EXCLUSIVE table lock, which lets SELECT through)."""
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None, timeout=30)
        conn.execute("BEGIN IMMEDIATE")
    else:
        import psycopg
        conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
        conn.execute("LOCK TABLE documents IN EXCLUSIVE MODE")
    try:
        yield
    finally:
        conn.rollback()
        conn.close()


def test_reads_are_answered_while_writes_wait_for_the_database(db_url, ingest):
    ingest(db_url)
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    with serving("--db", db_url, "--enable-writes", env={TOKEN_ENV: TOKEN}) as (base, _), \
            ThreadPoolExecutor(WRITES + 16) as pool:
        warm = json.dumps({"id": "warm-up", "text": KK}).encode()
        assert _status(base + "/api/documents", data=warm, headers=auth) == 201  # the worker is started
        with writes_held(db_url):
            posts = [pool.submit(_status, base + "/api/documents", 120,
                                 json.dumps({"id": f"held-{i}", "text": f"{KK} ({i})"}).encode(), auth)
                     for i in range(WRITES)]
            for _ in range(3):  # rounds of concurrent reads while every write is queued or waiting
                reads = [pool.submit(_status, base + path) for path in
                         ("/api/events?limit=5", "/events", "/api/documents", "/entities?q=%D0%A2%D0%BE%D2%9B%D0%B0%D0%B5%D0%B2") * 4]
                assert [r.result() for r in reads] == [200] * len(reads)
                time.sleep(0.5)
            assert not any(p.done() for p in posts)  # the writes were in progress all along
        assert [p.result() for p in posts] == [201] * WRITES
        with urllib.request.urlopen(base + "/api/documents?limit=1") as r:
            assert json.load(r)["total"] == 13 + 1 + WRITES


def test_posted_article_over_the_time_limit_is_422_and_recorded(sqlite_url, make_client):
    client = make_client(create_app(sqlite_url, write_token_hash=hash_token(TOKEN), read_only=False,
                                    time_limit=0.001))
    r = client.post("/api/documents", json={"id": "slow", "text": " ".join([KK] * 200)}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422, r.text
    assert "time limit" in r.json()["error"] and "Limits.seconds" in r.json()["error"]
    assert r.json()["status"] == "failed"
    assert "time limit" in client.get("/api/documents/slow").json()["error"]["error"]


def test_half_sent_requests_are_closed_and_do_not_hold_the_server(tmp_path, ingest):
    db = f"sqlite:///{tmp_path / 'sample.db'}"
    ingest(db)
    with serving("--db", db, "--header-timeout", "3") as (base, _):
        port = int(base.rsplit(":", 1)[1])
        slow = []
        for _ in range(300):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers never finished
            slow.append(s)
        trickle = socket.create_connection(("127.0.0.1", port))
        trickle.sendall(b"GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        assert _status(base + "/api") == 200  # answered while they hang
        answers, sent, answer = [], 0, b""
        trickle.settimeout(0.2)
        while not answer and sent < 600:  # a header byte at a time does not keep the connection open
            trickle.sendall(b"X-Slow: yes\r\n"[sent % 13:sent % 13 + 1])
            sent += 1
            try:
                answer = trickle.recv(100)
            except TimeoutError:
                continue
        assert answer.startswith(b"HTTP/1.1 408 ")
        for s in slow:
            s.settimeout(60)
            answers.append(_read_all(s))
            s.close()
        assert all(a.startswith(b"HTTP/1.1 408 ") for a in answers)
        assert _status(base + "/api") == 200


def _read_all(s: socket.socket) -> bytes:
    out = b""
    while chunk := s.recv(4096):
        out += chunk
    return out


@pytest.mark.parametrize("value", ["99999", "0", "-5", "http"])
def test_serve_invalid_port_is_refused_without_traceback(value, tmp_path):
    r = subprocess.run([sys.executable, "-m", "communique", "serve", "--db", str(tmp_path / "x.db"), "--port", value],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "not a port number" in r.stderr and "Traceback" not in r.stderr


def test_serve_on_a_taken_port_says_so(tmp_path, capsys, ingest):
    db = f"sqlite:///{tmp_path / 'sample.db'}"
    ingest(db)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["serve", "--db", db, "--port", str(taken.getsockname()[1])]) == 2
    assert "choose another port" in capsys.readouterr().err


def test_writing_server_refuses_several_processes(sqlite_url, monkeypatch, capsys):
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    assert main(["serve", "--db", sqlite_url, "--enable-writes", "--workers", "2"]) == 2
    assert "one server process" in capsys.readouterr().err


def test_read_only_server_on_postgresql_runs_several_processes(pg_url, ingest):
    ingest(pg_url)
    with serving("--db", pg_url) as (base, printed):
        expected = max(1, min(os.cpu_count() or 1, 4))
        assert f"with {expected} process" in printed
        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(lambda _: _status(base + "/api/events?limit=5"), range(32))) == {200}


def test_loadtest_against_a_closed_port_fails_with_a_message(capsys):
    port = _free_port()  # bound and released: nothing listens there
    assert main(["loadtest", f"http://127.0.0.1:{port}", "--clients", "2", "--duration", "1"]) == 2
    err = capsys.readouterr().err
    assert "no server answers" in err and "communique serve" in err
