"""`annotator group join|share` and `annotator sync`: the desktop side of a group library.

Thin: each command opens the library's services and asks `annotator.groupsync`. Offline is
an error like any other (one line, exit 2), and it says the changes are kept for the next
sync.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from annotator.cli.common import EXIT_OK, Command, open_services, print_json
from annotator.errors import AnnotatorError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Command]:
    group = subparsers.add_parser("group", help="join a group library and share documents")
    commands = group.add_subparsers(dest="group_command", metavar="SUBCOMMAND", required=True)
    join = commands.add_parser("join", help="join a group with the token your teacher gave")
    join.add_argument("url", metavar="URL", help="the server (or group) URL")
    join.add_argument("--token", required=True, help="your member token")
    join.add_argument("--device", default="", metavar="NAME",
                      help="this device's name, shown to your other devices when a note "
                           "was changed on both (default: the host name); joining again "
                           "renames it")
    join.add_argument("--json", action="store_true", help="print one JSON object")
    share = commands.add_parser("share", help="share a library document with the group")
    share.add_argument("doc", metavar="DOC", help="a document id or unambiguous id prefix")
    _group_and_json(share)
    status = commands.add_parser(
        "status", help="changes waiting to be sent, and conflicts kept (no network needed)")
    _group_and_json(status)

    hide = commands.add_parser("hide", help="(teacher) hide an annotation from the students")
    hide.add_argument("annotation", metavar="ANNOTATION", help="the annotation's id")
    hide.add_argument("--show", action="store_true", help="show it again instead")
    _group_and_json(hide)
    until = commands.add_parser(
        "answers-until", help="(teacher) students see each other's answers only from DATE")
    until.add_argument("when", metavar="DATE", help="ISO 8601 time (2027-03-01T09:00Z) or none")
    _group_and_json(until)

    sync = subparsers.add_parser("sync", help="send your changes to the group, fetch others'")
    _group_and_json(sync)
    return {"group": run_group, "sync": run_sync}


def _group_and_json(parser: argparse.ArgumentParser) -> None:
    """The two options of every command that acts on a group already joined."""
    parser.add_argument("--group", metavar="NAME", help="when you joined several groups")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


@contextmanager
def _group_sync() -> Iterator[Any]:
    try:
        from annotator.groupsync.sync import GroupSync
    except ImportError as exc:
        raise AnnotatorError(f"Group sync needs {exc.name}: pip install 'annotator[server]'.") \
            from None
    with open_services() as services:
        yield GroupSync(services.store, services.reader)


def run_group(args: argparse.Namespace) -> int:
    with _group_sync() as groups:
        if args.group_command == "join":
            joined = groups.join(args.url, args.token, args.device)
            result: dict[str, Any] = {"group": joined.group, "member": joined.member,
                                      "name": joined.name, "role": joined.role,
                                      "url": joined.url}
            shown = f"joined {joined.group} as {joined.name} ({joined.role})"
        elif args.group_command == "hide":
            version = groups.hide(args.annotation, not args.show, args.group)
            result = {"id": args.annotation, "hidden": not args.show, "version": version}
            shown = f"{'shown' if args.show else 'hidden'} (group version {version})"
        elif args.group_command == "answers-until":
            when = groups.hide_answers_until(args.when, args.group)
            result = {"answers_hidden_until": when}
            shown = f"answers hidden until {when}" if when else "answers visible"
        elif args.group_command == "status":
            found = groups.status(args.group)
            link = found.link
            result = {"group": link.group, "url": link.url, "name": link.name,
                      "role": link.role, "version": link.version, "waiting": found.waiting,
                      "conflicts": list(found.conflicts)}
            shown = (f"{link.group}: version {link.version}, {found.waiting} changes waiting, "
                     f"{len(found.conflicts)} conflicts kept")
        else:
            link, content_hash, title, created = groups.share(args.doc, args.group)
            result = {"group": link.group, "document": content_hash, "title": title,
                      "shared": created}
            shown = f"shared {title} with {link.group}"
    print_json(result) if args.json else print(shown)
    return EXIT_OK


def run_sync(args: argparse.Namespace) -> int:
    with _group_sync() as groups:
        report = groups.sync(args.group)
    if args.json:
        print_json({"pushed": report.pushed, "pulled": report.pulled,
                    "conflicts": report.conflicts, "version": report.version,
                    "group": report.group, "conflicted": list(report.conflicted)})
    else:
        print(f"{report.group}: pushed {report.pushed}, pulled {report.pulled}, "
              f"conflicts {report.conflicts}, version {report.version}")
    return EXIT_OK
