"""PLOVER and CAMEO codes for communique events (see shared/eval/ONTOLOGY.md).

communique's own types are diplomatic; other event datasets join on PLOVER
(event / mode / context) and on CAMEO (code, root, quad class, Goldstein):

=========================  ===================================  ==========================
communique                 PLOVER                               CAMEO
=========================  ===================================  ==========================
MEET, a visit              CONSULT / visit                      042 visitor, 043 host
MEET, third location       CONSULT / third-party                044
MEET, three or more sides  CONSULT / multilateral               044 third location, 040
MEET, otherwise            CONSULT / (no mode)                  040
CALL                       CONSULT / phone                      041
CONVENE                    CONSULT / multilateral               044 third location, 040
SIGN                       SUPPORT                              057
planned (any coded type)   AGREE                                036
negated, APPOINT, CHAIR    none                                 none
=========================  ===================================  ==========================

The context is always ``diplomatic``; ``quad_code`` is the quad class as a number
(1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
conflict), the same numbering as GDELT's QuadClass.

Actors are coded ISO 3166 alpha-3 plus sector (``AZEGOV``): a country id gives
the country; a person gets the state and sector of a knowledge-base role active
at the event date; organisations and their officials are ``IGO``.

``plover_coding``, ``cameo_coding`` and ``classify`` are pure; ``code_event``
resolves actors and places through a knowledge base passed in.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from .document import Event
from .kb import KnowledgeBase, Role

PLOVER_QUADS: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
CONTEXT = "diplomatic"
MODES = ("visit", "third-party", "multilateral", "phone")

# code: (meaning, Goldstein score); roots 01-05 are verbal cooperation (quad class 1)
CAMEO_CODES: dict[str, tuple[str, float]] = {
    "036": ("express intent to meet or negotiate", 4.0),
    "040": ("consult, not specified", 1.0),
    "041": ("discuss by telephone", 1.0),
    "042": ("make a visit", 1.9),
    "043": ("host a visit", 2.8),
    "044": ("meet at a third location", 2.5),
    "057": ("sign formal agreement", 8.0),
}
CONSULTING = ("MEET", "CALL", "CONVENE")
LEGISLATIVE_ROLES = ("speaker of parliament",)
CITY_WORDS = ("shi", "shaary", "shahri", "city")  # "Beijing Shi", "Bishkek Shaary" in ISO 3166-2
ID_TYPES = {"person": "person", "country": "country", "org": "organization", "loc": "location",
            "gathering": "gathering"}


@dataclass(frozen=True)
class Plover:
    event: str
    mode: str | None
    context: str
    quad_code: int


@dataclass(frozen=True)
class Cameo:
    code: str
    root: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True)
class Actor:
    """One participant as an event-data actor."""
    entity_id: str
    type: str  # person | country | organization | gathering | location | unknown
    name: str
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, LEG, IGO
    office: str | None = None  # the role held at the event date
    affiliation: str | None = None  # alpha-3 country or organisation id the actor acts for
    identifier_id: str | None = None  # Wikidata id

    @property
    def code(self) -> str | None:
        if self.country:
            return self.country + (self.sector if self.sector and self.sector != "IGO" else "")
        return self.sector


@dataclass(frozen=True)
class Setting:
    """How the parties met: ``mode`` in MODES or None; actors and, for a visit, hosts."""
    mode: str | None
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...] = ()
    third_location: bool = False


@dataclass(frozen=True)
class EventCoding:
    plover: Plover | None
    cameo: Cameo | None  # from the actors' side (the visitors' for a visit)
    host_cameo: Cameo | None  # the hosts' side of a visit (043; 036 when planned), else None
    setting: Setting
    location: str | None  # the place id the location country comes from
    location_country: str | None  # ISO 3166 alpha-2


# -- pure mappings -------------------------------------------------------------
def plover_coding(event_type: str, modality: str, mode: str | None) -> Plover | None:
    """The PLOVER event, mode, context and quad code; None where PLOVER has no type."""
    if modality == "negated" or event_type not in (*CONSULTING, "SIGN"):
        return None
    if modality == "planned":
        return Plover("AGREE", None, CONTEXT, PLOVER_QUADS["AGREE"])
    if event_type == "SIGN":
        return Plover("SUPPORT", None, CONTEXT, PLOVER_QUADS["SUPPORT"])
    return Plover("CONSULT", mode, CONTEXT, PLOVER_QUADS["CONSULT"])


def cameo(code: str) -> Cameo:
    return Cameo(code, code[:2], 1, CAMEO_CODES[code][1])


def cameo_coding(event_type: str, modality: str, setting: Setting, host: bool = False) -> Cameo | None:
    """The CAMEO code from the actors' side, or from the hosts' side of a visit."""
    if modality == "negated" or event_type not in (*CONSULTING, "SIGN"):
        return None
    if modality == "planned":
        return cameo("036")
    if event_type == "SIGN":
        return cameo("057")
    if event_type == "CALL":
        return cameo("041")
    if setting.mode == "visit":
        return cameo("043" if host else "042")
    return cameo("044" if setting.third_location else "040")


def classify(event_type: str, actors: Iterable[Actor], location_country: str | None) -> Setting:
    """Visit, third-party, multilateral or phone, from the parties' affiliations and the place."""
    actors = tuple(actors)
    parties = tuple(a for a in actors if a.type not in ("gathering", "location"))
    has_body = any(a.type in ("organization", "gathering") for a in actors)
    known = all(a.affiliation for a in parties)
    home = _alpha3(location_country)
    third = bool(home and parties and known and all(a.country != home for a in parties))
    if event_type == "CALL":
        return Setting("phone", parties)
    if event_type == "CONVENE":
        return Setting("multilateral", parties, third_location=third)
    if event_type != "MEET":
        return Setting(None, parties)
    sides = {a.affiliation or a.entity_id for a in parties}
    if has_body or len(sides) >= 3:
        return Setting("multilateral", parties, third_location=third)
    hosts = tuple(a for a in parties if home and a.country == home)
    visitors = tuple(a for a in parties if a not in hosts)
    if known and hosts and visitors:
        return Setting("visit", visitors, hosts)
    if third and len(sides) == 2:
        return Setting("third-party", parties, third_location=True)
    return Setting(None, parties)


def sector_of(role: str, of: str) -> str:
    if not of.startswith("country:"):
        return "IGO"
    return "LEG" if role in LEGISLATIVE_ROLES else "GOV"


# -- resolution through the knowledge base ---------------------------------------
def entity_type(entity_id: str, kb: KnowledgeBase) -> str:
    """The type from the knowledge base, else from the id (``new:<type>:slug``)."""
    kbe = kb.get(entity_id)
    if kbe:
        return kbe.type
    parts = entity_id.split(":")
    if parts[0] == "new" and len(parts) > 2:
        return parts[1]
    return ID_TYPES.get(parts[0], "unknown")


def active_role(roles: Iterable[Role], date: str | None) -> Role | None:
    """A role held at ``date``, a state's before an organisation's."""
    held = [r for r in roles if r.active(date)]
    return next((r for r in held if r.of.startswith("country:")), held[0] if held else None)


def resolve_actor(entity_id: str, date: str | None, kb: KnowledgeBase, name: str | None = None) -> Actor:
    kbe = kb.get(entity_id)
    etype = entity_type(entity_id, kb)
    base = {"entity_id": entity_id, "type": etype, "name": name or kb.label(entity_id),
            "identifier_id": (kbe.wikidata if kbe else "") or None}
    if etype == "country":
        alpha3 = _alpha3(entity_id.split(":", 1)[1])
        return Actor(**base, country=alpha3, affiliation=alpha3)
    if etype == "organization":
        return Actor(**base, sector="IGO", affiliation=entity_id)
    role = active_role(kb.roles_of(entity_id), date) if etype == "person" else None
    if role is None:
        return Actor(**base)
    if role.of.startswith("country:"):
        alpha3 = _alpha3(role.of.split(":", 1)[1])
        return Actor(**base, country=alpha3, sector=sector_of(role.role, role.of), office=role.role,
                     affiliation=alpha3)
    return Actor(**base, sector="IGO", office=role.role, affiliation=role.of)


def event_place(event: Event, kb: KnowledgeBase) -> str | None:
    """The event's location, else the place of its framework or gathering (gatherings.tsv)."""
    if event.location:
        return event.location
    for g in (event.framework, *event.participants):
        loc = kb.gatherings.get(g or "", {}).get("location")
        if loc:
            return loc
    return None


def location_country(place: str | None, kb: KnowledgeBase) -> str | None:
    """ISO 3166 alpha-2 of a place: a country id directly, a city through CLDR and ISO 3166-2 names."""
    if not place:
        return None
    if place.startswith("country:"):
        return place.split(":", 1)[1].upper()
    kbe = kb.get(place)
    names = [place.rsplit(":", 1)[-1].replace("-", " ")]
    if kbe:
        names = [kbe.label, *(a.text for a in kbe.aliases if a.lang == "en")]
    for name in names:
        found = _place_index().get(_fold(name.split(",")[0]))
        if found and len(found) == 1:
            return next(iter(found))
    return None


def code_event(event: Event, kb: KnowledgeBase, labels: Mapping[str, str] | None = None) -> EventCoding:
    labels = labels or {}
    actors = [resolve_actor(p, event.date, kb, labels.get(p)) for p in event.participants]
    place = event_place(event, kb)
    country = location_country(place, kb)
    setting = classify(event.type, actors, country)
    host = cameo_coding(event.type, event.modality, setting, host=True) if setting.mode == "visit" else None
    return EventCoding(plover_coding(event.type, event.modality, setting.mode),
                       cameo_coding(event.type, event.modality, setting), host, setting, place, country)


def plover_dict(p: Plover | None) -> dict:
    return {"event": p.event if p else None, "mode": p.mode if p else None,
            "context": p.context if p else None, "quad_code": p.quad_code if p else None}


def cameo_dict(c: Cameo | None) -> dict:
    return {"code": c.code if c else None, "root": c.root if c else None,
            "quad_class": c.quad_class if c else None, "goldstein": c.goldstein if c else None}


def actor_dict(a: Actor) -> dict:
    return {"code": a.code, "name": a.name, "country": a.country, "sector": a.sector, "office": a.office,
            "identifier_id": a.identifier_id, "entity_id": a.entity_id}


# -- helpers ------------------------------------------------------------------------
def _alpha3(alpha2: str | None) -> str | None:
    if not alpha2:
        return None
    if len(alpha2) == 3:
        return alpha2.upper()
    import pycountry
    c = pycountry.countries.get(alpha_2=alpha2.upper())
    return c.alpha_3 if c else None


def _fold(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(ascii_.lower().replace("_", " ").replace("-", " ").split())


@lru_cache(maxsize=1)
def _place_index() -> dict[str, frozenset[str]]:
    """Folded city name -> alpha-2 codes, from CLDR time-zone cities and ISO 3166-2 subdivisions."""
    import babel.core
    import pycountry
    index: dict[str, set[str]] = {}
    for zone, territory in babel.core.get_global("zone_territories").items():
        index.setdefault(_fold(zone.rsplit("/", 1)[-1]), set()).add(territory)
    for s in pycountry.subdivisions:
        name = _fold(s.name)
        keys = {name}
        head, _, last = name.rpartition(" ")
        if head and last in CITY_WORDS:
            keys.add(head)
        for k in keys:
            index.setdefault(k, set()).add(s.country_code)
    return {k: frozenset(v) for k, v in index.items()}
