"""`communique kb ...`: curation from the command line."""
from __future__ import annotations

import argparse


def register(sub) -> None:
    kb = sub.add_parser("kb", help="correct the knowledge base: merge, split, alias, rename, Wikidata; export/import")
    kb.add_argument("--db", help="database URL or SQLite path (default: $COMMUNIQUE_DB or ./communique.db)")
    ks = kb.add_subparsers(dest="kb_command", required=True)

    def add(name, help_, *args):
        p = ks.add_parser(name, help=help_)
        for a in args:
            p.add_argument(*a[0], **a[1])
        p.set_defaults(func=run)
        return p

    add("merge", "SOURCE becomes DEST everywhere (same person or organisation)",
        (["source"], {}), (["dest"], {}))
    add("split", "mentions written ALIAS leave ENTITY for a new entity",
        (["entity"], {}), (["--alias"], {"required": True}), (["--new-id"], {}), (["--label"], {}),
        (["--lang"], {"default": "und"}))
    add("alias", "add a name to an entity", (["entity"], {}), (["alias"], {}),
        (["--lang"], {"required": True, "help": "ISO 639-1 code: az, kk, ru, en, tr, ky, uz"}),
        (["--kind"], {"default": "name", "choices": ["name", "short", "acronym", "former", "adjective", "demonym"]}))
    add("unalias", "remove a name from an entity", (["entity"], {}), (["alias"], {}), (["--lang"], {}))
    add("rename", "set an entity's label", (["entity"], {}), (["label"], {}))
    add("wikidata", "set an entity's Wikidata id", (["entity"], {}), (["qid"], {}))
    add("export", "write the corrections and the entities learned from text to a folder", (["folder"], {}))
    add("import", "take corrections from a folder written by `kb export`", (["folder"], {}))


def run(args: argparse.Namespace) -> int:
    from ..storage import open_store
    from . import load
    from .curation import Curator
    store = open_store(args.db, load())
    cur = Curator(store)
    c = args.kb_command
    if c == "merge":
        cur.merge(args.source, args.dest)
        msg = f"merged {args.source} into {args.dest}"
    elif c == "split":
        new = cur.split(args.entity, args.alias, args.new_id, args.label, args.lang)
        msg = f"mentions written {args.alias!r} now name {new}"
    elif c == "alias":
        cur.add_alias(args.entity, args.alias, args.lang, args.kind)
        msg = f"{args.entity}: added {args.lang} alias {args.alias!r}"
    elif c == "unalias":
        cur.remove_alias(args.entity, args.alias, args.lang)
        msg = f"{args.entity}: removed alias {args.alias!r}"
    elif c == "rename":
        cur.rename(args.entity, args.label)
        msg = f"{args.entity} is now labelled {args.label!r}"
    elif c == "wikidata":
        cur.set_wikidata(args.entity, args.qid)
        msg = f"{args.entity}: wikidata {args.qid}"
    elif c == "export":
        msg = f"wrote {', '.join(cur.export(args.folder))} to {args.folder}"
    else:
        msg = f"imported {', '.join(cur.import_(args.folder)) or 'nothing'} into {cur.folder}"
    print(f"{msg}  (corrections kept in {cur.folder}; they apply to later ingests too)")
    return 0
