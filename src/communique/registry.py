"""Every stage registered in one place, by stable name, so a worker can rebuild
the pipeline from names and config instead of unpickling models."""
from __future__ import annotations

from dataclasses import dataclass, field

from .errors import PipelineError
from .pipeline import Pipeline

DEFAULT = ("clean", "langid", "segment", "mentions", "linking", "events", "facts", "stories")


@dataclass(frozen=True)
class Config:
    kb_folders: tuple[str, ...] = ()
    stages: tuple[str, ...] = DEFAULT
    options: dict = field(default_factory=dict, hash=False, compare=False)


def _factories():
    from .stages import clean, events, facts, langid, linking, mentions, segment, stories
    return {
        "clean": clean.CleanStage,
        "langid": langid.LangIdStage,
        "segment": segment.SegmentStage,
        "mentions": mentions.MentionStage,
        "linking": linking.LinkingStage,
        "events": events.EventStage,
        "facts": facts.FactStage,
        "stories": stories.StoryStage,
    }


def stage_names() -> list[str]:
    return list(_factories())


def build(config: Config = Config()) -> Pipeline:
    from . import kb as kbmod
    factories = _factories()
    unknown = [n for n in config.stages if n not in factories]
    if unknown:
        raise PipelineError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(factories)}")
    kb = kbmod.load(tuple(config.kb_folders))
    return Pipeline([factories[n](kb=kb) for n in config.stages])
