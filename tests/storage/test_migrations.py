"""A database made by an earlier release is upgraded in place: migration 4 adds what the story
index needs to the clusters table, and the old clusters seed the index."""
import sqlite3

from communique.document import Document, Event, Evidence
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
    assert store.schema_version == len(migrations.MIGRATIONS) == 4
    call = Event("ev-new", "CALL", ["country:az", "country:kz"], Evidence(0, 4, "call"), "2024-12")
    store.write([Document(id="d", text="call", lang="ru", events=[call])])
    assert Q.document(store, "d")["events"][0]["cluster"] == "st-old"  # the leaders' call, told by their states
    store.close()
