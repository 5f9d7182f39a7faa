"""`communique watch`: poll feeds and folders, ingest what is new, survive restarts.

Every poll reads the sources again; unchanged files are skipped by their size
and modification time (kept in the database, table ``watched_files``), and an
article already stored unchanged is skipped by its content hash, so a restart
never duplicates anything.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..document import Document
from ..errors import InputError
from ..stages.ingest import MAX_BYTES, read, read_bytes
from ..storage import schema as t
from .local import Summary, run

USER_AGENT = "communique-watch/0.1 (+https://example.org/communique)"
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_CGNAT = ipaddress.ip_network("100.64.0.0/10")  # RFC 6598; named too so no Python version can let it through
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the last 32 bits are an IPv4 address


@dataclass(frozen=True)
class Target:
    """A checked URL and the one address a connection for it may go to."""
    scheme: str
    host: str
    port: int
    path: str
    ip: str


def _embedded_v4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries (mapped, NAT64, 6to4): they reach IPv4 hosts."""
    if ip.version == 4:
        return []
    found = [ip.ipv4_mapped, ip.sixtofour, ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None]
    return [a for a in found if a is not None]


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Globally routable unicast: not loopback, private, link-local, CGNAT, reserved, unspecified or multicast."""
    if not ip.is_global or ip.is_multicast or ip.is_unspecified or ip in _CGNAT:
        return False
    return all(is_public(v4) for v4 in _embedded_v4(ip))


def _resolve(url: str, host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(url, f"cannot resolve host: {exc.strerror}") from exc
    return [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]  # drop an IPv6 zone


def check_url(url: str, allow_private: bool = False) -> Target:
    """http(s) only; resolved once, and every address must be public unless allowed. The
    connection goes to the returned ``ip``, so a DNS answer that changes later is never used."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http:// and https:// feed URLs are accepted")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise InputError(url, f"bad port: {exc}") from exc
    ips = _resolve(url, parts.hostname, port)
    if not allow_private:
        for ip in ips:
            if not is_public(ip):
                raise InputError(url, f"refusing {ip} (a private or local address); "
                                      "pass --allow-private to allow it")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    path = urllib.parse.quote(path, safe="/?&=%:@!$'()*+,;~")  # http.client sends ASCII only
    return Target(parts.scheme, parts.hostname, port, path, str(ips[0]))


class _PinnedHTTP(http.client.HTTPConnection):
    """Host header from the URL, socket to the checked address (no second DNS lookup)."""

    def __init__(self, target: Target, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout)
        self.pinned_ip = target.ip

    def connect(self) -> None:
        self.sock = socket.create_connection((self.pinned_ip, self.port), self.timeout, self.source_address)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """As _PinnedHTTP; SNI and the certificate check use the URL's host name, not the address."""

    def __init__(self, target: Target, timeout: float):
        self.tls = ssl.create_default_context()  # verifies the certificate and that it names the host
        super().__init__(target.host, target.port, timeout=timeout, context=self.tls)
        self.pinned_ip = target.ip

    def connect(self) -> None:
        sock = socket.create_connection((self.pinned_ip, self.port), self.timeout, self.source_address)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


def _read_capped(sock: socket.socket, resp: http.client.HTTPResponse, deadline: float) -> bytes:
    """At most MAX_BYTES + 1 bytes (the extra byte tells the reader it is too large), before the
    deadline: read1 returns what has arrived, so a server sending a byte at a time cannot stall it."""
    parts, size = [], 0
    while size <= MAX_BYTES:
        sock.settimeout(_left(deadline))
        piece = resp.read1(min(2**20, MAX_BYTES + 1 - size))
        if not piece:
            break
        parts.append(piece)
        size += len(piece)
    return b"".join(parts)


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the time limit is spent")
    return left


def _get(target: Target, deadline: float) -> tuple[int, str | None, bytes]:
    """One request without following redirects: status, Location and body."""
    conn = (_PinnedHTTPS if target.scheme == "https" else _PinnedHTTP)(target, _left(deadline))
    try:
        conn.request("GET", target.path, headers={"User-Agent": USER_AGENT})
        sock = conn.sock  # getresponse() drops it from conn when the server closes after the body
        with conn.getresponse() as resp:
            if resp.status in _REDIRECTS:
                return resp.status, resp.getheader("Location"), b""
            return resp.status, None, _read_capped(sock, resp, deadline)
    finally:
        conn.close()


def fetch_bytes(url: str, allow_private: bool = False, timeout: float = 30.0) -> bytes:
    """The body at ``url``, following at most MAX_REDIRECTS redirects, each hop checked like the
    first (a public feed must not be able to send us to an internal address)."""
    deadline, hop = time.monotonic() + timeout, url
    for n in range(MAX_REDIRECTS + 1):
        try:
            target = check_url(hop, allow_private)
        except InputError as exc:
            if n == 0:
                raise
            raise InputError(url, f"redirected to {exc}") from exc
        status, location, data = _get(target, deadline)
        if status not in _REDIRECTS:
            if not 200 <= status < 300:
                raise InputError(url, f"cannot fetch: HTTP {status}")
            return data
        if not location:
            raise InputError(url, f"HTTP {status} without a Location header")
        hop = urllib.parse.urljoin(hop, location)
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")


def fetch(url: str, allow_private: bool = False, timeout: float = 30.0) -> Iterator[Document | InputError]:
    try:
        data = fetch_bytes(url, allow_private, timeout)
    except InputError as exc:
        yield exc
        return
    except TimeoutError:  # before OSError: the socket's "timed out" would not say which limit
        yield InputError(url, f"cannot fetch: no complete answer within {timeout:g} s")
        return
    except (OSError, http.client.HTTPException) as exc:  # HTTPException: a malformed response or URL
        yield InputError(url, f"cannot fetch: {exc}")
        return
    yield from read_bytes(data, url, urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1] or "feed")


def _changed_files(store, source: str) -> tuple[list[str], dict[str, tuple[int, int]]]:
    root = Path(source)
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
    with store.engine.connect() as conn:
        seen = {r.path: (r.size, r.mtime_ns) for r in conn.execute(
            select(t.watched_files).where(t.watched_files.c.source == source))}
    now = {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in files}
    return [p for p, sig in now.items() if seen.get(p) != sig], now


def _remember(store, source: str, files: dict[str, tuple[int, int]]) -> None:
    with store.engine.begin() as conn:
        conn.execute(t.watched_files.delete().where(t.watched_files.c.source == source))
        if files:
            conn.execute(t.watched_files.insert(), [{"source": source, "path": p, "size": s, "mtime_ns": m}
                                                     for p, (s, m) in files.items()])


def poll(store, sources: list[str], *, allow_private: bool = False, jobs: int = 1, on_doc=None) -> Summary:
    """One pass over every source; returns what was done."""
    total = Summary()
    for source in sources:
        if source.startswith(("http://", "https://")) or "://" in source:
            summary = run(fetch(source, allow_private), store=store, jobs=jobs, on_doc=on_doc)
        elif not Path(source).exists():
            summary = Summary(rejected=[InputError(source, "no such file or folder")])
        else:
            changed, now = _changed_files(store, source)
            summary = run(read(changed), store=store, jobs=jobs, on_doc=on_doc) if changed else Summary()
            _remember(store, source, now)  # only after the batch is stored
        total.processed += summary.processed
        total.unchanged += summary.unchanged
        total.failed += summary.failed
        total.events += summary.events
        total.rejected += summary.rejected
        total.repeated += summary.repeated
    return total


def watch(store, sources: list[str], *, interval: float, once: bool = False, allow_private: bool = False,
          jobs: int = 1, report=print) -> Summary:
    """Polls until interrupted; with ``once``, one pass, whose summary it returns."""
    while True:
        s = poll(store, sources, allow_private=allow_private, jobs=jobs)
        for err in s.rejected:
            report(f"error: {err}")
        for warning in s.repeated:
            report(f"warning: {warning}")
        report(f"{time.strftime('%Y-%m-%d %H:%M:%S')}: {s.processed} new or changed, {s.unchanged} unchanged, "
               f"{len(s.rejected)} rejected, {s.events} events")
        if once:
            return s
        time.sleep(interval)


def register(sub) -> None:
    p = sub.add_parser("watch", help="poll feeds (http/https) and folders, ingesting new and changed articles")
    p.add_argument("sources", nargs="+", help="RSS/Atom feed URLs, folders or files")
    p.add_argument("--db", help="database URL or SQLite path (default: $COMMUNIQUE_DB or ./communique.db)")
    p.add_argument("--interval", type=float, default=300.0, help="seconds between polls (default 300)")
    p.add_argument("--once", action="store_true", help="poll once and exit (for cron)")
    p.add_argument("--allow-private", action="store_true",
                   help="allow feed URLs on loopback, link-local and private addresses")
    p.add_argument("-j", "--jobs", type=int, default=1)
    p.set_defaults(func=_run)


def _run(args) -> int:
    import sys

    from ..kb import load
    from ..storage import open_store
    if args.interval <= 0:
        raise InputError("--interval", "must be a positive number of seconds")
    missing = [s for s in args.sources if "://" not in s and not Path(s).exists()]
    if missing:  # a typo, not a folder that may appear later: refuse before polling
        raise InputError(missing[0], "no such file or folder; give an existing folder or file, or a feed URL")
    # a long-running process: the store reads the knowledge base again when a correction changes it
    summary = watch(open_store(args.db, load), args.sources, interval=args.interval, once=args.once,
                    allow_private=args.allow_private, jobs=args.jobs,
                    report=lambda m: print(m, file=sys.stderr, flush=True))
    return 1 if summary.rejected else 0
