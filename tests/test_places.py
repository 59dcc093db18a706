"""The place stage: table aliases on word boundaries, case rules, plugin places and offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import recruitx
from recruitx.document import Document, Tables, recruitx_mark_boilerplate
from recruitx.places import find_places


def places(text: str, tables: Tables | None = None) -> list[tuple[str, str]]:
    document = Document(text, tables=tables or Tables.build((), ()))
    document.mark_skipped(recruitx_mark_boilerplate(document))
    document.segment()
    found = find_places(document)
    for place in found:
        assert text[place.span[0] : place.span[1]] == place.text
    return [(p.text, p.name) for p in found]


def test_longest_alias_wins_and_inflected_forms_map_to_one_name() -> None:
    assert places("Recruits were sent to the Donetsk region, not to Donetsk.") == [
        ("Donetsk region", "Donetsk Oblast"),
        ("Donetsk", "Donetsk"),
    ]
    assert places("Мігрантів везуть із Москви до Москви, а не в Москву.") == [("Москви", "Moscow"), ("Москви", "Moscow"), ("Москву", "Moscow")]


def test_case_rules() -> None:
    assert places("She lives in georgia.") == []
    assert places("Us and them.") == []
    assert places("The US and Georgia objected.") == [("US", "United States"), ("Georgia", "Georgia")]
    assert places("Recruiting is strongest in central Russia.") == [("central Russia", "Central Russia")]


def test_word_boundaries_and_possessives() -> None:
    assert places("Moscow’s recruiters and Moscow's offices.") == [("Moscow", "Moscow"), ("Moscow", "Moscow")]
    assert places("Moscowian is not a word, nor is Kyivstar a city.") == []
    assert places("(Nepal) and “India”.") == [("Nepal", "Nepal"), ("India", "India")]


def test_demonyms_of_recruits_countries() -> None:
    assert places("200 Nepalis and 90 Cubans signed up; the Russian army was pleased.") == [("Nepalis", "Nepal"), ("Cubans", "Cuba")]
    assert places("Росія вербує сирійців.") == [("Росія", "Russia"), ("сирійців", "Syria")]


def test_skipped_boilerplate_is_not_searched() -> None:
    text = "Moscow hires Nepalis.\nPhoto: Kyiv city hall\n"
    assert ("Kyiv", "Kyiv") not in places(text)


def test_text_whose_lowercase_changes_length_still_slices_back() -> None:
    assert places("İstanbul talks: recruits from Nepal.") == [("Nepal", "Nepal")]


class _Extra:
    @recruitx.hookimpl
    def recruitx_register_places(self) -> list[dict]:
        return [{"name": "Pskov", "aliases": ["Pskov", "Псков", "Пскова"]}]


def test_plugin_places_reach_the_report() -> None:
    report = recruitx.parse_report("In 2024, 300 men from Pskov signed contracts.", plugins=[_Extra()])
    assert [(p.text, p.name) for c in report.claims for p in c.places] == [("Pskov", "Pskov")]


@given(st.lists(st.sampled_from(["Moscow", "moscow", "Nepal", "US", "us", "Донбасі", " ", ", ", ".\n", "xMoscow", "Москвою", "(", "’s"]), max_size=30))
def test_every_place_slices_back_and_is_a_table_alias(parts: list[str]) -> None:
    text = "".join(parts)
    tables = Tables.build((), ())
    aliases = {a.casefold() for names in tables.places.values() for a in names}
    for written, _ in places(text, tables):
        assert written.casefold() in aliases
