"""Property tests: arbitrary (and adversarial) text never makes a component raise,
and every offset it returns lies within the text and slices exactly its text."""
import gzip
import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import lang as langdata
from communique.document import Document
from communique.errors import InputError
from communique.lang.dates import DateMatch, find_dates
from communique.lang.morph import base_form, candidates
from communique.stages.ingest import read_bytes
from communique.stages.segment import Segmenter
from communique.text import INVISIBLE, fold, lower, tokenize, translit_key

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CODES = ["az", "kk", "ru"]
INVISIBLES = "".join(map(chr, INVISIBLE))

# Pieces of real news text in the three languages, with the hard cases: dates in every grammar,
# abbreviations and initials, suffixes after hyphens, look-alike letters, invisible characters.
WORDS = [
    "Казахстан", "Kазахстан", "Қазақстанның", "Баку", "Ba\u200bku", "Bakıda", "Azərbaycanın", "Аzərbaycan",
    "Тоқаев", "Токаевым", "Əliyevlə", "İlham", "Ильхам", "K.", "Sarıbay", "М.", "Тілеуберді", "АӨСШК-тің",
    "AQEM-in", "ООН", "BMT-nin", "Президент", "Prezidenti", "министр", "встретился", "görüşüb", "кездесті",
    "2024", "2023-cü", "il", "oktyabrın", "25-də", "24", "сентября", "2020", "жылғы", "қыркүйекте", "2019",
    "жылы", "маусымда", "года", "г.", "вчера", "dünən", "кеше", "25.09.2024", "2024-09-25", "31", "fevral",
    "30", "февраля", "т.б.", "т.д.", "и", "с", "ilə", "мен", "в", "—", "«", "»", "(", ")", ".", ",", "!", "?",
    "…", "\n", "\n\n", "Читайте также", "Oxşar xəbərlər", "Өзгелердің жаңалығы", "Поделиться", "Просмотров: 5",
    "\u202e", "\u2066", "\u00ad", "\ufeff", "\u0301", "\u0306", "İ", "ı", "ё", "9999", "0", "99999999999999999",
]
ALPHABET = "".join(sorted(set("".join(WORDS)))) + " \t\r" + INVISIBLES
news_text = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=ALPHABET, max_size=400),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=ALPHABET, max_size=4)), max_size=80).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=80).map("".join),
)
published = st.one_of(st.none(), st.sampled_from(["2024-01-02", "2024", "9999-12-31", "2024-02-30", "abcd", ""]),
                      st.text(max_size=12))


def _range(text: str, data) -> tuple[int, int]:
    a = data.draw(st.integers(0, len(text)))
    return a, data.draw(st.integers(a, len(text)))


@SETTINGS
@given(news_text, st.sampled_from(CODES), published, st.data())
def test_find_dates_never_raises_and_stays_in_range(text, code, pub, data):
    start, end = _range(text, data)
    found = find_dates(text, langdata.load(code), start, end)
    assert all(isinstance(d, DateMatch) and start <= d.start < d.end <= end for d in found)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for d in found:
        value = d.value(pub)
        assert value is None or (isinstance(value, str) and value[:4].isdigit())


@SETTINGS
@given(news_text, st.sampled_from(CODES + ["en", "und"]), st.data())
def test_sentence_split_covers_the_text_without_overlap(text, code, data):
    start, end = _range(text, data)
    spans = Segmenter(code).split(text, start, end)
    pos = start
    for a, b in spans:
        assert pos <= a < b <= end and text[a:b].strip() and not text[a].isspace()
        assert not text[pos:a].strip()  # nothing but space between sentences
        pos = b
    assert not text[pos:end].strip()


@SETTINGS
@given(st.one_of(st.sampled_from(WORDS), st.text(alphabet=ALPHABET, min_size=1, max_size=20), st.text(max_size=20)),
       st.sampled_from(CODES))
def test_suffix_candidates_and_base_form_are_prefixes(word, code):
    ld = langdata.load(code)
    w = lower(word)
    cands = candidates(w, ld)
    assert cands[0] == w and len(set(cands)) == len(cands)
    assert all(w.startswith(c) and (c or not w) for c in cands)
    base = base_form(word, ld)
    assert word.startswith(base) and (base or not word)


@SETTINGS
@given(news_text)
def test_boilerplate_spans_are_whole_lines(clean_stage, text):
    spans = clean_stage.find_boilerplate(text)
    prev = 0
    for s in spans:
        assert prev <= s.start <= s.end <= len(text) and "\n" not in text[s.start:s.end]
        assert s.start == 0 or text[s.start - 1] == "\n"
        prev = s.end


@SETTINGS
@given(news_text, st.data())
def test_tokens_have_exact_offsets(text, data):
    start, end = _range(text, data)
    toks = tokenize(text, start, end)
    prev = start
    for t in toks:
        assert prev <= t.start < t.end <= end and text[t.start:t.end] == t.text
        assert t.text[0].isalnum() and t.text[-1] not in INVISIBLES
        prev = t.end
    for t in toks:
        assert fold(t.text) == fold(fold(t.text))
        translit_key(t.text)


@SETTINGS
@given(st.lists(st.sampled_from([w for w in WORDS if w.isalpha() and w.isprintable()]), min_size=1, max_size=8),
       st.data())
def test_invisible_characters_inside_words_change_no_token(words, data):
    def hide(w: str) -> str:
        cut = data.draw(st.integers(1, len(w) - 1)) if len(w) > 1 else 1
        return w[:cut] + data.draw(st.text(alphabet=INVISIBLES, max_size=3)) + w[cut:]
    plain = " ".join(words)
    hidden = " ".join(hide(w) for w in words)
    assert [fold(t.text) for t in tokenize(hidden)] == [fold(t.text) for t in tokenize(plain)]


def _check_items(items: list) -> None:
    for it in items:
        assert isinstance(it, (Document, InputError))
        if isinstance(it, InputError):
            assert it.problem.strip() and "\n" not in it.problem
        else:
            assert it.text.strip() and "\x00" not in it.text
            it.text.encode("utf-8")  # storable: no unpaired surrogates
            it.id.encode("utf-8")


NAMES = st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.rss", "a.xml", "a.txt.gz", "a", "-"])


@SETTINGS
@given(st.binary(max_size=2000), NAMES)
def test_reading_arbitrary_bytes_never_raises(data, name):
    _check_items(list(read_bytes(data, name, "a")))


@SETTINGS
@given(news_text, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8_r"]), NAMES,
       st.sampled_from(["plain", "html", "jsonl", "feed", "gzip"]))
def test_reading_arbitrary_documents_never_raises(text, codec, name, wrap):
    if wrap == "html":
        text = f"<html><head><meta charset='utf-8'></head><body><p>{text}</p>"
    elif wrap == "jsonl":
        text = json.dumps({"id": text[:20], "text": text, "lang": text[:3], "published": text[:10]}) + "\n" + text
    elif wrap == "feed":
        text = f"<?xml version='1.0'?><rss><channel><item><title>{text[:30]}</title><description>{text}"
    data = text.encode(codec, errors="replace")
    _check_items(list(read_bytes(gzip.compress(data) if wrap == "gzip" else data, name, "a")))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(news_text, st.sampled_from([None, "az", "kk", "ru", "en"]), published, st.booleans())
def test_pipeline_on_arbitrary_text_keeps_every_offset_exact(pipeline, text, lang, pub, nfd):
    if nfd:
        text = unicodedata.normalize("NFD", text)
    doc = pipeline(Document(id="x", text=text, lang=lang, published=pub))
    assert doc.failure is None, doc.failure
    for m in doc.mentions + [m for e in doc.entities for m in e.mentions]:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
    for ev in doc.events:
        assert 0 <= ev.evidence.start < ev.evidence.end <= len(text)
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
    for f in doc.facts:
        assert f.evidence is None or text[f.evidence.start:f.evidence.end] == f.evidence.text
    for s in doc.sentences + doc.paragraphs + doc.boilerplate:
        assert 0 <= s.start <= s.end <= len(text)
    assert len({ev.id for ev in doc.events}) == len(doc.events)  # the store keys events by id
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")


def _pattern_words(code: str) -> list[str]:
    ld = langdata.load(code)
    heads = [t.rstrip("*") for idx in (ld.triggers, ld.titles, ld.frameworks, ld.speech) for p in idx
             for t in p.tokens if t != "…"]
    return sorted(set(heads + [h + "lar" for h in heads] + [fold(w) for w in WORDS]))


@SETTINGS
@given(st.sampled_from(CODES), st.sampled_from(["triggers", "titles", "frameworks", "speech", "modality"]), st.data())
def test_pattern_index_finds_what_each_pattern_finds(code, name, data):
    """The index (patterns by first word, candidates remembered per word) gives what scanning every
    pattern at every word gives, in pattern-file order, however often it is asked."""
    index = getattr(langdata.load(code), name)
    words = data.draw(st.lists(st.sampled_from(_pattern_words(code)), max_size=30))
    scan = [(p, i, j) for p in index for i, j in p.find(words)]
    assert index.find(words) == scan
    assert index.find(words) == scan
