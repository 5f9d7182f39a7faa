"""`communique watch`: folders and feeds, incremental, no duplicates across restarts."""
import http.server
import shutil
import threading
from importlib import resources

import pytest

from communique.batch.watch import check_url, poll
from communique.errors import InputError
from communique.kb import load as load_kb
from communique.storage import open_store
from communique.storage import queries as Q

RU = "Министр иностранных дел Азербайджана Джейхун Байрамов встретился с Сергеем Лавровым в Москве."
KK = "Президент Қасым-Жомарт Тоқаев Әзербайжан Президенті Ілхам Әлиевпен телефон арқылы сөйлесті."


def test_folder_is_ingested_incrementally_and_restarts_add_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(RU, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    first = poll(open_store(db, load_kb()), [str(folder)])
    assert first.processed == 1
    again = poll(open_store(db, load_kb()), [str(folder)])  # a restart: a new process, a new store
    assert (again.processed, again.unchanged) == (0, 0)  # unchanged files are not even read
    (folder / "b.txt").write_text(KK, encoding="utf-8")
    third = poll(open_store(db, load_kb()), [str(folder)])
    assert third.processed == 1
    assert sorted(Q.doc_ids(open_store(db, load_kb()))) == ["a", "b"]


@pytest.fixture
def feed_server(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    shutil.copyfile(str(resources.files("communique").joinpath("sample/feed.xml")), root / "feed.xml")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(root), **kw)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()


def test_feed_url_is_polled_without_duplicates(feed_server, tmp_path):
    db = f"sqlite:///{tmp_path / 'f.db'}"
    first = poll(open_store(db, load_kb()), [feed_server], allow_private=True)
    assert first.processed == 3 and not first.rejected
    second = poll(open_store(db, load_kb()), [feed_server], allow_private=True)
    assert (second.processed, second.unchanged) == (0, 3)
    assert len(Q.doc_ids(open_store(db, load_kb()))) == 3


@pytest.mark.parametrize("url, problem", [
    ("file:///etc/passwd", "only http"),
    ("ftp://example.org/feed", "only http"),
    ("http://127.0.0.1/feed", "private or local"),
    ("http://10.1.2.3/feed", "private or local"),
    ("http://169.254.169.254/latest", "private or local"),
    ("http://[::1]/feed", "private or local"),
])
def test_unsafe_feed_urls_are_refused(url, problem):
    with pytest.raises(InputError, match=problem):
        check_url(url)


def test_loopback_feed_refused_unless_allowed(feed_server, tmp_path):
    s = poll(open_store(f"sqlite:///{tmp_path / 'r.db'}", load_kb()), [feed_server])
    assert s.processed == 0 and "private or local" in str(s.rejected[0])
