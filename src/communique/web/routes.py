"""The HTML pages' routes: each page is one function over ``communique.web.pages``, served as
HTML at ``/x`` (a Jinja2 template) and as JSON at ``/x.json``. ``communique.api.app`` composes
them with the JSON API; the pages take their filters through the API's parameter models, so a
page and ``/api/...`` validate a query alike."""
from __future__ import annotations

import functools
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import __version__
from ..api.app import DateParam, EventParams, NetworkParams, Offset, TimelineParams, event_type, wants_json
from ..errors import NotFound
from ..storage import queries as Q
from . import charts, downloads, i18n, markup, pages



def entity_url(eid: str) -> str:
    return "/entities/" + quote(eid, safe=":")


def document_url(doc_id: str) -> str:
    return "/documents/" + quote(doc_id, safe=":/")


def url(path: str, **params) -> str:
    query = urlencode([(k, x) for k, v in params.items() if v not in (None, "", [])
                       for x in (v if isinstance(v, (list, tuple)) else [v])])
    return path + ("?" + query if query else "")


def make_templates() -> Jinja2Templates:
    env = Environment(loader=PackageLoader("communique.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        entity_url=entity_url, document_url=document_url, url=url, version=__version__,
        event_url=lambda i: "/events/" + quote(i, safe=""), cluster_url=lambda i: "/clusters/" + quote(i, safe=""),
        marked=lambda text, marks: markup.marked_html(text, marks, entity_url),
        document_marks=markup.document_marks, evidence_marks=markup.evidence_marks,
        bar_chart=charts.bar_chart, span_chart=charts.span_chart)
    i18n.install(env)  # {% trans %}, _() and language and script names in the reader's language
    downloads.install(env)
    return Jinja2Templates(env=env)


def _twin_url(request: Request) -> str:
    path = request.url.path
    if not path.endswith(".json") or getattr(request.state, "format", None) == "html":
        path = "/index.json" if path == "/" else path + ".json"
    query = request.url.query
    return quote(path, safe="/:@-._~") + ("?" + query if query else "")


def context(request: Request, data: dict) -> dict:
    def page_url(**changes) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes and k != "format"]
        params += [(k, v) for k, v in changes.items() if v not in (None, "")]
        return quote(request.url.path, safe="/:@-._~") + ("?" + urlencode(params) if params else "")
    return {"d": data, "json_url": _twin_url(request), "page_url": page_url, "path": request.url.path}


def _respond(request: Request, templates: Jinja2Templates, template: str, data: dict) -> Response:
    if wants_json(request):
        return JSONResponse(data)
    return templates.TemplateResponse(request, template, context(request, data))


def _page(app: FastAPI, templates: Jinja2Templates, path: str, template: str):
    """Register ``fn`` as the page ``path`` and its JSON twin ``path.json`` (one function, two formats)."""
    def register(fn):
        @functools.wraps(fn)
        def endpoint(*args, **kwargs):
            return _respond(kwargs["request"], templates, template, fn(*args, **kwargs))
        twin = "/index.json" if path == "/" else path + ".json"
        app.add_api_route(twin, endpoint, methods=["GET"], tags=["pages as JSON"], name=fn.__name__ + "_json",
                          summary=f"the data of the page {path}")
        app.add_api_route(path, endpoint, methods=["GET"], include_in_schema=False, name=fn.__name__,
                          response_class=HTMLResponse)
        return fn
    return register


def page_routes(app: FastAPI, store, templates: Jinja2Templates) -> None:
    page = functools.partial(_page, app, templates)

    @page("/", "dashboard.html")
    def dashboard(request: Request):
        return pages.dashboard(store)

    @page("/events", "events.html")
    def events(request: Request, p: Annotated[EventParams, Query()]):
        return pages.events(store, p.query())

    @page("/events/{event_id}", "event.html")
    def event(request: Request, event_id: str):
        return pages.event(store, event_id)

    @page("/clusters", "clusters.html")
    def clusters(request: Request, type: str | None = None,
                 since: DateParam = None,
                 until: DateParam = None,
                 limit: Annotated[int, Query(ge=1, le=200)] = 20, offset: Offset = 0):
        return pages.clusters(store, type=event_type(type), since=since or None,
                              until=until or None, limit=limit, offset=offset)

    @page("/clusters/{cluster_id}", "cluster.html")
    def cluster(request: Request, cluster_id: str):
        return pages.cluster(store, cluster_id)

    @page("/occasions/{occasion_id}", "occasion.html")
    def occasion(request: Request, occasion_id: str):
        return Q.occasion_detail(store, occasion_id)

    @page("/entities", "entities.html")
    def entities(request: Request, q: str | None = None, type: str | None = None):
        return pages.entities(store, (q or "").strip() or None, type or None)

    @page("/entities/{entity_id}", "entity.html")
    def entity(request: Request, entity_id: str):
        return pages.entity(store, entity_id)

    @page("/documents", "documents.html")
    def documents(request: Request, lang: str | None = None, entity: str | None = None,
                  limit: Annotated[int, Query(ge=1, le=1000)] = 50, offset: Offset = 0):
        return pages.documents(store, lang=lang or None, entity=entity or None, limit=limit, offset=offset)

    @page("/documents/{doc_id:path}", "document.html")
    def document(request: Request, doc_id: str):
        try:
            return pages.document(store, doc_id)
        except NotFound:
            if not request.url.path.endswith(".json"):
                raise
            data = pages.document(store, doc_id + ".json")  # an id that itself ends in ".json"
            request.state.format = "html"
            return data

    @page("/network", "network.html")
    def network(request: Request, p: Annotated[NetworkParams, Query()]):
        return pages.network(store, p.query(types=tuple(p.types)))

    @page("/map", "map.html")
    def places(request: Request, p: Annotated[EventParams, Query()]):
        return pages.places(store, p.query())

    @page("/timeline", "timeline.html")
    def timeline(request: Request, p: Annotated[TimelineParams, Query()]):
        return pages.timeline(store, p.query(), p.by)

    @page("/search", "search.html")
    def search(request: Request, q: str = ""):
        return pages.search(store, q)

    @page("/api-docs", "api_docs.html")
    def api_docs(request: Request):
        return app.openapi()
