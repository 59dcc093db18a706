"""The ``recruitx`` command: ``parse`` reports to JSON, ``cluster`` their figures across reports, list ``plugins``."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
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

    group = sub.add_parser("cluster", help="group the figures of many reports into one row per underlying claim")
    group.add_argument("files", nargs="+", metavar="FILE", help="a UTF-8 text file, a directory of *.txt files, or -")
    group.add_argument("--format", choices=("table", "json", "csv"), default="table",
                       help="a table for the terminal (default), JSON, or CSV with one row per relay")
    group.add_argument("--input-format", choices=("text", "jsonl"), default="text",
                       help='text files, or JSON Lines of {"id", "text", "published", "outlet"}')
    group.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for texts without a header")
    group.add_argument("--min-reports", type=int, default=1, metavar="N",
                       help="show only clusters relayed by at least N reports (default 1)")
    group.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="parse in N worker processes")

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


def _bad_usage(args: argparse.Namespace, err: TextIO) -> bool:
    """Check ``--published`` and ``--jobs``; print the problem and return True when one is wrong."""
    try:
        coerce_date(args.published, "--published")
        if args.jobs < 1:
            raise RecruitxError("--jobs must be 1 or more")
    except RecruitxError as exc:
        print(f"recruitx: {exc}", file=err)
        return True
    return False


def _parse(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    from .batch import iter_results

    if _bad_usage(args, err):
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


def _cluster(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    from .batch import iter_results
    from .cluster import check_report, cluster

    if _bad_usage(args, err):
        return 2
    failures = [0]
    items = (
        {"id": item["id"], "text": None} if "error" in item and "text" not in item else item
        for item in _items(args, stdin, err, failures)
    )
    reports = []
    for item_id, report, error in iter_results(items, workers=args.jobs if args.jobs > 1 else None):
        if report is None:
            print(f"recruitx: {item_id}: {error}", file=err)
            failures[0] += 1
        else:
            reports.append((item_id, report))
    clusters = [c for c in cluster(reports) if len(c.reports) >= args.min_reports]
    checks = [(rid, d) for rid, report in sorted(reports, key=lambda p: str(p[0])) for d in check_report(report)]
    if args.format == "json":
        data = {
            "clusters": [c.to_dict() for c in clusters],
            "checks": [{"report_id": rid, "level": d.level, "message": d.message, "span": list(d.span or ())}
                       for rid, d in checks],
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        _cluster_csv(clusters, out)
    else:
        _cluster_table(clusters, checks, out)
    return 1 if failures[0] else 0


CLUSTER_CSV_FIELDS = (
    "cluster_id", "origin", "origin_kind", "figure", "value", "low", "high", "qualifier", "unit", "first_seen",
    "last_seen", "report_id", "outlet", "published", "claim_text", "claim_start", "claim_end", "quantity_text",
    "quantity_start", "quantity_end", "drift",
)  # fmt: skip


def _cluster_csv(clusters: Sequence[Any], out: TextIO) -> None:
    import csv

    writer = csv.DictWriter(out, fieldnames=CLUSTER_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for c in clusters:
        for relay in c.relays:
            writer.writerow({
                "cluster_id": c.id, "origin": c.origin, "origin_kind": c.origin_kind, "figure": c.figure,
                "value": c.value, "low": c.low, "high": c.high, "qualifier": c.qualifier, "unit": c.unit,
                "first_seen": c.first_seen, "last_seen": c.last_seen, "report_id": relay.report_id,
                "outlet": relay.outlet, "published": relay.published, "claim_text": relay.claim_text,
                "claim_start": relay.claim_span[0], "claim_end": relay.claim_span[1],
                "quantity_text": relay.quantity_text, "quantity_start": relay.quantity_span[0],
                "quantity_end": relay.quantity_span[1],
                "drift": "; ".join(d.describe() for d in c.drift if d.report_id == relay.report_id),
            })  # fmt: skip


def _short(report_id: Any) -> str:
    return pathlib.PurePath(report_id).stem if isinstance(report_id, str) else str(report_id)


def _cluster_table(clusters: Sequence[Any], checks: Sequence[tuple[Any, Any]], out: TextIO) -> None:
    rows: list[tuple[tuple[str, ...], list[str]]] = [(("origin", "figure", "relays", "first seen"), ["drift"])]
    for c in clusters:
        drift: dict[str, list[str]] = {}
        for d in c.drift:
            drift.setdefault(d.describe(), []).append(_short(d.report_id))
        lines = [f"{text} ({', '.join(ids)})" for text, ids in drift.items()] or ["-"]
        cells = (c.origin or "(outlet's own voice)", c.figure, str(len(c.relays)), str(c.first_seen or "-"))
        rows.append((cells, lines))
    widths = [max(len(cells[i]) for cells, _ in rows) for i in range(4)]
    indent = " " * (sum(widths) + 2 * len(widths))
    for cells, lines in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(cells, widths)) + "  " + lines[0] + "\n")
        out.writelines(f"{indent}{line}\n" for line in lines[1:])
    notes = [(_short(c.relays[0].report_id), d) for c in clusters for d in c.diagnostics]
    notes += [(_short(rid), d) for rid, d in checks]
    if notes:
        out.write("\n")
        for rid, d in notes:
            span = f" [{d.span[0]}:{d.span[1]}]" if d.span else ""
            out.write(f"{d.level}: {rid}{span}: {d.message}\n")


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
    try:
        if args.command == "parse":
            return _parse(args, out, err, sys.stdin)
        if args.command == "cluster":
            return _cluster(args, out, err, sys.stdin)
        return _plugins(out)
    except BrokenPipeError:
        # The reader went away (``recruitx parse … | head``): stop quietly, as Unix tools do.
        if out is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
