"""Article-level bootstrap intervals of `eval --bootstrap` and the paired comparison of `eval-diff`
(hand-made gold and system outputs scored by the real scorer)."""
import json

import pytest

from communique import bootstrap as bs
from communique import eval as ev
from communique.cli import main

TEXT = "Путин и Токаев прибыли на саммит СНГ."
ENTITIES = [{"key": "Putin", "type": "person", "mentions": ["Путин"]},
            {"key": "Tokayev", "type": "person", "mentions": ["Токаев"]}]
SYS_ENTITIES = [{"id": "s:putin", "mentions": [{"start": 0, "end": 5}]},
                {"id": "s:tokayev", "mentions": [{"start": 8, "end": 14}]}]
# per article: language, gold event types, system event types (a type matches its own, one to one)
CASES = [("kk", "MEET CALL", "MEET"), ("kk", "MEET", "MEET SIGN"), ("kk", "SIGN CALL MEET", "CALL"),
         ("kk", "MEET", ""), ("kk", "CALL", "CALL"), ("kk", "MEET SIGN", "SIGN APPOINT"),
         ("ru", "CALL", "MEET"), ("ru", "MEET CALL", "MEET CALL"), ("ru", "SIGN", "SIGN MEET"),
         ("ru", "MEET CALL SIGN", "MEET"), ("ru", "CALL", ""), ("ru", "MEET", "MEET")]


def _events(types: str, parts: list[str]) -> list[dict]:
    return [{"type": t, "participants": parts} for t in types.split()]


def _scored(cases, extra: str = "") -> dict:
    """The real scorer's result; ``extra`` adds system events of these types to every article."""
    articles, sysdocs = [], {}
    for i, (lang, gold, found) in enumerate(cases):
        aid = f"{lang}{i}"
        articles.append(ev.GoldArticle({"id": aid, "lang": lang, "entities": ENTITIES,
                                        "events": _events(gold, ["Putin", "Tokayev"])}, TEXT))
        sysdocs[aid] = {"entities": SYS_ENTITIES, "events": _events(f"{found} {extra}", ["s:putin", "s:tokayev"])}
    return ev.score(articles, sysdocs)


def _write(path, result) -> str:
    path.write_text(json.dumps(ev.report(result)))
    return str(path)


def _diff_rows(out: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split()[1:] for line in out.splitlines()[2:]}


def test_article_counts_add_up_to_the_table():
    result = _scored(CASES)
    counts = result["articles"]
    assert [(c.id, c.gold_events, c.sys_events, c.lenient) for c in counts[:3]] == [
        ("kk0", 2, 1, 1), ("kk1", 1, 2, 1), ("kk2", 3, 1, 1)]
    for lang, s in result["langs"].items():
        mine = [c for c in counts if c.lang == lang]
        assert (sum(c.gold_events for c in mine), sum(c.sys_events for c in mine),
                sum(c.lenient for c in mine)) == (s.gold_events, s.sys_events, s.lenient)


def test_interval_holds_the_point_estimate_of_the_table():
    result = _scored(CASES)
    ints = bs.intervals(result["articles"], 500, seed=0)
    assert list(ints) == ["kk", "ru", "all"]
    for lang in ("kk", "ru"):
        assert ints[lang].point == pytest.approx(ev.figures(result)[lang]["lenient_f1"])
    for i in ints.values():
        assert i.low < i.point < i.high  # articles differ, so the interval has a width


def test_the_same_seed_gives_the_same_interval_another_seed_another():
    counts = _scored(CASES)["articles"]
    assert bs.intervals(counts, 200, seed=3) == bs.intervals(counts, 200, seed=3)
    assert bs.intervals(counts, 200, seed=3) != bs.intervals(counts, 200, seed=4)


def test_articles_without_variation_give_a_degenerate_interval():
    counts = _scored([("kk", "MEET CALL", "MEET")] * 5)["articles"]
    assert bs.intervals(counts, 100)["kk"] == bs.Interval(2 / 3, 2 / 3, 2 / 3)


def test_eval_json_lists_article_counts_and_intervals(tmp_path, capsys):
    gold = {"id": "g", "lang": "ru", "entities": ENTITIES, "events": _events("MEET", ["Putin", "Tokayev"])}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    (tmp_path / "arts.jsonl").write_text(json.dumps({"id": "g", "lang": "ru", "text": TEXT}) + "\n")
    args = ["eval", str(tmp_path / "gold.jsonl"), "--texts", str(tmp_path / "arts.jsonl")]
    assert main(args + ["--json", "--bootstrap", "50", "--seed", "7"]) == 0
    out = json.loads(capsys.readouterr().out)
    (article,) = out["articles"]
    assert article["id"] == "g" and article["lang"] == "ru" and article["gold_events"] == 1
    boot = out["bootstrap"]
    assert (boot["resamples"], boot["seed"], list(boot["intervals"])) == (50, 7, ["ru"])
    assert boot["intervals"]["ru"]["point"] == pytest.approx(out["figures"]["ru"]["lenient_f1"])
    assert main(args + ["--bootstrap", "50"]) == 0
    assert "lenient F1 95% interval (50 article resamples, seed 0): ru " in capsys.readouterr().out


def test_eval_diff_of_one_run_with_itself_is_zero(tmp_path, capsys):
    a = _write(tmp_path / "a.json", _scored(CASES))
    assert main(["eval-diff", a, a, "--bootstrap", "300"]) == 0
    rows = _diff_rows(capsys.readouterr().out)
    assert list(rows) == ["kk", "ru", "all"]
    for docs, f1a, f1b, diff, interval, not_better in rows.values():
        assert f1a == f1b and diff == "+0.000" and interval == "+0.000..+0.000" and not_better == "1.000"


def test_a_true_positive_more_in_every_article_is_a_sure_gain(tmp_path, capsys):
    # every article has a gold CHAIR that B finds and A does not: every resample favours B
    gold = [(lang, f"{events} CHAIR", found) for lang, events, found in CASES]
    a, b = _scored(gold), _scored(gold, extra="CHAIR")
    assert [c.lenient + 1 for c in a["articles"]] == [c.lenient for c in b["articles"]]
    out_a, out_b = _write(tmp_path / "a.json", a), _write(tmp_path / "b.json", b)
    assert main(["eval-diff", out_a, out_b, "--bootstrap", "500", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    for docs, f1a, f1b, diff, interval, not_better in _diff_rows(out).values():
        low, high = (float(x) for x in interval.split(".."))
        assert float(diff) > 0 and 0 < low <= float(diff) <= high and not_better == "0.000"
    assert main(["eval-diff", out_a, out_b, "--bootstrap", "500", "--seed", "1"]) == 0
    assert capsys.readouterr().out == out


def test_eval_diff_refuses_evaluations_of_other_articles(tmp_path, capsys):
    a = _write(tmp_path / "a.json", _scored(CASES))
    b = _write(tmp_path / "b.json", _scored(CASES[:-1]))
    assert main(["eval-diff", a, b]) == 2
    err = capsys.readouterr().err
    assert "do not cover the same articles (1 only in A: ru11; 0 only in B)" in err
    other_gold = _write(tmp_path / "c.json", _scored([("kk", "MEET", "MEET")] + CASES[1:]))
    assert main(["eval-diff", a, other_gold]) == 2
    assert "1 article(s) differ in language or gold events: kk0" in capsys.readouterr().err
    (tmp_path / "old.json").write_text(json.dumps({"figures": {}}))
    assert main(["eval-diff", a, str(tmp_path / "old.json")]) == 2
    assert "has no per-article counts" in capsys.readouterr().err
