"""recruitx-ukdi: updates as published (outlet, furniture, origin) and as relayed (aliases)."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import recruitx_ukdi
from recruitx.document import Document
from recruitx.plugins import runner_for
from recruitx.records import Claim, Source
from recruitx.testing import assert_hints_are_safe, parse_with

REPORTS = pathlib.Path(__file__).parent / "reports"
UPDATE = (REPORTS / "update-foreign-recruits.txt").read_text(encoding="utf-8")
RELAY_EN = (REPORTS / "relay-en.txt").read_text(encoding="utf-8")
RELAY_UK_RU = (REPORTS / "relay-uk-ru.txt").read_text(encoding="utf-8")
OTHER = (REPORTS / "other-outlet.txt").read_text(encoding="utf-8")
NAME = "UK Defence Intelligence"
PUBLISHED = "2025-04-27"


def parse(text: str, **kwargs):
    """Parse with the built-in stages and this plugin only (installed plugins left out)."""
    return parse_with(text, recruitx_ukdi, isolated=True, published=PUBLISHED, **kwargs)


def parse_core(text: str):
    """Parse with the built-in stages alone."""
    return parse_with(text, isolated=True, published=PUBLISHED)


def skipped(text: str, outlet: str | None = NAME) -> list[str]:
    doc = Document(text, outlet=outlet)
    return [text[s:e] for s, e in recruitx_ukdi.recruitx_mark_boilerplate(document=doc)]


def test_an_update_as_published_is_its_own_outlet():
    assert parse(UPDATE).outlet == NAME
    assert parse("Defence Intelligence Update – Ukraine, 3 March 2022\n\nRussia has likely lost 2,000 troops.").outlet == NAME


@pytest.mark.parametrize("text", [RELAY_EN, RELAY_UK_RU, OTHER])
def test_a_report_about_an_update_is_not_the_update(text):
    assert parse(text).outlet is None


def test_a_relay_quoting_the_heading_mid_text_is_not_the_update():
    text = "Kyiv, 5 May.\n\nAccording to the latest Defence Intelligence update on the situation in Ukraine, 300 recruits left."
    assert parse(text).outlet is None


def test_update_furniture_is_skipped_by_span():
    assert skipped(UPDATE) == [
        "Key judgements",
        "Image: Defence Intelligence map of recruitment bonuses by region",
        line("Find out more about the UK government's response"),
        line("Find out more about Defence Intelligence's use of language"),
        "Defence Intelligence uses the PHIA probability yardstick so that readers can tell how likely each judgement is.",
        "Remote chance: 0–5%",
        "Almost certain: 95–100%",
        "#StandWithUkraine 🇺🇦",
    ]


def line(prefix: str) -> str:
    return next(x for x in UPDATE.splitlines() if x.startswith(prefix))


def test_only_the_pasted_links_and_yardstick_are_furniture_outside_an_update():
    assert skipped(UPDATE, outlet=None) == [
        s for s in skipped(UPDATE) if s not in ("Key judgements", "#StandWithUkraine 🇺🇦") and not s.startswith("Image")
    ]
    assert skipped(RELAY_EN, outlet=None) == []


def test_the_yardstick_explainer_gives_no_likelihoods_or_figures():
    report = parse(UPDATE)
    for claim in report.claims:
        assert UPDATE[claim.span[0] : claim.span[1]] == claim.text
        assert "%" not in claim.text and "PHIA" not in claim.text
    assert {c.likelihood.term for c in report.claims if c.likelihood} == {"almost certain", "highly likely", "likely"}


def test_claims_naming_no_source_come_from_the_author():
    doc = Document(UPDATE, outlet=NAME)
    start = UPDATE.index("Important Stories")
    stories = Source("Important Stories", (start, start + 17), "Important Stories", "media")
    sourced = Claim(UPDATE[start : start + 17], (start, start + 17), sources=(stories,))
    unsourced = Claim(UPDATE[start - 20 : start], (start - 20, start))
    out = recruitx_ukdi.recruitx_refine_claims(document=doc, claims=[sourced, unsourced])
    assert out[0].sources == (stories,)
    (author,) = out[1].sources
    assert (author.name, author.kind, author.mention) == (NAME, "intelligence", "Defence Intelligence")
    assert UPDATE[author.span[0] : author.span[1]] == "Defence Intelligence" and author.span[0] < 20


def test_in_a_parsed_update_the_judgements_come_from_the_author():
    report = parse(UPDATE)
    share = next(c for c in report.claims if "highly likely" in c.text)
    assert [s.name for s in share.sources] == [NAME]
    # depends on the built-in attribution stage finding "Important Stories"
    study = next(c for c in report.claims if "1,500" in c.text)
    assert study.origin is not None and study.origin.name == "Important Stories"


def test_with_the_outlet_given_the_first_naming_is_the_author():
    report = parse(RELAY_EN, outlet=NAME)
    assert report.outlet == NAME
    assert all(c.origin is not None and c.origin.name == NAME for c in report.claims)
    assert refine_without_naming() is None


def refine_without_naming():
    doc = Document("Russia recruited 300 men.", outlet=NAME)
    return recruitx_ukdi.recruitx_refine_claims(document=doc, claims=[Claim("300 men", (17, 24))])


def test_relay_aliases_in_three_languages_are_registered():
    aliases = {a.casefold() for a in runner_for([recruitx_ukdi], load_entry_points=False).tables.sources[NAME]["aliases"]}
    for alias in ("the British MoD", "UK MoD Defence Intelligence", "британської військової розвідки", "британское Минобороны",
                  "британской военной разведки", "Britain's Ministry of Defence"):
        assert alias.casefold().removeprefix("the ") in aliases


def test_ukrainian_and_russian_relays_are_attributed_to_the_author():
    # depends on the built-in attribution stage reading "За даними X" / "По данным X"
    report = parse(RELAY_UK_RU)
    origins = {q.text: c.origin and c.origin.name for c in report.claims for q in c.quantities}
    assert origins["1 000 осіб на добу"] == NAME
    assert origins["более 648 тысяч военных"] == NAME
    without = parse_core(RELAY_UK_RU)  # the core alone does not know these inflected names
    assert NAME not in {c.origin.name for c in without.claims if c.origin}


def test_nothing_changes_on_a_report_of_another_outlet():
    assert parse(OTHER).to_dict() == parse_core(OTHER).to_dict()


@settings(deadline=None)
@given(st.text(alphabet="Latest Defence Intelligence update on Ukraine 27 April 2025 PHIA%–#\n.,", max_size=200))
def test_spans_slice_back_on_any_text(text):
    for claim in parse(text).claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
        for s in claim.sources:
            assert text[s.span[0] : s.span[1]] == s.mention



def test_line_hints_only_skip_lines_the_patterns_would_not_match():
    """The hints in data.json never hide a furniture line: a line they skip is one the patterns would not match."""
    patterns = recruitx_ukdi._patterns()
    texts = [path.read_text(encoding="utf-8") for path in sorted(REPORTS.glob("*.txt"))]
    assert_hints_are_safe(recruitx_ukdi, texts, {"anywhere": patterns[2].fullmatch}, published=PUBLISHED)
