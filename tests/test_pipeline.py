import pytest

from communique.document import Document
from communique.errors import PipelineError
from communique.pipeline import Pipeline
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
        doc.scratch["seen"] = {doc.id: doc.text}
        return super().__call__(doc)


def test_run_caches_are_emptied_after_the_run_and_after_a_failure():
    pipe = Pipeline([Caches("a", provides=("x",)), Adds("bad", requires=("x",), fail=True)])
    out = list(pipe.pipe([Document("1", "fine"), Document("2", "boom")]))
    assert [d.scratch for d in out] == [{}, {}]
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
