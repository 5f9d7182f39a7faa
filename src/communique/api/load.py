"""`communique loadtest`: many concurrent clients against a running `communique serve`, with
latency percentiles. Loopback only: it is for measuring your own server, not anyone else's."""
from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import time
import urllib.parse
from collections import defaultdict

from ..errors import InputError


def _check_loopback(base: str) -> urllib.parse.SplitResult:
    parts = urllib.parse.urlsplit(base)
    if parts.scheme != "http" or not parts.hostname:
        raise InputError(base, "give the server as http://127.0.0.1:PORT")
    addr = socket.getaddrinfo(parts.hostname, parts.port or 80)[0][4][0]
    if not ipaddress.ip_address(addr).is_loopback:
        raise InputError(base, "load tests run against a server on this machine (loopback) only")
    return parts


def _check_answers(base: str, parts: urllib.parse.SplitResult) -> None:
    """Refuse to measure a port nothing listens on: every request would only count as an error."""
    try:
        socket.create_connection((parts.hostname, parts.port or 80), timeout=10).close()
    except OSError as exc:
        raise InputError(base, f"no server answers there ({exc.strerror or exc}); start one with "
                               f"`communique serve --port {parts.port or 80}` and run the load test again") from None


def run_load(base: str, paths: list[str], clients: int = 50, duration: float = 60.0) -> dict[str, dict]:
    """Each client loops over the paths until ``duration`` seconds have passed."""
    parts = _check_loopback(base)
    _check_answers(base, parts)
    lat: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def client(k: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
        i = k
        while time.monotonic() < stop:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
            ms = 1000 * (time.perf_counter() - t0)
            with lock:
                lat[path].append(ms)
                if not ok:
                    errors[path] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + 60)
    out = {}
    for path in paths:
        xs = sorted(lat[path])
        n = len(xs)
        out[path] = {"requests": n, "errors": errors[path],
                     "p50_ms": xs[n // 2] if n else None, "p95_ms": xs[min(n - 1, int(n * 0.95))] if n else None}
    return out


def register(sub) -> None:
    p = sub.add_parser("loadtest", help="concurrent clients against a running `communique serve` on this machine")
    p.add_argument("base", help="the server, e.g. http://127.0.0.1:8000")
    p.add_argument("--path", action="append", help="path to request (repeatable; default: event list and an entity page)")
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--duration", type=float, default=60.0, help="seconds (default 60)")
    p.set_defaults(func=_run)


def _run(args) -> int:
    paths = args.path or ["/api/events?limit=50", "/events", "/api/entities/person:kassym-jomart-tokayev",
                          "/entities/person:kassym-jomart-tokayev"]
    res = run_load(args.base, paths, clients=args.clients, duration=args.duration)
    print(f"{args.clients} clients for {args.duration:.0f} s against {args.base}")
    print(f"{'path':45} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for path, r in res.items():
        print(f"{path:45} {r['requests']:>9} {r['errors']:>7} {r['p50_ms'] or 0:>8.1f} {r['p95_ms'] or 0:>8.1f}")
    total, errors = sum(r["requests"] for r in res.values()), sum(r["errors"] for r in res.values())
    print(f"all: {total} requests, {errors} errors, {total / args.duration:.1f} requests/s")
    return 1 if any(r["errors"] for r in res.values()) else 0
