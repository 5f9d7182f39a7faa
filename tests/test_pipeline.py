import pytest

from communique.document import Document
from communique.errors import PipelineError
from communique.pipeline import Limits, Pipeline
from communique.registry import DEFAULT, Config, build, stage_names


class Adds:
    def __init__(self, name, requires=(), provides=(), fail=False):
        self.name, self.requires, self.provides, self.fail = name, requires, provides, fail

    def __call__(self, doc):
        if self.fail and "boom" in doc.text:
            raise ValueError("exploded on purpose")
        doc.title = (doc.title or "") + self.name
        return doc


def test_pipeline_rejects_stage_whose_requirement_is_unmet():
    with pytest.raises(PipelineError, match="requires sents"):
        Pipeline([Adds("a", provides=("lang",)), Adds("b", requires=("sents",))])


def test_pipeline_runs_stages_in_order_and_records_labels():
    doc = Pipeline([Adds("a", provides=("x",)), Adds("b", requires=("x",), provides=("y",))])(Document("d", "t"))
    assert doc.title == "ab"
    assert {"text", "x", "y"} <= doc.done


def test_failing_document_is_recorded_and_batch_goes_on():
    pipe = Pipeline([Adds("a", provides=("x",)), Adds("bad", requires=("x",), fail=True), Adds("c")])
    out = list(pipe.pipe([Document("1", "fine"), Document("2", "boom"), Document("3", "fine")]))
    assert [d.failure is None for d in out] == [True, False, True]
    assert out[1].failure.stage == "bad" and "exploded on purpose" in out[1].failure.error
    assert out[2].title == "abadc"


class Caches(Adds):
    def __call__(self, doc):
        doc.scratch.of(doc.text).tokens[(0, len(doc.text))] = [doc.id]
        return super().__call__(doc)


def test_run_caches_are_emptied_after_the_run_and_after_a_failure():
    pipe = Pipeline([Caches("a", provides=("x",)), Adds("bad", requires=("x",), fail=True)])
    out = list(pipe.pipe([Document("1", "fine"), Document("2", "boom")]))
    assert all(d.scratch.empty() for d in out)
    assert "scratch" not in out[0].to_dict()


def test_registry_builds_default_pipeline_by_name():
    assert set(DEFAULT) <= set(stage_names())
    assert build().names == list(DEFAULT)


def test_registry_rejects_unknown_stage():
    with pytest.raises(PipelineError, match="unknown stage"):
        build(Config(stages=("clean", "nonsense")))


def test_registry_passes_each_stage_its_options_by_name():
    pipe = build(Config(stages=("clean",), options={"clean": {"langs": ("ru",)}}))
    assert pipe.stages[0].langs == ("ru",)


@pytest.mark.parametrize("options, problem", [
    ({"nonsense": {"as_of": "2025-01-01"}}, "unknown stage"),
    ({"clean": {"nonsense": 1}}, "does not take the options"),
])
def test_registry_rejects_options_no_stage_takes(options, problem):
    with pytest.raises(PipelineError, match=problem):
        build(Config(stages=("clean",), options=options))


class Spins(Adds):
    """A stage that never ends on "spin" and swallows every Exception on the way."""
    def __call__(self, doc):
        if "spin" in doc.text:
            while True:
                try:
                    sum(range(1000))
                except Exception:  # noqa: BLE001 - the limit must get through this
                    pass
        return super().__call__(doc)


class Sleeps(Adds):
    def __call__(self, doc):
        import time
        time.sleep(0.3 if "slow" in doc.text else 0)
        return super().__call__(doc)


@pytest.mark.parametrize("limits, text, problem", [
    (Limits(chars=10), "x" * 11, "11 characters, over the limit of 10 (Limits.chars)"),
    (Limits(tokens=5), "a b c d e f", "over 5 words and punctuation marks (Limits.tokens)"),
    (Limits(tokens=5), "a......", "over 5 words and punctuation marks (Limits.tokens)"),
])
def test_article_over_a_size_limit_is_recorded_and_not_read(limits, text, problem):
    pipe = Pipeline([Adds("a", provides=("x",))], limits=limits)
    out = list(pipe.pipe([Document("1", text), Document("2", "fine")]))
    assert out[0].failure.stage == "limits" and problem in out[0].failure.error
    assert "split it" in out[0].failure.error and out[0].title is None
    assert out[1].failure is None and out[1].title == "a"


def test_article_over_the_time_limit_is_stopped_in_its_stage_and_the_batch_goes_on():
    pipe = Pipeline([Adds("a", provides=("x",)), Spins("spinner")], limits=Limits(seconds=0.2))
    out = list(pipe.pipe([Document("1", "spin"), Document("2", "fine")]))
    assert out[0].failure.stage == "spinner" and "more than 0.2 s (Limits.seconds)" in out[0].failure.error
    assert out[1].failure is None and out[1].title == "aspinner"


def test_time_limit_off_the_main_thread_is_checked_after_each_stage():
    import threading
    pipe = Pipeline([Sleeps("sleeper", provides=("x",)), Adds("after")], limits=Limits(seconds=0.1))
    out = []
    worker = threading.Thread(target=lambda: out.extend(pipe.pipe([Document("1", "slow"), Document("2", "quick")])))
    worker.start()
    worker.join()
    assert out[0].failure.stage == "sleeper" and "Limits.seconds" in out[0].failure.error
    assert out[0].title == "sleeper"  # the stage ran to its end; the next one did not start
    assert out[1].failure is None and out[1].title == "sleeperafter"


def test_time_limit_puts_back_an_alarm_set_before():
    import signal
    rung = []

    def ring(*_):
        rung.append(True)
    previous = signal.signal(signal.SIGALRM, ring)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        Pipeline([Adds("a")], limits=Limits(seconds=5))(Document("1", "fine"))
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < left <= 30 and signal.getsignal(signal.SIGALRM) is ring and not rung
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_registry_builds_the_pipeline_with_the_configured_limits():
    assert build(Config(stages=("clean",), limits=Limits(seconds=None))).limits == Limits(seconds=None)
    assert build(Config(stages=("clean",))).limits == Limits()


def test_a_stage_the_time_limit_interrupts_is_built_afresh():
    spinner = Spins("spinner")
    pipe = Pipeline([Adds("a", provides=("x",)), spinner], limits=Limits(seconds=0.2), rebuild=Spins)
    out = list(pipe.pipe([Document("1", "spin"), Document("2", "fine")]))
    assert out[0].failure.stage == "spinner" and out[1].failure is None
    assert pipe.stages[1] is not spinner and pipe.names == ["a", "spinner"]
