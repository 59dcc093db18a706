"""The document stage: header, title, lines, boilerplate, sentences and their languages, all as offsets.

The caller's text is never rewritten. A :class:`Document` keeps it as given
and describes it by spans: the ` date YYYY-MM-DD` header, the lines, the
stretches marked as boilerplate, and the sentences that later stages read.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import Any

import regex

from ._patterns import REGEX_TIMEOUT, tokenize
from .errors import InvalidArgument
from .plugins import hookimpl
from .records import SOURCE_KINDS, Diagnostic

LANGUAGES = ("en", "uk", "ru")
YARDSTICKS = ("phia", "icd203")

#: How much of the body decides the main language (the rest is read sentence by sentence).
_LANGUAGE_SAMPLE = 4000



@functools.cache
def load_data(name: str) -> Any:
    """A JSON table from ``recruitx/data/`` (cached: data files are read once per process)."""
    return json.loads(resources.files("recruitx").joinpath("data", name).read_text(encoding="utf-8"))


_HEADER = regex.compile(r"\A[ \t\ufeff]*date[ \t]+(\S+)[ \t]*")
_LINE_BREAK = regex.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_SPACE = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff\u200e\u200f"
_BULLETS = "•·▪●◦‣-–—*>"
_BOUNDARY = regex.compile(
    r"""(?:[.!?…]+|\.\.\.)["»”’)\]]*(?=[ \t\u00a0]+(?:[-–—][ \t]|["«“‘(\[]?[\p{Lu}\p{N}]))""", regex.V1
)
_INITIALS = regex.compile(r"(?:\p{L}\.)+\p{L}")


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("abbreviations.json")["abbreviations"])


class Sentence:
    """A sentence of the document: its offsets, text, language, line and kind (``title``, ``heading``, ``body``)."""

    __slots__ = ("start", "end", "text", "language", "line", "kind")

    def __init__(self, start: int, end: int, text: str, language: str, line: int, kind: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.language = language
        self.line = line
        self.kind = kind

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def __repr__(self) -> str:
        return f"Sentence({self.start}, {self.end}, {self.text[:40]!r}, {self.language}, line={self.line}, {self.kind})"


class Tables:
    """The source-alias and place tables: the data files plus what plugins register."""

    def __init__(
        self,
        sources: dict[str, dict[str, Any]],
        places: dict[str, list[str]],
        diagnostics: Sequence[Diagnostic] = (),
    ) -> None:
        self.sources = sources
        self.places = places
        self.diagnostics = tuple(diagnostics)
        self.cache: dict[str, Any] = {}

    @classmethod
    def build(
        cls, source_entries: Iterable[dict[str, Any]], place_entries: Iterable[dict[str, Any]], diagnostics: Sequence[Diagnostic] = ()
    ) -> Tables:
        sources: dict[str, dict[str, Any]] = {}
        for entry in [*load_data("sources.json")["sources"], *source_entries]:
            name, kind = entry["name"], entry.get("kind", "other")
            if kind not in SOURCE_KINDS:
                kind = "other"
            slot = sources.setdefault(name, {"kind": kind, "aliases": []})
            for alias in [name, *entry.get("aliases", ())]:
                if alias not in slot["aliases"]:
                    slot["aliases"].append(alias)
        places: dict[str, list[str]] = {}
        for entry in [*load_data("places.json")["places"], *place_entries]:
            slot = places.setdefault(entry["name"], [])
            for alias in [entry["name"], *entry.get("aliases", ())]:
                if alias not in slot:
                    slot.append(alias)
        return cls(sources, places, diagnostics)


def coerce_date(value: Any, what: str) -> _dt.date | None:
    """Accept a date, a datetime or an ISO ``YYYY-MM-DD`` string for ``published=``."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidArgument(f"{what} must be an ISO date (YYYY-MM-DD), got {value!r}") from None
    raise TypeError(f"{what} must be a date, datetime or ISO string, not {type(value).__name__}")


class Document:
    """One report being parsed: the original text and everything known about its layout.

    Stages read ``text``, ``published``, ``language``, ``sentences`` and
    ``tables``, and report problems with :meth:`diagnose`. ``skipped`` holds
    the merged boilerplate spans. ``memo`` is scratch space for this parse
    only: a plugin whose hooks ask the same question of the text keeps the
    answer there, under a key prefixed with its name.
    """

    def __init__(
        self,
        text: str,
        *,
        published: _dt.date | None = None,
        language: str | None = None,
        outlet: str | None = None,
        yardstick: str = "phia",
        tables: Tables | None = None,
    ) -> None:
        self.text = text
        self.diagnostics: list[Diagnostic] = []
        self.memo: dict[str, Any] = {}
        self.tables = tables if tables is not None else Tables.build((), ())
        self.outlet = outlet
        self.yardstick = yardstick
        self.header_span: tuple[int, int] | None = None
        self.header_date: _dt.date | None = None
        self._read_header()
        self.published = published if published is not None else self.header_date
        self.lines = self._lines()
        body_start = self.header_span[1] if self.header_span else 0
        self.language = language or detect_language(text[body_start : body_start + _LANGUAGE_SAMPLE], "en")
        self.skipped: list[tuple[int, int]] = []
        self.sentences: list[Sentence] = []
        self._starts: list[int] = []
        self.title: str | None = None
        self._tokens: list[tuple[int, int, str]] | None = None
        self._token_starts: list[int] = []

    @property
    def tokens(self) -> list[tuple[int, int, str]]:
        """Word tokens of the whole text as ``(start, end, lowercased word)``, computed once per parse."""
        if self._tokens is None:
            self._tokens = tokenize(self.text)
            self._token_starts = [t[0] for t in self._tokens]
        return self._tokens

    @property
    def token_starts(self) -> list[int]:
        """The start offset of every token, in order (for bisecting), computed with the tokens."""
        self.tokens
        return self._token_starts

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes ``lo, hi`` of the tokens lying within ``[start, end)``."""
        tokens = self.tokens
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        while hi > lo and tokens[hi - 1][1] > end:
            hi -= 1
        return lo, hi

    def lines_containing(self, words: Iterable[str]) -> list[tuple[int, int]]:
        """The lines (as in ``lines``) holding any of ``words`` under Unicode case folding (as the ``regex``
        module's case-insensitive matching compares): a cheap test to run before a pattern.

        A plugin whose line pattern cannot match without one of a few words
        asks for those lines only, instead of running the pattern on every line.
        """
        folded = self.memo.get("recruitx.casefolded")
        if folded is None:
            folded = self.memo["recruitx.casefolded"] = self.text.casefold()
        present = [w.casefold() for w in words if w.casefold() in folded]
        if not present:
            return []
        if len(folded) != len(self.text):  # folding moved offsets: fold line by line
            return [(s, e) for s, e in self.lines if any(w in self.text[s:e].casefold() for w in present)]
        return [(s, e) for s, e in self.lines if any(folded.find(w, s, e) >= 0 for w in present)]

    def diagnose(self, level: str, message: str, span: tuple[int, int] | None = None) -> None:
        """Record a diagnostic for the report."""
        self.diagnostics.append(Diagnostic(level, message, span))

    def _read_header(self) -> None:
        m = _HEADER.match(self.text, timeout=REGEX_TIMEOUT)
        if not m:
            return
        self.header_span = (m.start(), m.end())
        try:
            self.header_date = _dt.date.fromisoformat(m.group(1))
        except ValueError:
            self.diagnose("warning", f"header date {m.group(1)!r} is not a valid ISO date", (m.start(1), m.end(1)))

    def _lines(self) -> list[tuple[int, int]]:
        """Trimmed spans of the non-empty lines, the header excluded."""
        text, out, pos = self.text, [], self.header_span[1] if self.header_span else 0
        for m in _LINE_BREAK.finditer(text, pos, timeout=REGEX_TIMEOUT):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, len(text)))
        trimmed = []
        for start, end in out:
            while start < end and (text[start] in _SPACE):
                start += 1
            while end > start and (text[end - 1] in _SPACE):
                end -= 1
            if start < end:
                trimmed.append((start, end))
        return trimmed

    # -- boilerplate and sentences -------------------------------------------------------

    def mark_skipped(self, spans: Iterable[tuple[int, int]]) -> None:
        """Merge ``spans`` into the skipped stretches (they are clipped to the text)."""
        n = len(self.text)
        merged = sorted((max(0, int(s)), min(n, int(e))) for s, e in [*self.skipped, *spans] if int(e) > int(s))
        out: list[tuple[int, int]] = []
        for s, e in merged:
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        self.skipped = out

    def is_skipped(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a skipped stretch or the header."""
        if self.header_span and start < self.header_span[1] and end > self.header_span[0]:
            return True
        i = bisect.bisect_right(self.skipped, (start, len(self.text) + 1)) - 1
        for s, e in self.skipped[max(0, i) : i + 2]:
            if s < end and start < e:
                return True
        return False

    def segment(self) -> None:
        """Split the non-skipped parts of every line into sentences (called once, after boilerplate)."""
        headings = _headings()
        abbreviations = _abbreviations()
        sentences: list[Sentence] = []
        for index, (start, end) in enumerate(self.lines):
            for part_start, part_end in self._unskipped(start, end):
                kind = "body"
                line_text = self.text[part_start:part_end]
                if line_text.rstrip(":").strip().lower() in headings:
                    kind = "heading"
                for s, e in _split(self.text, part_start, part_end, abbreviations):
                    piece = self.text[s:e]
                    sentences.append(Sentence(s, e, piece, detect_language(piece, self.language), index, kind))
        if self.title is None and sentences and sentences[0].line == 0 and sentences[0].kind == "body":
            sentences[0].kind = "title"
            self.title = sentences[0].text
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def _unskipped(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        pos = start
        for s, e in self.skipped:
            if e <= pos or s >= end:
                continue
            if s > pos:
                yield from _trim(self.text, pos, s, bullets=True)
            pos = max(pos, e)
        if pos < end:
            yield from _trim(self.text, pos, end, bullets=True)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset``, or ``None``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_index(self, offset: int) -> int | None:
        """The index in ``sentences`` of the sentence holding ``offset``, or ``None``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return i
        return None


def _trim(text: str, start: int, end: int, bullets: bool = False) -> Iterator[tuple[int, int]]:
    """``[start, end)`` without surrounding spaces (and a leading list bullet at a line start), if anything is left."""
    while start < end and (
        text[start] in _SPACE or bullets and text[start] in _BULLETS and start + 1 < end and text[start + 1] in _SPACE
    ):
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if start < end:
        yield (start, end)


def _split(text: str, start: int, end: int, abbreviations: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Sentence spans within one line part: break after terminal punctuation before a capital, digit or dash."""
    pos = start
    for m in _BOUNDARY.finditer(text, start, end, timeout=REGEX_TIMEOUT):
        cut = m.end()
        if m.group().rstrip("\"»”’)]") == ".":
            k = m.start()
            while k > pos and (text[k - 1].isalpha() or text[k - 1] == "."):
                k -= 1  # back over the letters and dots that end at the stop ("etc", "U.S")
            if k < m.start():
                token = text[k : m.start()].lower()
                if token in abbreviations or (len(token) == 1 and token.isalpha()) or _INITIALS.fullmatch(token, timeout=REGEX_TIMEOUT):
                    continue
        yield from _trim(text, pos, cut)
        pos = cut
    if pos < end:
        yield from _trim(text, pos, end)


@functools.cache
def _headings() -> frozenset[str]:
    return frozenset(load_data("boilerplate.json")["headings"])


@functools.cache
def _language_cues() -> tuple[Any, ...]:
    data = load_data("languages.json")
    return (
        regex.compile(r"\p{Cyrillic}+"),
        regex.compile(r"\p{Latin}+"),
        regex.compile(r"\p{L}+"),
        data["uk_letters"],
        data["ru_letters"],
        frozenset(data["uk_words"]),
        frozenset(data["ru_words"]),
    )


def _letters(pattern: Any, text: str) -> int:
    """How many characters of ``text`` the run pattern covers (runs, not letters: fewer timed matches)."""
    return sum(map(len, pattern.findall(text, timeout=REGEX_TIMEOUT)))


def detect_language(text: str, default: str = "en") -> str:
    """``en``, ``uk`` or ``ru`` for a stretch of text, by script, then by letters and words of one language."""
    cyrillic, latin, words, uk_letters, ru_letters, uk_words, ru_words = _language_cues()
    if text.isascii():  # no Cyrillic; a cased character is then a Latin letter
        return "en" if text.lower() != text.upper() else default
    if cyrillic.search(text, timeout=REGEX_TIMEOUT) is None:
        return "en" if latin.search(text, timeout=REGEX_TIMEOUT) is not None else default
    if _letters(latin, text) >= _letters(cyrillic, text):
        return "en"
    uk = sum(map(text.count, uk_letters))
    ru = sum(map(text.count, ru_letters))
    if uk != ru:
        return "uk" if uk > ru else "ru"
    tokens = [w.lower() for w in words.findall(text, timeout=REGEX_TIMEOUT)]
    uk = sum(t in uk_words for t in tokens)
    ru = sum(t in ru_words for t in tokens)
    if uk != ru:
        return "uk" if uk > ru else "ru"
    return default if default in ("uk", "ru") else "ru"


@functools.cache
def _boilerplate_patterns() -> tuple[Any, Any, tuple[str, ...]]:
    data = load_data("boilerplate.json")
    lines = regex.compile(r"(?:" + "|".join(data["lines"]) + r")", regex.IGNORECASE | regex.V1)
    inline = regex.compile(r"(?:" + "|".join(data["inline"]) + r")", regex.IGNORECASE | regex.V1)
    return lines, inline, tuple(data["inline_anchors"])


#: Lines longer than this are prose, never a share bar or a tag line.
_FURNITURE_LINE = 200


@hookimpl(trylast=True)
def recruitx_mark_boilerplate(document: Document) -> list[tuple[int, int]]:
    """Built-in boilerplate: share bars, read-time lines, tags, photo credits and copyright lines."""
    lines, inline, anchors = _boilerplate_patterns()
    text, out = document.text, []
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text
    anchors = tuple(a for a in anchors if a in lowered)  # most texts hold none: no line is asked then
    for start, end in document.lines:
        if end - start <= _FURNITURE_LINE and lines.fullmatch(text, start, end, timeout=REGEX_TIMEOUT):
            out.append((start, end))
            continue
        if not anchors or not any(lowered.find(a, start, end) >= 0 for a in anchors):
            continue
        m = inline.search(text, start, end, timeout=REGEX_TIMEOUT)
        if m is not None:
            out.append((m.start(), end) if not text[m.start()] == "(" else (m.start(), m.end()))
    return out
