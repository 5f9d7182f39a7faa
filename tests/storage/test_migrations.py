"""A database made by an earlier release is upgraded in place: migration 4 adds what the story
index needs to the clusters table, and the old clusters seed the index."""
import sqlite3

from communique.document import SOURCE, Document, Event, Evidence, Mention
from communique.kb import load as load_kb
from communique.storage import migrations, open_store
from communique.storage import queries as Q


def test_clusters_of_a_version_2_database_gain_the_story_columns_and_seed_the_index(tmp_path):
    db = tmp_path / "old.db"
    open_store(f"sqlite:///{db}", load_kb()).close()
    conn = sqlite3.connect(db)  # back to the release before: clusters without the story columns
    conn.execute("DROP INDEX ix_clusters_occasion")
    for column in ("location", "framework", "occasion_id", "seq", "evidence"):
        conn.execute(f"ALTER TABLE clusters DROP COLUMN {column}")
    conn.execute("UPDATE schema_version SET version = 2")
    conn.execute("INSERT INTO clusters VALUES ('st-old', 'CALL', "
                 "'person:ilham-aliyev|person:kassym-jomart-tokayev', '2024-12-27')")
    conn.commit()
    conn.close()
    store = open_store(f"sqlite:///{db}", load_kb())
    assert store.schema_version == len(migrations.MIGRATIONS) == 5
    call = Event("ev-new", "CALL", ["country:az", "country:kz"], Evidence(0, 4, "call"), "2024-12")
    store.write([Document(id="d", text="call", lang="ru", events=[call])])
    assert Q.document(store, "d")["events"][0]["cluster"] == "st-old"  # the leaders' call, told by their states
    store.close()


def test_mentions_of_a_version_4_database_gain_their_kind(tmp_path):
    db = tmp_path / "old.db"
    open_store(f"sqlite:///{db}", load_kb()).close()
    conn = sqlite3.connect(db)  # back to the release before: mentions without a kind
    conn.execute("ALTER TABLE mentions DROP COLUMN kind")
    conn.execute("UPDATE schema_version SET version = 4")
    conn.commit()
    conn.close()
    store = open_store(f"sqlite:///{db}", load_kb())
    assert store.schema_version == 5
    store.write([Document(id="d", text="Об этом сообщает ТАСС.", lang="ru", mentions=[
        Mention(17, 21, "ТАСС", "organization", base="ТАСС", source="ner", entity_id="new:organization:tass",
                kind=SOURCE)])])
    assert [m.get("kind") for e in Q.document(store, "d")["entities"] for m in e["mentions"]] == [SOURCE]
    store.close()
