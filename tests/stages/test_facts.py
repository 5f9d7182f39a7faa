"""Facts from hand-written sentences: positions, chairmanships, memberships."""
import pytest

from communique.document import Document


def _facts(pipeline, text, published=None):
    doc = pipeline(Document("t", text, published=published))
    assert doc.failure is None, doc.failure
    return {(f.relation, f.subject, f.role, f.of) for f in doc.facts}


@pytest.mark.parametrize("text, fact", [
    ("Sammitdə Monqolustan ŞƏT-in üzv dövləti olub.", ("member_of", "country:mn", None, "org:sco")),
    ("Özbəkistan isə AQEM-ə müşahidəçi qismində qoşulub.", ("member_of", "country:uz", "observer", "org:cica")),
    ("ШЫҰ-ның бақылаушы мемлекеті болып табылатын Моңғолия өкілдері де келді.",
     ("member_of", "country:mn", "observer", "org:sco")),
    ("В прошлом году Иран стал полноправным членом ШОС.", ("member_of", "country:ir", None, "org:sco")),
])
def test_membership_of_a_state(pipeline, text, fact):
    assert fact in _facts(pipeline, text)


def test_members_in_general_are_no_membership_fact(pipeline):
    facts = _facts(pipeline, "ŞƏT-ə üzv dövlətlərin xarici işlər nazirləri Astanada toplaşıb.")
    assert not [f for f in facts if f[0] == "member_of"]


def test_position_from_title(pipeline):
    facts = _facts(pipeline, "Xarici işlər naziri Ceyhun Bayramov Astanaya gəlib.", "2024-05-02")
    assert ("holds_position", "person:jeyhun-bayramov", "minister of foreign affairs", "country:az") in facts


@pytest.mark.parametrize("text", [
    "Посол Казахстана в Австрии Кайрат Сарыбай вручил верительные грамоты.",
    "Qazaxıstanın Avstriyadakı səfiri Kayrat Sarıbay etimadnaməsini təqdim edib.",
])
def test_ambassador_to_the_state_where_the_embassy_is(pipeline, text):
    facts = _facts(pipeline, text, "2020-03-02")
    assert ("holds_position", "person:kairat-sarybay", "ambassador to Austria", "country:kz") in facts
