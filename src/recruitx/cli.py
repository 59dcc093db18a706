"""The ``recruitx`` command: ``parse`` reports to JSON, list ``plugins``, print ``--version``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from .document import coerce_date
from .errors import RecruitxError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="recruitx", description="Structured claims from recruitment news reports.")
    parser.add_argument("--version", action="version", version=f"recruitx {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    parse = sub.add_parser("parse", help="parse report files (or - for standard input) and print their claims as JSON")
    parse.add_argument("files", nargs="+", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    parse.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD), overriding the header")
    parse.add_argument("--format", choices=("json", "jsonl"), default="json", help="pretty JSON or one line per report")
    parse.add_argument("--yardstick", choices=("phia", "icd203"), default="phia", help="probability yardstick")

    sub.add_parser("plugins", help="list the loaded plugins with their versions and hooks")
    return parser


def _read(name: str, stdin: TextIO) -> str:
    if name == "-":
        return stdin.read()
    with open(name, "rb") as handle:
        return handle.read().decode("utf-8")


def _parse(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    from .pipeline import parse_report

    try:
        published = coerce_date(args.published, "--published")
    except RecruitxError as exc:
        print(f"recruitx: {exc}", file=err)
        return 2
    status = 0
    for name in args.files:
        try:
            text = _read(name, stdin)
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"recruitx: cannot read {name}: {reason}", file=err)
            status = 1
            continue
        try:
            report = parse_report(text, published=published, yardstick=args.yardstick)
        except RecruitxError as exc:
            print(f"recruitx: {name}: {exc}", file=err)
            status = 1
            continue
        data = {"file": name, **report.to_dict()}
        if args.format == "jsonl":
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return status


def _plugins(out: TextIO) -> int:
    from .plugins import default_runner

    for info in default_runner().plugins():
        origin = "built-in" if info.builtin else (info.distribution or "?")
        out.write(f"{info.name} {info.version or '?'} ({origin}): {', '.join(info.hooks)}\n")
    return 0


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 a file failed, 2 bad usage)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    if args.command == "parse":
        return _parse(args, out, err, sys.stdin)
    return _plugins(out)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
