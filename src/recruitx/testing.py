"""Helpers for testing plugins: parse a text with a plugin registered, and pull items out of a report.

>>> from recruitx.testing import parse_with, items
>>> report = parse_with("Russia will likely recruit more.", published="2025-01-01")
>>> items(report, "likelihood")[0].term
'likely'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .pipeline import parse_report, parse_with_runner
from .plugins import runner_for
from .records import Report

_FIELDS = ("sources", "quantities", "periods", "places", "likelihood")


def parse_with(text: str, *plugins: Any, isolated: bool = False, **kwargs: Any) -> Report:
    """``parse_report(text, plugins=plugins, **kwargs)``: the plugins are registered for this call only.

    With ``isolated=True`` the installed (entry-point) plugins are left out,
    so a plugin's test sees the built-in stages and that plugin alone.
    """
    if not isolated:
        return parse_report(text, plugins=plugins, **kwargs)
    return parse_with_runner(text, runner_for(plugins, load_entry_points=False), **kwargs)


def items(report: Report, field: str) -> list[Any]:
    """Every item of one claim field (``quantities``, ``periods``, ``places``, ``sources``, ``likelihood``) in order."""
    if field not in _FIELDS:
        raise ValueError(f"field must be one of {', '.join(_FIELDS)}, got {field!r}")
    out: list[Any] = []
    for claim in report.claims:
        value = getattr(claim, field)
        if value is None:
            continue
        out.extend(value if isinstance(value, tuple) else (value,))
    return out


def assert_spans_slice_back(text: str, report: Report) -> None:
    """Fail if any claim or item of ``report`` has a span that does not slice ``text`` back to its text."""
    for claim in report.claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text, claim
        for field in _FIELDS:
            value = getattr(claim, field)
            for item in value if isinstance(value, tuple) else ((value,) if value is not None else ()):
                written = item.mention if field == "sources" else item.text
                assert text[item.span[0] : item.span[1]] == written, item


def assert_hints_are_safe(
    plugin: Any, texts: Iterable[str], patterns: Mapping[str, Callable[[str], Any]], **kwargs: Any
) -> None:
    """Fail unless a plugin's line hints only skip lines its patterns would not match.

    ``plugin.data()["hints"]`` names, per pattern list, words every line the
    list matches must hold (see :meth:`recruitx.document.Document.lines_containing`);
    ``patterns`` gives, per list, the test a line must pass (``pattern.fullmatch``,
    say). Fails when no line of ``texts`` is matched by a list (the check would
    prove nothing), when a matched line holds none of its hints, or when a
    text parses differently with every line tried. ``kwargs`` go to the parse.
    """
    from .document import Document

    texts = list(texts)
    data = plugin.data()
    hints = data["hints"]
    lines = [doc.text[s:e] for doc in map(Document, texts) for s, e in doc.lines]
    for key, test in patterns.items():
        matched = [line for line in lines if test(line)]
        assert matched, f"no line of the texts is {key!r} furniture: the check would prove nothing"
        for line in matched:
            assert any(h.casefold() in line.casefold() for h in hints[key]), f"{key!r} matches a line without a hint: {line!r}"
    hinted = [parse_with(text, plugin, isolated=True, **kwargs).to_json() for text in texts]
    data["hints"] = {key: [""] for key in hints}  # the empty word is in every line: every line is tried
    try:
        everything = [parse_with(text, plugin, isolated=True, **kwargs).to_json() for text in texts]
    finally:
        data["hints"] = hints
    assert everything == hinted, "a text parses differently when every line is tried"
