"""The place stage: cities, regions, countries and people of a country from the place table (data plus plugins).

Every alias of ``data/places.json`` (and of plugins) is found on word boundaries;
an alias written with a capital must be capitalised in the text ("Georgia", not
"georgia"), and a short all-capitals one must be all capitals ("US", not "Us"). Plural demonyms that name people of a country ("Nepalis",
"сирійців") map to that country. To stay fast on long texts, candidate words
come from the document's shared token list and a set test; aliases are then
compared as strings, only where a word can start one.
"""

from __future__ import annotations

from typing import Any

import regex

from ._patterns import REGEX_TIMEOUT
from .document import Document, Tables
from .plugins import hookimpl
from .records import Place

#: Characters stripped from both ends of a whitespace-separated word before it is looked up.
PUNCTUATION = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”«»„‘’'—–-…"

_LEAD = regex.compile(r"[\p{L}\p{M}\p{N}]+")  # a word as Document.tokens cuts it
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
#: Separators that ``str.split`` treats as spaces but a regex ``\s`` does not: texts holding them take the slow path.
_ODD_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")


def _first_word(alias: str) -> str:
    words = alias.casefold().split()
    return words[0].strip(PUNCTUATION) if words else ""


def _lead(word: str) -> str:
    m = _LEAD.match(word, timeout=REGEX_TIMEOUT)
    return m.group() if m is not None else ""


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


def _index(tables: Tables) -> tuple[dict[str, tuple[str, ...]], frozenset[str], int]:
    """Aliases by their leading word (longest first, as the alias pattern tries them), the leading
    words of the first words, and the longest first word."""
    cached = tables.cache.get("places.index")
    if cached is None:
        _, _, name_of, firsts = _pattern(tables)
        by_lead: dict[str, list[str]] = {}
        for alias in sorted(name_of, key=len, reverse=True):
            by_lead.setdefault(_lead(alias), []).append(alias)
        leads = frozenset(_lead(f) for f in firsts) - {""}
        cached = tables.cache["places.index"] = (
            {k: tuple(v) for k, v in by_lead.items()},
            leads,
            max((len(f) for f in firsts), default=0),
        )
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


def spaced_word(low: str, start: int, longest: int) -> str | None:
    """The whitespace-separated word of ``low`` that starts, after leading punctuation, at ``start``,
    stripped of punctuation; ``None`` when ``start`` is not such a word start or the word is longer
    than ``longest`` characters (then it cannot be looked up). Scans only punctuation beyond that."""
    j = start
    while j > 0 and low[j - 1] in PUNCTUATION:
        j -= 1
    if j > 0 and not low[j - 1].isspace():
        return None
    n = len(low)
    k = start
    limit = min(n, start + longest + 1)
    while k < limit and not low[k].isspace():
        k += 1
    if k == limit and k < n and not low[k].isspace():
        while k < n and low[k] in PUNCTUATION:
            k += 1
        if k < n and not low[k].isspace():
            return None
    return low[start:k].rstrip(PUNCTUATION)


def _ends_word(low: str, pos: int) -> bool:
    """True when no letter or digit is at ``pos`` (the alias pattern's lookahead)."""
    if pos >= len(low):
        return True
    ch = low[pos]
    if ch.isascii() or ch.isalnum():
        return not ch.isalnum()
    return _WORD_CHAR.match(ch, timeout=REGEX_TIMEOUT) is None


def _alias_at(low: str, at: int, word: str, by_lead: dict[str, tuple[str, ...]]) -> int:
    """The end of the longest alias at ``at`` (whose token is ``word``), or -1."""
    for alias in by_lead.get(word, ()):
        if low.startswith(alias, at) and _ends_word(low, at + len(alias)):
            return at + len(alias)
    return -1


def find_places(document: Document) -> list[Place]:
    """Every place-table alias in the document's sentences; capitalised aliases must be capitalised in the text."""
    lowered, anycase, name_of, firsts = _pattern(document.tables)
    text, out = document.text, []
    low = text.lower()
    spans: list[tuple[int, int]] = []
    if len(low) != len(text):  # a few characters change length when lowered: scan the original text
        spans = [m.span() for m in anycase.finditer(text, timeout=REGEX_TIMEOUT)]
    elif any(ch in low for ch in _ODD_SPACES):
        matches = (lowered.match(low, at, timeout=REGEX_TIMEOUT) for at in word_starts(low, firsts))
        spans = [m.span() for m in matches if m]
    else:
        by_lead, leads, longest = _index(document.tables)
        tokens = document.tokens
        for start, end, word in tokens:
            if word not in leads:
                continue
            key = spaced_word(low, start, longest + 2)
            if key is None or not (key in firsts or key[-2:] in ("'s", "’s") and key[:-2] in firsts):
                continue
            if word.isalnum():
                stop = _alias_at(low, start, word, by_lead)
                if stop >= 0:
                    spans.append((start, stop))
            else:  # a mark inside the word: an alias may end before it
                m = lowered.match(low, start, timeout=REGEX_TIMEOUT)
                if m is not None:
                    spans.append(m.span())
    end = -1
    for start, stop in spans:
        if start < end or start > 0 and (text[start - 1].isalnum()):
            continue
        sentence = document.sentence_at(start)
        if sentence is None or stop > sentence.end or document.is_skipped(start, stop):
            continue
        written = text[start:stop]
        entry = name_of.get(written.casefold())
        if entry is None:
            continue
        name, case = entry
        if case == "capital" and not written[0].isupper() or case == "exact" and not written.isupper():
            continue
        out.append(Place(written, (start, stop), name))
        end = stop
    return out


@hookimpl(trylast=True)
def recruitx_find_places(document: Document) -> list[Place]:
    """Built-in: places from the place table."""
    return find_places(document)
