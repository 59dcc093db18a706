"""The ``recruitx`` command: ``parse`` reports to JSON, list ``plugins``, print ``--version``."""

from __future__ import annotations

import argparse
import contextlib
import json
import pathlib
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from . import __version__
from .document import coerce_date
from .errors import RecruitxError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="recruitx", description="Structured claims from recruitment news reports.")
    parser.add_argument("--version", action="version", version=f"recruitx {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    parse = sub.add_parser("parse", help="parse report files (or - for standard input) and print their claims as JSON")
    parse.add_argument("files", nargs="+", metavar="FILE", help="a UTF-8 text file, a directory of *.txt files, or -")
    parse.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD), overriding the header")
    parse.add_argument(
        "--format", choices=("json", "jsonl"), default=None, help="pretty JSON or one line per report (default: json for "
        "one text file, jsonl otherwise)"
    )
    parse.add_argument("--input-format", choices=("text", "jsonl"), default="text",
                       help='text files, or JSON Lines of {"id", "text", "published", "outlet"}')
    parse.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="parse in N worker processes")
    parse.add_argument("--yardstick", choices=("phia", "icd203"), default="phia", help="probability yardstick")

    sub.add_parser("plugins", help="list the loaded plugins with their versions and hooks")
    return parser


def _read(name: str, stdin: TextIO) -> str:
    if name == "-":
        return stdin.read()
    with open(name, "rb") as handle:
        return handle.read().decode("utf-8")


def _expand(names: Sequence[str]) -> Iterator[str]:
    for name in names:
        path = pathlib.Path(name)
        if name != "-" and path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*.txt")))
        else:
            yield name


def _items(args: argparse.Namespace, stdin: TextIO, err: TextIO, failures: list[int]) -> Iterator[Any]:
    """The input items, lazily: one per text file, or one per JSON Lines record."""
    for name in _expand(args.files):
        if args.input_format == "text":
            try:
                yield {"id": name, "text": _read(name, stdin), "published": args.published}
            except (OSError, UnicodeDecodeError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                print(f"recruitx: cannot read {name}: {reason}", file=err)
                failures[0] += 1
            continue
        try:
            handle = stdin if name == "-" else open(name, encoding="utf-8")
        except OSError as exc:
            print(f"recruitx: cannot read {name}: {exc.strerror or exc}", file=err)
            failures[0] += 1
            continue
        with handle if name != "-" else contextlib.nullcontext(handle):
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    yield {"id": f"{name}:{number}", "error": f"not JSON: {exc}"}
                    continue
                if not isinstance(record, dict):
                    yield {"id": f"{name}:{number}", "error": "a record must be a JSON object"}
                    continue
                record.setdefault("id", f"{name}:{number}")
                if args.published and not record.get("published"):
                    record["published"] = args.published
                yield record


def _parse(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    from .batch import iter_results

    try:
        coerce_date(args.published, "--published")
        if args.jobs < 1:
            raise RecruitxError("--jobs must be 1 or more")
    except RecruitxError as exc:
        print(f"recruitx: {exc}", file=err)
        return 2
    single = args.input_format == "text" and len(args.files) == 1 and not pathlib.Path(args.files[0]).is_dir()
    fmt = args.format or ("json" if single else "jsonl")
    failures = [0]
    counts = {"reports": 0, "claims": 0, "errors": 0}
    started = time.perf_counter()
    broken: dict[Any, str] = {}

    def items() -> Iterator[Any]:
        for item in _items(args, stdin, err, failures):
            if "error" in item and "text" not in item:
                broken[item["id"]] = item["error"]
                yield {"id": item["id"], "text": None}
            else:
                yield item

    results = iter_results(items(), workers=args.jobs if args.jobs > 1 else None, yardstick=args.yardstick)
    progress = _progress(err)
    for item_id, report, error in results:
        if report is None:
            counts["errors"] += 1
            message = broken.pop(item_id, None) or error
            record: dict[str, Any] = {"id": item_id, "error": message}
            if args.input_format == "text":
                print(f"recruitx: {item_id}: {message}", file=err)
                failures[0] += 1
                progress.update()
                continue
        else:
            counts["reports"] += 1
            counts["claims"] += len(report.claims)
            key = "file" if args.input_format == "text" else "id"
            record = {key: item_id, **report.to_dict()}
        out.write(json.dumps(record, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
        progress.update()
    progress.close()
    seconds = time.perf_counter() - started
    if not single:
        print(
            f"recruitx: {counts['reports']} reports, {counts['claims']} claims, "
            f"{counts['errors'] + failures[0]} errors, {seconds:.2f} seconds",
            file=err,
        )
    return 1 if failures[0] else 0


def _progress(err: TextIO) -> Any:
    """A tqdm progress bar on stderr when it is a terminal, else a do-nothing stand-in."""
    if hasattr(err, "isatty") and err.isatty():
        from tqdm import tqdm

        return tqdm(file=err, unit=" reports", dynamic_ncols=True)

    class _Quiet:
        def update(self, n: int = 1) -> None:
            pass

        def close(self) -> None:
            pass

    return _Quiet()


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
