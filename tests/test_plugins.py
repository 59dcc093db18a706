"""Plugins: a throwaway plugin registered in-process has every hook called and honoured;
a raising plugin becomes a diagnostic; entry-point plugins are discovered."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap

import attrs
import pytest

import recruitx
from recruitx import hookimpl
from recruitx import plugins as plugins_module
from recruitx.records import Likelihood, Period, Quantity

TEXT = (
    " date 2025-04-27 Spy news\n\n"
    "SPY WIRE | The Spy Agency said a baker's dozen recruits reached Zone Z on Q-day, odds-on to stay.\n"
    "Subscribe to our spy newsletter"
)


def _find(document, needle):
    start = document.text.find(needle)
    return (start, start + len(needle)) if start >= 0 else None


class Spy:
    """A plugin implementing every hook, recording the calls."""

    def __init__(self):
        self.calls: list[str] = []

    @hookimpl
    def recruitx_detect_outlet(self, document):
        self.calls.append("recruitx_detect_outlet")
        return "Spy Wire" if "SPY WIRE |" in document.text else None

    @hookimpl
    def recruitx_mark_boilerplate(self, document):
        self.calls.append("recruitx_mark_boilerplate")
        return [s for s in (_find(document, "SPY WIRE | "), _find(document, "Subscribe to our spy newsletter")) if s]

    @hookimpl
    def recruitx_register_source_aliases(self):
        self.calls.append("recruitx_register_source_aliases")
        return [{"name": "Spy Agency", "kind": "intelligence", "aliases": ["The Spy Agency"]}]

    @hookimpl
    def recruitx_register_places(self):
        self.calls.append("recruitx_register_places")
        return [{"name": "Zone Z", "aliases": ["Zone Z"]}]

    @hookimpl
    def recruitx_find_quantities(self, document):
        self.calls.append("recruitx_find_quantities")
        span = _find(document, "a baker's dozen recruits")
        return [Quantity("a baker's dozen recruits", span, 13, 13, 13, "exact", "recruits")] if span else []

    @hookimpl
    def recruitx_find_periods(self, document):
        self.calls.append("recruitx_find_periods")
        span = _find(document, "Q-day")
        day = dt.date(2025, 4, 1)
        return [Period("Q-day", span, day, day, "day")] if span else []

    @hookimpl
    def recruitx_find_likelihoods(self, document):
        self.calls.append("recruitx_find_likelihoods")
        span = _find(document, "odds-on")
        return [Likelihood("odds-on", span, "likely", 0.55, 0.75, "phia")] if span else []

    @hookimpl
    def recruitx_find_places(self, document):
        self.calls.append("recruitx_find_places")
        return []

    @hookimpl
    def recruitx_attribute_claims(self, document, claims):
        self.calls.append("recruitx_attribute_claims")
        return None  # leave it to the built-in stage

    @hookimpl
    def recruitx_assemble_claims(self, document, quantities, periods, likelihoods, places):
        self.calls.append("recruitx_assemble_claims")
        return None

    @hookimpl
    def recruitx_refine_claims(self, document, claims):
        self.calls.append("recruitx_refine_claims")
        return [attrs.evolve(c, topic="deployment") for c in claims]

    @hookimpl
    def recruitx_process_report(self, document, report):
        self.calls.append("recruitx_process_report")
        return attrs.evolve(report, title=f"[spy] {report.title}")


def test_every_hook_is_called_and_honoured():
    spy = Spy()
    report = recruitx.parse_report(TEXT, plugins=[spy])
    hooks = {name for name in dir(recruitx.hookspecs) if name.startswith("recruitx_")}
    assert hooks <= set(spy.calls)
    assert report.outlet == "Spy Wire"
    assert report.title == "[spy] Spy news"
    claim = next(c for c in report.claims if "baker" in c.text)
    assert not claim.text.startswith("SPY WIRE")  # boilerplate is skipped, spans stay true
    assert TEXT[claim.span[0] : claim.span[1]] == claim.text
    assert [q.value for q in claim.quantities] == [13]
    assert [p.start for p in claim.periods] == [dt.date(2025, 4, 1)]
    assert claim.likelihood is not None and claim.likelihood.text == "odds-on"
    assert [p.name for p in claim.places] == ["Zone Z"]
    assert [s.name for s in claim.sources][-1:] == ["Spy Agency"]
    assert claim.topic == "deployment"
    assert all("Subscribe" not in c.text for c in report.claims)


def test_per_call_plugins_do_not_leak_into_other_calls():
    recruitx.parse_report(TEXT, plugins=[Spy()])
    report = recruitx.parse_report(TEXT)
    assert report.outlet is None
    assert not report.title.startswith("[spy]")


def test_firstresult_assembly_hook_replaces_the_builtin():
    class OneClaim:
        @hookimpl
        def recruitx_assemble_claims(self, document):
            likelihood = Likelihood("Spy news", (17, 25), "likely", 0.55, 0.75)
            return [recruitx.Claim(document.text[17:25], (17, 25), likelihood=likelihood, topic="other")]

    report = recruitx.parse_report(TEXT, plugins=[OneClaim()])
    assert [c.text for c in report.claims] == ["Spy news"]


class Broken:
    @hookimpl
    def recruitx_find_quantities(self, document):
        raise RuntimeError("boom")

    @hookimpl
    def recruitx_process_report(self, report):
        raise ValueError("bad post-processing")


def test_a_raising_plugin_becomes_a_diagnostic_and_the_parse_goes_on():
    text = "Russia will almost certainly keep recruiting."
    report = recruitx.parse_report(text, plugins=[Broken()])
    messages = [d.message for d in report.diagnostics if d.level == "error"]
    assert any("Broken" in m and "recruitx_find_quantities" in m and "boom" in m for m in messages)
    assert any("bad post-processing" in m for m in messages)
    assert report.claims and report.claims[0].likelihood.term == "almost certain"


def test_items_with_spans_that_do_not_slice_back_are_dropped_with_a_diagnostic():
    class Liar:
        @hookimpl
        def recruitx_find_quantities(self, document):
            return [Quantity("nine", (0, 4), 9, 9, 9, "exact", None)]

    report = recruitx.parse_report("Russia will likely keep recruiting.", plugins=[Liar()])
    assert all(not c.quantities for c in report.claims)
    assert any("does not slice back" in d.message for d in report.diagnostics)


@pytest.fixture
def fake_distribution(tmp_path, monkeypatch):
    """An installed distribution with a `recruitx` entry point, made on disk for this test only."""
    (tmp_path / "spyplugin.py").write_text(
        textwrap.dedent(
            """
            import recruitx
            __version__ = "9.9"

            @recruitx.hookimpl
            def recruitx_detect_outlet(document):
                return "Entry Point Wire"
            """
        )
    )
    info = tmp_path / "spyplugin-9.9.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: spyplugin\nVersion: 9.9\n")
    (info / "entry_points.txt").write_text("[recruitx]\nspy = spyplugin\nbroken = spyplugin_missing\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(plugins_module, "_entry_points_cache", None)
    monkeypatch.setattr(plugins_module, "_entry_point_errors", [])
    monkeypatch.setattr(plugins_module, "_default_runner", None)
    yield
    sys.modules.pop("spyplugin", None)


def test_entry_point_plugins_are_discovered_and_listed(fake_distribution):
    pm = recruitx.get_plugin_manager()
    assert pm.get_plugin("spy") is not None
    report = recruitx.parse_report("Russia will likely keep recruiting.")
    assert report.outlet == "Entry Point Wire"
    assert any("'broken' failed to load" in d.message for d in report.diagnostics)
    listed = {p.name: p for p in plugins_module.default_runner().plugins()}
    assert listed["spy"].version == "9.9" and listed["spy"].distribution == "spyplugin"
    assert listed["recruitx.quantities"].builtin


def test_nothing_loads_at_import_time():
    import subprocess

    code = "import recruitx, recruitx.plugins as p, sys; print(p._default_runner is None, 'dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "False"]


def test_isolated_parse_leaves_installed_plugins_out(fake_distribution):
    from recruitx.testing import parse_with

    text = "Russia will likely keep recruiting."
    assert parse_with(text).outlet == "Entry Point Wire"
    assert parse_with(text, isolated=True).outlet is None
    assert parse_with(text, Spy(), isolated=True).outlet is None  # Spy only names texts with its dateline


def test_document_memo_carries_an_answer_between_hooks_of_one_parse_only():
    seen = []

    class Memo:
        @hookimpl
        def recruitx_detect_outlet(self, document):
            seen.append(dict(document.memo))
            document.memo["memo-test.length"] = len(document.text)

        @hookimpl
        def recruitx_refine_claims(self, document, claims):
            seen.append(document.memo.get("memo-test.length"))

    recruitx.parse_report("Some 40 men were recruited.", plugins=[Memo()])
    recruitx.parse_report("Twelve.", plugins=[Memo()])
    assert seen == [{}, 27, {}, 7]
