"""Command line: parse arguments, call the library, print."""
from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import resources
from pathlib import Path

from . import __version__
from .errors import CommuniqueError, InputError, escape_controls


def _progress(desc: str, enabled: bool, total: int | None = None):
    """A progress bar on stderr; with a ``total`` it shows the share done and the time left (ETA)."""
    from tqdm import tqdm
    return tqdm(desc=desc, total=total, unit=" doc", disable=not enabled, file=sys.stderr, dynamic_ncols=True)


def _report_rejected(item) -> None:
    if isinstance(item, InputError):
        print(f"error: {item}", file=sys.stderr)


def _report_repeated(summary) -> str:
    """Prints a warning per document skipped because its id was read already; says how many for the
    summary line ("" if none)."""
    for warning in summary.repeated:
        print(f"warning: {warning}", file=sys.stderr)
    return f"{len(summary.repeated)} repeated id(s) skipped, " if summary.repeated else ""


def _store(args, read_only: bool = False):
    """The database of ``--db``; a command that only reads opens it read-only, so it works on a file
    it may not write and cannot change one by mistake."""
    from .kb import load
    from .storage import open_store
    return open_store(args.db, load(), read_only=read_only)


def cmd_ingest(args) -> int:
    from .batch.local import run
    from .stages.ingest import expected_documents, read
    store = _store(args)
    bar = _progress("ingest", not args.quiet, expected_documents(args.paths) if not args.quiet else None)

    def on_doc(item):
        _report_rejected(item)
        bar.update(1)
    summary = run(read(args.paths), store=store, jobs=args.jobs, on_doc=on_doc, force=args.force)
    bar.close()
    repeated = _report_repeated(summary)
    print(f"{summary.processed} processed, {summary.unchanged} unchanged, {repeated}{len(summary.rejected)} "
          f"rejected, {summary.failed} failed in a stage; {summary.events} events -> {store._safe_url()}",
          file=sys.stderr)
    from .storage import queries as Q
    for f in Q.failures(store):
        print(escape_controls(f"failed: {f['id']}: stage {f['error_stage']}: {f['error']}"), file=sys.stderr)
    return 1 if summary.rejected else 0


def cmd_extract(args) -> int:
    from .batch.local import run
    from .export import document_record
    from .kb import load
    from .stages.ingest import read
    kb = load()

    def on_doc(item):
        if isinstance(item, InputError):
            _report_rejected(item)
        else:
            sys.stdout.write(json.dumps(document_record(item, kb), ensure_ascii=False) + "\n")
    summary = run(read(args.paths), jobs=args.jobs, on_doc=on_doc)
    _report_repeated(summary)
    return 1 if summary.rejected else 0


def cmd_events(args) -> int:
    from .storage import queries as Q
    store = _store(args, read_only=True)
    for name in filter(None, (args.actor, args.country, args.organization)):
        _say_candidates(store, name)
    found = Q.find_events(store, Q.EventQuery(
        participant=args.actor, country=args.country, organization=args.organization, type=args.type,
        lang=args.lang, since=args.since, until=args.until, modality=args.modality, limit=args.limit))
    if args.format == "jsonl":
        for r in found["items"]:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    print_events(found["items"], found["labels"])
    return 0


def _say_candidates(store, name: str) -> None:
    """On stderr, the persons an ambiguous surname may stand for (the events of all of them are listed)."""
    from .storage import queries as Q
    match = Q.find_names(store, name)
    if match.ambiguous:
        labels = Q.labels(store, match.ids)
        print(f"note: {name!r} may be " + "; ".join(f"{labels[i]} [{i}]" for i in match.ids)
              + ": events of all of them; give a full name or an id for one", file=sys.stderr)


def print_events(rows, labels) -> None:
    if not rows:
        print("no events match")
        return
    print(f"{'date':10}  {'type':7}  {'modality':8}  {'lang':4}  participants  [location; framework]  (document)")
    for r in rows:
        who = ", ".join(labels.get(p, p) for p in r["participants"])
        where = "; ".join(labels.get(x, x) for x in (r["location"], r["framework"]) if x)
        print(f"{r['date'] or '?':10}  {r['type']:7}  {r['modality']:8}  {r['lang'] or '':4}  {who}"
              f"{f'  [{where}]' if where else ''}  ({r['doc_id']})")


def cmd_entity(args) -> int:
    from .storage import queries as Q
    store = _store(args, read_only=True)
    match = Q.find_names(store, args.name)
    if not match.ids:
        print(f"no entity matches {args.name!r}", file=sys.stderr)
        return 1
    found = Q.find_entities(store, args.name)
    if args.format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    if match.ambiguous:
        print(f"{args.name!r} is the surname of {len(found)} persons:")
    labels = Q.labels(store, [r["of"] for e in found for r in e["roles"]])
    for e in found:
        print(f"{e['label']}  [{e['id']}] {e['type']}{'  wikidata ' + e['wikidata'] if e['wikidata'] else ''}"
              f"  in {e['documents']} document(s)")
        for lang, names in sorted(e["names"].items()):
            print(f"  {lang}: {', '.join(names[:8])}")
        for r in Q.positions(e):
            former = " (former)" if r.get("former") else ""
            source = "knowledge base" if r["source"] == "kb" else (
                f"{r['reports']} report(s), first {r['first']['doc_id']}, last {r['last']['doc_id']}")
            of = f" of {labels.get(r['of'], r['of'])}" if r["of"] else ""
            print(f"  role: {r['role']}{former}{of}  "
                  f"{r['start'] or '?'}..{r['end'] or ''}  ({source})")
    return 0


def cmd_documents(args) -> int:
    from .storage import queries as Q
    store = _store(args, read_only=True)
    found = Q.list_documents(store, lang=args.lang, entity=Q.resolve(store, args.entity)[0] if args.entity else None,
                             limit=args.limit, offset=args.offset)
    if args.format == "jsonl":
        for d in found["items"]:
            print(json.dumps(d, ensure_ascii=False))
        return 0
    if not found["items"]:
        print("no documents match")
        return 0
    print(f"{'published':10}  {'lang':4}  {'events':>6}  {'id':24}  title")
    for d in found["items"]:
        failed = f"  [failed in {d['error_stage']}]" if d["error_stage"] else ""
        print(f"{d['published'] or '?':10}  {d['lang'] or '':4}  {d['events']:>6}  {d['id']:24}  "
              f"{escape_controls(d['title'] or '')}{failed}")
    shown = found["offset"] + len(found["items"])
    if shown < found["total"]:
        print(f"... {found['total'] - shown} more (--offset {shown})")
    return 0


def cmd_show(args) -> int:
    from .storage import queries as Q
    store = _store(args, read_only=True)
    d = Q.document(store, args.doc)
    print(render_marked(d))
    if args.trace:
        print(render_trace(_reread(d)))
    return 0


def _reread(d: dict):
    """The stored article read again (the pipeline is deterministic), keeping how each event was found."""
    from .document import Document
    from .registry import build
    return build()(Document(d["id"], d["text"], url=d.get("url"), title=d.get("title"),
                            published=d.get("published"), source=d.get("source")))


def render_trace(doc) -> str:
    """Per event: the trigger, the rule that chose its participants, and where its date, modality
    and framework came from."""
    lines = ["", "TRACE"]
    for ev in doc.events:
        lines.append(f"EVENT {ev.type} {ev.modality} date={ev.date} participants={', '.join(ev.participants)}")
        lines += [f"  {step}" for step in ev.trace]
    return "\n".join(lines)


def render_marked(d: dict) -> str:
    """The text with [mentions|entity] and the events listed under it."""
    text = d["text"]
    marks = sorted(((m["start"], m["end"], e["id"] + (f" ({m['kind']})" if m.get("kind") else ""))
                    for e in d["entities"] for m in e["mentions"]), reverse=True)
    for s, e, eid in marks:
        text = text[:s] + "[" + text[s:e] + "|" + eid + "]" + text[e:]
    lines = [f"# {d['id']}  lang={d['lang']}  published={d['published']}  source={d['source']}", "", text, ""]
    for ev in d["events"]:
        lines.append(f"EVENT {ev['type']} {ev['modality']} date={ev['date']} participants={', '.join(ev['participants'])}"
                     f" location={ev['location']} framework={ev['framework']} cluster={ev['cluster']}")
        lines.append(f"  evidence [{ev['evidence']['start']}:{ev['evidence']['end']}]: {ev['evidence']['text']}")
    for f in d["facts"]:
        lines.append(f"FACT {f['relation']} {f['subject']} {f['role'] or ''} of={f['of']} date={f['date']}")
    if d.get("error"):
        lines.append(f"FAILED in stage {d['error']['stage']}: {d['error']['error']}")
    return "\n".join(lines)


def cmd_export(args) -> int:
    from .export import BINARY_FORMATS, export
    store = _store(args, read_only=True)
    binary = args.format in BINARY_FORMATS
    if args.output:
        out = open(args.output, "wb") if binary else open(args.output, "w", encoding="utf-8", newline="")
    else:
        out = sys.stdout.buffer if binary else sys.stdout
    try:
        n = export(store, args.format, out)
    finally:
        if args.output:
            out.close()
    print(f"exported {n} record(s)", file=sys.stderr)
    return 0


def cmd_eval(args) -> int:
    from . import bootstrap as bs
    from . import eval as ev
    from .batch.local import run
    articles = ev.load_gold(args.gold, args.texts)
    sysdocs = {}
    run((ev.gold_document(a) for a in articles), on_doc=lambda d: sysdocs.__setitem__(d.id, d.to_dict()))
    failed = {i: d["error"] for i, d in sysdocs.items() if d.get("error")}
    for i, f in sorted(failed.items()):
        print(f"eval: {i} failed in the {f.get('stage')} stage ({f.get('error')}); scored as read so far",
              file=sys.stderr)
    result = ev.score(articles, sysdocs)
    if args.details:
        print(ev.details(articles, sysdocs))
        print()
    ints = bs.intervals(result["articles"], args.bootstrap, args.seed) if args.bootstrap else None
    if args.json:
        boot = bs.intervals_json(ints, args.bootstrap, args.seed) if ints else None
        print(json.dumps(ev.report(result, args.by_type, boot), indent=2))
    else:
        print(ev.table(result))
        if ints:
            print()
            print(bs.intervals_text(ints, args.bootstrap, args.seed))
        if args.by_type:
            print()
            print(ev.type_table(result))
    return 0


def cmd_eval_diff(args) -> int:
    from . import bootstrap as bs
    a, b = bs.load_counts(args.a), bs.load_counts(args.b)
    print(bs.comparison_table(bs.compare(a, b, args.bootstrap, args.seed, (args.a, args.b)), args.bootstrap,
                              args.seed))
    return 0


def cmd_train_names(args) -> int:
    from .names import training
    grid = training.GRID if args.tune else None
    data = Path(args.data) if args.data else training.default_data(args.lang)
    tagger = training.train(args.lang, data, Path(args.output) if args.output else None, grid=grid,
                            jobs=args.jobs, log=lambda line: print(line, file=sys.stderr),
                            whole=not args.without_held_out)
    print(f"wrote {tagger.path} ({tagger.path.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


def cmd_eval_names(args) -> int:
    from .names import scoring, training
    data = Path(args.data) if args.data else training.default_data(args.lang)
    if args.pipeline:
        print(scoring.table(training.pipeline_scores(args.lang, data, args.fold,
                                                     log=lambda line: print(line, file=sys.stderr))))
        return 0
    if args.fold is not None:
        raise InputError("--fold", "goes with --pipeline")
    print(scoring.table(training.held_out_scores(args.lang, data, Path(args.model) if args.model else None,
                                                 args.min_confidence, log=lambda line: print(line, file=sys.stderr))))
    return 0


def cmd_demo(args) -> int:
    sample = Path(str(resources.files("communique").joinpath("sample/articles.jsonl")))
    args.paths = [str(sample)]
    args.force = False
    rc = cmd_ingest(args)
    print()
    cmd_events(argparse.Namespace(**{**vars(args), "actor": None, "country": None, "organization": None,
                                     "type": None, "lang": None, "since": None, "until": None, "modality": None,
                                     "limit": 50, "format": "table"}))
    db = f" --db {args.db}" if args.db else ""
    print("\nNext: `communique show DOC_ID" + db + "` shows a document with its mentions and events marked;"
          "\n      `communique entity Tokayev" + db + "` shows an entity's names and roles;"
          "\n      `communique export --format jsonl" + db + "` exports everything.")
    return rc


def cmd_bench(args) -> int:
    from .bench import bench, scaling
    if args.stories:
        from .bench_stories import SIZES, story_scaling
        from .kb import load
        print(story_scaling(load(), tuple(args.stories_size) if args.stories_size else SIZES))
        return 0
    if args.scaling:
        print(scaling(args.shape, tuple(args.size) if args.size else None))
        return 0
    print(bench(args.n, langs=args.lang, jobs=args.jobs, db=args.db, compare=args.compare))
    return 0


def _date(value: str) -> str:
    """An argument date (argparse exits 2 with the message when it is none)."""
    from .validation import InvalidValue, query_date
    try:
        return query_date(value)
    except InvalidValue as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _language(value: str) -> str:
    from .validation import InvalidValue, language_code
    try:
        return language_code(value)
    except InvalidValue as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _resamples(value: str) -> int:
    n = _count(value)
    if n < 1:
        raise argparse.ArgumentTypeError("at least one resample; 1000 is usual")
    return n


def _count(value: str) -> int:
    from .validation import MAX_INT
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 0 <= n <= MAX_INT:
        raise argparse.ArgumentTypeError(f"{value} is out of range; use 0 to {MAX_INT}")
    return n


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="communique",
        description="Diplomatic events, entities and positions from Azerbaijani, Kazakh and Russian news.")
    p.add_argument("--version", action="version", version=f"communique {__version__}")
    p.add_argument("--kb", help="folder of knowledge-base corrections (default: $COMMUNIQUE_KB or ./communique-kb)")
    sub = p.add_subparsers(dest="command", required=True)

    def with_db(sp):
        sp.add_argument("--db", help="database URL or SQLite path (default: $COMMUNIQUE_DB or ./communique.db)")
        return sp

    s = with_db(sub.add_parser("ingest", help="read articles and store their entities, events and facts"))
    s.add_argument("paths", nargs="+", help="files, folders, .gz, JSONL, RSS/Atom, HTML; '-' for stdin")
    s.add_argument("-j", "--jobs", type=int, default=1, help="worker processes")
    s.add_argument("--force", action="store_true", help="re-process articles already stored unchanged")
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("extract", help="print the extraction of each article as JSON Lines (no database)")
    s.add_argument("paths", nargs="+")
    s.add_argument("--format", choices=["jsonl"], default="jsonl")
    s.add_argument("-j", "--jobs", type=int, default=1)
    s.set_defaults(func=cmd_extract)

    s = with_db(sub.add_parser("events", help="list stored events"))
    s.add_argument("--actor", "--participant", dest="actor",
                   help="a participant: entity id or any of its names (surname alone, inflected), in any script")
    s.add_argument("--country", help="a country (id or name): its own events and its office-holders'")
    s.add_argument("--organization", help="an organisation: its events, its office-holders', its framework")
    s.add_argument("--type", choices=["MEET", "CALL", "CONVENE", "SIGN", "APPOINT", "CHAIR"], type=str.upper)
    s.add_argument("--lang", type=_language)
    s.add_argument("--modality", choices=["asserted", "planned", "negated"])
    s.add_argument("--since", type=_date, help="YYYY[-MM[-DD]] or words ('last month'); events whose date "
                                               "(a day, month or year) ends on or after it")
    s.add_argument("--until", type=_date, help="YYYY[-MM[-DD]] or words; events whose date starts on or before "
                                               "its end (inclusive)")
    s.add_argument("--limit", type=_count, default=100)
    s.add_argument("--format", choices=["table", "jsonl"], default="table")
    s.set_defaults(func=cmd_events)

    s = with_db(sub.add_parser("entity", help="an entity's names, roles and document count"))
    s.add_argument("name")
    s.add_argument("--format", choices=["text", "json"], default="text")
    s.set_defaults(func=cmd_entity)

    s = with_db(sub.add_parser("documents", help="list stored documents, newest first"))
    s.add_argument("--lang", type=_language)
    s.add_argument("--entity", help="only documents mentioning this entity (id or any name)")
    s.add_argument("--limit", type=_count, default=50)
    s.add_argument("--offset", type=_count, default=0)
    s.add_argument("--format", choices=["table", "jsonl"], default="table")
    s.set_defaults(func=cmd_documents)

    s = with_db(sub.add_parser("show", help="a document with its mentions and events marked"))
    s.add_argument("doc")
    s.add_argument("--trace", action="store_true",
                   help="also say, per event, which trigger, rule and cues produced it (the article is read again)")
    s.set_defaults(func=cmd_show)

    s = with_db(sub.add_parser("export", help="export stored results"))
    s.add_argument("--format", choices=["jsonl", "csv", "parquet", "plover", "gdelt"], default="jsonl",
                   help="jsonl: the output contract; csv and parquet: one row per event with labels, document "
                        "and place; plover: PLOVER JSON Lines; gdelt: GDELT-style tab-separated table, one row "
                        "per event cluster (README: Export formats)")
    s.add_argument("--output", "-o", help="file to write (default: stdout)")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("eval", help="score the pipeline against gold annotations")
    s.add_argument("gold", nargs="+", help="gold JSONL file(s)")
    s.add_argument("--texts", action="append", required=True,
                   help="folder the gold 'file' paths are relative to, or an articles JSONL (repeatable)")
    s.add_argument("--json", action="store_true",
                   help="figures as JSON, with each article's event counts (what eval-diff compares)")
    s.add_argument("--details", action="store_true", help="also list gold and system events per article")
    s.add_argument("--by-type", action="store_true", help="also lenient P/R/F1 per event type")
    s.add_argument("--bootstrap", type=_resamples, metavar="N",
                   help="also a 95%% interval of lenient F1 per language and all, from N resamples of the "
                        "articles (1000 is usual; an article's events are resampled together)")
    s.add_argument("--seed", type=int, default=0, help="random seed of --bootstrap (default 0)")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("eval-diff", help="lenient F1 of two `eval --json` outputs of the same gold, compared",
                       description="Pairs the articles of two `eval --json` outputs by id and gives, per "
                                   "language and all, F1 of A and of B, B - A with its 95% paired-bootstrap "
                                   "interval, and the share of resamples in which B is not better than A. "
                                   "Exits 2 when the two do not cover the same articles.")
    s.add_argument("a", metavar="A.json", help="the baseline's `eval --json` output")
    s.add_argument("b", metavar="B.json", help="the candidate's `eval --json` output")
    s.add_argument("--bootstrap", type=_resamples, default=1000, metavar="N",
                   help="article resamples (default 1000)")
    s.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    s.set_defaults(func=cmd_eval_diff)

    s = sub.add_parser("train-names", help="train a language's name tagger on annotated sentences")
    s.add_argument("--lang", required=True, choices=["kk", "az"])
    s.add_argument("--data", help="CoNLL/IOB2 file, or a corpus folder to make silver spans from "
                                  "(default: kk KazNERD's split, az ../shared/corpus)")
    s.add_argument("-o", "--output", help="model file to write (default: the model the package ships)")
    s.add_argument("--tune", action="store_true", help="choose c1/c2 by cross-validation on the training part")
    s.add_argument("-j", "--jobs", type=int, default=1, help="folds trained at once while tuning")
    s.add_argument("--without-held-out", action="store_true",
                   help="learn from the training part only (the model eval-names measures); by default the "
                        "held-out part is learned from too, once c1/c2 are chosen")
    s.set_defaults(func=cmd_train_names)

    s = sub.add_parser("eval-names", help="per-class P/R/F1 of a name tagger on the held-out sentences")
    s.add_argument("--lang", required=True, choices=["kk", "az"])
    s.add_argument("--data", help="CoNLL/IOB2 file (default: as train-names)")
    s.add_argument("--model", help="model file (default: one trained now on the training part alone, about a "
                                   "minute: the shipped model has learned from the held-out part too)")
    s.add_argument("--min-confidence", type=float, default=0.0,
                   help="count only names tagged at least this surely (the pipeline keeps 0.6 and up)")
    s.add_argument("--pipeline", action="store_true",
                   help="score the whole mention stage (knowledge base, cues and a tagger trained on the training part), "
                        "places as one class")
    s.add_argument("--fold", type=int, choices=[1, 2, 3, 4],
                   help="with --pipeline: score quarter K of the training part instead, with a tagger trained on the "
                        "other three (sentences nobody read while writing the rules)")
    s.set_defaults(func=cmd_eval_names)

    s = with_db(sub.add_parser("demo", help="ingest the bundled sample and list its events"))
    s.add_argument("-j", "--jobs", type=int, default=1)
    s.add_argument("-q", "--quiet", action="store_true")
    s.set_defaults(func=cmd_demo)

    s = sub.add_parser("bench", help="throughput of the full pipeline on a generated corpus")
    s.add_argument("-n", type=int, default=1000, help="number of articles")
    s.add_argument("--lang", action="append", choices=["az", "kk", "ru"], help="restrict to language(s)")
    s.add_argument("-j", "--jobs", type=int, default=1)
    s.add_argument("--db", help="database URL (default: a fresh SQLite file in a temporary folder)")
    s.add_argument("--compare", action="store_true", help="also time natasha's NER alone on the Russian articles")
    s.add_argument("--scaling", action="store_true",
                   help="instead: time per KB of one article in hostile shapes from 10 KB to 2 MB")
    from .bench import SHAPES
    s.add_argument("--shape", action="append", choices=list(SHAPES),
                   help="with --scaling: only these shapes (repeatable)")
    s.add_argument("--size", action="append", type=int, help="with --scaling: article sizes in bytes (repeatable)")
    s.add_argument("--stories", action="store_true",
                   help="instead: time to cluster one event with 10k, 100k and 1M synthetic events in the index")
    s.add_argument("--stories-size", action="append", type=int, help="with --stories: index sizes (repeatable)")
    s.set_defaults(func=cmd_bench)

    # Commands of the other layers register themselves, one line each:
    # [api] serve, watch
    from .api.commands import register as register_api
    register_api(sub)
    from .batch.watch import register as register_watch
    register_watch(sub)
    from .api.load import register as register_load
    register_load(sub)
    # [batch] process
    from .batch.commands import register as register_batch
    register_batch(sub)
    # [kb] curation
    from .kb.commands import register as register_kb
    register_kb(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.kb:
        os.environ["COMMUNIQUE_KB"] = args.kb  # read by every knowledge-base load, workers included
    try:
        return args.func(args)
    except CommuniqueError as exc:
        print(f"error: {escape_controls(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted; stored batches are complete, run the command again to continue", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
