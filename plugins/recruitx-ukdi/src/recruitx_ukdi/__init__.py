"""recruitx plugin for the daily UK Defence Intelligence updates about the fighting in Ukraine.

An update as published opens with "Latest Defence Intelligence update on
the situation in Ukraine", sets out key judgements in PHIA probability
language and closes with hashtags, links and a note on that language. This
plugin names the author as the outlet of such a text, skips the furniture by
span, makes UK Defence Intelligence the origin of the update's claims that
name no other source, and registers the ways other outlets relay it ("British
intelligence", "the British MoD", "британська розвідка", "британская
разведка"…). The words and patterns live in ``data.json``.
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


def data() -> dict[str, Any]:
    """The plugin's word lists and patterns (``data.json``, read once)."""
    return plugin_data(__name__)


def _alternation(patterns: list[str]) -> Any:
    return regex.compile("(?:" + "|".join(patterns) + ")", regex.IGNORECASE | regex.V1)


@functools.cache
def _patterns() -> tuple[Any, Any, Any]:
    d = data()
    headings = [p.replace("{date}", d["date"]) for p in d["headings"]]
    return _alternation(headings), _alternation(d["lines"]), _alternation(d["anywhere"])


def heading(document: Document) -> tuple[int, int] | None:
    """The span of the author's name in the heading that opens a published update, or ``None``.

    Only the first lines are looked at: further down, the words are a relay's.
    """
    pattern = _patterns()[0]
    for start, end in document.lines[:4]:
        m = pattern.fullmatch(document.text, start, end, timeout=REGEX_TIMEOUT)
        if m is not None:
            return m.span("m")
    return None


@recruitx.hookimpl
def recruitx_detect_outlet(document: Document) -> str | None:
    """UK Defence Intelligence, when the text is one of its updates (not a report about one)."""
    return data()["name"] if heading(document) is not None else None


@recruitx.hookimpl
def recruitx_mark_boilerplate(document: Document) -> list[tuple[int, int]]:
    """Links and the PHIA explainer wherever an update is pasted; headings, hashtags and image captions in an update."""
    _, lines, anywhere = _patterns()
    own = document.outlet == data()["name"]
    text, out = document.text, []
    candidates = document.lines_containing(data()["hints"]["anywhere"])
    near = set(candidates)
    for start, end in document.lines if own else candidates:
        if (start, end) in near and anywhere.fullmatch(text, start, end, timeout=REGEX_TIMEOUT) or (
            own and lines.fullmatch(text, start, end, timeout=REGEX_TIMEOUT)
        ):
            out.append((start, end))
    return out


@recruitx.hookimpl
def recruitx_register_source_aliases() -> list[dict[str, Any]]:
    """The author's names as other outlets write them, in English, Ukrainian and Russian."""
    return data()["aliases"]


def _self_mention(document: Document) -> tuple[int, int] | None:
    """Where the update names its author: the heading, else the first alias in the text."""
    span = heading(document)
    if span is not None:
        return span
    aliases = document.tables.sources.get(data()["name"], {}).get("aliases", ())
    key = "recruitx_ukdi.aliases"
    pattern = document.tables.cache.get(key)
    if pattern is None:
        body = "|".join(regex.escape(a) for a in sorted(aliases, key=len, reverse=True))
        pattern = document.tables.cache[key] = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE | regex.V1
        )
    m = pattern.search(document.text, timeout=REGEX_TIMEOUT)
    return m.span() if m is not None else None


@recruitx.hookimpl
def recruitx_refine_claims(document: Document, claims: list[Claim]) -> list[Claim] | None:
    """In an update, a claim that names no source is the author's own: make UK Defence Intelligence its origin."""
    name = data()["name"]
    if document.outlet != name:
        return None
    span = _self_mention(document)
    if span is None:
        document.diagnose("info", "recruitx-ukdi: the update never names its author; claims keep no source")
        return None
    author = Source(document.text[span[0] : span[1]], span, name, data()["kind"])
    return [c if c.sources else attrs.evolve(c, sources=(author,)) for c in claims]
