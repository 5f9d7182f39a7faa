"""Curation changes what queries return at once, and survives re-processing."""

import pytest

from communique.batch.local import run
from communique.cli import main
from communique.document import Document
from communique.kb import load as load_kb
from communique.registry import build
from communique.storage import open_store
from communique.storage import queries as Q

AZ = ("Azərbaycanın xarici işlər naziri Ceyhun Bayramov Fransanın səfiri Anri Düpon ilə görüşüb. "
      "Görüşdə tərəflər əməkdaşlığı müzakirə ediblər.")
RU = ("Министр иностранных дел Азербайджана Джейхун Байрамов встретился с послом Франции Анри Дюпоном. "
      "Стороны обсудили сотрудничество.")
KK = "Сыртқы істер министрі Мұрат Нұртілеу Францияның елшісі Анри Дюпонмен кездесті."


@pytest.fixture
def overlay(tmp_path, monkeypatch):
    folder = tmp_path / "kb-overlay"
    monkeypatch.setenv("COMMUNIQUE_KB", str(folder))
    return folder


def _ids(doc):
    return {e.id for e in doc.entities}


def test_new_person_links_across_languages_and_scripts():
    pipe = build()
    az, ru, kk = (pipe(Document(i, t)) for i, t in (("az", AZ), ("ru", RU), ("kk", KK)))
    new = [e.id for e in az.entities if e.new and e.type == "person"]
    assert new == ["new:person:anri-dupon"]
    assert new[0] in _ids(ru) and new[0] in _ids(kk)
    assert any(set(ev.participants) == {"person:jeyhun-bayramov", new[0]} for ev in ru.events)


def test_merge_rename_alias_survive_reprocessing(overlay, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'c.db'}"
    store = open_store(db, load_kb)
    run(iter([Document("az", AZ), Document("ru", RU)]), store=store)
    # an analyst knows the ambassador by his full name and a Wikidata id
    assert main(["kb", "--db", db, "rename", "new:person:anri-dupon", "Henri Dupont"]) == 0
    assert main(["kb", "--db", db, "wikidata", "new:person:anri-dupon", "Q999999"]) == 0
    found = Q.find_entities(store, "Henri Dupont")
    assert found[0]["id"] == "new:person:anri-dupon" and found[0]["wikidata"] == "Q999999"
    # re-processing keeps the corrections: the overlay is part of the knowledge base now
    run(iter([Document("az", AZ), Document("ru", RU)]), store=open_store(db, load_kb), force=True)
    for doc_id in ("az", "ru"):
        labels = {e["id"]: e["label"] for e in Q.document(open_store(db, load_kb), doc_id)["entities"]}
        assert labels["new:person:anri-dupon"] == "Henri Dupont"
    assert Q.find_entities(open_store(db, load_kb), "Дюпон")[0]["wikidata"] == "Q999999"


def test_merge_moves_every_reference_and_survives_reingest(overlay, tmp_path):
    from communique.kb.curation import Curator
    db = f"sqlite:///{tmp_path / 'm.db'}"
    store = open_store(db, load_kb)
    run(iter([Document("az", AZ), Document("kk", KK)]), store=store)
    Curator(store).merge("new:person:anri-dupon", "person:emmanuel-macron")
    assert not Q.find_entities(store, "new:person:anri-dupon") or \
        Q.find_entities(store, "new:person:anri-dupon")[0]["id"] == "person:emmanuel-macron"
    from communique.storage.queries import EventQuery, find_events

    def events(**q):
        return find_events(store, EventQuery(**q))["items"]
    evs = events(participant="person:emmanuel-macron")
    assert evs and all("new:person:anri-dupon" not in e["participants"] for e in events())
    # a fresh ingest links the merged name to the survivor
    run(iter([Document("ru", RU)]), store=store)
    assert any("person:emmanuel-macron" in e["participants"] for e in events(lang="ru"))


def test_added_alias_is_found_by_later_ingests(overlay, tmp_path):
    from communique.kb.curation import Curator
    text = "Prezident İlham Əliyev Vova Zelya ilə telefonla danışıb."
    before = build()(Document("x", text))
    assert "person:volodymyr-zelenskyy" not in _ids(before)
    Curator(kb=load_kb).add_alias("person:volodymyr-zelenskyy", "Vova Zelya", "az")
    after = build()(Document("x", text))
    assert "person:volodymyr-zelenskyy" in _ids(after)


def test_removed_alias_no_longer_links(overlay):
    from communique.kb.curation import Curator
    text = "Bakıda görüş keçirilib."
    assert "loc:baku" in _ids(build()(Document("x", text)))
    Curator(kb=load_kb).remove_alias("loc:baku", "Bakı", "az")
    assert "loc:baku" not in _ids(build()(Document("x", text)))


def test_split_moves_mentions_of_one_name(overlay, tmp_path):
    from communique.kb.curation import Curator
    store = open_store(f"sqlite:///{tmp_path / 's.db'}", load_kb)
    run(iter([Document("az", AZ)]), store=store)
    new = Curator(store).split("new:person:anri-dupon", "Anri Düpon", label="Henri Dupont (ambassador)")
    doc = Q.document(store, "az")
    assert new in {e["id"] for e in doc["entities"]}
    assert "new:person:anri-dupon" not in {p for ev in doc["events"] for p in ev["participants"]}


def test_export_import_carries_corrections(overlay, tmp_path, monkeypatch):
    from communique.kb.curation import Curator
    store = open_store(f"sqlite:///{tmp_path / 'e.db'}", load_kb)
    run(iter([Document("az", AZ)]), store=store)
    Curator(store).rename("new:person:anri-dupon", "Henri Dupont")
    out = tmp_path / "export"
    written = Curator(store).export(str(out))
    assert "curated.entities.tsv" in written and (out / "learned.entities.tsv").exists()
    other = tmp_path / "other-overlay"
    monkeypatch.setenv("COMMUNIQUE_KB", str(other))
    Curator().import_(str(out))
    from communique import kb
    assert kb.load().get("new:person:anri-dupon").label == "Henri Dupont"


@pytest.mark.parametrize("args, problem", [
    (["wikidata", "loc:baku", "1234"], "not a Wikidata id"),
    (["merge", "loc:baku", "country:az"], "only entities of one type merge"),
    (["rename", "nope:x", "X"], "no entity 'nope:x'"),
])
def test_bad_corrections_are_refused_with_a_reason(overlay, tmp_path, capsys, args, problem):
    assert main(["kb", "--db", f"sqlite:///{tmp_path / 'b.db'}", *args]) == 2
    assert problem in capsys.readouterr().err


def test_role_lookups_follow_the_roles_list_as_it_grows():
    from communique.kb import KnowledgeBase, Role, data_dir
    kb = KnowledgeBase([data_dir()])
    person = kb.roles[0].person
    assert kb.roles_of(person) == [r for r in kb.roles if r.person == person]
    kb.roles.append(Role(person, "ambassador", "country:fr", "2030", ""))  # a later overlay's role
    assert kb.roles_of(person)[-1].role == "ambassador"
    assert kb.holders("ambassador", "country:fr", "2031-01-01") == [
        r.person for r in kb.roles if r.role == "ambassador" and r.of == "country:fr" and r.active("2031-01-01")]
