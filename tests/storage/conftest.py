"""The bundled sample, ingested once per test module, and read-only access to it."""
import pytest

from communique.cli import main
from communique.kb import load as load_kb
from communique.storage import open_store


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["demo", "--db", str(db), "-q"]) == 0
    return str(db)


@pytest.fixture(scope="module")
def demo_store(demo_db):
    store = open_store(demo_db, load_kb(), read_only=True)
    yield store
    store.close()
