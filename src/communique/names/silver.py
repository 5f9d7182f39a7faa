"""Silver training sentences for a language without an annotated corpus (Azerbaijani): the names
the pipeline's knowledge-base aliases and title cues find in unlabelled news, and the entity
mentions of gold articles, as IOB2 over ``pieces``.

Silver spans only teach what the knowledge base already knows and the context names stand in; a
name neither knows is tagged O, so such a tagger under-reports names it has not seen.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..document import Document
from .corpus import Tagged, iob
from .tagger import NameSpan, pieces

# Mention types of the pipeline and of gold files -> tagger classes (places as GPE, as KazNERD does
# for cities and states; gatherings are no name class here)
_CLASS = {"person": "PERSON", "country": "GPE", "location": "GPE", "organization": "ORGANISATION"}
_SOURCES = ("kb", "cue")


def _mention_pipeline():
    from ..registry import Config, build
    return build(Config(stages=("clean", "langid", "segment", "mentions"),
                        options={"mentions": {"name_models": {}}}))


def silver_sentences(texts: list[tuple[str, str]], lang: str, gold: dict[str, list[tuple[str, str]]] | None = None,
                     pipeline=None) -> list[Tagged]:
    """IOB2 sentences of the ``lang`` sentences of (id, text) pairs: knowledge-base and title-cue
    mentions, and where ``gold`` gives an article's (surface, type) mentions, those first."""
    pipeline = pipeline or _mention_pipeline()
    out = []
    for doc_id, text in texts:
        doc = pipeline(Document(doc_id, text))
        if doc.failure:
            continue
        marks = _gold_marks(text, (gold or {}).get(doc_id, []))
        marks += [(m.start, m.end, _CLASS[m.type]) for m in doc.mentions
                  if m.source in _SOURCES and m.type in _CLASS and not any(a < m.end and m.start < b for a, b, _ in marks)]
        for sent in doc.sentences:
            if sent.boilerplate or (sent.lang or doc.lang) != lang:
                continue
            toks = pieces(text, sent.start, sent.end)
            if toks:
                out.append(Tagged([t.text for t in toks], iob(len(toks), _spans(toks, marks))))
    return out


def _gold_marks(text: str, mentions: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Every occurrence of each gold mention, longest first, not overlapping one another."""
    out: list[tuple[int, int, str]] = []
    for surface, type_ in sorted(mentions, key=lambda m: -len(m[0])):
        if type_ not in _CLASS or not surface.strip():
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(a < m.end() and m.start() < b for a, b, _ in out):
                out.append((m.start(), m.end(), _CLASS[type_]))
    return out


def _spans(toks, marks) -> list[NameSpan]:
    """Marks that start and end on piece boundaries, as word spans."""
    starts = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}
    return [NameSpan(starts[a], ends[b] + 1, label) for a, b, label in marks if a in starts and b in ends]


def read_articles(path: Path, lang: str) -> list[tuple[str, str]]:
    """(id, text) of the ``lang`` records of a JSON Lines file of articles."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec.get("lang") == lang and rec.get("text"):
                out.append((str(rec["id"]), rec["text"]))
    return out


def read_gold_mentions(path: Path, lang: str) -> dict[str, list[tuple[str, str]]]:
    """Article id -> (surface, type) of every entity mention a gold file lists for ``lang`` articles."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            if g.get("lang") == lang:
                out[str(g["id"])] = [(m, e["type"]) for e in g.get("entities", []) for m in e.get("mentions", [])]
    return out


# Inside the shared corpus folder: what trains a silver tagger, and the gold batch it is scored on
_RAW = "raw/raw.jsonl"
_TRAIN_GOLD = [("dev.articles.jsonl", "dev.gold.jsonl")]
_HELD_OUT_GOLD = ("batches/b1/articles.jsonl", "batches/b1/gold.jsonl")


def silver_parts(lang: str, corpus: Path) -> tuple[list[Tagged], list[Tagged]]:
    """(training part, held-out part): silver spans over the raw news and the development gold
    articles train; the b1 batch's articles, marked with their gold mentions only, are held out."""
    pipeline = _mention_pipeline()
    train = silver_sentences(read_articles(corpus / _RAW, lang), lang, pipeline=pipeline)
    for texts, gold in _TRAIN_GOLD:
        train += silver_sentences(read_articles(corpus / texts, lang), lang,
                                  read_gold_mentions(corpus / gold, lang), pipeline)
    texts, gold = _HELD_OUT_GOLD
    held = gold_sentences(read_articles(corpus / texts, lang), lang, read_gold_mentions(corpus / gold, lang),
                          pipeline)
    return train, held


def gold_sentences(texts: list[tuple[str, str]], lang: str, gold: dict[str, list[tuple[str, str]]],
                   pipeline=None) -> list[Tagged]:
    """IOB2 sentences marked with gold mentions only (gold lists the entities of events, so names it
    leaves out count against a tagger's precision)."""
    pipeline = pipeline or _mention_pipeline()
    out = []
    for doc_id, text in texts:
        doc = pipeline(Document(doc_id, text))
        marks = _gold_marks(text, gold.get(doc_id, []))
        for sent in doc.sentences:
            if not sent.boilerplate and (sent.lang or doc.lang) == lang:
                toks = pieces(text, sent.start, sent.end)
                if toks:
                    out.append(Tagged([t.text for t in toks], iob(len(toks), _spans(toks, marks))))
    return out
