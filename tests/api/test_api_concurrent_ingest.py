"""The service keeps answering, without errors, while another process ingests into its database."""
import json
import subprocess
import sys

from communique.api.app import create_app
from communique.kb import load as load_kb
from communique.storage import open_store

TEXTS = [
    "Министр иностранных дел Азербайджана Джейхун Байрамов встретился с Сергеем Лавровым в Москве.",
    "Президент Қасым-Жомарт Тоқаев Әзербайжан Президенті Ілхам Әлиевпен телефон арқылы сөйлесті.",
    "Prezident İlham Əliyev Qazaxıstan Prezidenti Qasım-Jomart Tokayevlə telefonla danışıb.",
]


def test_queries_answer_while_an_ingest_runs(db_url, make_client, tmp_path):
    src = tmp_path / "many.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"c-{i}", "text": f"{TEXTS[i % 3]} ({i})"}, ensure_ascii=False)
                             for i in range(60)), encoding="utf-8")
    open_store(db_url, load_kb()).close()  # schema first, as a running service would have it
    client = make_client(create_app(db_url))
    proc = subprocess.Popen([sys.executable, "-m", "communique", "ingest", "-q", "--db", db_url, str(src)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    statuses, totals = [], []
    while proc.poll() is None:
        r = client.get("/api/events", params={"limit": 5})
        statuses.append(r.status_code)
        totals.append(r.json().get("total", -1))
        statuses.append(client.get("/events").status_code)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()[-2000:]
    assert statuses and set(statuses) == {200}
    assert totals == sorted(totals)  # the record only grows while it is written
    assert client.get("/api/documents").json()["total"] == 60
