"""Finding an entity by any form of its name: alias, surname alone, inflected forms in each language's
script, through the extraction's morphology (``lang.lookup``); an ambiguous surname lists its candidates."""
import pytest

from communique.cli import main
from communique.kb import load as load_kb
from communique.lang.lookup import name_keys
from communique.storage import open_store
from communique.storage import queries as Q

ALIYEV, TOKAYEV = "person:ilham-aliyev", "person:kassym-jomart-tokayev"



@pytest.fixture(scope="module")
def store(demo_store):
    return demo_store


@pytest.mark.parametrize("name, expected", [
    ("Əliyevlə", ("əliyev",)),  # az comitative
    ("Тоқаевқа", ("тоқаев",)),  # kk dative
    ("Токаевым", ("токаев",)),  # ru instrumental
    ("Ильхама Алиева", ("ильхам", "алиев")),  # every word of a Russian name inflects
    ("İlham Əliyevin", ("ilham", "əliyev")),  # only the last word of a Turkic one
])
def test_name_keys_include_the_uninflected_form(name, expected):
    assert expected in name_keys(name)


@pytest.mark.parametrize("name, person", [
    ("İlham Əliyevin", ALIYEV),  # az genitive of the full name
    ("Ильхама Алиева", ALIYEV),  # ru genitive
    ("Тоқаевқа", TOKAYEV),  # kk surname, dative
    ("Тоқаевтың", TOKAYEV),  # kk surname, genitive
    ("Токаевым", TOKAYEV),  # ru surname, instrumental
    ("Tokayevlə", TOKAYEV),  # az surname, comitative
    ("Kassym-Jomart Tokayev", TOKAYEV),
    (TOKAYEV, TOKAYEV),
])
def test_find_names_reads_every_form(store, name, person):
    match = Q.find_names(store, name)
    assert match.ids[0] == person, match


@pytest.mark.parametrize("surname", ["Əliyev", "Алиев", "Әлиев", "Aliyev", "Əliyevlə", "Алиевым"])
def test_ambiguous_surname_lists_the_candidates(store, surname):
    match = Q.find_names(store, surname)
    assert match.ambiguous and {ALIYEV, "person:heydar-aliyev"} <= set(match.ids)
    assert match.ids[0] == ALIYEV  # the one mentioned in most documents first


def test_unknown_name_matches_nothing(store):
    assert Q.find_names(store, "Qwertyuiop").ids == []
    assert Q.find_events(store, Q.EventQuery(participant="Qwertyuiop"))["total"] == 0


def test_event_filter_and_search_take_a_surname(store):
    by_surname = Q.find_events(store, Q.EventQuery(participant="Əliyev", limit=None))["items"]
    by_id = Q.find_events(store, Q.EventQuery(participant=ALIYEV, limit=None))["items"]
    assert by_id and {e["id"] for e in by_id} <= {e["id"] for e in by_surname}
    assert ALIYEV in [e["id"] for e in Q.search(store, "Əliyev")["entities"]]


def test_cli_entity_lists_candidates_of_a_surname(demo_db, capsys):
    assert main(["entity", "Əliyev", "--db", demo_db]) == 0
    out = capsys.readouterr().out
    assert "surname of" in out and ALIYEV in out and "person:heydar-aliyev" in out


def test_cli_events_by_inflected_surname_notes_the_candidates(demo_db, capsys):
    assert main(["events", "--db", demo_db, "--actor", "Алиевым", "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() and "may be" in captured.err and ALIYEV in captured.err
    assert main(["events", "--db", demo_db, "--participant", "Тоқаевқа", "--format", "jsonl"]) == 0
    assert all(TOKAYEV in __import__("json").loads(x)["participants"] for x in capsys.readouterr().out.splitlines())


@pytest.mark.parametrize("lang, text, cyrillic, latin", [
    ("kk", "Мемлекет басшысы Қытай Халық Республикасының Елшісі Чжан Сяоны қабылдады.", "Чжан Сяо", "Chzhan Syao"),
    ("ru", "Министр иностранных дел Казахстана Ермек Кошербаев встретился с послом Турции Мехметом Самсаром.",
     "Мехмет Самсар", "Mekhmet Samsar"),
])
def test_a_name_the_kb_lacks_gets_a_latin_label_and_keeps_its_cyrillic_name(tmp_path, lang, text, cyrillic, latin):
    from communique.batch.local import run
    from communique.document import Document
    store = open_store(str(tmp_path / "x.db"), load_kb())
    run(iter([Document("d", text, lang=lang, published="2024-01-10")]), store=store)
    found = Q.find_entities(store, cyrillic)
    assert found and found[0]["label"] == latin and found[0]["id"].startswith("new:person:")
    assert cyrillic in [n for names in found[0]["names"].values() for n in names]
    assert Q.find_names(store, latin).ids == [found[0]["id"]]
    store.close()
