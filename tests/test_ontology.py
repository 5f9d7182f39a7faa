"""PLOVER and CAMEO coding of communique events (shared/eval/ONTOLOGY.md)."""
import pytest

from communique.document import Event, Evidence
from communique.ontology import (CAMEO_CODES, PLOVER_QUADS, Actor, Setting, cameo_coding, classify, code_event,
                                 location_country, plover_coding, resolve_actor)


def _person(eid: str, country: str | None, sector: str | None = "GOV") -> Actor:
    return Actor(eid, "person", eid, country=country, sector=sector if country else None,
                 affiliation=country)


def _body(eid: str, etype: str = "organization") -> Actor:
    return Actor(eid, etype, eid, sector="IGO" if etype == "organization" else None,
                 affiliation=eid if etype == "organization" else None)


AZ, KZ, TJ, KG = (_person(f"person:{c}", c) for c in ("AZE", "KAZ", "TJK", "KGZ"))
UNKNOWN = Actor("new:person:x", "person", "X")
OTS = _body("org:ots")
COP = _body("gathering:cop29", "gathering")


def _event(etype, participants, modality="asserted", date="2024-08-22", location=None, framework=None):
    return Event("ev-1", etype, participants, Evidence(0, 1, "x"), date=date, location=location,
                 framework=framework, modality=modality)


@pytest.mark.parametrize("event_type, actors, place, expected", [
    ("MEET", [KZ, TJ], "TJ", ("visit", ["person:KAZ"], ["person:TJK"], False)),
    ("MEET", [TJ, KZ], "TJ", ("visit", ["person:KAZ"], ["person:TJK"], False)),
    ("MEET", [AZ, KZ], "US", ("third-party", ["person:AZE", "person:KAZ"], [], True)),
    ("MEET", [AZ, KZ], None, (None, ["person:AZE", "person:KAZ"], [], False)),
    ("MEET", [AZ, UNKNOWN], "AZ", (None, ["person:AZE", "new:person:x"], [], False)),
    ("MEET", [AZ, KZ, KG], "KG", ("multilateral", ["person:AZE", "person:KAZ", "person:KGZ"], [], False)),
    ("MEET", [AZ, OTS], "KG", ("multilateral", ["person:AZE", "org:ots"], [], True)),
    ("CALL", [KZ, AZ], None, ("phone", ["person:KAZ", "person:AZE"], [], False)),
    ("CONVENE", [AZ, OTS], "KG", ("multilateral", ["person:AZE", "org:ots"], [], True)),
    ("CONVENE", [KZ, OTS], "KZ", ("multilateral", ["person:KAZ", "org:ots"], [], False)),
    ("CONVENE", [AZ, COP], "AZ", ("multilateral", ["person:AZE"], [], False)),
    ("SIGN", [KZ, TJ], "TJ", (None, ["person:KAZ", "person:TJK"], [], False)),
])
def test_classify_setting(event_type, actors, place, expected):
    s = classify(event_type, actors, place)
    assert (s.mode, [a.entity_id for a in s.actors], [a.entity_id for a in s.recipients],
            s.third_location) == expected


VISIT = Setting("visit", (KZ,), (TJ,))
THIRD = Setting("third-party", (AZ, KZ), third_location=True)
MULTI_AWAY = Setting("multilateral", (AZ, OTS), third_location=True)
MULTI_HOME = Setting("multilateral", (KZ, OTS))
PLAIN = Setting(None, (AZ, KZ))
PHONE = Setting("phone", (KZ, AZ))


@pytest.mark.parametrize("event_type, modality, setting, expected", [
    ("MEET", "asserted", VISIT, ("CONSULT", "visit", "042", 1.9)),
    ("MEET", "asserted", THIRD, ("CONSULT", "third-party", "044", 2.5)),
    ("MEET", "asserted", MULTI_AWAY, ("CONSULT", "multilateral", "044", 2.5)),
    ("MEET", "asserted", PLAIN, ("CONSULT", None, "040", 1.0)),
    ("CALL", "asserted", PHONE, ("CONSULT", "phone", "041", 1.0)),
    ("CONVENE", "asserted", MULTI_HOME, ("CONSULT", "multilateral", "040", 1.0)),
    ("CONVENE", "asserted", MULTI_AWAY, ("CONSULT", "multilateral", "044", 2.5)),
    ("SIGN", "asserted", PLAIN, ("SUPPORT", None, "057", 8.0)),
    ("MEET", "planned", VISIT, ("AGREE", None, "036", 4.0)),
    ("CALL", "planned", PHONE, ("AGREE", None, "036", 4.0)),
    ("CONVENE", "planned", MULTI_HOME, ("AGREE", None, "036", 4.0)),
    ("MEET", "negated", VISIT, None),
    ("APPOINT", "asserted", PLAIN, None),
    ("CHAIR", "asserted", PLAIN, None),
])
def test_plover_and_cameo_coding(event_type, modality, setting, expected):
    p = plover_coding(event_type, modality, setting.mode)
    c = cameo_coding(event_type, modality, setting)
    if expected is None:
        assert p is None and c is None
        return
    assert (p.event, p.mode, c.code, c.goldstein) == expected
    assert p.context == "diplomatic" and p.quad_code == PLOVER_QUADS[p.event] == 1
    assert c.root == c.code[:2] and c.quad_class == 1 and c.code in CAMEO_CODES


@pytest.mark.parametrize("host, expected", [(False, "042"), (True, "043")])
def test_cameo_visit_is_a_pair(host, expected):
    assert cameo_coding("MEET", "asserted", VISIT, host=host).code == expected


@pytest.mark.parametrize("entity_id, date, expected", [
    ("person:kassym-jomart-tokayev", "2024-08-22", ("KAZGOV", "KAZ", "GOV", "president")),
    ("person:kassym-jomart-tokayev", "2015", ("KAZLEG", "KAZ", "LEG", "speaker of parliament")),
    ("person:antonio-guterres", "2024-11", ("IGO", None, "IGO", "secretary general")),
    ("person:antonio-guterres", "2000", ("PRTGOV", "PRT", "GOV", "prime minister")),
    ("country:kz", "2024", ("KAZ", "KAZ", None, None)),
    ("org:sco", "2024", ("IGO", None, "IGO", None)),
    ("new:person:someone-unknown", "2024", (None, None, None, None)),
])
def test_resolve_actor_codes(kb, entity_id, date, expected):
    a = resolve_actor(entity_id, date, kb)
    assert (a.code, a.country, a.sector, a.office) == expected


def test_resolve_actor_keeps_wikidata_id(kb):
    assert resolve_actor("country:az", None, kb).identifier_id == "Q227"


@pytest.mark.parametrize("place, expected", [
    ("country:kz", "KZ"), ("loc:baku", "AZ"), ("loc:astana", "KZ"), ("loc:dushanbe", "TJ"),
    ("loc:bishkek", "KG"), ("loc:moscow", "RU"), ("loc:new-york", "US"), ("loc:beijing", "CN"),
    (None, None), ("loc:no-such-place", None),
])
def test_location_country(kb, place, expected):
    assert location_country(place, kb) == expected


@pytest.mark.parametrize("event, expected", [
    (_event("MEET", ["person:kassym-jomart-tokayev", "person:emomali-rahmon"], location="loc:dushanbe"),
     ("CONSULT", "visit", "042", "043", ["KAZGOV"], ["TJKGOV"])),
    (_event("MEET", ["person:jeyhun-bayramov", "person:murat-nurtleu"], date="2024-09-24",
            framework="gathering:unga-79"),
     ("CONSULT", "third-party", "044", None, ["AZEGOV", "KAZGOV"], [])),
    (_event("CALL", ["person:kassym-jomart-tokayev", "person:ilham-aliyev"], date="2023-12-24"),
     ("CONSULT", "phone", "041", None, ["KAZGOV", "AZEGOV"], [])),
    (_event("CONVENE", ["person:ilham-aliyev", "org:ots"], date="2024-11-06", location="loc:bishkek"),
     ("CONSULT", "multilateral", "044", None, ["AZEGOV", "IGO"], [])),
    (_event("SIGN", ["country:kz", "country:tj"]), ("SUPPORT", None, "057", None, ["KAZ", "TJK"], [])),
    (_event("MEET", ["person:kairat-sarybay", "person:kassym-jomart-tokayev"], modality="planned",
            location="loc:astana", date="2024-02-21"),
     ("AGREE", None, "036", "036", ["IGO"], ["KAZGOV"])),
    (_event("APPOINT", ["person:jeyhun-bayramov", "country:az"], date="2020-07-16"),
     (None, None, None, None, ["AZEGOV", "AZE"], [])),
    (_event("CHAIR", ["country:az", "org:cica"]), (None, None, None, None, ["AZE", "IGO"], [])),
])
def test_code_event_through_the_knowledge_base(kb, event, expected):
    c = code_event(event, kb)
    got = (c.plover.event if c.plover else None, c.plover.mode if c.plover else None,
           c.cameo.code if c.cameo else None, c.host_cameo.code if c.host_cameo else None,
           [a.code for a in c.setting.actors], [a.code for a in c.setting.recipients])
    assert got == expected


def test_code_event_takes_the_place_of_the_framework(kb):
    c = code_event(_event("MEET", ["person:jeyhun-bayramov", "person:murat-nurtleu"],
                          framework="gathering:unga-79"), kb)
    assert (c.location, c.location_country) == ("loc:new-york", "US")
