"""HTTP layer: the JSON API under ``/api/`` and the web pages, each page with a JSON
twin, all over the query layer the CLI uses (``communique.storage``)."""
from __future__ import annotations

import hashlib

from ..errors import CommuniqueError

TOKEN_ENV = "COMMUNIQUE_API_TOKEN"
MIN_TOKEN_LENGTH = 16


class WriteTokenError(CommuniqueError):
    """Writes were asked for without a usable token."""


def hash_token(token: str) -> str:
    """The SHA-256 hex digest the server keeps instead of the token itself."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_app(*args, **kwargs):
    """``communique.api.app.create_app``, imported on first use (FastAPI is not needed by the CLI)."""
    from .app import create_app as _create
    return _create(*args, **kwargs)


__all__ = ["MIN_TOKEN_LENGTH", "TOKEN_ENV", "WriteTokenError", "create_app", "hash_token"]
