"""The events behind a filtered page as files: ``/api/events?...&format=csv|parquet``.

The files are the export's (``export.export``), so a download and
``communique export --format csv`` have the same columns. A file holds every
matching event; ``limit`` and ``offset`` page only the JSON list.
"""
from __future__ import annotations

import io
from urllib.parse import urlencode

from fastapi.responses import Response
from jinja2 import Environment

from .. import export
from ..storage import queries as Q

FORMATS = ("json", "csv", "parquet")
FORMAT_HELP = ("json: one page of events with the total; csv or parquet: a file of every matching event, "
               "with the columns of `communique export --format csv`")
MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


def events_file(store, q: Q.EventQuery, fmt: str) -> Response:
    """Every event matching ``q`` as the export writes it (typed columns in Parquet)."""
    if fmt not in MEDIA:
        raise ValueError(f"unknown download format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = io.BytesIO() if fmt == "parquet" else io.StringIO()
    export.export(store, fmt, out, Q.EventQuery(**{**q.__dict__, "limit": None, "offset": 0}))
    body = out.getvalue()
    return Response(body.encode("utf-8") if isinstance(body, str) else body, media_type=MEDIA[fmt],
                    headers={"content-disposition": f'attachment; filename="events.{fmt}"'})


def links(params: dict, **more) -> dict[str, str]:
    """CSV, JSON and Parquet addresses of the events matching a page's filters."""
    query = [(k, x) for k, v in {**params, **more}.items() if k not in ("format", "limit", "offset")
             and v not in (None, "", []) for x in (v if isinstance(v, (list, tuple)) else [v])]
    address = lambda *extra: "/api/events?" + urlencode([*query, *extra])
    return {"CSV": address(("format", "csv")), "JSON": address(("limit", 1000)),
            "Parquet": address(("format", "parquet"))}


def install(env: Environment) -> None:
    env.globals["download_links"] = links
