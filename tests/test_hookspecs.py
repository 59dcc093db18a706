"""Meta-test, as datasette does: every hook is documented, named by convention, and exercised by a test."""

from __future__ import annotations

import inspect
import pathlib

import pytest

from recruitx import hookspecs

ROOT = pathlib.Path(__file__).resolve().parent.parent
HOOKS = sorted(name for name, obj in vars(hookspecs).items() if name.startswith("recruitx_") and inspect.isfunction(obj))


def test_there_are_hooks():
    assert len(HOOKS) >= 10


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_named_verb_object(name):
    parts = name.split("_")
    assert parts[0] == "recruitx" and len(parts) >= 3


@pytest.mark.parametrize("name", HOOKS)
def test_hook_has_a_docstring(name):
    doc = inspect.getdoc(getattr(hookspecs, name))
    assert doc and len(doc) > 40


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_in_the_hook_reference(name):
    reference = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    assert f"## {name}" in reference, f"docs/hooks.md has no section for {name}"


@pytest.mark.parametrize("name", HOOKS)
def test_hook_has_a_test(name):
    assert name in (ROOT / "tests" / "test_plugins.py").read_text(encoding="utf-8")


def test_hook_reference_is_generated_from_hookspecs():
    import runpy

    render = runpy.run_path(str(ROOT / "docs" / "gen_hooks.py"))["render"]
    assert (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8") == render(), "run: python docs/gen_hooks.py"
