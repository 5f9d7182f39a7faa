"""The interface in az, kk, ru and en: the catalogs are complete and compiled, the language is
chosen by ?hl=, its cookie or Accept-Language, and every page speaks it (the data stays as it is)."""
import re
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from communique.web import i18n

LOCALE = Path(str(resources.files("communique.web").joinpath("locale")))
TEMPLATES = Path(str(resources.files("communique.web").joinpath("templates")))
TRANSLATED = ("az", "kk", "ru")
PAGES = ["/", "/events?participant=Sarıbay", "/events/nope", "/clusters", "/entities", "/entities/person:kairat-sarybay",
         "/entities/org:cica", "/documents", "/documents/sample-kk-4", "/network", "/network?participant=Bayramov",
         "/map", "/timeline?by=month", "/search?q=Sarıbay", "/api-docs"]
# the main navigation's "Events" in each language: the catalog at work
EVENTS = {"en": "Events", "az": "Hadisələr", "kk": "Оқиғалар", "ru": "События"}


def _catalog(lang: str):
    with open(LOCALE / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=lang)


def _template_messages() -> set:
    with open(LOCALE / "babel.cfg") as f:
        method_map, options_map = parse_mapping_cfg(f)
    return {m[2] for m in extract_from_dir(str(TEMPLATES), method_map, options_map)}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_i18n_catalog_translates_every_template_string(lang):
    catalog = _catalog(lang)
    ids = {m.id for m in catalog if m.id}
    assert ids == _template_messages(), "run `make translations` and translate what is new"
    untranslated = [m.id for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple)
                                                                  else [m.string])]
    assert not untranslated
    # placeholders such as %(count)s kept in every translation, plural forms as the language has them
    assert not [(m.id, errors) for m, errors in catalog.check()]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_i18n_compiled_catalog_is_the_po_file(lang):
    with open(LOCALE / lang / "LC_MESSAGES" / "messages.mo", "rb") as f:
        compiled = read_mo(f)
    assert _messages(compiled) == _messages(_catalog(lang)), "the .mo is older than its .po: run `make translations`"


def _messages(catalog) -> dict:
    flat = lambda x: tuple(x) if isinstance(x, (list, tuple)) else x
    return {flat(m.id): flat(m.string) for m in catalog if m.id}


@pytest.mark.parametrize("asked, cookie, header, expected", [
    (None, None, None, "en"),
    (None, None, "kk-KZ,kk;q=0.9,ru;q=0.8", "kk"),
    (None, None, "de-DE,de;q=0.9,ru;q=0.5,en;q=0.3", "ru"),
    (None, None, "az-Latn-AZ", "az"),
    (None, None, "ru;q=0,az;q=0.2", "az"),
    (None, None, "fr", "en"),
    (None, "ru", "kk", "ru"),
    ("az", "ru", "kk", "az"),
    ("xx", "kk", "ru", "kk"),
])
def test_i18n_choose_language(asked, cookie, header, expected):
    assert i18n.choose(asked, cookie, header) == expected


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_i18n_every_page_speaks_the_accepted_language(client, lang):
    for path in PAGES:
        r = client.get(path, headers={"accept-language": lang})
        assert r.status_code in (200, 404), (path, r.status_code)
        assert f'<html lang="{lang}">' in r.text, path
        assert re.search(f'<a href="/events"[^>]*>{EVENTS[lang]}</a>', r.text), path
        assert "Accept-Language" in r.headers["vary"]


def test_i18n_switch_sets_a_cookie_and_keeps_the_filters(client):
    r = client.get("/events?participant=Sarıbay&hl=kk", headers={"accept-language": "ru"})
    assert '<html lang="kk">' in r.text and "communique_hl=kk" in r.headers["set-cookie"]
    # the switcher's links keep the page's filters and change only hl
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w\w)"', r.text))
    assert {v: k for k, v in links.items()}["ru"] == "/events?participant=Sar%C4%B1bay&amp;hl=ru"
    client.cookies.set("communique_hl", "kk")
    try:
        again = client.get("/events", headers={"accept-language": "ru"})
        assert '<html lang="kk">' in again.text and "set-cookie" not in again.headers
    finally:
        client.cookies.clear()


def test_i18n_translates_the_interface_not_the_data(client):
    ru = client.get("/entities/person:kairat-sarybay", headers={"accept-language": "ru"}).text
    assert "Имена по языкам и письменностям" in ru and "казахский" in ru and "кириллица" in ru
    assert "Қайрат Сарыбай" in ru and "Kairat Sarybay" in ru  # names as stored
    kk = client.get("/events?participant=Sarıbay", headers={"accept-language": "kk"}).text
    assert "2 оқиға хабары сәйкес." in kk and "жоспарланған" in kk
    assert "MEET" in kk  # event types are codes, the same in every language
    ru = client.get("/events?participant=Sarıbay", headers={"accept-language": "ru"}).text
    assert "Найдено 2 сообщения о событиях." in ru  # Russian's three plural forms


def test_i18n_json_is_the_same_in_every_language(client):
    en = client.get("/events.json?participant=Sarıbay").json()
    assert client.get("/events.json?participant=Sarıbay", headers={"accept-language": "kk"}).json() == en
