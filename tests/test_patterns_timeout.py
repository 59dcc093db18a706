"""Every regular-expression call in recruitx runs under the `regex` module's timeout, as docs/guarantees.md promises.

The check reads the source: a call of ``match``, ``search``, ``fullmatch``,
``finditer``, ``findall``, ``sub``, ``subn`` or ``split`` on a compiled
pattern (a module constant in capitals, or an attribute or name ending in
``pattern``) must pass ``timeout=``.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODULES = sorted((ROOT / "src" / "recruitx").glob("*.py")) + sorted((ROOT / "plugins").glob("*/src/*/*.py"))
ALWAYS_REGEX = {"match", "search", "fullmatch", "finditer"}
MAYBE_REGEX = {"findall", "sub", "subn", "split"}


def _receiver_is_pattern(node: ast.expr) -> bool:
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    bare = name.lstrip("_")
    return bool(bare) and (bare.isupper() or bare.lower().endswith("pattern") or bare.lower().endswith("re"))


def _is_lexicon(node: ast.expr) -> bool:
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return "lexicon" in name.lower()


def _untimed_calls(path: pathlib.Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, node.func.value
        if isinstance(receiver, ast.Name) and receiver.id in ("regex", "re"):
            if method in ALWAYS_REGEX | MAYBE_REGEX:
                out.append(f"{path.name}:{node.lineno}: module-level regex.{method}() compiles on every call; compile once")
            continue
        if _is_lexicon(receiver):
            continue  # recruitx._patterns.Lexicon: dictionary lookups, no regular expression
        if method in ALWAYS_REGEX or (method in MAYBE_REGEX and _receiver_is_pattern(receiver)):
            if not any(k.arg == "timeout" for k in node.keywords):
                out.append(f"{path.name}:{node.lineno}: .{method}() without timeout=")
    return out


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_every_pattern_call_has_a_timeout(path):
    untimed = _untimed_calls(path)
    assert not untimed, "\n".join(untimed)
