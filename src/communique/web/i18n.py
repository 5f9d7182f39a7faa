"""The interface's language: az, kk, ru or en.

Chosen per request by ``?hl=CODE`` (a switcher link; it also sets a cookie so the
choice sticks), else that cookie, else the browser's ``Accept-Language``, else
English. ``hl`` and not ``lang``: ``lang`` already filters events by the article's
language. Labels come from gettext catalogs (``locale/<code>/LC_MESSAGES/messages.po``,
compiled to ``.mo`` by ``make translations``; English is the templates' own text);
language names come from CLDR through Babel. Only the interface is translated,
never the data.
"""
from __future__ import annotations

import functools
from contextvars import ContextVar
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlencode

from babel import Locale, negotiate_locale
from babel.support import NullTranslations, Translations
from jinja2 import Environment
from starlette.datastructures import MutableHeaders
from starlette.requests import Request

LANGUAGES = ("az", "kk", "ru", "en")
DEFAULT = "en"
PARAM = "hl"
COOKIE = "communique_hl"
DOMAIN = "messages"


@dataclass(frozen=True)
class Interface:
    """What a page needs to speak the reader's language: the code, and the address it was asked at
    (so the switcher keeps the page's filters)."""
    lang: str
    path: str = "/"
    params: tuple[tuple[str, str], ...] = ()

    @property
    def translations(self) -> NullTranslations:
        return catalog(self.lang)

    def switch_url(self, code: str) -> str:
        params = [(k, v) for k, v in self.params if k != PARAM] + [(PARAM, code)]
        return self.path + "?" + urlencode(params)


_current: ContextVar[Interface] = ContextVar("communique_interface", default=Interface(DEFAULT))


def current() -> Interface:
    return _current.get()


def locale_dir() -> str:
    return str(resources.files("communique.web").joinpath("locale"))


@functools.cache
def catalog(lang: str) -> NullTranslations:
    """The compiled catalog of ``lang`` (NullTranslations for English, the templates' language)."""
    if lang == DEFAULT:
        return NullTranslations()
    found = Translations.load(locale_dir(), [lang], domain=DOMAIN)
    if not isinstance(found, Translations):
        raise FileNotFoundError(f"no compiled catalog for {lang!r} under {locale_dir()}; run `make translations`")
    return found


def accepted(header: str | None) -> list[str]:
    """Accept-Language's tags, most preferred first (q=0 means 'not this one')."""
    tags = []
    for i, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                continue
        if tag and tag != "*" and q > 0:
            tags.append((-q, i, tag))
    return [tag for _, _, tag in sorted(tags)]


def choose(asked: str | None, cookie: str | None, accept_language: str | None) -> str:
    for choice in (asked, cookie):
        if choice in LANGUAGES:
            return choice
    # "kk-KZ", "az-Latn-AZ", "ru_RU" all come down to their language
    found = negotiate_locale([t.replace("_", "-") for t in accepted(accept_language)], LANGUAGES, sep="-")
    return found.split("-")[0] if found else DEFAULT


class InterfaceLanguage:
    """ASGI middleware: chooses the interface language of each request and remembers a switch."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        asked = request.query_params.get(PARAM)
        lang = choose(asked, request.cookies.get(COOKIE), request.headers.get("accept-language"))
        token = _current.set(Interface(lang, request.url.path, tuple(request.query_params.multi_items())))

        async def send_with_language(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.append("vary", "Accept-Language, Cookie")
                if asked == lang:
                    headers.append("set-cookie", f"{COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax")
            await send(message)
        try:
            await self.app(scope, receive, send_with_language)
        finally:
            _current.reset(token)


def _gettext(message: str) -> str:
    return current().translations.gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return current().translations.ngettext(singular, plural, n)


def language_name(code: str | None) -> str:
    """A language's name in the interface's language (CLDR), e.g. 'kk' -> 'казахский' for a Russian reader."""
    code = code or "und"
    try:
        return Locale.parse(current().lang).languages.get(code) or code
    except ValueError:
        return code


def script_name(code: str | None) -> str:
    """A script's name in the interface's language (CLDR): 'Cyrl' -> 'кириллица'."""
    if not code or code == "none":
        return "—"
    return Locale.parse(current().lang).scripts.get(code) or code


def install(env: Environment) -> None:
    """Give a Jinja2 environment ``{% trans %}``, ``_()`` and the switcher's helpers, all per request."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)
    env.globals.update(ui=current, ui_languages=LANGUAGES, lang_name=language_name, script_name=script_name,
                       native_name=lambda code: Locale.parse(code).get_display_name(code).capitalize())
