"""An entity's profile is kept in memory between reads, and a write through the store shows at once."""
from communique.document import Document, Entity, Event, Evidence
from communique.kb import load as load_kb
from communique.storage import open_store
from communique.storage import queries as Q

AZ, KZ = "person:ilham-aliyev", "person:kassym-jomart-tokayev"


def _call(doc_id: str, day: str) -> Document:
    text = "Aliyev and Tokayev spoke by phone."
    ev = Event(f"ev-{doc_id}", "CALL", [AZ, KZ], Evidence(0, len(text), text), day)
    return Document(doc_id, text, lang="en", published=day, events=[ev],
                    entities=[Entity(AZ, "person", "Ilham Aliyev"), Entity(KZ, "person", "Kassym-Jomart Tokayev")])


def test_a_profile_is_read_once_until_the_store_writes(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'memo.db'}", load_kb())
    try:
        store.write([_call("d1", "2024-12-27")])
        first = Q.entity_profile(store, AZ)
        assert Q.entity_profile(store, AZ) is first  # nothing written since: the same profile
        store.write([_call("d2", "2025-03-01")])
        second = Q.entity_profile(store, AZ)
        assert second is not first
        assert {e["id"] for e in second["events"]["items"]} >= {"ev-d1", "ev-d2"}
    finally:
        store.close()
