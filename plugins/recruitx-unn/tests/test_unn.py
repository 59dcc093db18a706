"""recruitx-unn: outlet, furniture, aliases and relay on reports written in UNN's style."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import recruitx_unn
from recruitx.document import Document
from recruitx.plugins import runner_for
from recruitx.records import Claim, Source
from recruitx.testing import assert_hints_are_safe, parse_with

REPORTS = pathlib.Path(__file__).parent / "reports"
EN = (REPORTS / "en-ukdi-relay.txt").read_text(encoding="utf-8")
UK = (REPORTS / "uk-hur-relay.txt").read_text(encoding="utf-8")
OTHER = (REPORTS / "other-outlet.txt").read_text(encoding="utf-8")


def parse(text: str, **kwargs):
    """Parse with the built-in stages and this plugin only (installed plugins left out)."""
    return parse_with(text, recruitx_unn, isolated=True, **kwargs)


def skipped(text: str) -> list[str]:
    doc = Document(text, outlet="UNN")
    return [text[s:e] for s, e in recruitx_unn.recruitx_mark_boilerplate(document=doc)]


def test_the_outlet_is_detected_in_both_editions():
    assert parse(EN).outlet == "UNN"
    assert parse(UK).outlet == "UNN"
    assert parse("Full story at unn.ua/en/news: 300 recruits.").outlet == "UNN"


def test_furniture_is_skipped_by_span_in_english():
    assert skipped(EN) == [
        "• 3 518 views",
        "Read also: Another 175 Ukrainian soldiers freed in a prisoner exchange",
        "Subscribe to UNN on Telegram to stay up to date with the latest news",
    ]


def test_furniture_is_skipped_by_span_in_ukrainian():
    assert skipped(UK) == [
        "• 1 204 перегляди",
        "Читайте також: Україна повернула з полону ще 84 військових",
        "Підписуйтесь на УНН у Telegram, щоб першими дізнаватися головні новини",
    ]


@pytest.mark.parametrize("text", [EN, UK])
def test_claims_stay_clear_of_the_furniture_and_slice_back(text):
    report = parse(text)
    assert report.claims
    furniture = ("views", "перегляди", "Read also", "Читайте також", "Subscribe", "Підписуйтесь")
    for claim in report.claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
        assert not any(word in claim.text for word in furniture)
        for q in claim.quantities:
            assert text[q.span[0] : q.span[1]] == q.text
    # the view counter is not read as a figure
    assert all(q.value not in (3518, 1204) for c in report.claims for q in c.quantities)


def test_the_dateline_stays_content():
    assert "14.03.2025 • 10:42" not in " ".join(skipped(EN))


def test_aliases_are_registered():
    runner = runner_for([recruitx_unn], load_entry_points=False)
    aliases = runner.tables.sources["UNN"]["aliases"]
    assert {"УНН", "Українських національних новин", "Ukrainian National News"} <= set(aliases)


@pytest.mark.parametrize(("text", "mention"), [(EN, "UNN"), (UK, "УНН")])
def test_the_relay_mention_is_the_outlet_naming_itself(text, mention):
    span = recruitx_unn.relay_mention(text)
    assert span is not None and text[span[0] : span[1]] == mention
    assert text[span[1] : span[1] + 9] in (" reports.", " з посила")


def test_refine_puts_the_relay_first_in_attributed_chains_only():
    doc = Document(EN, outlet="UNN")
    start = EN.index("British intelligence")
    intel = Source("British intelligence", (start, start + 20), "UK Defence Intelligence", "intelligence")
    attributed = Claim(EN[start : start + 20], (start, start + 20), sources=(intel,))
    own_voice = Claim(EN[:10], (0, 10))
    out = recruitx_unn.recruitx_refine_claims(document=doc, claims=[attributed, own_voice])
    assert [s.name for s in out[0].sources] == ["UNN", "UK Defence Intelligence"]
    assert EN[out[0].sources[0].span[0] : out[0].sources[0].span[1]] == "UNN"
    assert out[1].sources == ()
    again = recruitx_unn.recruitx_refine_claims(document=doc, claims=out)
    assert again[0].sources == out[0].sources  # never added twice


def test_chains_in_a_parsed_report_start_with_unn():
    # depends on the built-in attribution stage finding "British intelligence"
    report = parse(EN)
    claim = next(c for c in report.claims if "1.9 million roubles" in c.text)
    assert [s.name for s in claim.sources] == ["UNN", "UK Defence Intelligence"]
    assert all(c.sources[0].name == "UNN" for c in report.claims if c.sources)


def test_nothing_changes_on_a_report_of_another_outlet():
    assert parse(OTHER).to_dict() == parse_with(OTHER, isolated=True).to_dict()
    assert recruitx_unn.recruitx_detect_outlet(document=Document(OTHER)) is None
    assert recruitx_unn.recruitx_mark_boilerplate(document=Document(OTHER, outlet="Kyiv Post")) == []


def test_a_passing_mention_of_unn_is_not_the_outlet():
    assert parse("UNN and other agencies covered the exchange of 84 prisoners.").outlet is None


@settings(deadline=None)
@given(st.text(alphabet="UNNУНН reportsповідомляє•views 0123456789\n.,—", max_size=200))
def test_spans_slice_back_on_any_text(text):
    report = parse(text)
    for claim in report.claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
        for s in claim.sources:
            assert text[s.span[0] : s.span[1]] == s.mention



def test_line_hints_only_skip_lines_the_patterns_would_not_match():
    """The hints in data.json never hide a furniture line: a line they skip is one the patterns would not match."""
    patterns = recruitx_unn._patterns()
    texts = [path.read_text(encoding="utf-8") for path in sorted(REPORTS.glob("*.txt"))]
    relay = recruitx_unn._relay_branches()
    assert_hints_are_safe(
        recruitx_unn,
        texts,
        {"lines": patterns[1].fullmatch, "inline": patterns[2].search, "relay": lambda line: any(b.search(line) for b in relay)},
    )
