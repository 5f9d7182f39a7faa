"""The CRF name tagger (KazNERD check): the shipped Kazakh model on hand-written sentences, training
a tiny model, and the IOB2 reading and scoring it is measured with."""
import time

import pytest

from communique.errors import InputError
from communique.names.corpus import Tagged, read_conll, spans, split, write_conll
from communique.names.scoring import score
from communique.names.tagger import NameTagger, TrainingOptions, pieces


@pytest.fixture(scope="session")
def kk_tagger():
    return NameTagger.load("kk")


@pytest.mark.parametrize("sentence, expected", [
    ("Мәжіліс депутаты Ерлан Сапаров Павлодарда тұрғындармен кездесті.",
     {("Ерлан Сапаров", "PERSON"), ("Павлодарда", "GPE")}),
    ("Биыл көктемде Айгерім Нұрланқызы Ақтөбе облысындағы ауылдарды аралап шықты.",
     {("Айгерім Нұрланқызы", "PERSON"), ("Ақтөбе облысындағы", "GPE")}),
    ("Ұлттық банк төрағасы Тимур Сүлейменов « Самұрық-Қазына » қорының басшысымен кездесті.",
     {("Тимур Сүлейменов", "PERSON"), ("Самұрық-Қазына", "ORGANISATION")}),
    ("Жиынға Біріккен Ұлттар Ұйымының өкілдері қатысады.", {("Біріккен Ұлттар Ұйымының", "ORGANISATION")}),
    ("Зейнеп Әлімжанова Лондондағы конференцияда сөз сөйледі.",
     {("Зейнеп Әлімжанова", "PERSON"), ("Лондондағы", "GPE")}),
])
def test_kaznerd_shipped_kk_model_finds_names(kk_tagger, sentence, expected):
    found = {(sentence[a:b], label) for a, b, label in kk_tagger.tag_text(sentence)}
    assert expected <= found


def test_kaznerd_shipped_kk_model_loads_in_well_under_a_second():
    t = time.perf_counter()
    NameTagger.load("kk").tag(["Ерлан", "Сапаров", "келді", "."])
    assert time.perf_counter() - t < 0.5


def test_kaznerd_confidence_filters_names(kk_tagger):
    text = "Ертең Берлинде Германия мен Қазақстан өкілдері келіссөз жүргізеді."
    all_names = kk_tagger.tag_text(text)
    sure = kk_tagger.tag_text(text, min_confidence=0.99)
    assert set(sure) < set(all_names)


_TINY = """Кеше Арман Қасымов келді .
Арман Қасымов Алматыға барды .
Бүгін Дана Серікова Астанада сөйледі .
Дана Серікова Алматыда болды .
Ертең Арман Қасымов Астанаға оралады .
Алматыда Дана Серікова жиын өткізді ."""
_TINY_TAGS = {"Арман": "B-PERSON", "Дана": "B-PERSON", "Қасымов": "I-PERSON", "Серікова": "I-PERSON"}


def _tiny_sentences() -> list[Tagged]:
    out = []
    for line in _TINY.splitlines():
        words = line.split()
        out.append(Tagged(words, [_TINY_TAGS.get(w, "B-GPE" if w[:4] in ("Алма", "Аста") else "O")
                                  for w in words]))
    return out


def test_train_tiny_model_from_conll_file(tmp_path):
    data = tmp_path / "tiny.conll"
    write_conll(_tiny_sentences(), data)
    sentences = read_conll(data)
    assert [s.tags for s in sentences] == [s.tags for s in _tiny_sentences()]
    tagger = NameTagger.train("kk", sentences, tmp_path / "tiny.crfsuite", TrainingOptions(max_iterations=30))
    assert (tmp_path / "tiny.crfsuite").is_file()
    got = {(" ".join(["Кеше", "Дана", "Серікова", "Алматыға", "барды"][x.start:x.end]), x.label)
           for x in tagger.tag(["Кеше", "Дана", "Серікова", "Алматыға", "барды"])}
    assert ("Дана Серікова", "PERSON") in got


def test_shipped_model_learns_the_held_out_part_and_the_measured_one_never_sees_it(tmp_path):
    from communique.names.training import held_out_scores, train
    # the held-out fifth (the last two of ten sentences) names a person no training sentence names
    plain = Tagged(["Бұл", "жай", "сөйлем", "."], ["O"] * 4)
    named = Tagged(["Кеше", "Дана", "Серікова", "келді", "."], ["O", "B-PERSON", "I-PERSON", "O", "O"])
    data = tmp_path / "ten.conll"
    write_conll([plain] * 8 + [named] * 2, data)
    log = []
    whole = train("kk", data, tmp_path / "whole.crfsuite", TrainingOptions(max_iterations=30), log=log.append)
    part = train("kk", data, tmp_path / "part.crfsuite", TrainingOptions(max_iterations=30), log=log.append,
                 whole=False)
    assert [x.label for x in whole.tag(named.words)] == ["PERSON"] and part.tag(named.words) == []
    assert "10 sentences" in log[0] and "8 sentences" in log[1]
    # scored with no model given, the held-out part meets a tagger trained without it
    rows = {r.label: r for r in held_out_scores("kk", data, log=log.append)}
    assert (rows["PERSON"].tp, rows["PERSON"].fn) == (0, 2) and "8 sentences" in log[2]
    rows = {r.label: r for r in held_out_scores("kk", data, tmp_path / "whole.crfsuite")}
    assert (rows["PERSON"].tp, rows["PERSON"].fn) == (2, 0)


def test_read_conll_says_what_is_wrong(tmp_path):
    bad = tmp_path / "bad.conll"
    bad.write_text("Арман B-PERSON\nкелді\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.conll:2"):
        read_conll(bad)
    with pytest.raises(InputError, match="--data"):
        read_conll(tmp_path / "missing.conll")


@pytest.mark.parametrize("tags, expected", [
    (["B-PERSON", "I-PERSON", "O"], [(0, 2, "PERSON")]),
    (["B-GPE", "B-GPE"], [(0, 1, "GPE"), (1, 2, "GPE")]),
    (["O", "I-ORGANISATION", "I-ORGANISATION"], [(1, 3, "ORGANISATION")]),  # as seqeval reads a stray I-
    (["B-PERSON", "I-GPE"], [(0, 1, "PERSON"), (1, 2, "GPE")]),
])
def test_spans_read_iob2_as_seqeval_does(tags, expected):
    assert spans(tags) == expected


def test_split_holds_out_the_last_fifth():
    sentences = [Tagged([str(k)], ["O"]) for k in range(10)]
    train, held = split(sentences)
    assert [s.words[0] for s in held] == ["8", "9"] and len(train) == 8


def test_score_counts_exact_spans_only():
    gold = [["B-PERSON", "I-PERSON", "O", "B-GPE"]]
    predicted = [["B-PERSON", "O", "O", "B-LOCATION"]]
    rows = {r.label: r for r in score(gold, predicted, ("PERSON", "GPE", "LOCATION", "ORGANISATION"))}
    assert rows["PERSON"].f1 == 0.0 and rows["GPE"].fn == 1 and rows["LOCATION"].fp == 1
    assert rows["GPE+LOCATION"].f1 == 1.0  # the place is found, under the other place class


@pytest.mark.parametrize("text, expected", [
    ("«Нұр Отан» партиясы", ["«", "Нұр", "Отан", "»", "партиясы"]),
    ("Алматыда, 5-інші мамырда.", ["Алматыда", ",", "5-інші", "мамырда", "."]),
])
def test_pieces_keep_punctuation_as_the_corpus_does(text, expected):
    toks = pieces(text)
    assert [t.text for t in toks] == expected
    assert all(text[t.start:t.end] == t.text for t in toks)


def test_silver_sentences_mark_gold_mentions_and_known_names():
    from communique.names.silver import silver_sentences
    text = "Prezident İlham Əliyev Bakıda Rəşad Məmmədovu qəbul edib."
    (sent,) = silver_sentences([("t", text)], "az", {"t": [("Rəşad Məmmədovu", "person")]})
    tagged = {" ".join(sent.words[a:b]): label for a, b, label in spans(sent.tags)}
    assert tagged == {"İlham Əliyev": "PERSON", "Bakıda": "GPE", "Rəşad Məmmədovu": "PERSON"}


def test_training_is_deterministic(tmp_path):
    sentences = _tiny_sentences()
    a = NameTagger.train("kk", sentences, tmp_path / "a.crfsuite", TrainingOptions(max_iterations=30))
    b = NameTagger.train("kk", sentences, tmp_path / "b.crfsuite", TrainingOptions(max_iterations=30))
    assert a.path.read_bytes() == b.path.read_bytes()


def test_pipeline_scores_read_each_held_out_sentence_through_the_mention_stage(tmp_path):
    from communique.names.training import pipeline_scores
    sentence = [("Қасым-Жомарт", "B-PERSON"), ("Тоқаев", "I-PERSON"), ("Астанада", "B-GPE"),
                ("Шанхай", "B-ORGANISATION"), ("ынтымақтастық", "I-ORGANISATION"), ("ұйымының", "I-ORGANISATION"),
                ("саммитіне", "O"), ("қатысты", "O"), (".", "O")]
    other = [("Бұл", "O"), ("жай", "O"), ("сөйлем", "O"), (".", "O")]
    data = tmp_path / "tiny.txt"
    # four sentences to train on, the fifth held out
    data.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in [other] * 4 + [sentence]) + "\n",
                    encoding="utf-8")
    rows = {r.label: r for r in pipeline_scores("kk", data)}
    assert (rows["PERSON"].tp, rows["PERSON"].fn) == (1, 0)
    assert rows["GPE"].tp == 1 and rows["ORGANISATION"].tp + rows["ORGANISATION"].fn == 1


def test_pipeline_scores_of_a_fold_read_a_quarter_of_the_training_part_with_a_tagger_trained_on_the_rest(tmp_path):
    from communique.errors import InputError
    from communique.names.training import pipeline_scores
    named = [("Қасым-Жомарт", "B-PERSON"), ("Тоқаев", "I-PERSON"), ("Астанада", "B-GPE"), ("болды", "O"), (".", "O")]
    other = [("Бұл", "O"), ("жай", "O"), ("сөйлем", "O"), (".", "O")]
    data = tmp_path / "tiny.txt"
    # eight sentences to train on (the named one first: fold 1), two held out (not scored with a fold)
    data.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in [named] + [other] * 9) + "\n",
                    encoding="utf-8")
    log = []
    rows = {r.label: r for r in pipeline_scores("kk", data, fold=1, log=log.append)}
    assert rows["PERSON"].tp + rows["PERSON"].fn == 1 and rows["GPE"].tp + rows["GPE"].fn == 1
    assert "fold 1" in log[0]
    rows = {r.label: r for r in pipeline_scores("kk", data, fold=2, log=log.append)}
    assert rows["PERSON"].tp + rows["PERSON"].fn == 0  # the named sentence is in fold 1 only
    with pytest.raises(InputError):
        pipeline_scores("kk", data, fold=5, log=log.append)
