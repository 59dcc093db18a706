"""Regular-expression building blocks shared by the stages: word lists compiled as prefix tries.

A plain alternation of hundreds of phrases makes the engine try every phrase
at every position; the same phrases factored into a trie are tried one
character at a time, which is what keeps the stages linear and fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

#: Per-call safety net for every `regex` call, in seconds: a pattern that runs longer raises TimeoutError,
#: which the pipeline turns into a diagnostic (see docs/guarantees.md).
REGEX_TIMEOUT = 2.0

_WORD_SEP = regex.compile(r"\s+")


def trie_pattern(
    phrases: Iterable[str], *, flexible_space: bool = True, atom: Callable[[str], str] | None = None
) -> str:
    """A regex source matching any of ``phrases`` (longest first at each branch), never ``""``.

    Each character becomes ``atom(ch)``; by default a space matches any run of
    spaces (with ``flexible_space``) and every other character itself.
    """
    if atom is None:

        def atom(ch: str) -> str:
            return r"\s+" if ch == " " and flexible_space else regex.escape(ch)

    trie: dict = {}
    for phrase in phrases:
        phrase = _WORD_SEP.sub(" ", phrase.strip(), timeout=REGEX_TIMEOUT)
        if not phrase:
            continue
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(trie, atom) if trie else "(?!)"


def _render(node: dict, atom: Callable[[str], str]) -> str:
    branches = [atom(ch) + _render(node[ch], atom) for ch in sorted(node) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


def word_bounded(body: str) -> str:
    """``body`` matched only as whole words (no letter, digit or mark on either side)."""
    return rf"(?<![\p{{L}}\p{{N}}\p{{M}}])(?:{body})(?![\p{{L}}\p{{N}}\p{{M}}])"


_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")


class _Spaces(dict):
    """A ``str.translate`` table turning every character that is not a letter, mark or digit (as ``_TOKEN``
    sees it) into a space, filled as characters are met; at most ``_SPACES_MAX`` are kept."""

    def __missing__(self, code: int) -> int:
        kept = code if _TOKEN.fullmatch(chr(code), timeout=REGEX_TIMEOUT) else 32
        if len(self) < _SPACES_MAX:
            self[code] = kept
        return kept


_SPACES_MAX = 20_000
_SPACES = _Spaces()


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of ``text`` as ``(start, end, lowercased word)``, in order: one pass, shared by the stages.

    The words are the runs of ``_TOKEN``; they are found by blanking every other character with
    ``str.translate`` and splitting, which keeps offsets and costs no pattern call per word.
    """
    lowered = text.lower()
    same = len(lowered) == len(text)  # lowercasing kept every offset (it does unless e.g. "İ" is present)
    spaced = (lowered if same else text).translate(_SPACES)
    tokens: list[tuple[int, int, str]] = []
    append, find, pos = tokens.append, spaced.find, 0
    for word in spaced.split():
        pos = find(word, pos)
        end = pos + len(word)
        append((pos, end, word if same else word.lower()))
        pos = end
    return tokens


class Lexicon:
    """Phrases (one or more words) looked up over a token list by their first word: no scan per phrase.

    A phrase's words must follow each other in the text separated as in the
    phrase: a space stands for any run of spaces, other separators (``-``,
    ``'``, ``.``) must be written as they are.
    """

    def __init__(self, phrases: dict[str, object]) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], object]]] = {}
        for phrase, value in phrases.items():
            words = tuple(w.lower() for w in _TOKEN.findall(phrase, timeout=REGEX_TIMEOUT))
            if not words:
                continue
            seps = tuple(_WORD_SEP.sub(" ", s, timeout=REGEX_TIMEOUT) for s in _TOKEN.split(phrase, timeout=REGEX_TIMEOUT)[1:-1])
            self._index.setdefault(words[0], []).append((words, seps, value))
        for candidates in self._index.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def __bool__(self) -> bool:
        return bool(self._index)

    def finditer(self, text: str, tokens: list[tuple[int, int, str]], lo: int = 0, hi: int | None = None):
        """Yield ``(start, end, value)`` for every longest phrase match among ``tokens[lo:hi]``, left to right."""
        hi = len(tokens) if hi is None else hi
        index = self._index
        last = -1
        for i in [k for k in range(lo, hi) if tokens[k][2] in index]:
            if i <= last:
                continue
            for words, seps, value in index[tokens[i][2]]:
                n = len(words)
                if i + n > hi:
                    continue
                for k in range(1, n):
                    if tokens[i + k][2] != words[k]:
                        break
                    gap = text[tokens[i + k - 1][1] : tokens[i + k][0]]
                    sep = seps[k - 1]
                    if not (gap == sep or sep == " " and gap and gap.isspace()):
                        break
                else:
                    yield tokens[i][0], tokens[i + n - 1][1], value
                    last = i + n - 1
                    break
