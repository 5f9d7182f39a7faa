"""`communique watch`: poll feeds and folders, ingest what is new, survive restarts.

Every poll reads the sources again; unchanged files are skipped by their size
and modification time (kept in the database, table ``watched_files``), and an
article already stored unchanged is skipped by its content hash, so a restart
never duplicates anything.
"""
from __future__ import annotations

import ipaddress
import socket
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select

from ..document import Document
from ..errors import InputError
from ..stages.ingest import MAX_BYTES, read, read_bytes
from ..storage import schema as t
from .local import Summary, run

USER_AGENT = "communique-watch/0.1 (+https://example.org/communique)"


def check_url(url: str, allow_private: bool = False) -> None:
    """http(s) only; no loopback, link-local or private addresses unless allowed."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http:// and https:// feed URLs are accepted")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise InputError(url, f"cannot resolve host: {exc.strerror}") from exc
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            raise InputError(url, f"refusing {ip} (a private or local address); pass --allow-private to allow it")


def fetch(url: str, allow_private: bool = False, timeout: float = 30.0) -> Iterator[Document | InputError]:
    try:
        check_url(url, allow_private)
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - scheme checked above
            data = resp.read(MAX_BYTES + 1)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
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
    return total


def watch(store, sources: list[str], *, interval: float, once: bool = False, allow_private: bool = False,
          jobs: int = 1, report=print) -> None:
    while True:
        s = poll(store, sources, allow_private=allow_private, jobs=jobs)
        for err in s.rejected:
            report(f"error: {err}")
        report(f"{time.strftime('%Y-%m-%d %H:%M:%S')}: {s.processed} new or changed, {s.unchanged} unchanged, "
               f"{len(s.rejected)} rejected, {s.events} events")
        if once:
            return
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

    from ..storage import open_store
    if args.interval <= 0:
        raise InputError("--interval", "must be a positive number of seconds")
    watch(open_store(args.db), args.sources, interval=args.interval, once=args.once,
          allow_private=args.allow_private, jobs=args.jobs, report=lambda m: print(m, file=sys.stderr, flush=True))
    return 0
