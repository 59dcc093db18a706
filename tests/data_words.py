"""Words of the library's own data tables, for the property tests that compare a reader with its pattern."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hypothesis import strategies as st


def strings(obj: Any) -> list[str]:
    """Every string under ``obj``: list items, dict keys and values (not keys starting with '_', which document)."""
    out: list[str] = []
    if isinstance(obj, str):
        out.append(obj)
    elif isinstance(obj, list):
        for x in obj:
            out += strings(x)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            if not k.startswith("_"):
                out.append(k)
                out += strings(v)
    return out


def with_words(phrases: Iterable[str]) -> list[str]:
    """The short ``phrases`` (under 40 characters) and each of their space-separated words, sorted."""
    words: set[str] = set()
    for s in phrases:
        if s and len(s) < 40:
            words.add(s)
            words.update(w for w in s.split(" ") if w)
    return sorted(words)


def case(word: str, bits: int) -> str:
    """``word`` as written, lowercased, uppercased, capitalised or with its letters' case flipped by ``bits``."""
    mode = bits % 5
    if mode == 0:
        return word
    if mode == 1:
        return word.lower()
    if mode == 2:
        return word.upper()
    if mode == 3:
        return word.capitalize()
    return "".join(c.upper() if bits >> (3 + i) & 1 else c.lower() for i, c in enumerate(word))


def cased(words: list[str]) -> st.SearchStrategy[str]:
    """One of ``words`` in one of the casings of :func:`case`."""
    return st.tuples(st.sampled_from(words), st.integers(0, 2**20)).map(lambda t: case(*t))
