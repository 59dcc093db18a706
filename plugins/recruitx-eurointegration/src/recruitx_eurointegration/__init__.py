"""recruitx plugin for European Pravda (Європейська правда, eurointegration.com.ua).

A European Pravda report opens with a byline ("European Pravda, NAME
SURNAME" and a date), a lead, a "Source: X, as reported by European Pravda"
line naming where the whole report comes from, then "Details:" and
"Background:" ("Деталі:", "Передісторія:") sections. This plugin names the
outlet, skips the byline's name, section labels, photo notes and subscription
lines by span (the dateline stays: it is a period), and uses the Source line
as the relay chain of the report: claims before "Background:" that name no
source get [European Pravda, X]. The words and patterns live in ``data.json``.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs
import regex

import recruitx
from recruitx.document import REGEX_TIMEOUT, Document
from recruitx.plugins import plugin_data
from recruitx.records import Claim, Source

__version__ = "0.1.0"

_FLAGS = regex.IGNORECASE | regex.V1


def data() -> dict[str, Any]:
    """The plugin's word lists and patterns (``data.json``, read once)."""
    return plugin_data(__name__)


@functools.cache
def _patterns() -> dict[str, Any]:
    d = data()
    out = {key: regex.compile(d[key], _FLAGS) for key in ("self", "byline", "byline_end", "domain", "relay", "source", "background")}
    out["labels"] = regex.compile("(?:" + "|".join(d["labels"]) + ")", _FLAGS)
    out["lines"] = regex.compile("(?:" + "|".join(d["lines"]) + ")", _FLAGS)
    return out


def byline_name(document: Document) -> tuple[int, int] | None:
    """The span from "European Pravda," to the end of the author's name on the byline line, or ``None``."""
    p, text = _patterns(), document.text
    for start, end in document.lines[:6]:
        m = p["byline"].match(text, start, end, timeout=REGEX_TIMEOUT)
        if m is None:
            continue
        date = p["byline_end"].search(text, m.end(), end, timeout=REGEX_TIMEOUT)
        stop = date.start() if date is not None else end
        while stop > m.end() and text[stop - 1] in " \t":
            stop -= 1
        return (start, stop)
    return None


def source_line(document: Document) -> Any:
    """The match of the first "Source: …" ("Джерело: …") line, or ``None``."""
    p, text = _patterns(), document.text
    for start, end in document.lines:
        m = p["source"].fullmatch(text, start, end, timeout=REGEX_TIMEOUT)
        if m is not None:
            return m
    return None


@recruitx.hookimpl
def recruitx_detect_outlet(document: Document) -> str | None:
    """European Pravda: its byline, a Source line relayed by it, or its address."""
    p, text = _patterns(), document.text
    if byline_name(document) is not None or p["domain"].search(text, timeout=REGEX_TIMEOUT):
        return data()["name"]
    m = source_line(document)
    if m is not None:
        body = m.span("body")
        self = p["self"].search(text, *body, timeout=REGEX_TIMEOUT)
        if self is not None and p["relay"].search(text, *body, timeout=REGEX_TIMEOUT):
            return data()["name"]
    return None


@recruitx.hookimpl
def recruitx_mark_boilerplate(document: Document) -> list[tuple[int, int]]:
    """In European Pravda reports: the byline's name, section labels, photo notes, error and subscription lines."""
    if document.outlet != data()["name"]:
        return []
    p, text = _patterns(), document.text
    out = []
    byline = byline_name(document)
    if byline is not None:
        out.append(byline)
    for start, end in document.lines:
        if p["lines"].fullmatch(text, start, end, timeout=REGEX_TIMEOUT):
            out.append((start, end))
            continue
        m = p["labels"].match(text, start, end, timeout=REGEX_TIMEOUT)
        if m is not None:
            out.append(m.span())
    return out


@recruitx.hookimpl
def recruitx_register_source_aliases() -> list[dict[str, Any]]:
    """European Pravda's names in Ukrainian, English and Russian."""
    return data()["aliases"]


def _alias_pattern(document: Document) -> tuple[Any, dict[str, tuple[str, str]]]:
    """Every alias of the source table, longest first, with the party each names (cached per table)."""
    key = "recruitx_eurointegration.aliases"
    cached = document.tables.cache.get(key)
    if cached is None:
        name_of: dict[str, tuple[str, str]] = {}
        for name, entry in document.tables.sources.items():
            for alias in entry["aliases"]:
                name_of.setdefault(alias.casefold(), (name, entry["kind"]))
        body = "|".join(regex.escape(a) for a in sorted(name_of, key=len, reverse=True))
        pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", _FLAGS)
        cached = document.tables.cache[key] = (pattern, name_of)
    return cached


def relay_chain(document: Document) -> tuple[Source, ...]:
    """The chain the Source line names: European Pravda (when named) and the party it relays."""
    m = source_line(document)
    if m is None:
        return ()
    p, text, own = _patterns(), document.text, data()["name"]
    start, end = m.span("body")
    relay = None
    self = p["self"].search(text, start, end, timeout=REGEX_TIMEOUT)
    if self is not None:
        relay = Source(self.group("m"), self.span("m"), own, data()["kind"])
    pattern, name_of = _alias_pattern(document)
    origin = None
    for a in pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT):
        name, kind = name_of[a.group().casefold()]
        if name != own:
            origin = Source(a.group(), a.span(), name, kind)
            break
    if origin is None:  # a party the table does not know: its naming, up to the relay words
        cut = p["relay"].search(text, start, end, timeout=REGEX_TIMEOUT)
        stop = min(cut.start() if cut else end, self.start() if self else end)
        stop = min([stop, *(i for i in (text.find(",", start, stop),) if i >= 0)])
        while stop > start and text[stop - 1] in " \t,;.—–-":
            stop -= 1
        if stop > start:
            origin = Source(text[start:stop], (start, stop), text[start:stop], "other")
    return tuple(s for s in (relay, origin) if s is not None)


def _background_start(document: Document) -> int:
    """Where the outlet's own context begins ("Background:"), or the end of the text."""
    p, text = _patterns(), document.text
    for start, end in document.lines:
        if p["background"].match(text, start, end, timeout=REGEX_TIMEOUT) and (
            p["background"].fullmatch(text, start, end, timeout=REGEX_TIMEOUT) or p["labels"].match(text, start, end, timeout=REGEX_TIMEOUT)
        ):
            return start
    return len(text)


@recruitx.hookimpl
def recruitx_refine_claims(document: Document, claims: list[Claim]) -> list[Claim] | None:
    """Before "Background:", claims naming no source get the Source line's chain; attributed ones the relay first."""
    if document.outlet != data()["name"]:
        return None
    chain = relay_chain(document)
    if not chain:
        return None
    own = data()["name"]
    relay = chain[0] if chain[0].name == own else None
    limit = _background_start(document)
    out = []
    for claim in claims:
        if claim.span[0] < limit:
            if not claim.sources:
                claim = attrs.evolve(claim, sources=chain)
            elif relay is not None and all(s.name != own for s in claim.sources):
                claim = attrs.evolve(claim, sources=(relay, *claim.sources))
        out.append(claim)
    return out
