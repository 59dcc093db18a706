"""recruitx-isw: ISW products (outlet, furniture, footnotes, origin) and relays (aliases, estimative words)."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import recruitx_isw
from recruitx.document import Document
from recruitx.plugins import runner_for
from recruitx.records import Claim
from recruitx.testing import assert_hints_are_safe, parse_with

REPORTS = pathlib.Path(__file__).parent / "reports"
ASSESSMENT = (REPORTS / "assessment.txt").read_text(encoding="utf-8")
RELAY_EN = (REPORTS / "relay-en.txt").read_text(encoding="utf-8")
RELAY_UK = (REPORTS / "relay-uk.txt").read_text(encoding="utf-8")
OTHER = (REPORTS / "other-outlet.txt").read_text(encoding="utf-8")
NAME = "Institute for the Study of War"
PUBLISHED = "2022-09-26"


def parse(text: str, **kwargs):
    """Parse with the built-in stages and this plugin only (installed plugins left out)."""
    return parse_with(text, recruitx_isw, isolated=True, published=PUBLISHED, **kwargs)


def parse_core(text: str):
    """Parse with the built-in stages alone."""
    return parse_with(text, isolated=True, published=PUBLISHED)


def skipped(text: str, outlet: str | None = NAME) -> list[str]:
    doc = Document(text, outlet=outlet)
    return [text[s:e] for s, e in recruitx_isw.recruitx_mark_boilerplate(document=doc)]


def test_an_assessment_is_its_own_outlet():
    assert parse(ASSESSMENT).outlet == NAME
    note = "Russia called up 300 men.\n\nNote: The data cut-off for this product was 1:00 pm ET on May 3."
    assert parse(note).outlet == NAME


@pytest.mark.parametrize("text", [RELAY_EN, RELAY_UK, OTHER])
def test_a_report_about_an_assessment_is_not_the_assessment(text):
    assert parse(text).outlet is None


def test_assessment_furniture_and_footnotes_are_skipped_by_span():
    assert skipped(ASSESSMENT) == [
        "Karolina Hird, Grace Mappes, Katherine Lawlor, and Frederick W. Kagan",
        next(x for x in ASSESSMENT.splitlines() if x.startswith("Click here to see ISW's interactive map")),
        "Key Takeaways",
        "[1][2]",
        "[3]",
        "[4]",
        "Note: The data cut-off for this product was 12:30 pm ET on September 26.",
        "[1] https://t.me/example_channel/1234",
        "[2] https://www.example.org/news/mobilization-protests",
    ]


def test_the_heading_and_the_dateline_stay_content():
    kept = " ".join(skipped(ASSESSMENT))
    assert "Russian Offensive Campaign Assessment" not in kept and "7:30 pm ET" not in kept


def test_footnote_numbers_are_not_figures():
    without = parse_core(ASSESSMENT)
    assert {"1", "3"} <= {q.text for c in without.claims for q in c.quantities}  # the core alone reads them
    report = parse(ASSESSMENT)
    figures = {q.text for c in report.claims for q in c.quantities}
    assert {"at least 2,000 people", "300,000 combat-ready reservists", "about 700 men"} <= figures
    assert not figures & {"1", "2", "3", "4"}
    for claim in report.claims:
        assert ASSESSMENT[claim.span[0] : claim.span[1]] == claim.text
        assert "[" not in claim.text and "https" not in claim.text


def test_only_click_here_lines_are_furniture_outside_a_product():
    assert skipped(RELAY_EN, outlet=None) == ["Click here to read the full report on the ISW website."]
    assert skipped(ASSESSMENT, outlet=None) == [skipped(ASSESSMENT)[1]]


def test_in_an_assessment_claims_naming_no_source_are_isw_s():
    report = parse(ASSESSMENT)
    detained = next(c for c in report.claims if "2,000" in c.text)
    assert [s.name for s in detained.sources] == [NAME]
    assert detained.sources[0].mention == "ISW"
    assesses = next(c for c in report.claims if "300,000" in c.text)
    assert assesses.origin.name == NAME
    assert ASSESSMENT[assesses.origin.span[0] : assesses.origin.span[1]] == "ISW"
    # depends on the built-in attribution stage naming the milbloggers
    milbloggers = next(c for c in report.claims if "700" in c.text)
    assert milbloggers.origin.mention == "Russian milbloggers"


def test_estimative_words_make_isw_the_source_of_an_unsourced_claim():
    text = "Moscow, 4 May. The Institute for the Study of War (ISW) has observed 40 new recruitment ads."
    doc = Document(text)
    start = text.index("The Institute")
    claim = Claim(text[start:], (start, len(text)))
    (out,) = recruitx_isw.recruitx_refine_claims(document=doc, claims=[claim])
    assert (out.origin.mention, out.origin.name, out.origin.kind) == (
        "The Institute for the Study of War (ISW)", NAME, "ngo")
    other = Claim(text[:7], (0, 7))
    assert recruitx_isw.recruitx_refine_claims(document=doc, claims=[other]) is None


def test_relays_are_attributed_to_isw():
    # depends on the built-in attribution stage
    report = parse(RELAY_EN)
    origins = {q.text: c.origin and c.origin.name for c in report.claims for q in c.quantities}
    assert origins["100,000 volunteers"] == NAME
    assert origins["at least four recruitment drives"] == NAME


def test_ukrainian_and_russian_names_are_registered_and_resolved():
    aliases = set(runner_for([recruitx_isw], load_entry_points=False).tables.sources[NAME]["aliases"])
    assert {"Інституту з вивчення війни", "Института по изучению войны", "аналітики ISW"} <= aliases
    report = parse(RELAY_UK)
    analysts = next(c for c in report.claims if "Аналітики" in c.text)
    assert analysts.origin.name == NAME  # the core alone names the party after its mention


def test_nothing_changes_on_a_report_of_another_outlet():
    assert parse(OTHER).to_dict() == parse_core(OTHER).to_dict()


@settings(deadline=None)
@given(st.text(alphabet="ISW assesses Key Takeaways Russian Offensive Campaign Assessment[1]2 \n.,:", max_size=200))
def test_spans_slice_back_on_any_text(text):
    for claim in parse(text).claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
        for s in claim.sources:
            assert text[s.span[0] : s.span[1]] == s.mention



def test_line_hints_only_skip_lines_the_patterns_would_not_match():
    """The hints in data.json never hide a furniture line: a line they skip is one the patterns would not match."""
    patterns = recruitx_isw._patterns()
    texts = [path.read_text(encoding="utf-8") for path in sorted(REPORTS.glob("*.txt"))]
    assert_hints_are_safe(recruitx_isw, texts, {"markers": patterns["markers"].fullmatch, "anywhere": patterns["anywhere"].fullmatch}, published=PUBLISHED)
