"""Feed fetching cannot be turned inward: every redirect hop is checked, the connection goes to
the address that was checked (DNS rebinding), and only globally routable addresses are allowed.

A fake network stands in for DNS and the internet: names resolve through ``FakeNetwork.dns``
and a connection to a (public or internal) address reaches a local test server only when
``FakeNetwork.routes`` lists it, so no packet leaves the machine."""
from __future__ import annotations

import http.server
import shutil
import socket
import ssl
import subprocess
import threading
import time
import warnings
from importlib import resources

import pytest

from communique.api import hash_token
from communique.api.app import create_app
from communique.batch.watch import MAX_REDIRECTS, check_url, fetch, fetch_bytes, poll
from communique.errors import InputError
from communique.kb import load as load_kb
from communique.storage import open_store

PUBLIC = "93.184.215.14"  # globally routable; the fake network routes it to a local server
FEED = resources.files("communique").joinpath("sample/feed.xml").read_bytes()
TOKEN = "test-token-0123456789abcdef"


class FakeNetwork:
    """DNS answers and routes for one test; every connection attempt is recorded."""

    def __init__(self, monkeypatch):
        self.dns: dict[str, list[tuple[str, ...]]] = {}  # name -> successive answers; the last one repeats
        self.routes: dict[tuple[str, int], int] = {}  # (address, port) -> port of a server on 127.0.0.1
        self.connects: list[tuple[str, int]] = []
        self._getaddrinfo, self._connect = socket.getaddrinfo, socket.create_connection
        monkeypatch.setattr(socket, "getaddrinfo", self.getaddrinfo)
        monkeypatch.setattr(socket, "create_connection", self.create_connection)

    def getaddrinfo(self, host, port, *args, **kwargs):
        if host not in self.dns:
            return self._getaddrinfo(host, port, *args, **kwargs)
        answers = self.dns[host]
        ips = answers.pop(0) if len(answers) > 1 else answers[0]
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (ip, port)) for ip in ips]

    def create_connection(self, address, *args, **kwargs):
        host, port = address[:2]
        ip = self.getaddrinfo(host, port)[0][4][0] if host in self.dns else host  # as the real one would
        self.connects.append((ip, port))
        if (ip, port) not in self.routes:
            raise ConnectionRefusedError(f"nothing answers at {ip}:{port} on the fake network")
        return self._connect(("127.0.0.1", self.routes[ip, port]), *args, **kwargs)


class Site(http.server.BaseHTTPRequestHandler):
    """/feed.xml and /secret.xml serve a feed; /moved, /to-internal and /loop redirect."""
    redirects = {"/moved": "/feed.xml", "/to-internal": "http://127.0.0.1/secret.xml", "/loop": "/loop"}

    def do_GET(self):
        self.server.seen.append((self.path, self.headers["Host"]))
        if self.path in self.redirects:
            self.send_response(302)
            self.send_header("Location", self.redirects[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(FEED)))
        self.end_headers()
        self.wfile.write(FEED)

    def log_message(self, *args):
        pass


def _serve(handler, wrap=None):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.seen = []
    if wrap:
        server.socket = wrap(server.socket)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def net(monkeypatch):
    return FakeNetwork(monkeypatch)


@pytest.fixture
def site():
    server = _serve(Site)
    yield server
    server.shutdown()


def _store(tmp_path):
    return open_store(f"sqlite:///{tmp_path / 'feeds.db'}", load_kb())


def test_redirect_to_an_internal_address_is_refused(net, site, tmp_path):
    net.dns["news.test"] = [(PUBLIC,)]
    net.routes = {(PUBLIC, 80): site.server_address[1], ("127.0.0.1", 80): site.server_address[1]}
    s = poll(_store(tmp_path), ["http://news.test/to-internal"])
    assert s.processed == 0 and len(s.rejected) == 1
    assert "redirected to http://127.0.0.1/secret.xml" in str(s.rejected[0])
    assert "private or local" in str(s.rejected[0])
    assert [path for path, _ in site.seen] == ["/to-internal"]  # the internal URL was never requested


def test_redirect_to_an_internal_address_is_followed_when_private_is_allowed(net, site, tmp_path):
    net.dns["news.test"] = [(PUBLIC,)]
    net.routes = {(PUBLIC, 80): site.server_address[1], ("127.0.0.1", 80): site.server_address[1]}
    s = poll(_store(tmp_path), ["http://news.test/to-internal"], allow_private=True)
    assert s.processed == 3 and not s.rejected


def test_redirect_between_public_addresses_is_followed_with_the_host_header(net, site, tmp_path):
    net.dns["news.test"] = [(PUBLIC,)]
    net.routes = {(PUBLIC, 80): site.server_address[1]}
    s = poll(_store(tmp_path), ["http://news.test/moved"])
    assert s.processed == 3 and not s.rejected
    assert site.seen == [("/moved", "news.test"), ("/feed.xml", "news.test")]


def test_redirects_are_bounded(net, site):
    net.dns["news.test"] = [(PUBLIC,)]
    net.routes = {(PUBLIC, 80): site.server_address[1]}
    with pytest.raises(InputError, match=f"more than {MAX_REDIRECTS} redirects"):
        fetch_bytes("http://news.test/loop")
    assert len(site.seen) == MAX_REDIRECTS + 1


def test_dns_rebinding_connects_to_the_checked_address_only(net, site, tmp_path):
    net.dns["news.test"] = [(PUBLIC,), ("127.0.0.1",)]  # public when checked, loopback afterwards
    net.routes = {("127.0.0.1", 80): site.server_address[1]}
    s = poll(_store(tmp_path), ["http://news.test/feed.xml"])
    assert s.processed == 0 and "cannot fetch" in str(s.rejected[0])
    assert net.connects == [(PUBLIC, 80)]
    assert site.seen == []


def test_every_resolved_address_must_be_public(net):
    net.dns["news.test"] = [(PUBLIC, "10.0.0.7")]
    with pytest.raises(InputError, match="refusing 10.0.0.7"):
        check_url("http://news.test/feed.xml")


def test_check_url_pins_the_resolved_address(net):
    net.dns["news.test"] = [(PUBLIC,)]
    target = check_url("https://news.test:8443/лента feed.xml?x=1")
    assert (target.host, target.ip, target.port) == ("news.test", PUBLIC, 8443)
    assert target.path == "/%D0%BB%D0%B5%D0%BD%D1%82%D0%B0%20feed.xml?x=1"  # http.client sends ASCII only


@pytest.mark.parametrize("url", [
    "http://100.64.1.1/feed",  # RFC 6598 shared address space (carrier-grade NAT)
    "http://100.127.255.254/feed",
    "http://0.0.0.0/feed",
    "http://[::]/feed",
    "http://[::ffff:127.0.0.1]/feed",  # IPv4-mapped loopback
    "http://[::ffff:100.64.1.1]/feed",
    "http://[64:ff9b::a9fe:a9fe]/latest",  # NAT64 of 169.254.169.254
    "http://[2002:7f00:1::]/feed",  # 6to4 of 127.0.0.1
    "http://[fd00::1]/feed",
    "http://192.0.2.1/feed",
    "http://198.18.0.1/feed",
    "http://224.0.0.1/feed",
    "http://240.0.0.1/feed",
])
def test_non_global_addresses_are_refused(url):
    with pytest.raises(InputError, match="private or local"):
        check_url(url)


def test_a_trickling_server_is_cut_at_the_time_limit():
    class Trickle(Site):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass  # the client hung up, as it should
    server = _serve(Trickle)
    started = time.monotonic()
    [error] = fetch(f"http://127.0.0.1:{server.server_address[1]}/feed.xml", allow_private=True, timeout=0.5)
    assert isinstance(error, InputError) and "no complete answer within 0.5 s" in str(error)
    assert time.monotonic() - started < 3
    server.shutdown()


@pytest.fixture
def tls_site(tmp_path):
    """An HTTPS server whose self-signed certificate names news.test only."""
    if not shutil.which("openssl"):
        pytest.skip("the openssl command is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=news.test", "-addext", "subjectAltName=DNS:news.test", "-keyout", str(key),
                    "-out", str(cert)], check=True, capture_output=True)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    names = []
    ctx.sni_callback = lambda sock, name, _ctx: names.append(name)
    server = _serve(Site, lambda s: ctx.wrap_socket(s, server_side=True))
    server.sni, server.cert = names, cert
    yield server
    server.shutdown()


def test_https_is_pinned_with_sni_and_certificate_for_the_host_name(net, tls_site, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_site.cert))  # trust the test certificate
    net.dns["news.test"] = [(PUBLIC,)]
    net.routes = {(PUBLIC, 443): tls_site.server_address[1]}
    assert fetch_bytes("https://news.test/feed.xml") == FEED
    assert net.connects == [(PUBLIC, 443)] and tls_site.sni == ["news.test"]


def test_post_feed_redirected_inward_is_refused_by_the_api(net, site, sqlite_url):
    net.dns["news.test"] = [(PUBLIC,)]
    net.routes = {(PUBLIC, 80): site.server_address[1], ("127.0.0.1", 80): site.server_address[1]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    with TestClient(create_app(sqlite_url, write_token_hash=hash_token(TOKEN), read_only=False)) as client:
        r = client.post("/api/feeds", json={"url": "http://news.test/to-internal"},
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 422 and "private or local" in r.json()["error"]
        assert client.get("/api/documents").json()["total"] == 0
    assert [path for path, _ in site.seen] == ["/to-internal"]
