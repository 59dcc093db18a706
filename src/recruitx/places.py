"""The place stage: cities, regions, countries and people of a country from the place table (data plus plugins).

Every alias of ``data/places.json`` (and of plugins) is found on word boundaries;
an alias written with a capital must be capitalised in the text ("Georgia", not
"georgia"), and a short all-capitals one must be all capitals ("US", not "Us"). Plural demonyms that name people of a country ("Nepalis",
"сирійців") map to that country. To stay fast on long texts, candidate words
come from a split of the lowered text and a set test; the alias pattern is
tried, anchored, only where a word can start an alias.
"""

from __future__ import annotations

from typing import Any

import regex

from .document import REGEX_TIMEOUT, Document, Tables
from .plugins import hookimpl
from .records import Place

#: Characters stripped from both ends of a whitespace-separated word before it is looked up.
PUNCTUATION = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”«»„‘’'—–-…"


def _first_word(alias: str) -> str:
    words = alias.casefold().split()
    return words[0].strip(PUNCTUATION) if words else ""


def _pattern(tables: Tables) -> tuple[Any, Any, dict[str, tuple[str, str]], frozenset[str]]:
    cached = tables.cache.get("places")
    if cached is None:
        name_of: dict[str, tuple[str, str]] = {}
        for name, aliases in tables.places.items():
            for alias in aliases:
                key = alias.casefold()
                case = "exact" if alias.isupper() and len(alias) <= 4 else "capital" if alias[:1].isupper() else "any"
                if key in name_of:  # "Central Russia" and "central Russia": the laxer form wins
                    name, known = name_of[key]
                    case = min(case, known, key=("any", "capital", "exact").index)
                    name_of[key] = (name, case)
                else:
                    name_of[key] = (name, case)
        body = "|".join(regex.escape(a) for a in sorted(name_of, key=len, reverse=True))
        edge = r"(?![\p{L}\p{N}])"
        lowered = regex.compile(rf"(?:{body}){edge}")
        anycase = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body}){edge}", regex.IGNORECASE)
        firsts = frozenset(_first_word(a) for a in name_of) - {""}
        cached = tables.cache["places"] = (lowered, anycase, name_of, firsts)
    return cached


def word_starts(low: str, firsts: frozenset[str], fold: bool = False) -> list[int]:
    """Offsets in ``low`` (a lowered text, or any text with ``fold``) of the whitespace-separated
    words whose stripped (and, with ``fold``, case-folded) form is in ``firsts`` (a possessive "'s"
    is dropped for the test)."""
    tokens = low.split()
    hits = []
    for i, token in enumerate(tokens):
        key = token.strip(PUNCTUATION).casefold() if fold else token.strip(PUNCTUATION)
        if key in firsts or key[-2:] in ("'s", "’s") and key[:-2] in firsts:
            hits.append(i)
    out, pos, n = [], 0, len(low)
    for i in hits:
        raw = tokens[i]
        at = low.find(raw, pos)
        while at >= 0 and (at > 0 and not low[at - 1].isspace() or at + len(raw) < n and not low[at + len(raw)].isspace()):
            at = low.find(raw, at + 1)
        if at < 0:
            continue
        pos = at + len(raw)
        out.append(at + len(raw) - len(raw.lstrip(PUNCTUATION)))
    return out


def find_places(document: Document) -> list[Place]:
    """Every place-table alias in the document's sentences; capitalised aliases must be capitalised in the text."""
    lowered, anycase, name_of, firsts = _pattern(document.tables)
    text, out = document.text, []
    low = text.lower()
    if len(low) == len(text):
        matches = [m for m in (lowered.match(low, at, timeout=REGEX_TIMEOUT) for at in word_starts(low, firsts)) if m]
    else:  # a few characters change length when lowered: scan the original text
        matches = list(anycase.finditer(text, timeout=REGEX_TIMEOUT))
    end = -1
    for m in matches:
        start = m.start()
        if start < end or start > 0 and (text[start - 1].isalnum()):
            continue
        sentence = document.sentence_at(start)
        if sentence is None or m.end() > sentence.end or document.is_skipped(start, m.end()):
            continue
        written = text[start : m.end()]
        entry = name_of.get(written.casefold())
        if entry is None:
            continue
        name, case = entry
        if case == "capital" and not written[0].isupper() or case == "exact" and not written.isupper():
            continue
        out.append(Place(written, (start, m.end()), name))
        end = m.end()
    return out


@hookimpl(trylast=True)
def recruitx_find_places(document: Document) -> list[Place]:
    """Built-in: places from the place table."""
    return find_places(document)
