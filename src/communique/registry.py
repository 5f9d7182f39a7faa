"""Every stage registered in one place, by stable name, so a worker can rebuild
the pipeline from names and config instead of unpickling models."""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field

from .errors import PipelineError
from .pipeline import Limits, Pipeline

# Stories are not a stage: they need every article, so the store or the runner assigns them
# (stages/stories.py).
DEFAULT = ("clean", "langid", "segment", "mentions", "linking", "gatherings", "events", "facts")


@dataclass(frozen=True)
class Config:
    """What a pipeline is built from. ``options`` gives a stage's constructor arguments beside the
    knowledge base, by stage name, as plain values a worker can receive: {"events": {"as_of":
    "2025-06-30"}} (the composition root decides such things as "as of", never a stage).
    ``limits``: what one article may take (size, tokens, time) before it is recorded as failed."""
    kb_folders: tuple[str, ...] = ()
    stages: tuple[str, ...] = DEFAULT
    options: dict = field(default_factory=dict, hash=False, compare=False)
    limits: Limits = Limits()


def _factories():
    from .stages import clean, events, facts, gatherings, langid, linking, mentions, segment
    return {
        "clean": clean.CleanStage,
        "langid": langid.LangIdStage,
        "segment": segment.SegmentStage,
        "mentions": mentions.MentionStage,
        "linking": linking.LinkingStage,
        "gatherings": gatherings.GatheringStage,
        "events": events.EventStage,
        "facts": facts.FactStage,
    }


def stage_names() -> list[str]:
    return list(_factories())


def build(config: Config = Config()) -> Pipeline:
    from . import kb as kbmod
    factories = _factories()
    unknown = [n for n in (*config.stages, *config.options) if n not in factories]
    if unknown:
        raise PipelineError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(factories)}")
    kb = kbmod.load(tuple(config.kb_folders))
    def make(name: str):
        return _make(name, factories[name], kb, config.options.get(name) or {})
    return Pipeline([make(n) for n in config.stages], limits=config.limits, rebuild=make)


def _make(name: str, factory, kb, options: dict):
    try:
        inspect.signature(factory).bind(kb=kb, **options)
    except TypeError as exc:
        raise PipelineError(f"stage {name!r} does not take the options {sorted(options)} ({exc}); "
                            f"remove them from the configuration") from None
    return factory(kb=kb, **options)
