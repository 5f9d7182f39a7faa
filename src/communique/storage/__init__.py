"""Storage: a SQLite file by default, any SQLAlchemy database by URL."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..kb import KnowledgeBase
from .store import Store

DEFAULT_DB = "sqlite:///communique.db"


def resolve_url(url: str | None) -> str:
    """--db beats COMMUNIQUE_DB beats ./communique.db; a bare path means a SQLite file."""
    url = url or os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{Path(url)}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def open_store(url: str | None, kb: KnowledgeBase | Callable[[], KnowledgeBase], *,
               read_only: bool = False) -> Store:
    """The store at ``url`` (see ``resolve_url``) over the knowledge base ``kb`` (see ``Store``);
    ``read_only`` opens an existing database so that the database itself refuses writes."""
    return Store(resolve_url(url), kb, read_only=read_only)


__all__ = ["Store", "open_store", "resolve_url", "DEFAULT_DB"]
