"""Many reports at once: ``parse_reports`` (in order, optionally in worker processes) and ``to_rows``.

Input items are texts or mappings ``{"id", "text", "published", "outlet"}``.
Work is submitted in a bounded window, so a stream of any length is parsed
in constant memory.
"""

from __future__ import annotations

import collections
import concurrent.futures
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .errors import InvalidArgument, RecruitxError
from .pipeline import parse_report
from .records import Report

Item = str | Mapping[str, Any]


class ItemError(RecruitxError):
    """One input item could not be parsed (wrong type, bad field); ``item_id`` names it."""

    def __init__(self, item_id: Any, message: str) -> None:
        super().__init__(f"item {item_id!r}: {message}" if item_id is not None else message)
        self.item_id = item_id
        self.reason = message


def _item_fields(item: Any, position: int) -> tuple[Any, str, Any, Any]:
    if isinstance(item, str):
        return position, item, None, None
    if isinstance(item, Mapping):
        text = item.get("text")
        item_id = item.get("id", position)
        if not isinstance(text, str):
            raise ItemError(item_id, f"'text' must be a str, not {type(text).__name__}")
        return item_id, text, item.get("published"), item.get("outlet")
    raise ItemError(position, f"an item must be a str or a mapping with 'text', not {type(item).__name__}")


def _parse_one(position: int, item: Any, options: dict[str, Any]) -> tuple[Any, Report | None, str | None]:
    """Parse one item; returns (id, report, None) or (id, None, error message) — never raises."""
    try:
        item_id, text, published, outlet = _item_fields(item, position)
    except ItemError as exc:
        return exc.item_id, None, exc.reason
    try:
        return item_id, parse_report(text, published=published, outlet=outlet, **options), None
    except (RecruitxError, TypeError) as exc:
        return item_id, None, f"{type(exc).__name__}: {exc}"


def _parse_chunk(start: int, chunk: list[Any], options: dict[str, Any]) -> list[tuple[Any, Report | None, str | None]]:
    return [_parse_one(start + i, item, options) for i, item in enumerate(chunk)]


def _chunks(items: Iterable[Any], size: int) -> Iterator[tuple[int, list[Any]]]:
    chunk: list[Any] = []
    start = 0
    for i, item in enumerate(items):
        if not chunk:
            start = i
        chunk.append(item)
        if len(chunk) == size:
            yield start, chunk
            chunk = []
    if chunk:
        yield start, chunk


def iter_results(
    items: Iterable[Item], *, workers: int | None = None, chunksize: int = 32, **options: Any
) -> Iterator[tuple[Any, Report | None, str | None]]:
    """``(id, report, None)`` or ``(id, None, error)`` for every item, in input order; never raises for an item.

    ``workers`` > 1 parses in that many processes (``0`` or ``None``: in this
    process); at most ``2 * workers`` chunks are in flight at a time.
    """
    if chunksize < 1:
        raise InvalidArgument(f"chunksize must be at least 1, got {chunksize}")
    if workers is not None and workers < 0:
        raise InvalidArgument(f"workers must be 0 or more, got {workers}")
    if options.get("plugins") and (workers or 0) > 1:
        raise InvalidArgument("per-call plugins cannot be sent to worker processes: install them as entry points")
    if not workers or workers == 1:
        for start, chunk in _chunks(items, chunksize):
            yield from _parse_chunk(start, chunk, options)
        return
    window: collections.deque = collections.deque()
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for start, chunk in _chunks(items, chunksize):
            window.append(pool.submit(_parse_chunk, start, chunk, options))
            if len(window) >= 2 * workers:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def parse_reports(
    items: Iterable[Item], *, workers: int | None = None, chunksize: int = 32, **options: Any
) -> Iterator[Report]:
    """Parse many reports, yielding them in input order.

    Items are texts or mappings ``{"id", "text", "published", "outlet"}``;
    ``options`` are passed to :func:`recruitx.parse_report` (``language``,
    ``yardstick``, ``max_chars``, and ``plugins`` when ``workers`` is 1).
    ``workers`` > 1 uses that many processes. An item that cannot be parsed
    raises :class:`ItemError` naming it, when it is reached.
    """
    for item_id, report, error in iter_results(items, workers=workers, chunksize=chunksize, **options):
        if report is None:
            raise ItemError(item_id, error or "could not be parsed")
        yield report


def default_workers() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


ROW_FIELDS = (
    "report_id",
    "published",
    "outlet",
    "language",
    "claim_index",
    "claim_text",
    "claim_start",
    "claim_end",
    "topic",
    "origin",
    "origin_kind",
    "chain",
    "quantity_text",
    "quantity_start",
    "quantity_end",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "period_text",
    "period_start",
    "period_end",
    "periods",
    "likelihood_term",
    "likelihood_low",
    "likelihood_high",
    "places",
    "error",
)


def error_row(item_id: Any, message: str) -> dict[str, Any]:
    """The row that stands for an item that could not be parsed."""
    row = dict.fromkeys(ROW_FIELDS)
    row.update(report_id=item_id, error=message)
    return row


def to_rows(reports: Iterable[Report | tuple[Any, Report]]) -> list[dict[str, Any]]:
    """Flat rows, one per quantity, with its claim's sources, periods, likelihood and places (for pandas, Parquet).

    Items are reports or ``(id, report)`` pairs; without an id, the position
    is used. Every row has the keys of ``ROW_FIELDS``; dates are ISO strings,
    several periods or places are joined with ``"; "``, and the chain of
    sources with ``" > "`` (outermost first).
    """
    rows = []
    for position, entry in enumerate(reports):
        report_id, report = entry if isinstance(entry, tuple) else (position, entry)
        for index, claim in enumerate(report.claims):
            first = claim.periods[0] if claim.periods else None
            lk = claim.likelihood
            base = {
                "report_id": report_id,
                "published": report.published.isoformat() if report.published else None,
                "outlet": report.outlet,
                "language": report.language,
                "claim_index": index,
                "claim_text": claim.text,
                "claim_start": claim.span[0],
                "claim_end": claim.span[1],
                "topic": claim.topic,
                "origin": claim.origin.name if claim.origin else None,
                "origin_kind": claim.origin.kind if claim.origin else None,
                "chain": " > ".join(s.name for s in claim.sources) or None,
                "period_text": first.text if first else None,
                "period_start": first.start.isoformat() if first and first.start else None,
                "period_end": first.end.isoformat() if first and first.end else None,
                "periods": "; ".join(
                    f"{p.start.isoformat() if p.start else ''}..{p.end.isoformat() if p.end else ''}" for p in claim.periods
                )
                or None,
                "likelihood_term": lk.term if lk else None,
                "likelihood_low": lk.low if lk else None,
                "likelihood_high": lk.high if lk else None,
                "places": "; ".join(p.name for p in claim.places) or None,
            }
            for q in claim.quantities:
                row = dict.fromkeys(ROW_FIELDS)
                row.update(base)
                row.update(
                    quantity_text=q.text,
                    quantity_start=q.span[0],
                    quantity_end=q.span[1],
                    value=q.value,
                    low=q.low,
                    high=q.high,
                    qualifier=q.qualifier,
                    unit=q.unit,
                )
                rows.append(row)
    return rows
