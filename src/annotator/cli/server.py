"""`annotator server init|run|add-member`: the group library's server, from a shell.

Thin: each command calls `annotator.server`, which is imported only here and only when a
server command runs, so the desktop app never needs the `server` extra.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from annotator.cli.common import EXIT_OK, Command, print_json
from annotator.errors import AnnotatorError

DEFAULT_PORT = 8350


def _server_module(name: str) -> Any:
    import importlib

    try:
        return importlib.import_module(f"annotator.server.{name}")
    except ImportError as exc:
        raise AnnotatorError(
            f"The group server needs its extra packages ({exc.name} is missing): "
            "pip install 'annotator[server]'."
        ) from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Command]:
    server = subparsers.add_parser("server", help="run a group library server (PostgreSQL)")
    commands = server.add_subparsers(dest="server_command", metavar="SUBCOMMAND", required=True)
    init = commands.add_parser("init", help="create or upgrade the group database's schema")
    init.add_argument("--database", required=True, metavar="URL",
                      help="postgresql://OWNER@HOST/DB, as the role that owns the schema")
    init.add_argument("--service-role", metavar="ROLE",
                      help="the role `server run` logs in as: granted what the service needs")
    init.add_argument("--json", action="store_true", help="print one JSON object")

    run = commands.add_parser("run", help="serve the group library over HTTP")
    run.add_argument("--database", required=True, metavar="URL",
                     help="postgresql://SERVICE_ROLE@HOST/DB")
    run.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    run.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port ({DEFAULT_PORT})")

    add = commands.add_parser("add-member", help="add a member to a group; print their token")
    add.add_argument("--database", required=True, metavar="URL", help="the owner's URL")
    add.add_argument("--group", required=True, metavar="NAME", help="created when new")
    add.add_argument("--name", required=True, metavar="NAME", help="the member's name")
    add.add_argument("--role", required=True, choices=("teacher", "student"))
    add.add_argument("--expires-in-days", type=int, metavar="DAYS",
                     help="the token stops working after DAYS days")
    add.add_argument("--json", action="store_true", help="print one JSON object")
    return {"server": run_server}


def run_server(args: argparse.Namespace) -> int:
    if args.server_command == "init":
        head = _server_module("setup").init(args.database, args.service_role)
        print_json({"schema": head}) if args.json else print(head)
    elif args.server_command == "run":
        if not 0 < args.port < 65536:
            raise AnnotatorError(f"--port {args.port} is not a TCP port (1-65535).")
        _server_module("run").serve(args.database, args.host, args.port)
    else:
        days = args.expires_in_days
        if days is not None and not 0 < days <= 3650:
            raise AnnotatorError("--expires-in-days is between 1 and 3650.")
        member = _server_module("setup").add_member(
            args.database, args.group, args.name, args.role,
            expires_in=timedelta(days=days) if days else None,
        )
        result = {"token": member.token, "member": str(member.id), "group": member.group,
                  "name": member.name, "role": member.role.value,
                  "expires": member.expires.isoformat() if member.expires else None}
        print_json(result) if args.json else print(member.token)
    return EXIT_OK
