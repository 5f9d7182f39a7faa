"""`communique serve`: the JSON API and the web pages over a database."""
from __future__ import annotations

import argparse
import json
import os
import sys

from ..errors import CommuniqueError
from . import MIN_TOKEN_LENGTH, TOKEN_ENV, WriteTokenError, hash_token

SETTINGS_ENV = "COMMUNIQUE_SERVE_SETTINGS"  # how `serve` hands its settings to each worker process
MAX_WORKERS = 8


class ServeError(CommuniqueError):
    """The server cannot start as asked."""


def port(value: str) -> int:
    """A TCP port to listen on, 1-65535 (argparse refuses anything else with exit 2)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number; give 1 to 65535, e.g. 8000") from None
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"{n} is not a port number; give 1 to 65535, e.g. 8000")
    return n


def _positive(kind: type):
    def parse(value: str):
        try:
            x = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
        if not x > 0:
            raise argparse.ArgumentTypeError(f"{value} must be more than 0")
        return x
    return parse


def register(sub) -> None:
    s = sub.add_parser("serve", help="the JSON API (/api, schema at /openapi.json) and web pages over a database")
    s.add_argument("--db", help="database URL or SQLite path (default: $COMMUNIQUE_DB or ./communique.db)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    s.add_argument("--port", type=port, default=8000, help="port, 1 to 65535 (default: 8000)")
    s.add_argument("--workers", type=_positive(int),
                   help="server processes (default: one per core, up to 4, for a read-only server on PostgreSQL; "
                        "otherwise 1). Each process answers requests on a pool of threads; a server with "
                        "--enable-writes runs one process, which writes one article at a time")
    s.add_argument("--time-limit", type=_positive(float), default=None,
                   help="seconds a posted article may take in the pipeline before it is stopped and answered "
                        "with 422 (default: 60)")
    s.add_argument("--header-timeout", type=_positive(float), default=None,
                   help="seconds a client has to send a request's headers before the connection is closed "
                        "(default: 10)")
    s.add_argument("--allow-private-feeds", action="store_true",
                   help="let POST /api/feeds fetch from loopback, link-local and private addresses")
    s.add_argument("--enable-writes", action="store_true",
                   help=f"accept POST /api/documents from clients sending 'Authorization: Bearer ${TOKEN_ENV}'")
    s.set_defaults(func=cmd_serve)


def write_token_hash() -> str:
    """The hash of the token in the environment; the token itself is not kept."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if len(token) < MIN_TOKEN_LENGTH:
        raise WriteTokenError(f"--enable-writes needs a secret of at least {MIN_TOKEN_LENGTH} characters in "
                              f"${TOKEN_ENV}, e.g. `export {TOKEN_ENV}=$(python -c 'import secrets; "
                              f"print(secrets.token_urlsafe(32))')`")
    return hash_token(token)


def default_workers(url: str, writes: bool) -> int:
    """Several processes where they share nothing but the database: a read-only server on PostgreSQL.
    A writing server keeps one (its story cluster index lives in the process that writes); SQLite
    readers in one process already run their queries in parallel on its threads."""
    if writes or not url.startswith("postgresql"):
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def app_from_environment():
    """The app for one worker process, from the settings `serve` put in the environment."""
    from .app import create_app
    s = json.loads(os.environ[SETTINGS_ENV])
    return create_app(s["db"], write_token_hash=s["token_hash"], read_only=s["read_only"],
                      allow_private_feeds=s["allow_private_feeds"], time_limit=s["time_limit"])


def _more_open_files() -> None:
    """Raise the soft limit on open files to the hard one: each client holds a socket."""
    try:
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft != hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ImportError, ValueError, OSError):
        pass  # not on this system, or not allowed: the limit stays as it is


def _check_port(host: str, number: int) -> None:
    """Refuse, with what to do, a port this process cannot listen on (taken, or privileged)."""
    import socket
    try:
        infos = socket.getaddrinfo(host, number, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError(f"cannot listen on {host!r}: {exc.strerror}; give --host an address of this machine, "
                         f"e.g. 127.0.0.1") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            sock.bind(address)
        except OSError as exc:
            raise ServeError(f"cannot listen on {host}:{number}: {exc.strerror}; choose another port with "
                             f"--port (ports under 1024 need administrator rights)") from None


def cmd_serve(args) -> int:
    import functools

    import uvicorn

    from ..storage import resolve_url
    from .app import WRITE_TIME_LIMIT
    from .protocol import HEADER_TIMEOUT, HeaderDeadlineProtocol
    token_hash = write_token_hash() if args.enable_writes else None
    url = resolve_url(args.db)
    workers = args.workers or default_workers(url, args.enable_writes)
    if workers > 1 and args.enable_writes:
        raise ServeError("--enable-writes runs one server process (its story cluster index lives in the process "
                         "that writes); leave out --workers, or serve reads from a second, read-only server")
    if workers > MAX_WORKERS:
        raise ServeError(f"--workers {workers} is more than {MAX_WORKERS}; each process holds its own database "
                         f"connections")
    settings = {"db": url, "token_hash": token_hash, "read_only": not args.enable_writes,
                "allow_private_feeds": args.allow_private_feeds,
                "time_limit": args.time_limit or WRITE_TIME_LIMIT}
    _check_port(args.host, args.port)
    os.environ[SETTINGS_ENV] = json.dumps(settings)
    # built here even for several workers (which build their own): a database that cannot be opened is
    # reported once, before listening
    app = app_from_environment()
    where = app.state.store._safe_url()
    if workers > 1:
        app.state.store.close()
        app = "communique.api.commands:app_from_environment"
    protocol = functools.partial(HeaderDeadlineProtocol, header_timeout=args.header_timeout or HEADER_TIMEOUT)
    _more_open_files()
    print(f"serving {where} at http://{args.host}:{args.port}/ (JSON API /api, schema /openapi.json) with "
          f"{workers} process{'es' if workers > 1 else ''}; "
          f"{'writes enabled: POST /api/documents with the bearer token' if args.enable_writes else 'read-only'}",
          file=sys.stderr)
    if args.enable_writes and args.host not in ("127.0.0.1", "localhost", "::1"):
        print("warning: the token travels in clear text; put the server behind HTTPS", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", server_header=False, http=protocol,
                workers=workers, factory=workers > 1)
    return 0
