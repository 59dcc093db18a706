"""The place stage: cities, regions and countries from the place table (data plus plugins)."""

from __future__ import annotations

from typing import Any

import regex

from ._patterns import trie_pattern, word_bounded
from .document import REGEX_TIMEOUT, Document, Tables
from .plugins import hookimpl
from .records import Place


def _pattern(tables: Tables) -> tuple[Any, dict[str, tuple[str, bool]]]:
    cached = tables.cache.get("places")
    if cached is None:
        name_of: dict[str, tuple[str, bool]] = {}
        for name, aliases in tables.places.items():
            for alias in aliases:
                name_of.setdefault(alias.casefold(), (name, alias[:1].isupper()))
        pattern = regex.compile(word_bounded(trie_pattern(name_of)), regex.IGNORECASE | regex.V1)
        cached = tables.cache["places"] = (pattern, name_of)
    return cached


def find_places(document: Document) -> list[Place]:
    """Every place-table alias in the document's sentences; capitalised aliases must be capitalised in the text."""
    pattern, name_of = _pattern(document.tables)
    text, out = document.text, []
    for sentence in document.sentences:
        for m in pattern.finditer(text, sentence.start, sentence.end, timeout=REGEX_TIMEOUT):
            written = m.group()
            name, capitalised = name_of[written.casefold()]
            if capitalised and not written[0].isupper():
                continue
            out.append(Place(written, (m.start(), m.end()), name))
    return out


@hookimpl(trylast=True)
def recruitx_find_places(document: Document) -> list[Place]:
    """Built-in: places from the place table."""
    return find_places(document)
