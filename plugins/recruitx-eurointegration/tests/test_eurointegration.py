"""recruitx-eurointegration: European Pravda's byline, labels, furniture and "Source:" relay chain."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import recruitx_eurointegration as ep
from recruitx.document import Document
from recruitx.records import Claim
from recruitx.testing import parse_with

REPORTS = pathlib.Path(__file__).parent / "reports"
EN = (REPORTS / "en-ukdi-relay.txt").read_text(encoding="utf-8")
UK = (REPORTS / "uk-politico-relay.txt").read_text(encoding="utf-8")
OTHER = (REPORTS / "other-outlet.txt").read_text(encoding="utf-8")
NAME = "European Pravda"
PUBLISHED = "2025-05-12"


def parse(text: str, **kwargs):
    """Parse with the built-in stages and this plugin only (installed plugins left out)."""
    return parse_with(text, ep, isolated=True, published=PUBLISHED, **kwargs)


def skipped(text: str) -> list[str]:
    doc = Document(text, outlet=NAME)
    return [text[s:e] for s, e in ep.recruitx_mark_boilerplate(document=doc)]


@pytest.mark.parametrize("text", [EN, UK])
def test_the_outlet_is_detected_from_its_byline(text):
    assert parse(text).outlet == NAME


def test_the_outlet_is_detected_from_a_source_line_it_relays():
    text = "Russia recruited 300 Serbs.\n\nSource: Reuters, as reported by European Pravda"
    assert parse(text).outlet == NAME
    assert parse("Russia recruited 300 Serbs.\n\nSource: European Pravda").outlet is None  # cited, not relaying


def test_byline_name_labels_and_furniture_are_skipped_the_dateline_kept():
    assert skipped(EN) == [
        "European Pravda, OLENA KOVAL",
        "Details: ",
        next(x for x in EN.splitlines() if x.startswith("If you notice an error")),
    ]
    assert skipped(UK) == [
        "Європейська правда, ІРИНА ШЕВЧЕНКО",
        "ФОТО ІЛЮСТРАТИВНЕ",
        "Деталі: ",
        next(x for x in UK.splitlines() if x.startswith("Якщо ви помітили")),
    ]


def test_a_surname_glued_to_the_weekday_ends_before_it():
    text = "Title\n\nEuropean Pravda, MARIIA PETRENKOThursday, 20 July 2023, 16:45\n\nRussia recruited 300 men."
    assert skipped(text)[0] == "European Pravda, MARIIA PETRENKO"


@pytest.mark.parametrize(("text", "dateline"), [(EN, "Thursday, 20 July 2023, 16:45"), (UK, "Понеділок, 12 травня 2025, 14:05")])
def test_claims_slice_back_and_the_dateline_is_still_a_period(text, dateline):
    report = parse(text)
    for claim in report.claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
        assert "OLENA" not in claim.text and "ІРИНА" not in claim.text and "Ctrl" not in claim.text
        assert not claim.text.startswith(("Details:", "Деталі:"))
    assert any(dateline in p.text or p.text in dateline for c in report.claims for p in c.periods)


@pytest.mark.parametrize(
    ("text", "relay", "origin", "origin_mention"),
    [(EN, "European Pravda", "UK Defence Intelligence", "UK MoD Defence Intelligence"),
     (UK, "Європейська правда", "Politico", "Politico")],
)
def test_the_source_line_names_the_relay_chain(text, relay, origin, origin_mention):
    chain = ep.relay_chain(Document(text, outlet=NAME))
    assert [(s.mention, s.name) for s in chain] == [(relay, NAME), (origin_mention, origin)]
    assert all(text[s.span[0] : s.span[1]] == s.mention for s in chain)


def test_an_unknown_party_on_the_source_line_is_named_by_its_mention():
    text = "Title\n\nSource: the Latvian defence ministry, as reported by European Pravda"
    (relay, origin) = ep.relay_chain(Document(text, outlet=NAME))
    assert (origin.mention, origin.kind) == ("the Latvian defence ministry", "other")


def test_unsourced_claims_before_background_get_the_chain():
    doc = Document(UK, outlet=NAME)
    lead = UK.index("Російські вербувальники")
    later = UK.index("У 2024 році")
    claims = [Claim(UK[lead : lead + 10], (lead, lead + 10)), Claim(UK[later : later + 10], (later, later + 10))]
    out = ep.recruitx_refine_claims(document=doc, claims=claims)
    assert [s.name for s in out[0].sources] == [NAME, "Politico"]
    assert out[1].sources == ()  # "Передісторія:" is the outlet's own context


def test_in_a_parsed_report_the_details_come_from_the_relayed_party():
    report = parse(EN)
    origins = {q.text: c.origin and c.origin.name for c in report.claims for q in c.quantities}
    assert origins["about 40,000 convicts"] == "UK Defence Intelligence"
    assert origins["up to 18,000 convict fighters"] == "UK Defence Intelligence"  # the title
    assert origins["about 600 new recruits"] is None  # after "Background:"
    lead = next(c for c in parse(UK).claims if "3 тисячі євро" in c.text)
    assert [s.name for s in lead.sources] == [NAME, "Politico"]


def test_nothing_changes_on_a_report_of_another_outlet():
    assert parse(OTHER).outlet is None
    assert parse(OTHER).to_dict() == parse_with(OTHER, isolated=True, published=PUBLISHED).to_dict()


@settings(deadline=None)
@given(st.text(alphabet="European Pravda, ABC Thursday 20 Source: Details: Background: as reported by 300\n.", max_size=200))
def test_spans_slice_back_on_any_text(text):
    for claim in parse(text).claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
        for s in claim.sources:
            assert text[s.span[0] : s.span[1]] == s.mention
