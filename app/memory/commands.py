"""``python -m app memory``: see what Parley remembers, forget it, add to it,
or switch memory off (``list [--json]``, ``forget ID [--sentences]``, ``add TEXT``,
``edit ID TEXT``, ``off``, ``on``, ``practice [--json]``)."""

from __future__ import annotations

import argparse
import json

from app.config import data_home
from app.errors import ParleyError
from app.memory.keeper import add_by_hand
from app.memory.weave import practice_lines


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "memory", help="what Parley remembers about you: list, forget, add, edit, off, on")
    sub = parser.add_subparsers(dest="memory_command", required=True)
    listing = sub.add_parser("list", help="every remembered fact, with where it came from")
    listing.add_argument("--json", action="store_true", help="print one JSON array")
    forget = sub.add_parser("forget", help="forget a fact for good (it will not come back)")
    forget.add_argument("id", type=int)
    forget.add_argument("--sentences", action="store_true",
                        help="also delete the sentences it came from: their transcript, "
                        "search index entries and recordings")
    add = sub.add_parser("add", help="tell Parley something to remember")
    add.add_argument("text", help='e.g. "I have a cat called Miso"')
    edit = sub.add_parser("edit", help="put a fact in your own words")
    edit.add_argument("id", type=int)
    edit.add_argument("text")
    sub.add_parser("off", help="stop remembering (and using) facts; nothing is deleted")
    sub.add_parser("on", help="remember again")
    practice = sub.add_parser("practice", help="questions that practised your recurring "
                              "mistakes, and how often your answer then got the form right")
    practice.add_argument("--json", action="store_true", help="print one JSON array")
    return parser


def run(args: argparse.Namespace) -> int:
    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile

    with open_store(data_home()) as store:
        command = args.memory_command
        if command == "list":
            return _list(store, args.json)
        if command == "practice":
            return _practice(store, args.json)
        if command in ("off", "on"):
            store.set_setting("memory", command == "on")
            print("Memory is on: Parley remembers what you tell it and asks about it."
                  if command == "on" else
                  "Memory is off: nothing new is remembered and nothing is used in talk. "
                  "Saved facts stay until you forget them (`memory list`).")
            return 0
        if command == "add":
            fact = add_by_hand(store, args.text)
            print(f"Remembered ({fact.id}): {fact.text}")
            return 0
        try:
            if command == "forget":
                fact = store.forget_fact(args.id, sentences=args.sentences)
                print(f"Forgotten: {fact.text}" + (" (and the sentences it came from)"
                                                   if args.sentences else ""))
            else:
                fact = store.edit_fact(args.id, args.text.strip())
                print(f"Now remembered ({fact.id}): {fact.text}")
        except KeyError:
            raise ParleyError(f"no remembered fact has id {args.id}",
                              "see the ids with `memory list`") from None
        return 0


def _list(store, as_json: bool) -> int:
    facts = store.facts()
    if as_json:
        print(json.dumps([f.to_json() for f in facts], ensure_ascii=False))
        return 0
    if not store.memory_on():
        print("Memory is off (`memory on` to switch it back on).")
    if not facts:
        print("Parley remembers nothing about you yet.")
    for fact in facts:
        where = (f'session {fact.session_id}, turn {fact.turn_id}: "{fact.words}"'
                 if fact.turn_id is not None else "added by you")
        print(f"{fact.id:>4}  {fact.kind:<8} {fact.text}  ({where})")
    return 0


def _practice(store, as_json: bool) -> int:
    if as_json:
        print(json.dumps([c.to_json() for c in store.practice_counts()], indent=2))
        return 0
    lines = practice_lines(store)
    print("\n".join(lines) if lines else
          "No practice questions yet: they come once a kind of mistake has recurred.")
    return 0
