"""Paragraphs for language identification and segmentation (hand-written texts)."""
import pytest


@pytest.mark.parametrize("text, expected", [
    ("Тоқаев ТМД-ға мүше\nмемлекеттері басшыларының кездесуіне қатысты.\nКелесі жылы.",
     ["Тоқаев ТМД-ға мүше\nмемлекеттері басшыларының кездесуіне қатысты.", "Келесі жылы."]),
    ("Заголовок без точки\nНовый абзац с заглавной.", ["Заголовок без точки", "Новый абзац с заглавной."]),
    ("Biri bitdi.\nbaşqa sətir kiçik hərflə.", ["Biri bitdi.", "başqa sətir kiçik hərflə."]),
])
def test_paragraphs_join_hard_wrapped_lines(text, expected):
    from communique.stages.langid import paragraphs
    assert [text[a:b] for a, b in paragraphs(text)] == expected


@pytest.mark.parametrize("codes, expected", [
    (("kk", "ru"), "kk"), (("", "ru"), "ru"), (("und", "az"), "az"),
    (("ky", "kk"), None),  # Kyrgyz is not read with Kazakh (or Russian) data
    (("en",), None), ((None, None), None),
])
def test_one_route_for_every_stage(codes, expected):
    from communique.lang import route
    assert route(*codes) == expected


def test_a_language_without_an_object_is_not_read(pipeline):
    from communique.document import Document
    doc = pipeline(Document("t", "President Tokayev met President Aliyev in Astana on Monday.\n"
                                 "The two leaders discussed transport and energy cooperation."))
    assert doc.lang == "en" and doc.mentions == [] and doc.events == []


# One sentence with a meeting in each language; a junk run glued to it once flipped the paragraph
# (Uzbek) and its event was lost.
_MEETINGS = {
    "az": "Ceyhun Bayramov Nyu-Yorkda Qazaxıstanın xarici işlər naziri Murat Nurtleu ilə görüşüb.",
    "kk": "Мұрат Нұртілеу Нью-Йоркте Әзербайжан сыртқы істер министрі Джейхун Байрамовпен кездесті.",
    "ru": "Сергей Лавров встретился в Москве с министром иностранных дел Азербайджана Джейхуном Байрамовым.",
}


def _junk(kind: str) -> str:
    import random
    rng = random.Random(5)
    return {
        "letters": "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=100_000)),  # one token
        "accents": "".join(rng.choices([chr(c) for c in range(0x300, 0x370)], k=100_000)),  # on one letter
        "dots": ". " * 20_000,  # tokens without a letter
    }[kind]


@pytest.mark.parametrize("code", sorted(_MEETINGS))
@pytest.mark.parametrize("kind", ["letters", "accents", "dots"])
@pytest.mark.parametrize("before", [True, False])
def test_a_junk_run_does_not_change_the_language_or_lose_the_event(pipeline, code, kind, before):
    from communique.document import Document
    sentence = _MEETINGS[code]
    alone = pipeline(Document("alone", sentence))
    glued = sentence[0] + _junk(kind)
    doc = pipeline(Document("junk", f"{glued} {sentence}" if before else f"{sentence} {glued}"))
    assert doc.lang == code and [p.lang for p in doc.paragraphs] == [code]
    assert [(e.type, e.participants) for e in doc.events] == [(e.type, e.participants) for e in alone.events]
    assert doc.events


@pytest.mark.parametrize("text", [
    "Оригинал статьи: https://www.nur.kz/politics/universe/1988005-tokaev-lichno-provodil-papu-rimskogo",
    '<image>data:image/s3,"s3://crabby-images/618e2/618e21817e2ce0185604bae389add17a4b5b1ec1"',
    "Tel: (+99412) 4378247, 1 2 3 4 5 6 7 8 9 10",
    "Davudlu–Binələr–Güvəkənd–Əmirarx–Qaradeyin–Eymur–Ərəbşəki–Ağcaqovaq",
])
def test_words_links_and_numbers_are_no_junk(text):
    from communique.stages.langid import without_junk
    assert without_junk(text) is text


def test_a_long_paragraph_is_decided_on_its_first_characters():
    # the classifier weighs each n-gram by the logarithm of its count: on the whole 270 KB it said Uzbek
    from communique.stages.langid import LangIdStage
    assert LangIdStage().identify("Сергей Лавров " * 20_000) == "ru"


def test_letters_of_thousands_of_kinds_are_counted_in_one_pass():
    from communique.stages.langid import occurrences
    text = "".join(map(chr, range(0x4E00, 0x4E00 + 20_000))) * 2
    assert occurrences(text, set(text)) == len(text)
    assert occurrences("aab", {"a"}) == 2


# A long paragraph gives the document its language; each case below is a short one inside it.
_LONG = {
    "az": "Azərbaycan Respublikasının Prezidenti İlham Əliyev bu gün Bakıda xarici qonaqları qəbul edib, "
          "iki ölkə arasında iqtisadi və humanitar əməkdaşlığın genişləndirilməsi məsələləri müzakirə olunub.",
    "kk": "Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев бүгін Астанада шетелдік қонақтарды "
          "қабылдап, екі ел арасындағы экономикалық және гуманитарлық ынтымақтастықты талқылады.",
    "ru": "Президент Казахстана Касым-Жомарт Токаев сегодня принял в Астане иностранных гостей и обсудил "
          "с ними расширение экономического и гуманитарного сотрудничества двух стран.",
}


@pytest.mark.parametrize("code, short", [
    ("kk", "Иранда — 1500, Германияда — 150, Францияда — 130."),  # no letter Kyrgyz lacks: was Kyrgyz
    ("ru", "Шавкат Мирзиеев и Нурсултан Назарбаев"),  # a caption of two names: was Uzbek
    ("ru", "Исабаев Бейбит Оксикбаевич назначен акимом области Жетісу."),  # one Kazakh letter: was Kazakh
    ("az", "Mehman Mehdiyev"),  # was Turkish
])
def test_a_short_paragraph_in_the_documents_letters_keeps_its_language(code, short):
    from communique.document import Document
    from communique.stages.langid import LangIdStage
    doc = LangIdStage()(Document("t", f"{_LONG[code]}\n{short}"))
    assert doc.lang == code and [p.lang for p in doc.paragraphs] == [code, code]


@pytest.mark.parametrize("code, other, paragraph", [
    ("kk", "ru", "Это был первый груз гуманитарной помощи, отправленный наземным транспортом из столицы."),
    ("ru", "kk", "Бүгін Астанада екі ел арасындағы ынтымақтастық туралы келіссөздер өтті."),
    ("az", "ru", "Джейхун Байрамов: поддержка Турции имела для Азербайджана огромное значение"),
])
def test_a_paragraph_in_another_language_keeps_its_own(code, other, paragraph):
    from communique.document import Document
    from communique.stages.langid import LangIdStage
    doc = LangIdStage()(Document("t", f"{_LONG[code]}\n{paragraph}"))
    assert [p.lang for p in doc.paragraphs] == [code, other]


def test_a_short_kazakh_sentence_of_place_names_is_read(pipeline):
    from communique.document import Document
    doc = pipeline(Document("t", f"{_LONG['kk']}\nИранда — 1500, Германияда — 150, Францияда — 130."))
    assert {"country:ir", "country:de", "country:fr"} <= {m.entity_id for m in doc.mentions}


def test_a_long_paragraph_in_capitals_is_not_short():
    # its letters are counted as written, capitals too: 3,000 letters decide by themselves
    from communique.stages.langid import LangIdStage
    stage = LangIdStage()
    text = "А. " * 3000
    assert stage.paragraph_lang(text, "ru") == stage.identify(text)
    assert stage.paragraph_lang("А. Б. Иванов", "ru") == "ru"
