"""The reference-style example report, parsed end to end and checked claim by claim, field by field."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

import recruitx
from recruitx.testing import assert_spans_slice_back

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEXT = (ROOT / "examples" / "uk-intel-foreign-recruits.txt").read_text(encoding="utf-8")
UKDI = "UK Defence Intelligence"


@pytest.fixture(scope="module")
def report() -> recruitx.Report:
    return recruitx.parse_report(TEXT)


def claim_with(report: recruitx.Report, words: str) -> recruitx.Claim:
    found = [c for c in report.claims if words in c.text]
    assert len(found) == 1, f"{len(found)} claims hold {words!r}"
    return found[0]


def test_report_fields(report):
    assert report.published == dt.date(2025, 4, 27)
    assert report.language == "en"
    assert report.title == "British intelligence: Russia will almost certainly keep enlisting foreigners for its war"
    assert_spans_slice_back(TEXT, report)
    assert [c.span for c in report.claims] == sorted(c.span for c in report.claims)
    assert not any(c.text in ("Details", "Supplement") for c in report.claims)
    assert not [d for d in report.diagnostics if d.level == "error"]


def test_lead_is_a_forecast_relayed_from_british_intelligence(report):
    lead = claim_with(report, "go on enlisting foreign nationals")
    assert (lead.likelihood.text, lead.likelihood.term, lead.likelihood.low, lead.likelihood.high) == (
        "almost certainly",
        "almost certain",
        0.95,
        1.0,
    )
    assert lead.likelihood.scale == "phia"
    assert [(s.mention, s.name, s.kind) for s in lead.sources] == [
        ("UNN", "UNN", "media"),
        ("British intelligence", UKDI, "intelligence"),
    ]
    assert lead.quantities == () and lead.periods == ()


def test_total_comes_from_important_stories_through_two_relays(report):
    claim = claim_with(report, "more than 1,500 foreigners")
    assert [s.name for s in claim.sources] == ["UNN", UKDI, "Important Stories"]
    assert claim.origin.kind == "media" and "Important Stories" in claim.origin.mention
    (q,) = claim.quantities
    assert (q.text, q.value, q.low, q.high, q.qualifier, q.unit) == (
        "more than 1,500 foreigners",
        1500,
        1500,
        None,
        "more_than",
        "foreigners",
    )
    (p,) = claim.periods
    assert (p.text, p.start, p.end) == ("from April 2023 to the end of May 2024", dt.date(2023, 4, 1), dt.date(2024, 5, 31))
    assert [pl.name for pl in claim.places] == ["Moscow"]


def test_breakdown_carries_the_attribution_of_the_sentence_before(report):
    claim = claim_with(report, "(771)")
    assert [(q.text, q.value, q.low, q.high, q.qualifier) for q in claim.quantities] == [
        ("771", 771, 771, 771, "exact"),
        ("523", 523, 523, 523, "exact"),
        ("72", 72, 72, 72, "exact"),
    ]
    assert all(q.unit == "foreigners" for q in claim.quantities)
    assert claim.origin.name == "Important Stories"


def test_likely_judgement_is_the_update_s_own(report):
    claim = claim_with(report, "lump-sum payments")
    assert claim.likelihood.term == "likely" and (claim.likelihood.low, claim.likelihood.high) == (0.55, 0.75)
    assert claim.origin.name == UKDI
    assert claim.quantities == ()


def test_president_then_head_of_state_is_one_party(report):
    capture = claim_with(report, "two Chinese citizens")
    (q,) = capture.quantities
    assert (q.text, q.value, q.qualifier, q.unit) == ("two Chinese citizens", 2, "exact", "Chinese citizens")
    (p,) = capture.periods
    assert (p.text, p.start, p.end) == ("On April 8", dt.date(2025, 4, 8), dt.date(2025, 4, 8))
    assert capture.origin.mention == "Ukrainian President Volodymyr Zelenskyy"
    assert "Donetsk Oblast" in [pl.name for pl in capture.places]

    fighting = claim_with(report, "at least 155")
    (q,) = fighting.quantities
    assert (q.text, q.value, q.low, q.high, q.qualifier) == ("at least 155 Chinese citizens", 155, 155, None, "at_least")
    assert (fighting.origin.mention, fighting.origin.name) == ("The head of state", "Volodymyr Zelenskyy")


def test_closing_ukrainian_sentence(report):
    claim = claim_with(report, "Нагадаємо")
    (q,) = claim.quantities
    assert (q.text, q.value, q.low, q.high, q.qualifier, q.unit) == (
        "понад 1,5 тис. іноземців",
        1500,
        1500,
        None,
        "more_than",
        "іноземців",
    )
    (p,) = claim.periods
    assert (p.text, p.start, p.end) == ("у березні минулого року", dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    assert (claim.origin.mention, claim.origin.name, claim.origin.kind) == ("ГУР", "Defence Intelligence of Ukraine", "intelligence")
    assert [pl.name for pl in claim.places] == ["Moscow"]
