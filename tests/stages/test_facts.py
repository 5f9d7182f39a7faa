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


def _positions(pipeline, text, published="2024-05-02"):
    doc = pipeline(Document("t", text, published=published))
    assert doc.failure is None, doc.failure
    return {(f.subject, f.role, f.former) for f in doc.facts if f.relation == "holds_position"}


@pytest.mark.parametrize("text, person, role", [
    ("Keçmiş xarici işlər naziri Ceyhun Bayramov Astanaya gəlib.", "person:jeyhun-bayramov",
     "minister of foreign affairs"),
    ("Бұрынғы сыртқы істер министрі Мұрат Нұртілеу Бакуге барды.", "person:murat-nurtleu",
     "minister of foreign affairs"),
    ("Теперь уже бывший министр иностранных дел Мурат Нуртлеу прибыл в Баку.", "person:murat-nurtleu",
     "minister of foreign affairs"),
    ("Экс-министр иностранных дел Мурат Нуртлеу прибыл в Баку.", "person:murat-nurtleu",
     "minister of foreign affairs"),
    ("Eks-nazir Ceyhun Bayramov Astanaya gəlib.", "person:jeyhun-bayramov", "minister"),
])
def test_former_title_in_each_language(pipeline, text, person, role):
    assert (person, role, True) in _positions(pipeline, text)
    assert (person, role, False) not in _positions(pipeline, text)


@pytest.mark.parametrize("text, person", [
    ("Xarici işlər naziri vəzifəsini icra edən Ceyhun Bayramov Astanaya gəlib.", "person:jeyhun-bayramov"),
    ("Сыртқы істер министрінің міндетін атқарушы Мұрат Нұртілеу Бакуге барды.", "person:murat-nurtleu"),
    ("Исполняющий обязанности министра иностранных дел Мурат Нуртлеу прибыл в Баку.", "person:murat-nurtleu"),
])
def test_acting_title_is_kept_as_acting(pipeline, text, person):
    assert (person, "acting minister of foreign affairs", False) in _positions(pipeline, text)


@pytest.mark.parametrize("text, titled, untitled", [
    ("26 қыркүйекте президент Қасым-Жомарт Тоқаев Ермек Көшербаевты сыртқы істер министрі етіп тағайындады.",
     ("person:kassym-jomart-tokayev", "president", False), "person:yermek-kosherbayev"),
    ("Президент Касым-Жомарт Токаев Мурата Нуртлеу принял в Акорде.",
     ("person:kassym-jomart-tokayev", "president", False), "person:murat-nurtleu"),
])
def test_title_qualifies_the_person_right_after_it_not_the_next_one(pipeline, text, titled, untitled):
    facts = _positions(pipeline, text, "2025-09-26")
    assert titled in facts
    assert not [f for f in facts if f[0] == untitled and f[1] == "president"]


def test_chair_without_an_organisation_is_not_emitted(pipeline):
    doc = pipeline(Document("t", "Председательство перешло от Азербайджана к Казахстану.", published="2024-02-20"))
    assert not [e for e in doc.events if e.type == "CHAIR" and not e.framework
                and not any(p.startswith(("org:", "gathering:", "new:organization:")) for p in e.participants)]
    doc = pipeline(Document("t", "Председательство в СВМДА перешло от Азербайджана к Казахстану.",
                            published="2024-02-20"))
    assert ("chairs", "org:cica") in {(f.relation, f.of) for f in doc.facts}


@pytest.mark.parametrize("text", [
    "Japarov Almaniyanın Federal Kansleri Olaf Şolz ilə danışıqlar aparıb.",
    "Тоқаев Германия Федералдық канцлері Олаф Шольцпен кездесті.",
    "Токаев встретился с федеральным канцлером Германии Олафом Шольцем.",
])
def test_a_chancellor_is_titled_as_one(pipeline, text):
    facts = _facts(pipeline, text, "2024-09-17")
    assert ("holds_position", "person:olaf-scholz", "chancellor", "country:de") in facts, facts
