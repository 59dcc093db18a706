"""The documentation stays true: the plugin guide's code runs and passes its own tests."""

from __future__ import annotations

import importlib
import pathlib
import re
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")


def _block(marker: str) -> str:
    for block in re.findall(r"```python\n(.*?)```", GUIDE, re.S):
        if block.startswith(f"# {marker}"):
            return block
    raise AssertionError(f"no code block starting with # {marker}")


@pytest.fixture
def guide_plugin(tmp_path, monkeypatch):
    package = tmp_path / "recruitx_steppewire"
    package.mkdir()
    (package / "__init__.py").write_text(_block("src/recruitx_steppewire/__init__.py"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield importlib.import_module("recruitx_steppewire")
    sys.modules.pop("recruitx_steppewire", None)


def test_plugin_guide_walkthrough_passes(guide_plugin):
    namespace: dict = {}
    exec(compile(_block("tests/test_steppewire.py"), "test_steppewire.py", "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_")]
    assert len(tests) == 2
    for test in tests:
        test()


def test_front_page_example_gives_what_the_page_says():
    page = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    code = re.findall(r"```python\n(.*?)```", page, re.S)[0]
    namespace: dict = {}
    exec(compile(code, "index.md", "exec"), namespace)
    claim = namespace["claim"]
    q, p = claim.quantities[0], claim.periods[0]
    assert (q.text, q.value, q.low, q.high, q.qualifier) == ("more than 1,500 foreigners", 1500, 1500, None, "more_than")
    assert (str(p.start), str(p.end)) == ("2023-04-01", "2024-05-31")
    assert [s.name for s in claim.sources] == ["UNN", "UK Defence Intelligence", "Important Stories"]
    for shown in ("more than 1,500 foreigners", "2023-04-01", "2024-05-31", "'UNN', 'UK Defence Intelligence', 'Important Stories'"):
        assert shown in page
