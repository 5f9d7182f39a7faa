"""The events behind a filtered page as files: ``/api/events?...&format=csv|parquet``.

The rows are the CSV export's (``export.csv_rows``), so a download and
``communique export --format csv`` have the same columns. A file holds every
matching event; ``limit`` and ``offset`` page only the JSON list.
"""
from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi.responses import Response
from jinja2 import Environment

from .. import export
from ..storage import queries as Q

FORMATS = ("json", "csv", "parquet")
FORMAT_HELP = ("json: one page of events with the total; csv or parquet: a file of every matching event, "
               "with the columns of `communique export --format csv`")
PAGE = 1000
MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


def event_rows(store, q: Q.EventQuery) -> list[dict]:
    rows, offset = [], 0
    while True:
        page = Q.find_events(store, Q.EventQuery(**{**q.__dict__, "limit": PAGE, "offset": offset}))["items"]
        rows += export.csv_rows(store, page)
        offset += len(page)
        if len(page) < PAGE:
            return rows


def events_file(store, q: Q.EventQuery, fmt: str) -> Response:
    rows = event_rows(store, q)
    if fmt == "csv":
        out = io.StringIO()
        w = csv.DictWriter(out, fieldnames=export.CSV_FIELDS)
        w.writeheader()
        w.writerows(rows)
        body = out.getvalue().encode("utf-8")
    elif fmt == "parquet":
        out = io.BytesIO()
        columns = {f: [r[f] for r in rows] for f in export.CSV_FIELDS}
        pq.write_table(pa.table(columns), out)
        body = out.getvalue()
    else:
        raise ValueError(f"unknown download format {fmt!r}; use one of {', '.join(FORMATS)}")
    return Response(body, media_type=MEDIA[fmt],
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
