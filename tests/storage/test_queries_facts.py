"""Facts as an analyst reads them: positions from articles merged into periods with first and last
evidence; an organisation's members and chairs read from articles, with dates and sources, beside the
knowledge base's (API and page)."""
from collections import Counter

import pytest
from sqlalchemy import select

from communique.storage import queries as Q
from communique.storage import schema as t


@pytest.fixture(scope="module")
def store(demo_store):
    return demo_store


def _facts(store, relation):
    with store.engine.connect() as conn:
        return conn.execute(select(t.facts).where(t.facts.c.relation == relation)).all()


def test_positions_from_articles_merge_into_periods(store):
    facts = _facts(store, "holds_position")
    per_person = Counter(f.subject for f in facts)
    person = max(per_person, key=per_person.get)
    assert per_person[person] >= 2  # the sample repeats someone's title in several articles
    article = [p for p in Q.entity_profile(store, person)["positions"] if p["source"] == "article"]
    keys = [(p["role"], p["of"], p["former"]) for p in article]
    assert len(keys) == len(set(keys))  # one period per role, state and tense
    assert sum(p["reports"] for p in article) == per_person[person]
    for p in article:
        mine = [f for f in facts if f.subject == person and (f.role, f.of, bool(f.former)) == (p["role"], p["of"],
                                                                                                 p["former"])]
        dated = [f for f in mine if f.date]
        if dated:
            assert p["first"]["date"] == min(dated, key=lambda f: f.date_start).date == p["start"]
            assert p["last"]["date"] == max(dated, key=lambda f: f.date_end).date == p["end"]
        assert set(p["documents"]) == {f.doc_id for f in mine}


def test_organisation_shows_chairs_and_members_from_articles(store):
    chairs = _facts(store, "chairs")
    assert chairs
    org = chairs[0].of
    profile = Q.entity_profile(store, org)
    found = profile["article_chairs"]
    assert {(c["state"], c["organization"]) for c in found} == {(f.subject, f.of) for f in chairs if f.of == org}
    assert all(c["documents"] and c["start"] for c in found)
    assert all(profile["labels"].get(c["state"]) for c in found)
    assert "kb" not in {c["source"] for c in found}  # the knowledge base's stay in "chairs"


def test_organisation_page_lists_article_chairs_with_sources(store):
    import warnings

    from communique.api.app import create_app
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    org = _facts(store, "chairs")[0].of
    with TestClient(create_app(store.url)) as client:
        r = client.get(f"/entities/{org}")
        assert r.status_code == 200 and "Chairs in the articles" in r.text
        doc = Q.entity_profile(store, org)["article_chairs"][0]["documents"][0]
        assert f'/documents/{doc}"' in r.text
