"""`communique serve`: the JSON API and the web pages over a database."""
from __future__ import annotations

import os
import sys

from . import MIN_TOKEN_LENGTH, TOKEN_ENV, WriteTokenError, hash_token


def register(sub) -> None:
    s = sub.add_parser("serve", help="the JSON API (/api, schema at /openapi.json) and web pages over a database")
    s.add_argument("--db", help="database URL or SQLite path (default: $COMMUNIQUE_DB or ./communique.db)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
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


def cmd_serve(args) -> int:
    import uvicorn

    from ..storage import resolve_url
    from .app import create_app
    token_hash = write_token_hash() if args.enable_writes else None
    app = create_app(resolve_url(args.db), write_token_hash=token_hash, read_only=not args.enable_writes,
                     allow_private_feeds=args.allow_private_feeds)
    where = app.state.store._safe_url()
    print(f"serving {where} at http://{args.host}:{args.port}/ (JSON API /api, schema /openapi.json); "
          f"{'writes enabled: POST /api/documents with the bearer token' if args.enable_writes else 'read-only'}",
          file=sys.stderr)
    if args.enable_writes and args.host not in ("127.0.0.1", "localhost", "::1"):
        print("warning: the token travels in clear text; put the server behind HTTPS", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", server_header=False)
    return 0
