"""Azerbaijan's districts and cities from ISO 3166-2 (tools/build_kb_subdivisions.py)."""
import importlib.util
from pathlib import Path

from communique import kb as kbmod
from communique.document import Document

TOOL = Path(__file__).parent.parent.parent / "tools" / "build_kb_subdivisions.py"


def _tool():
    spec = importlib.util.spec_from_file_location("build_kb_subdivisions", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_generated_table_is_iso_s_districts_the_hand_written_places_lack():
    rows = dict(_tool().subdivisions({"bakı", "gəncə"}))
    assert rows["loc:quba"] == "Quba" and rows["loc:kurdamir"] == "Kürdəmir"
    assert rows["loc:kangarli"] == "Kəngərli"  # ISO writes the schwa as U+01DD; Azerbaijani as U+0259
    assert "loc:baki" not in rows  # named in places.aliases.tsv already


def test_a_district_the_kb_now_knows_is_in_azerbaijan():
    kb = kbmod.load()
    assert kb.place_country["loc:kurdamir"] == "country:az"


def test_a_district_is_found_in_its_inflected_forms(pipeline):
    doc = pipeline(Document("t", "Nazir Kürdəmirdə və Qubanın kəndlərində sakinlərlə görüşüb."))
    assert {m.entity_id for m in doc.mentions if m.type == "location"} == {"loc:kurdamir", "loc:quba"}
