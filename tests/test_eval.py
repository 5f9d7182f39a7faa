"""The scorer follows GOLD.md's Scoring section (hand-made gold and system outputs)."""
import json

import pytest

from communique import eval as ev

GOLD = {"id": "g", "lang": "ru", "entities": [
    {"key": "CIS", "type": "organization", "mentions": ["СНГ"]},
    {"key": "2024 CIS Summit", "type": "gathering", "mentions": ["саммит"]},
    {"key": "Putin", "type": "person", "mentions": ["Путин"]},
    {"key": "Tokayev", "type": "person", "mentions": ["Токаев"]}],
    "events": [{"type": "CONVENE", "participants": ["Putin", "Tokayev", "2024 CIS Summit"],
                "date": "2024-10-08", "date_from": "text"}]}
TEXT = "Путин и Токаев прибыли на саммит СНГ."


def _sys(parts, type_="CONVENE", date=None):
    ents = [{"id": "s:cis", "mentions": [{"start": 31, "end": 34}]},
            {"id": "s:summit", "mentions": [{"start": 24, "end": 30}]},
            {"id": "s:putin", "mentions": [{"start": 0, "end": 5}]},
            {"id": "s:tokayev", "mentions": [{"start": 8, "end": 14}]}]
    return {"entities": ents, "events": [{"type": type_, "participants": parts, "date": date}]}


def test_convene_naming_the_gold_gathering_matches_leniently():
    sd = _sys(["s:summit", "s:cis"])
    amap = ev.align(GOLD, TEXT, sd)
    assert ev.match_events(GOLD, sd, amap, strict=False) == [(0, 0)]
    assert ev.match_events(GOLD, sd, amap, strict=True) == []


def test_only_convene_matches_on_the_gathering_alone():
    sd = _sys(["s:summit", "s:cis"], type_="MEET")
    gold = {**GOLD, "events": [{**GOLD["events"][0], "type": "MEET"}]}
    assert ev.match_events(gold, sd, ev.align(gold, TEXT, sd), strict=False) == []


def test_one_other_participant_without_the_gathering_does_not_match():
    sd = _sys(["s:putin", "s:cis"])
    assert ev.match_events(GOLD, sd, ev.align(GOLD, TEXT, sd), strict=False) == []


def test_date_is_also_scored_where_the_text_supplies_it():
    articles = [ev.GoldArticle(GOLD, TEXT)]
    result = ev.score(articles, {"g": _sys(["s:putin", "s:tokayev", "s:summit"], date="2024-10-08")})
    s = result["langs"]["ru"]
    assert s.acc("date") == 1.0 and s.acc("date_text") == 1.0
    knowledge = {**GOLD, "events": [{**GOLD["events"][0], "date_from": "knowledge"}]}
    result = ev.score([ev.GoldArticle(knowledge, TEXT)], {"g": _sys(["s:putin", "s:tokayev"], date="2024")})
    assert result["langs"]["ru"].acc("date") == 0.0 and result["langs"]["ru"].acc("date_text") is None


def test_story_scores_count_pairs_per_language_pair_and_mixed_clusters():
    R = ev.StoryReport
    reports = [R("a1", "az", "s1", "c1", True), R("k1", "kk", "s1", "c1", True), R("r1", "ru", "s1", "c2", True),
               R("r2", "ru", "s1", None, False),  # not extracted: counted apart
               R("a2", "az", "s2", "c2", True), R("k2", "kk", "s2", "c3", True),
               R("a3", "az", None, "c3", True)]  # no gold story: listed, not an error
    st = ev.story_scores(reports)
    assert st["pairs"]["all"] == {"together": 1, "pairs": 4, "accuracy": 0.25}
    assert st["pairs"]["az-kk"] == {"together": 1, "pairs": 2, "accuracy": 0.5}
    assert st["pairs"]["kk-ru"]["together"] == 0 and st["pairs_unmatched"] == 3
    assert st["mixed_clusters"] == ["c2"] and st["joined_without_gold_story"] == ["c3"]


def test_details_list_a_split_story_report_by_report():
    def article(aid, story):
        g = {**GOLD, "id": aid, "events": [{**GOLD["events"][0], "story": story}]}
        return ev.GoldArticle(g, TEXT)
    def system(cluster):
        sd = _sys(["s:putin", "s:tokayev", "s:summit"], date="2024-10-08")
        sd["events"][0]["cluster"] = cluster
        return sd
    arts = [article("a", "cis-2024"), article("b", "cis-2024"), article("c", "other")]
    out = ev.details(arts, {"a": system("st-1"), "b": system("st-2"), "c": system("st-3")})
    assert "== story cis-2024 split\n  a CONVENE 2024-10-08 -> st-1\n  b CONVENE 2024-10-08 -> st-2" in out
    assert "story other" not in out
    together = ev.details(arts, {"a": system("st-1"), "b": system("st-1"), "c": system("st-3")})
    assert "split" not in together


def test_the_gold_kind_survives_an_articles_file_without_one(tmp_path):
    (tmp_path / "gold.jsonl").write_text(json.dumps({**GOLD, "kind": "negative", "events": []}) + "\n")
    (tmp_path / "arts.jsonl").write_text(
        json.dumps({"id": "g", "lang": "ru", "text": TEXT}) + "\n"
        + json.dumps({"id": "h", "lang": "ru", "text": TEXT, "kind": "event"}) + "\n")
    (tmp_path / "gold2.jsonl").write_text(json.dumps({**GOLD, "id": "h"}) + "\n")
    a, b = ev.load_gold([str(tmp_path / "gold.jsonl"), str(tmp_path / "gold2.jsonl")], [str(tmp_path / "arts.jsonl")])
    assert a.gold["kind"] == "negative" and b.gold["kind"] == "event"
    result = ev.score([a], {"g": _sys(["s:putin", "s:tokayev"], type_="MEET")})
    assert result["langs"]["ru"].negative_events == 1


def test_the_system_gets_the_articles_files_publication_date_never_the_golds(tmp_path):
    (tmp_path / "gold.jsonl").write_text(json.dumps({**GOLD, "published": "2024-10-08"}) + "\n"
                                         + json.dumps({**GOLD, "id": "h", "published": "2024-10-08"}) + "\n")
    (tmp_path / "arts.jsonl").write_text(
        json.dumps({"id": "g", "lang": "ru", "text": TEXT, "published": "2024-10-09T10:00:00+05:00"}) + "\n"
        + json.dumps({"id": "h", "lang": "ru", "text": TEXT}) + "\n")
    a, b = ev.load_gold([str(tmp_path / "gold.jsonl")], [str(tmp_path / "arts.jsonl")])
    assert ev.gold_document(a).published == "2024-10-09"
    assert ev.gold_document(b).published is None


def test_eval_names_the_articles_a_stage_failed_on(tmp_path, monkeypatch, capsys):
    from communique.cli import main
    from communique.stages.events import EventStage

    def broken(self, doc):
        raise RuntimeError("broken on purpose")
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n")
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "g", "lang": "ru", "text": TEXT}) + "\n")
    monkeypatch.setattr(EventStage, "__call__", broken)
    assert main(["eval", str(tmp_path / "gold.jsonl"), "--texts", str(tmp_path / "arts.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "g failed in the events stage" in err and "broken on purpose" in err


def test_figures_per_event_type_show_a_type_that_is_never_found():
    gold = {**GOLD, "events": GOLD["events"] + [{"type": "SIGN", "participants": ["Putin", "Tokayev"]}]}
    result = ev.score([ev.GoldArticle(gold, TEXT)], {"g": _sys(["s:putin", "s:tokayev", "s:summit"])})
    rows = ev.by_type(result)
    assert (rows["CONVENE"]["gold"], rows["CONVENE"]["sys"], rows["CONVENE"]["lenient"]) == (1, 1, 1)
    assert (rows["SIGN"]["gold"], rows["SIGN"]["sys"], rows["SIGN"]["r"], rows["SIGN"]["f1_ru"]) == (1, 0, 0.0, 0.0)
    table = ev.type_table(result).splitlines()
    assert table[0].split()[:6] == ["type", "gold", "sys", "len-P", "len-R", "len-F1"]
    assert [r.split()[0] for r in table[1:]] == ["CONVENE", "SIGN"]


@pytest.mark.parametrize("gold, problem", [
    (None, "no such gold file"),
    ('{"id": "g"', "malformed JSON"),
    ("[1, 2]", "not a JSON object"),
    ('{"lang": "ru"}', "missing field 'id'"),
])
def test_eval_names_the_gold_line_it_cannot_read(tmp_path, capsys, gold, problem):
    from communique.cli import main
    path = tmp_path / "gold.jsonl"
    if gold is not None:
        path.write_text(json.dumps(GOLD) + "\n" + gold + "\n")
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "g", "lang": "ru", "text": TEXT}) + "\n")
    assert main(["eval", str(path), "--texts", str(tmp_path / "arts.jsonl")]) == 2
    err = capsys.readouterr().err
    assert problem in err and str(path) in err and "Traceback" not in err
    if gold is not None:
        assert f"{path}:2:" in err  # the line, not only the file


def test_eval_names_an_articles_line_without_its_text(tmp_path, capsys):
    from communique.cli import main
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n")
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "g", "lang": "ru"}) + "\n")
    assert main(["eval", str(tmp_path / "gold.jsonl"), "--texts", str(tmp_path / "arts.jsonl")]) == 2
    assert f"{tmp_path / 'arts.jsonl'}:1: missing field 'text'" in capsys.readouterr().err
