"""The tools that make and check the helper-annotated gold (docs/quality/raw-sample/)."""
import importlib.util
import json
from pathlib import Path

TOOLS = Path(__file__).parent.parent / "tools"


def _tool(name):
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


TEXT = "Путин встретился с Токаевым в Москве. Токаев поблагодарил Путина."
GOLD = {"id": "a", "lang": "ru", "kind": "event", "published": None,
        "entities": [{"key": "Putin", "type": "person", "mentions": ["Путин", "Путина"]},
                     {"key": "Tokayev", "type": "person", "mentions": ["Токаевым", "Токаев"]},
                     {"key": "Moscow", "type": "location", "mentions": ["Москве"]}],
        "events": [{"type": "MEET", "participants": ["Putin", "Tokayev"], "date": None, "location": "Moscow",
                    "framework": None, "modality": "asserted"}], "facts": []}


def _files(tmp_path, other):
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "a", "lang": "ru", "text": TEXT}) + "\n")
    (tmp_path / "a.jsonl").write_text(json.dumps(GOLD) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps(other) + "\n")
    return [str(tmp_path / x) for x in ("a.jsonl", "b.jsonl")] + ["--texts", str(tmp_path / "arts.jsonl"), "--json"]


def test_an_annotation_agrees_with_itself_and_not_with_another_reading(tmp_path, capsys):
    agreement = _tool("gold_agreement")
    agreement.main(_files(tmp_path, GOLD))
    assert json.loads(capsys.readouterr().out)["ru"]["lenient_f1"] == 1.0
    call = {**GOLD, "events": [{**GOLD["events"][0], "type": "CALL"}]}  # the other annotator read a call
    agreement.main(_files(tmp_path, call))
    assert json.loads(capsys.readouterr().out)["ru"]["lenient_f1"] == 0.0


def test_the_validator_names_a_mention_not_in_the_text(tmp_path, capsys):
    bad = {**GOLD, "entities": GOLD["entities"] + [{"key": "Xi", "type": "person", "mentions": ["Си"]}]}
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "a", "lang": "ru", "text": TEXT}) + "\n")
    (tmp_path / "g.jsonl").write_text(json.dumps(bad) + "\n")
    import subprocess
    import sys
    out = subprocess.run([sys.executable, str(TOOLS / "validate_gold.py"), str(tmp_path / "g.jsonl"),
                          str(tmp_path / "arts.jsonl")], capture_output=True, text=True)
    assert out.returncode == 1 and "mention 'Си' of Xi not in text" in out.stdout


def test_the_samples_are_drawn_the_same_every_time():
    sample = _tool("sample_raw")
    rows = [{"id": f"raw-{lang}-{k:04d}", "lang": lang, "text": "x"} for lang in ("az", "kk", "ru") for k in range(50)]
    first, again = sample.samples(rows), sample.samples(list(rows))
    assert first == again and len(first["R1-az"]) == 10
    assert not {r["id"] for r in first["R1-az"]} & {r["id"] for r in first["R2-az"]}


def test_miss_kinds_says_where_a_missed_event_lies_without_printing_text(tmp_path, capsys):
    kinds = _tool("miss_kinds")
    sign = {**GOLD, "events": GOLD["events"] + [{**GOLD["events"][0], "type": "SIGN"}]}
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "a", "lang": "ru", "text": TEXT}) + "\n")
    (tmp_path / "g.jsonl").write_text(json.dumps(sign) + "\n")
    kinds.main([f"{tmp_path / 'g.jsonl'}={tmp_path / 'arts.jsonl'}"])
    out = capsys.readouterr().out
    assert "missed: 1" in out and "their sentence has an event of another type" in out
    assert "spurious: 0" in out and "Путин" not in out


def test_ablation_empties_a_data_file_but_its_comments_and_keeps_the_essential_ones(tmp_path):
    ablate = _tool("ablate_data")
    f = tmp_path / "series.tsv"
    f.write_text("# what the file is\nряд\nнесколько\n", encoding="utf-8")
    ablate.blank(f)
    assert f.read_text(encoding="utf-8") == "# what the file is\n"
    listed = ablate.names(TOOLS.parent / "src" / "communique" / "lang")
    assert "series.tsv" in listed and "domestic.tsv" in listed
    assert not {"triggers.tsv", "alphabet.txt", "suffixes.tsv"} & set(listed)
    assert ablate.f1(10, 10, 5) == 0.5


def test_event_pairs_labels_a_pair_by_the_gold_event_that_names_both_and_proposes_what_the_rules_lack(tmp_path):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from communique import eval as ev
    from communique.registry import build
    pairs = _tool("event_pairs_cv")
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "a", "lang": "ru", "text": TEXT}) + "\n")
    (tmp_path / "g.jsonl").write_text(json.dumps(GOLD) + "\n")
    a = ev.load_gold([str(tmp_path / "g.jsonl")], [str(tmp_path / "arts.jsonl")])[0]
    doc = build()(ev.gold_document(a))
    sd = doc.to_dict()
    amap = ev.align(a.gold, a.text, sd)
    inst = pairs.instances(doc, a.gold, amap)
    x, y, label, f = inst[0]  # the first sentence's pair: the meeting the rules made
    assert ({x, y}, label) == ({"person:vladimir-putin", "person:kassym-jomart-tokayev"}, "MEET")
    assert f["trig=MEET"] == 1 and f["pair_in=MEET"] == 1

    def proposals(label):  # a model sure of ``label`` for every pair
        vec = DictVectorizer()
        clf = LogisticRegression().fit(vec.fit_transform([{"x": 1}, {"x": 0}]), [label, "NONE"])
        rows = [(a.gold, sd, amap, [(p, q, "?", {"x": 1}) for p, q, _, _ in inst])]
        return pairs.proposed(rows, vec, clf, 0.5, only_where_no_event=False)[0]
    assert proposals("MEET") == []  # the rules made that meeting
    assert [(e["type"], set(e["participants"])) for e in proposals("CALL")] == [("CALL", {x, y})]


KK_TEXT = "Қасым-Жомарт Тоқаев Астанада Шавкат Мирзиёевпен кездесті."
KK_GOLD = {"id": "k", "lang": "kk", "kind": "event", "published": "2024-05-02",
           "entities": [{"key": "Tokayev", "type": "person", "mentions": ["Қасым-Жомарт Тоқаев"]},
                        {"key": "Mirziyoyev", "type": "person", "mentions": ["Шавкат Мирзиёевпен"]}],
           "events": [{"type": "MEET", "participants": ["Tokayev", "Mirziyoyev"], "date": "2024-05-02",
                       "location": None, "framework": None, "modality": "asserted"}], "facts": []}


def test_tagger_spread_trains_without_each_part_and_counts_the_language_s_events(tmp_path, capsys):
    spread = _tool("tagger_spread")
    ten = list(range(10))
    assert [spread.without_part(ten, k, 3) for k in range(3)] == [
        [3, 4, 5, 6, 7, 8, 9], [0, 1, 2, 6, 7, 8, 9], [0, 1, 2, 3, 4, 5]]  # the last part takes the rest
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "k", "lang": "kk", "text": KK_TEXT}) + "\n"
                                         + json.dumps({"id": "a", "lang": "ru", "text": TEXT}) + "\n")
    (tmp_path / "g.jsonl").write_text(json.dumps(KK_GOLD) + "\n" + json.dumps(GOLD) + "\n")
    sentence = "Кеше Дана Серікова Алматыда болды ."
    tags = ["O", "B-PERSON", "I-PERSON", "B-GPE", "O", "O"]
    (tmp_path / "ner.txt").write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in zip(sentence.split(), tags))
                                                  for _ in range(4)) + "\n", encoding="utf-8")
    spread.main(["--data", str(tmp_path / "ner.txt"), "--parts", "2", "--iterations", "5",
                 f"{tmp_path / 'g.jsonl'}={tmp_path / 'arts.jsonl'}"])
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [r.split()[-4:] for r in rows] == [["1", "1", "1", "1.000"]] * 3  # the Kazakh article only
    assert [r.split()[-5] for r in rows] == ["2", "2", "4"]


def test_entity_recall_counts_the_gold_entities_found_per_language_and_type(tmp_path):
    recall = _tool("entity_recall")
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "a", "lang": "ru", "text": TEXT}) + "\n")
    gold = {**GOLD, "entities": GOLD["entities"] + [{"key": "Nowhere", "type": "location", "mentions": ["Нигде"]}]}
    (tmp_path / "g.jsonl").write_text(json.dumps(gold) + "\n")
    total, found = recall.recall([(str(tmp_path / "g.jsonl"), str(tmp_path / "arts.jsonl"))])
    assert (total[("ru", "person")], found[("ru", "person")]) == (2, 2)
    assert (total[("ru", "location")], found[("ru", "location")]) == (2, 1)  # Moscow, not a name absent from the text


def test_rule_precision_counts_each_rule_s_events_and_how_many_gold_matched(tmp_path, capsys):
    rules = _tool("rule_precision")
    # the meeting is gold, the thanks are no event: one event, matched, under its trigger and its rule
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "a", "lang": "ru", "text": TEXT}) + "\n")
    (tmp_path / "g.jsonl").write_text(json.dumps(GOLD) + "\n")
    made, right = rules.precision([(str(tmp_path / "g.jsonl"), str(tmp_path / "arts.jsonl"))])
    assert (made["type MEET"], right["type MEET"]) == (1, 1)
    assert made["trigger MEET lang/ru/triggers.tsv"] == 1
    assert right["participants: persons named in the sentence"] == 1
    other = {**GOLD, "events": [{**GOLD["events"][0], "type": "CALL"}]}  # read as a call: the meeting is wrong
    (tmp_path / "g.jsonl").write_text(json.dumps(other) + "\n")
    rules.main([f"{tmp_path / 'g.jsonl'}={tmp_path / 'arts.jsonl'}"])
    out = capsys.readouterr().out
    assert "    1 0.00  type MEET" in out and "Путин" not in out


def test_rule_precision_reduces_names_and_quoted_words_to_one_line_per_rule():
    rules = _tool("rule_precision")
    a = rules.steps(["trigger: 'встретился' (MEET, lang/ru/triggers.tsv)",
                     "host: country:kz stands for person:kassym-jomart-tokayev, its official named in the article"], "MEET")
    b = rules.steps(["trigger: 'görüşüb' (MEET, lang/ru/triggers.tsv)",
                     "host: country:az stands for person:ilham-aliyev, its official named in the article",
                     "date: 2024-05-01 from the sentence"], "MEET")
    assert a == b == {"type MEET", "trigger MEET lang/ru/triggers.tsv", "host: ID stands for ID, its official named in the article"}


def test_date_kinds_counts_how_right_the_dates_are_and_how_the_gold_dates_an_undated_plan(tmp_path, capsys):
    kinds = _tool("date_kinds")
    text = "Путин встретится с Токаевым."
    plan = {**GOLD, "events": [{**GOLD["events"][0], "location": None, "modality": "planned", "date": "2024-05",
                                "date_from": "published"}]}
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "a", "lang": "ru", "text": text,
                                                     "published": "2024-05-10"}) + "\n")
    (tmp_path / "g.jsonl").write_text(json.dumps(plan) + "\n")
    kinds.main([f"{tmp_path / 'g.jsonl'}={tmp_path / 'arts.jsonl'}"])
    out = capsys.readouterr().out
    assert "1  right (gold month, system month)" in out
    assert "1  planned: the gold gives the report's month" in out and "Путин" not in out
    assert kinds.error("2024-05-10", "2024-05") == "coarser" and kinds.error("2024", "2025") == "another year"


def test_near_misses_tells_a_repeat_of_a_matched_event_from_a_near_miss_without_printing_text(tmp_path, capsys):
    near = _tool("near_misses")
    assert near.kind("new:person:x") == "new-person" and near.kind("country:kz") == "country"
    gold = {"events": [{"type": "MEET", "participants": ["Putin", "Tokayev"]},
                       {"type": "MEET", "participants": ["Putin", "Xi"]}]}
    amap = {"person:putin": "Putin", "person:tokayev": "Tokayev", "country:kz": "Kazakhstan"}
    events = [{"type": "MEET", "participants": ["person:putin", "person:tokayev"], "modality": "asserted"},
              {"type": "MEET", "participants": ["person:putin", "country:kz"], "modality": "asserted"}]
    # the second report shares Putin with both gold meetings; the one with Xi was missed
    assert near.repeat(gold, events, amap, [(0, 0)], 1) == "missed"
    gold["events"].pop()
    assert near.repeat(gold, events, amap, [(0, 0)], 1) == \
        "repeat, same modality and date: has country, the matched report person"
    sign = {**GOLD, "events": GOLD["events"] + [{**GOLD["events"][0], "type": "SIGN"}]}
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "a", "lang": "ru", "text": TEXT}) + "\n")
    (tmp_path / "g.jsonl").write_text(json.dumps(sign) + "\n")
    near.main([f"{tmp_path / 'g.jsonl'}={tmp_path / 'arts.jsonl'}"])
    out = capsys.readouterr().out
    assert "missed signings: 1" in out and "no sentence naming its parties has a signing trigger" in out
    assert "Путин" not in out
