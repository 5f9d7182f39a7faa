"""Dates as intervals: each stored date keeps its start, end and precision; filters select by overlap;
invalid dates are refused (CLI exit 2, API 422); words are read by dateparser or refused."""
import datetime as dt

import pytest
from sqlalchemy import create_engine, select, text

from communique.cli import main
from communique.kb import load as load_kb
from communique.storage import open_store
from communique.storage import queries as Q
from communique.storage import schema as t
from communique.validation import InvalidValue, date_span, query_date

NOW = dt.datetime(2026, 12, 5, 12, 0)


@pytest.mark.parametrize("value, start, end, precision", [
    ("2024", "2024-01-01", "2024-12-31", "year"),
    ("2024-02", "2024-02-01", "2024-02-29", "month"),
    ("2023-02", "2023-02-01", "2023-02-28", "month"),
    ("2024-12-27", "2024-12-27", "2024-12-27", "day"),
])
def test_date_span(value, start, end, precision):
    span = date_span(value)
    assert (span.start, span.end, span.precision) == (start, end, precision)


@pytest.mark.parametrize("value, expected", [
    ("2024-12", "2024-12"), ("yesterday", "2026-12-04"), ("вчера", "2026-12-04"), ("dünən", "2026-12-04"),
    ("кеше", "2026-12-04"), ("last month", "2026-11"), ("в прошлом году", "2025"),
])
def test_query_date_reads_calendar_dates_and_words(value, expected):
    assert query_date(value, now=NOW) == expected


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "2024-1", "someday", "5", "12/2024"])
def test_query_date_refuses_what_is_no_date(value):
    with pytest.raises(InvalidValue):
        query_date(value, now=NOW)



@pytest.fixture(scope="module")
def store(demo_store):
    return demo_store


def test_every_stored_date_has_its_interval(store):
    events = Q.find_events(store, Q.EventQuery(limit=None))["items"]
    dated = [e for e in events if e["date"]]
    assert dated
    for e in dated:
        span = date_span(e["date"])
        assert (e["date_start"], e["date_end"], e["date_precision"]) == (span.start, span.end, span.precision)


def test_filters_select_by_overlap(store):
    """A month-dated event is found by a range inside that month, which a comparison of the strings missed."""
    events = [e for e in Q.find_events(store, Q.EventQuery(limit=None))["items"] if e["date_precision"] == "month"]
    assert events
    for e in events:
        day = e["date_end"]  # the last day of its month: after the stored "YYYY-MM" as a string
        found = Q.find_events(store, Q.EventQuery(since=day, until=day, limit=None))["items"]
        assert e["id"] in {x["id"] for x in found}
        before = Q.find_events(store, Q.EventQuery(until=str(int(e["date"][:4]) - 1), limit=None))["items"]
        assert e["id"] not in {x["id"] for x in before}


@pytest.mark.parametrize("flag, value", [("--since", "2024-13"), ("--until", "2024-02-30"), ("--since", "someday")])
def test_cli_refuses_an_invalid_date_with_exit_2(demo_db, capsys, flag, value):
    with pytest.raises(SystemExit) as exc:
        main(["events", "--db", demo_db, flag, value])
    assert exc.value.code == 2 and value in capsys.readouterr().err


def test_cli_reads_a_date_in_words(demo_db, capsys):
    assert main(["events", "--db", demo_db, "--since", "tomorrow", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""  # nothing is dated after today
    assert main(["events", "--db", demo_db, "--until", "today", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out.strip()


def test_migration_fills_the_intervals_of_an_older_database(tmp_path):
    db = tmp_path / "old.db"
    assert main(["demo", "--db", str(db), "-q"]) == 0
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:  # the database as schema version 2 left it
        conn.execute(text("DROP INDEX ix_events_span"))
        for table in ("events", "facts"):
            for col in ("date_start", "date_end", "date_precision"):
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {col}"))
        conn.execute(text("UPDATE schema_version SET version = 2"))
    engine.dispose()
    with pytest.raises(Exception, match="schema version 2"):
        open_store(str(db), load_kb(), read_only=True)
    store = open_store(str(db), load_kb())  # a writer upgrades
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.events.c.date, t.events.c.date_start, t.events.c.date_end,
                                   t.events.c.date_precision).where(t.events.c.date.is_not(None))).all()
        facts = conn.execute(select(t.facts.c.date, t.facts.c.date_start).where(t.facts.c.date.is_not(None))).all()
    store.close()
    assert rows and all((r[1], r[2], r[3]) == (date_span(r[0]).start, date_span(r[0]).end, date_span(r[0]).precision)
                        for r in rows)
    assert facts and all(f[1] == date_span(f[0]).start for f in facts)
