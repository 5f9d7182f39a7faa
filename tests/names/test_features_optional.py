"""The optional (not shipped) features of the name tagger: word clusters, the knowledge base's
organisation names as a gazetteer, noun phrases up to a possessive head."""
import pytest

from communique import lang as langdata
from communique.names.clusters import ClusterOptions, WordClusters, build
from communique.names.features import WordFeatures
from communique.names.gazetteer import Gazetteer, kb_names


@pytest.fixture(scope="session")
def kk():
    return langdata.load("kk")


def test_clusters_group_words_of_like_contexts_and_round_trip(tmp_path):
    cities = ["Алматыда", "Астанада", "Шымкентте", "Атырауда"]
    verbs = ["келді", "кетті", "сөйледі", "оралды"]
    sentences = [["Кеше", c, "ол", v, "."] for c in cities for v in verbs] * 3
    clusters = build(sentences, ClusterOptions(levels=(2,), dims=4, min_count=2))
    city_ids = {clusters.of(c.lower())[0] for c in cities}
    verb_ids = {clusters.of(v)[0] for v in verbs}
    assert len(city_ids) == 1 and len(verb_ids) == 1 and city_ids != verb_ids
    clusters.write(tmp_path / "kk.clusters")
    assert WordClusters.read(tmp_path / "kk.clusters").ids == clusters.ids


@pytest.mark.parametrize("sentence, expected", [
    ("Жиынға Біріккен Ұлттар Ұйымының өкілдері келді .", [(1, 4)]),
    ("АӨСШК хатшылығының өкілі АӨСШК-тің жиынында болды .", [(0, 2), (3, 4)]),
    ("Ол ес жиды .", []),  # an acronym ("ЕС") only in capitals
])
def test_gazetteer_finds_inflected_kb_names(kk, sentence, expected):
    assert Gazetteer(kb_names(("kk", "ru")), kk).find(sentence.split()) == expected


def test_phrase_features_reach_the_possessive_head(kk):
    words = ["Шанхай", "ынтымақтастық", "ұйымынан", "келген", "байқаушылар"]
    attrs = WordFeatures(kk, phrases=True).sentence(words)
    assert "np_len=2" in attrs[0] and "np_end" in attrs[2] and not any("np" in a for a in attrs[3])
