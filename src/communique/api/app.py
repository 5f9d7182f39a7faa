"""The FastAPI application: JSON API under ``/api/``, web pages with JSON twins,
and (only when enabled) a token-protected write endpoint.

``create_app(db_url)`` opens the store once; every API route is a thin call into
``communique.storage.queries`` / ``Store`` (the CLI's query layer). The pages' routes
live in ``communique.web.routes`` and are added here.
"""
from __future__ import annotations

import hmac
import logging
from contextlib import asynccontextmanager
from importlib import resources
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from starlette.exceptions import HTTPException

from .. import __version__
from ..document import Document
from ..errors import CommuniqueError, NotFound, StoreError
from ..kb import load as load_kb
from ..pipeline import Limits
from ..registry import Config
from ..storage import open_store
from ..storage import queries as Q
from ..validation import MAX_INT, InvalidValue, document_problems, language_code, query_date, storable_text
from ..web import charts, downloads, i18n
from . import hash_token
from .writer import WorkerLost, Writer

log = logging.getLogger("communique.api")
MAX_BODY = 2 * 1024 * 1024
WRITE_TIME_LIMIT = 60.0  # seconds one posted article may take in the pipeline (Limits.seconds)
SECURITY_HEADERS = [
    (b"content-security-policy", (b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                  b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


# -- parameters ------------------------------------------------------------------
def _date(v: str | None) -> str | None:
    """A calendar date YYYY[-MM[-DD]] or words dateparser reads ("yesterday"); else 422."""
    return query_date(v) if v is not None else v


DateParam = Annotated[str | None, Query(description="YYYY[-MM[-DD]] or words such as 'last month'"),
                      AfterValidator(_date)]


class EventParams(BaseModel):
    """Event filters shared by /api/events, /events, /timeline and /network."""
    participant: str | None = Field(None, description="entity id or any of its names, in any language or script")
    country: str | None = Field(None, description="a country (id or name): its own events and its office-holders'")
    organization: str | None = Field(None, description="an organisation: its events, its office-holders', "
                                                       "and events in its framework or gatherings")
    type: str | None = Field(None, description="event type: " + ", ".join(Q.EVENT_TYPES) + " (any case)")
    modality: str | None = Field(None, description="one of " + ", ".join(Q.MODALITIES))
    lang: str | None = Field(None, description="language of the article (ISO 639-1), e.g. az, kk, ru")
    framework: str | None = Field(None, description="framework (gathering or organisation), id or name")
    location: str | None = Field(None, description="place, id or name")
    since: str | None = Field(None, description="earliest event date, YYYY[-MM[-DD]]")
    until: str | None = Field(None, description="latest event date, YYYY[-MM[-DD]] (inclusive)")
    cluster: str | None = Field(None, description="only the reports of this event cluster")
    sort: str = Field("-date", description="one of " + ", ".join(Q.EVENT_SORTS) + " ('-' for descending)")
    limit: int = Field(50, ge=1, le=1000, description="page size")
    offset: int = Field(0, ge=0, le=MAX_INT, description="how many matching events to skip")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data):
        """An empty form field means 'no filter'."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data

    @field_validator("type")
    @classmethod
    def _type(cls, v):
        if v is not None and v.upper() not in Q.EVENT_TYPES:
            raise ValueError(f"unknown event type {v!r}; use one of {', '.join(Q.EVENT_TYPES)}")
        return v.upper() if v else v

    @field_validator("modality")
    @classmethod
    def _modality(cls, v):
        if v is not None and v not in Q.MODALITIES:
            raise ValueError(f"unknown modality {v!r}; use one of {', '.join(Q.MODALITIES)}")
        return v

    @field_validator("lang")
    @classmethod
    def _lang(cls, v):
        if v is not None and not (v.isascii() and v.isalpha() and v.islower() and 2 <= len(v) <= 3):
            raise ValueError(f"{v!r} is not a language code; use ISO 639-1 such as az, kk, ru")
        return v

    @field_validator("since", "until")
    @classmethod
    def _dates(cls, v):
        return _date(v)

    @field_validator("sort")
    @classmethod
    def _sort(cls, v):
        if v not in Q.EVENT_SORTS:
            raise ValueError(f"unknown sort {v!r}; use one of {', '.join(Q.EVENT_SORTS)}")
        return v

    def query(self, **more) -> Q.EventQuery:
        return Q.EventQuery(**{**{k: getattr(self, k) for k in EventParams.model_fields}, **more})


class TimelineParams(EventParams):
    by: Literal[charts.GRANULARITIES] = Field("auto", description="period of the bars: auto, day, month or year")


class NetworkParams(EventParams):
    types: list[str] = Field(default_factory=list, description="event types counted as meeting (default MEET, CALL); "
                                                               "repeat the parameter for several")

    @field_validator("types")
    @classmethod
    def _types(cls, v):
        out = [x.upper() for item in v for x in item.split(",") if x.strip()]
        bad = [x for x in out if x not in Q.EVENT_TYPES]
        if bad:
            raise ValueError(f"unknown event type(s) {', '.join(bad)}; use {', '.join(Q.EVENT_TYPES)}")
        return out


class DocumentIn(BaseModel):
    """An article to process and store (the JSON Lines input record). What may be stored is checked
    on the document it makes, by the function the batch runners use (``validation.document_problems``)."""
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=512)
    text: str = Field(min_length=1)
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="a calendar date: YYYY, YYYY-MM or YYYY-MM-DD")
    source: str | None = None
    lang: str | None = Field(None, description="ISO 639-1 (a tag such as kk-Cyrl counts as kk); detected when absent")

    @field_validator("text")
    @classmethod
    def _text(cls, v):
        if not v.strip():
            raise ValueError("the text is empty")
        return v

    @field_validator("lang")
    @classmethod
    def _lang(cls, v):
        return language_code(v) if v is not None else v  # as a JSON Lines file's "lang" is read

    def document(self) -> Document:
        """The document to store, or 422 naming each field that cannot be stored as sent."""
        doc = Document(id=self.id, text=self.text, title=self.title, url=self.url, published=self.published,
                       source=self.source, lang=self.lang, origin="api")
        problems = document_problems(doc)
        if problems:
            raise RequestValidationError([{"loc": ("body", name), "msg": why, "type": "value_error",
                                           "input": getattr(doc, name)} for name, why in problems])
        return doc


class StorableStrings(BaseModel):
    """A request body whose every string must be storable (no NUL, no unpaired surrogate)."""

    @field_validator("*")
    @classmethod
    def _storable(cls, v):
        return storable_text(v) if isinstance(v, str) else v


PAGE_FORMATS = ("json", "html")  # ?format= on every route
DOWNLOAD_FORMATS = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}
DOWNLOAD_PATHS = ("/api/events",)  # where ?format= may also ask for a file


def refuse_unstorable(request: Request) -> None:
    """422 for a path or query value no database takes (a NUL character, %00): PostgreSQL refuses
    one with an error, so such a value must never reach a query; and for a ``format`` the route
    does not give. Every route depends on this."""
    errors = []
    fmt = request.query_params.get("format")
    allowed = PAGE_FORMATS + (tuple(DOWNLOAD_FORMATS) if request.url.path in DOWNLOAD_PATHS else ())
    if fmt is not None and fmt not in allowed:
        errors.append({"loc": ("query", "format"), "type": "value_error", "input": fmt,
                       "msg": f"unknown format {fmt[:20]!r}; use {' or '.join(allowed)}"
                              + ("" if fmt not in DOWNLOAD_FORMATS else
                                 f" (files of the filtered events: /api/events?format={fmt}&...)")})
    for where, items in (("path", request.path_params.items()), ("query", request.query_params.multi_items())):
        for name, value in items:
            if why := _unstorable(value):
                errors.append({"loc": (where, name), "msg": why, "type": "value_error", "input": value})
    if errors:
        raise RequestValidationError(errors)


def _unstorable(value) -> str | None:
    try:
        if isinstance(value, str):
            storable_text(value)
    except InvalidValue as exc:
        return str(exc)
    return None


def event_type(v: str | None, name: str = "type") -> str | None:
    """An event type from a plain query parameter (any case); 422 naming the parameter if unknown."""
    if not v:
        return None
    if v.upper() not in Q.EVENT_TYPES:
        raise RequestValidationError([{"loc": ("query", name), "input": v, "type": "value_error",
                                       "msg": f"unknown event type; use one of {', '.join(Q.EVENT_TYPES)}"}])
    return v.upper()


# -- middleware ------------------------------------------------------------------
class BodyLimit:
    """413 for request bodies over ``max_bytes``, announced or streamed."""

    def __init__(self, app, max_bytes: int = MAX_BODY):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            return await JSONResponse({"error": self._message()}, status_code=413)(scope, receive, send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise HTTPException(413, self._message())
            return message
        await self.app(scope, limited, send)

    def _message(self) -> str:
        return f"request body over {self.max_bytes // (1024 * 1024)} MB; send one article per request"


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        async def with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)
        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


# -- rendering -------------------------------------------------------------------
def wants_json(request: Request) -> bool:
    path = request.url.path
    if path == "/api" or path.startswith("/api/"):
        return True  # also for ?format=csv: its errors are JSON too
    fmt = request.query_params.get("format") or getattr(request.state, "format", None)
    if fmt:
        return fmt == "json"
    return path.endswith(".json")


# -- errors ----------------------------------------------------------------------
def _validation_message(errors) -> str:
    parts = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path")]
        msg = str(e.get("msg", "invalid")).removeprefix("Value error, ")
        where = f"parameter {'.'.join(loc)!r}" if loc else "request"
        got = e.get("input")
        if isinstance(got, str) and len(got) > 80:
            got = got[:80] + "…"
        shown = f" (got {got!r})" if isinstance(got, (str, int, float)) and e.get("type") != "missing" else ""
        parts.append(f"{where}: {msg}{shown}")
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI, templates: Jinja2Templates, writes: bool) -> None:
    from ..web.routes import context  # here, not at the top: the pages import this module's parameters

    def respond(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
        if wants_json(request):
            return JSONResponse({"error": message}, status_code=status, headers=headers)
        ctx = context(request, {"error": message, "status": status})
        return templates.TemplateResponse(request, "error.html", ctx, status_code=status, headers=headers)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return respond(request, 404, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return respond(request, 422, _validation_message(exc.errors()))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        # the message names the database (a file path, a host): for the server's log, not the client
        log.error("database error: %s", exc)
        return respond(request, 503, "the database is unavailable; the server's log says why")

    @app.exception_handler(CommuniqueError)
    async def communique_error(request: Request, exc: CommuniqueError):
        return respond(request, 400, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"nothing at {request.url.path}; the API is listed at /api, the pages at /"
        elif exc.status_code == 405 and request.url.path.rstrip("/") == "/api/documents" and not writes:
            message = ("this server is read-only; start it with `communique serve --enable-writes` and "
                       "COMMUNIQUE_API_TOKEN set to accept documents")
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return respond(request, exc.status_code, message, getattr(exc, "headers", None))


# -- the application -------------------------------------------------------------
def create_app(db_url: str, *, write_token_hash: str | None = None, read_only: bool = True,
               allow_private_feeds: bool = False, time_limit: float | None = WRITE_TIME_LIMIT) -> FastAPI:
    """The service over the database at ``db_url`` (URL or SQLite path). Writes exist only when
    ``read_only`` is False, and then require a bearer token whose SHA-256 is ``write_token_hash``;
    a posted article taking more than ``time_limit`` seconds in the pipeline is stopped (422)."""
    if not read_only and not write_token_hash:
        raise ValueError("writes need a token: pass write_token_hash=communique.api.hash_token(secret)")
    # the knowledge base as it is at each query: curation applies at once; a read-only server opens the
    # database read-only (it works on a file it may not write, and cannot change it)
    store = open_store(db_url, load_kb, read_only=read_only)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        if app.state.writer is not None:
            app.state.writer.close()
        store.close()

    app = FastAPI(title="communique", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  dependencies=[Depends(refuse_unstorable)],
                  description="Diplomatic events (MEET, CALL, CONVENE, SIGN, APPOINT, CHAIR), entities and "
                              "positions read from Azerbaijani, Kazakh and Russian news. Every web page has a "
                              "JSON twin at the same path plus `.json`.")
    app.state.store = store
    app.state.writes = not read_only
    app.state.allow_private_feeds = allow_private_feeds
    app.state.writer = None
    from ..web import routes as web_routes  # here, not at the top: the pages import this module's parameters
    templates = web_routes.make_templates()
    _install_error_handlers(app, templates, writes=not read_only)
    _api_routes(app, store)
    _event_api_routes(app, store)
    if not read_only:
        app.state.writer = Writer(store, Config(limits=Limits(seconds=time_limit)))
        _write_routes(app, app.state.writer, write_token_hash)
    web_routes.page_routes(app, store, templates)
    app.mount("/static", StaticFiles(directory=str(resources.files("communique.web").joinpath("static"))),
              name="static")
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(i18n.InterfaceLanguage)
    return app


Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_INT, description="how many to skip")]


def _api_routes(app: FastAPI, store) -> None:
    @app.get("/api", tags=["api"], summary="what this API offers, and how much is stored")
    def api_index():
        routes = sorted({(r.path, m) for r in app.routes if r.path == "/api" or r.path.startswith("/api/")
                         for m in getattr(r, "methods", ()) if m != "HEAD"})
        return {"name": "communique", "version": __version__, "counts": Q.counts(store), "schema": "/openapi.json",
                "writes": app.state.writes, "endpoints": [f"{m} {p}" for p, m in routes]}

    @app.get("/api/documents", tags=["documents"], summary="stored documents, newest first")
    def api_documents(lang: Annotated[str | None, Query(description="ISO 639-1 code")] = None,
                      entity: Annotated[str | None, Query(description="only documents mentioning this entity id")] = None,
                      limit: Limit = 50, offset: Offset = 0):
        return Q.list_documents(store, lang=lang or None, entity=entity or None, limit=limit, offset=offset)

    @app.get("/api/documents/{doc_id:path}", tags=["documents"], summary="one document: text, entities with "
             "mention offsets, events, facts")
    def api_document(doc_id: str):
        return Q.document(store, doc_id)

    @app.get("/api/entities", tags=["entities"], summary="entities by id or any name, in any language or script")
    def api_entities(q: Annotated[str, Query(min_length=1, description="a name in any script, or an id")],
                     limit: Limit = 20):
        return {"query": q, "items": Q.find_entities(store, q, limit=limit)}

    @app.get("/api/entities/{entity_id}", tags=["entities"], summary="one entity: names per language and script, "
             "positions over time, counterparts, memberships and chairs, events, documents")
    def api_entity(entity_id: str):
        return Q.entity_profile(store, entity_id)


def _event_api_routes(app: FastAPI, store) -> None:
    @app.get("/api/events", tags=["events"], summary="events matching the filters, one page with the total")
    def api_events(p: Annotated[NetworkParams, Query()],  # with `types`, so a network's events can be fetched
                   format: Annotated[Literal[downloads.FORMATS], Query(description=downloads.FORMAT_HELP)] = "json"):
        if format != "json":
            return downloads.events_file(store, p.query(types=tuple(p.types)), format)
        return Q.find_events(store, p.query(types=tuple(p.types)))

    @app.get("/api/events/{event_id}", tags=["events"], summary="one event and every report of its cluster")
    def api_event(event_id: str):
        return Q.event_detail(store, event_id)

    @app.get("/api/clusters", tags=["events"], summary="event clusters (one real event, its reports across "
             "articles and languages), latest first")
    def api_clusters(type: Annotated[str | None, Query(description=", ".join(Q.EVENT_TYPES))] = None,
                     since: DateParam = None,
                     until: DateParam = None,
                     limit: Limit = 20, offset: Offset = 0):
        return Q.list_clusters(store, type=event_type(type), since=since, until=until, limit=limit,
                               offset=offset)

    @app.get("/api/clusters/{cluster_id}", tags=["events"], summary="one event cluster with all its reports")
    def api_cluster(cluster_id: str):
        return Q.cluster_detail(store, cluster_id, with_text=False)

    @app.get("/api/occasions/{occasion_id}", tags=["events"], summary="a multilateral occasion: its events, "
             "and how many reports in which languages support each field")
    def api_occasion(occasion_id: str):
        return Q.occasion_detail(store, occasion_id)

    @app.get("/api/facts", tags=["facts"], summary="positions, chairmanships, memberships read from articles")
    def api_facts(subject: Annotated[str | None, Query(description="entity id or name")] = None,
                  relation: Annotated[Literal["holds_position", "chairs", "member_of"] | None, Query()] = None,
                  of: Annotated[str | None, Query(description="country or organisation, id or name")] = None,
                  limit: Limit = 50, offset: Offset = 0):
        return Q.list_facts(store, subject=subject, relation=relation, of=of, limit=limit, offset=offset)

    @app.get("/api/search", tags=["search"], summary="entities by any name, and documents containing the words "
             "or mentioning those entities, in every language")
    def api_search(q: Annotated[str, Query(min_length=1)], limit: Limit = 20):
        return Q.search(store, q, limit=limit)

    @app.get("/api/timeline", tags=["events"], summary="number of events per date (as precise as the articles)")
    def api_timeline(p: Annotated[TimelineParams, Query()]):
        return {"items": Q.events_per_day(store, p.query(), by=p.by)}

    @app.get("/api/network", tags=["events"], summary="who met whom: participant pairs of meetings and calls")
    def api_network(p: Annotated[NetworkParams, Query()]):
        return Q.meeting_edges(store, p.query(types=tuple(p.types)))


def _write_routes(app: FastAPI, writer: Writer, token_hash: str) -> None:
    # every write goes through ``writer``: one at a time (the store's cluster index is shared), none on
    # the threads reads are served on
    store = writer.store
    bearer = HTTPBearer(auto_error=False, description="the COMMUNIQUE_API_TOKEN the server was started with")

    def authorize(creds: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:  # noqa: B008
        if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
            raise HTTPException(401, "send the write token as 'Authorization: Bearer TOKEN'",
                                headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(hash_token(creds.credentials), token_hash):
            raise HTTPException(401, "wrong token; use the COMMUNIQUE_API_TOKEN the server was started with",
                                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})

    @app.post("/api/documents", tags=["documents"], status_code=201, dependencies=[Depends(authorize)],
              summary="process one article through the pipeline and store it (needs the bearer token)",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": DocumentIn.model_json_schema()}}}})
    async def api_create_document(request: Request):
        try:
            item = DocumentIn.model_validate_json(await request.body())
        except ValidationError as exc:
            raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from exc
        doc = item.document()
        try:
            changed, stored = await writer.document(doc)
        except WorkerLost as exc:
            raise HTTPException(503, str(exc)) from exc
        if not changed:
            return JSONResponse({"status": "unchanged", "document": stored}, status_code=200)
        if "error" in stored:  # recorded as failed, as a batch records it; sending it again retries it
            failure = stored["error"]
            return JSONResponse({"error": f"the article was not read: {failure['error']} (stage "
                                          f"{failure['stage']!r})", "status": "failed", "document": stored},
                                status_code=422)
        return JSONResponse({"status": "stored", "document": stored}, status_code=201,
                            headers={"Location": "/api/documents/" + quote(doc.id, safe=":/")})

    def ingest_feed(url: str, allow_private: bool):
        from ..batch.watch import poll
        s = poll(store, [url], allow_private=allow_private)
        return {"status": "polled", "processed": s.processed, "unchanged": s.unchanged, "events": s.events,
                "rejected": [str(e) for e in s.rejected]}

    @app.post("/api/feeds", tags=["documents"], dependencies=[Depends(authorize)],
              summary="fetch an RSS/Atom feed (http or https) and store its new articles (needs the token)")
    async def api_submit_feed(body: FeedIn):
        result = await writer.in_order(ingest_feed, body.url, app.state.allow_private_feeds)
        if result["rejected"] and not result["processed"] and not result["unchanged"]:
            raise HTTPException(422, result["rejected"][0])
        return result

    def curate(action: str, body: "CurationIn") -> dict:
        from ..kb.curation import Curator
        cur = Curator(store)
        if action == "merge":
            cur.merge(body.entity, _required(body.into, "into"))
        elif action == "alias":
            cur.add_alias(body.entity, _required(body.alias, "alias"), body.lang or "und")
        elif action == "rename":
            cur.rename(body.entity, _required(body.label, "label"))
        store._stories = None
        return {"status": "done", "action": action, "entity": body.entity}

    def curation_endpoint(action: str):
        async def endpoint(body: CurationIn):
            return await writer.in_order(curate, action, body)
        return endpoint

    for action, summary in (("merge", "merge ENTITY into INTO: every reference moves (needs the token)"),
                            ("alias", "add a name to an entity (needs the token)"),
                            ("rename", "set an entity's label (needs the token)")):
        app.post(f"/api/curation/{action}", tags=["curation"], summary=summary,
                 dependencies=[Depends(authorize)])(curation_endpoint(action))


def _required(value: str | None, name: str) -> str:
    if not value or not value.strip():
        raise HTTPException(422, f"field '{name}' is required for this correction")
    return value.strip()


class FeedIn(StorableStrings):
    url: str


class CurationIn(StorableStrings):
    entity: str
    into: str | None = None
    alias: str | None = None
    lang: str | None = None
    label: str | None = None

    @field_validator("lang")
    @classmethod
    def _lang(cls, v):
        return language_code(v) if v else None
