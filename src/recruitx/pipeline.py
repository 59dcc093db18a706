"""``parse_report``: run the stages, each through its hooks, and build the :class:`Report`."""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable
from typing import Any

from .document import LANGUAGES, YARDSTICKS, Document, coerce_date
from .errors import InputTooLarge, InvalidArgument
from .plugins import Runner, runner_for
from .records import Claim, Diagnostic, Report

#: Default ``max_chars``: about 2 MB of text, two hundred times a long news report.
DEFAULT_MAX_CHARS = 2_000_000

_ITEM_HOOKS = (
    ("quantities", "recruitx_find_quantities"),
    ("periods", "recruitx_find_periods"),
    ("likelihoods", "recruitx_find_likelihoods"),
    ("places", "recruitx_find_places"),
)


def parse_report(
    text: str,
    *,
    published: _dt.date | str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    plugins: Iterable[Any] = (),
    yardstick: str = "phia",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Report:
    """Read one news report and return its claims, each item tied to the characters it came from.

    ``published`` overrides the ` date YYYY-MM-DD` header; with neither,
    relative dates stay unresolved and a diagnostic says so. ``language``
    (``en``, ``uk``, ``ru``) overrides detection of the main language;
    sentences still get their own. ``plugins`` are registered for this call
    only. ``yardstick`` is ``"phia"`` (default) or ``"icd203"``. Texts longer
    than ``max_chars`` raise :class:`recruitx.InputTooLarge` before any work.
    """
    published_date = _check_arguments(text, published, outlet, language, yardstick, max_chars)
    return _run(runner_for(plugins), text, published_date, outlet, language, yardstick)


def parse_with_runner(
    text: str,
    runner: Runner,
    *,
    published: _dt.date | str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    yardstick: str = "phia",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Report:
    """:func:`parse_report` on a given plugin runner (used by ``recruitx.testing`` for isolated parses)."""
    published_date = _check_arguments(text, published, outlet, language, yardstick, max_chars)
    return _run(runner, text, published_date, outlet, language, yardstick)


def _check_arguments(
    text: Any, published: Any, outlet: Any, language: Any, yardstick: Any, max_chars: int
) -> _dt.date | None:
    if not isinstance(text, str):
        hint = "; decode it first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray, memoryview)) else ""
        raise TypeError(f"parse_report() expects text as str, not {type(text).__name__}{hint}")
    if len(text) > max_chars:
        raise InputTooLarge(len(text), max_chars)
    if language is not None and language not in LANGUAGES:
        raise InvalidArgument(f"language must be one of {', '.join(LANGUAGES)}, got {language!r}")
    if yardstick not in YARDSTICKS:
        raise InvalidArgument(f"yardstick must be one of {', '.join(YARDSTICKS)}, got {yardstick!r}")
    if outlet is not None and not isinstance(outlet, str):
        raise TypeError(f"outlet must be a str, not {type(outlet).__name__}")
    return coerce_date(published, "published")


def _run(
    runner: Runner, text: str, published: _dt.date | None, outlet: str | None, language: str | None, yardstick: str
) -> Report:
    tables = runner.tables
    doc = Document(text, published=published, language=language, outlet=outlet, yardstick=yardstick, tables=tables)
    diagnostics = doc.diagnostics
    diagnostics.extend(Diagnostic("error", message) for message in runner.load_errors)
    diagnostics.extend(tables.diagnostics)
    if doc.published is None:
        doc.diagnose("info", "no publication date (header or published=): relative dates stay unresolved")

    if doc.outlet is None:
        detected = runner.call_first("recruitx_detect_outlet", diagnostics, document=doc)
        doc.outlet = detected if isinstance(detected, str) else None
    for plugin, spans in runner.call_all("recruitx_mark_boilerplate", diagnostics, document=doc):
        try:
            doc.mark_skipped(spans)
        except (TypeError, ValueError) as exc:
            doc.diagnose("error", f"plugin {plugin!r} returned boilerplate spans that are not (start, end) pairs: {exc}")
    try:
        doc.segment()
    except Exception as exc:  # the document stage failing must still give a report
        doc.sentences = []
        doc.diagnose("error", f"sentence splitting failed: {type(exc).__name__}: {exc}")

    items = {key: _merged(doc, runner.call_all(hook, diagnostics, document=doc)) for key, hook in _ITEM_HOOKS}
    claims = runner.call_first("recruitx_assemble_claims", diagnostics, document=doc, **items) or []
    attributed = runner.call_first("recruitx_attribute_claims", diagnostics, document=doc, claims=list(claims))
    if attributed is not None:
        claims = attributed
    claims = [c for c in claims if c.quantities or c.periods or c.likelihood or c.sources]
    claims = runner.call_chain("recruitx_refine_claims", "claims", diagnostics, document=doc, claims=claims)
    claims = _checked_claims(doc, claims)

    report = Report(
        published=doc.published,
        outlet=doc.outlet,
        language=doc.language,
        title=doc.title,
        claims=tuple(claims),
        diagnostics=(),
    )
    report = runner.call_chain("recruitx_process_report", "report", diagnostics, document=doc, report=report)
    if not isinstance(report, Report):
        doc.diagnose("error", "recruitx_process_report returned something other than a Report; it was ignored")
        report = Report(doc.published, doc.outlet, doc.language, doc.title, tuple(claims), ())
    return report.__class__(
        published=report.published,
        outlet=report.outlet,
        language=report.language,
        title=report.title,
        claims=report.claims,
        diagnostics=(*report.diagnostics, *diagnostics),
    )


def _merged(doc: Document, results: list[tuple[str, Any]]) -> list[Any]:
    """Join the items of every implementation: spans must slice back, lie in a sentence, and not overlap.

    Implementations come in call order, so on overlap the item of the plugin
    called first wins over a later one (built-in stages run last).
    """
    starts: list[int] = []
    ends: list[int] = []
    out = []
    text, sentence_at = doc.text, doc.sentence_at
    is_skipped = doc.is_skipped if doc.skipped or doc.header_span else None
    for plugin, items in results:
        try:
            items = list(items)
        except TypeError:
            doc.diagnose("error", f"plugin {plugin!r} returned {type(items).__name__}, not a list of items")
            continue
        for item in items:
            start, end = item.span
            if text[start:end] != getattr(item, "text", None):
                doc.diagnose("error", f"plugin {plugin!r} returned an item whose span does not slice back", (start, end))
                continue
            if sentence_at(start) is None or is_skipped is not None and is_skipped(start, end):
                continue
            i = bisect.bisect_left(starts, end)
            if i > 0 and ends[i - 1] > start:
                continue
            starts.insert(i, start)
            ends.insert(i, end)
            out.append(item)
    out.sort(key=lambda i: i.span)
    return out


def _checked_claims(doc: Document, claims: Iterable[Any]) -> list[Claim]:
    """Keep only well-formed claims whose spans slice back, in document order."""
    out = []
    for claim in claims:
        if not isinstance(claim, Claim):
            doc.diagnose("error", f"a plugin produced {type(claim).__name__} where a Claim was expected; dropped")
            continue
        start, end = claim.span
        if doc.text[start:end] != claim.text:
            doc.diagnose("error", "a claim's span does not slice back to its text; dropped", claim.span)
            continue
        out.append(claim)
    out.sort(key=lambda c: c.span)
    return out
