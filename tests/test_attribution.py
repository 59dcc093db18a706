"""The attribution stage on short reports written for these tests: cue families in three languages,
nested chains, carried scope, coreference, the outlet's own voice, and properties of every chain."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import recruitx
from recruitx.records import Report

DATE = "2025-04-27"


def parse(text: str, **kwargs: object) -> Report:
    return recruitx.parse_report(text, published=DATE, **kwargs)


def chain_of(report: Report, figure: str) -> list[str]:
    """Canonical names of the chain of the claim holding the quantity ``figure``, outermost first."""
    for claim in report.claims:
        for quantity in claim.quantities:
            if figure in quantity.text or quantity.text in figure:
                return [s.name for s in claim.sources]
    raise AssertionError(f"no quantity {figure!r} in {[q.text for c in report.claims for q in c.quantities]}")


def origin_of(report: Report, figure: str) -> str | None:
    names = chain_of(report, figure)
    return names[-1] if names else None


def mentions(report: Report) -> set[str]:
    return {s.mention for c in report.claims for s in c.sources}


# -- cue families, one report per family and language ------------------------------------------

CUES = [
    # English
    ("en", "Ukraine has captured 300 foreign fighters since March, Volodymyr Zelenskyy said.", "300 foreign fighters", "Volodymyr Zelenskyy"),
    ("en", "Meduza reported that 1,200 convicts signed contracts in the spring.", "1,200 convicts", "Meduza"),
    ("en", "According to the Security Service of Ukraine, 45 recruiters were detained.", "45 recruiters", "Security Service of Ukraine"),
    ("en", "About 900 migrants were sent to the front, citing Mediazona.", "About 900 migrants", "Mediazona"),
    ("en", "Russia recruited 2,000 Nepalis last year. This was reported by the BBC.", "2,000 Nepalis", "BBC"),
    ("en", "At least 80 Cubans were identified in a study by Important Stories.", "At least 80 Cubans", "Important Stories"),
    ("en", "ISW estimates that 30,000 men sign contracts every month.", "30,000 men", "Institute for the Study of War"),
    ("en", "More than 500 Syrians were promised 2,000 dollars a month - Reuters says.", "More than 500 Syrians", "Reuters"),
    # Ukrainian
    ("uk", "За даними ГУР, Росія завербувала 1200 іноземців.", "1200 іноземців", "Defence Intelligence of Ukraine"),
    ("uk", "Як повідомляє Медіазона, до армії пішли 700 в'язнів.", "700 в'язнів", "Mediazona"),
    ("uk", "Зеленський заявив, що на боці Росії воюють 155 громадян Китаю.", "155 громадян Китаю", "Volodymyr Zelenskyy"),
    ("uk", "За словами Андрія Коваленка, контракти підписали 40 тисяч осіб.", "40 тисяч осіб", "Andriy Kovalenko"),
    ("uk", "Росія щомісяця набирає 30 тисяч контрактників. Про це пише Українська правда.", "30 тисяч контрактників", "Ukrainska Pravda"),
    ("uk", "СБУ повідомила, що затримала 12 вербувальників.", "12 вербувальників", "Security Service of Ukraine"),
    # Russian
    ("ru", "По данным Медиазоны, на фронт отправили 800 мигрантов.", "800 мигрантов", "Mediazona"),
    ("ru", "Как сообщает Би-би-си, контракт подписали 600 заключенных.", "600 заключенных", "BBC"),
    ("ru", "Бастрыкин сообщил, что на учет поставили 30 тыс. новых граждан.", "30 тыс. новых граждан", "Alexander Bastrykin"),
    ("ru", "Издание пишет о 400 добровольцах со ссылкой на Минобороны России.", "400 добровольцах", "Ministry of Defence of Russia"),
    ("ru", "В армию завербовали 2 тыс. иностранцев. Об этом заявил Владимир Путин.", "2 тыс. иностранцев", "Vladimir Putin"),
    ("ru", "Кадыров заявил, что в Чечне обучают 500 добровольцев.", "500 добровольцев", "Ramzan Kadyrov"),
]


@pytest.mark.parametrize(("language", "text", "figure", "origin"), CUES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CUES)])
def test_cue_families(language: str, text: str, figure: str, origin: str) -> None:
    report = parse(text)
    assert origin_of(report, figure) == origin


def test_unknown_parties_get_a_derived_name_and_a_guessed_kind() -> None:
    report = parse("Regional authorities said 70 conscripts were sent to training camps, while analysts estimate 5,000 more.")
    assert origin_of(report, "70 conscripts") == "Regional authorities"
    kinds = {s.name: s.kind for c in report.claims for s in c.sources}
    assert kinds["Regional authorities"] == "government"
    report = parse("A Ukrainian official on Tuesday told journalists that 14 captives from Togo had been traced.")
    source = report.claims[0].sources[-1]
    assert (source.mention, source.kind) == ("A Ukrainian official", "government")


# -- nesting -----------------------------------------------------------------------------------


def test_nested_chain_runs_from_the_outlet_to_the_origin() -> None:
    text = (
        "Russia keeps hiring foreigners, UNN reports.\n\n"
        "UK intelligence writes that, according to an investigation by Important Stories, "
        "over 1,500 foreigners put their names to contracts in the capital."
    )
    report = parse(text)
    assert chain_of(report, "over 1,500 foreigners") == ["UNN", "UK Defence Intelligence", "Important Stories"]
    assert report.outlet in (None, "UNN")


def test_trailing_cues_are_outer_and_a_recorded_by_clause_is_inner() -> None:
    text = "According to the Ukrainian General Staff's tally, Moscow's daily losses reached 1,300 troops, according to the UK Ministry of Defence."
    assert chain_of(parse(text), "1,300 troops") == ["UK Defence Intelligence", "General Staff of the Armed Forces of Ukraine"]
    text = "The offensive brought an 80% jump in casualty counts recorded by Ukraine's Ministry of Defence, according to British intelligence."
    assert chain_of(parse(text), "80%") == ["UK Defence Intelligence", "Ministry of Defence of Ukraine"]


def test_a_relayed_finding_splits_the_sentence_by_origin() -> None:
    text = (
        "The spokesperson Ivan Petrenko said that 40 Nepalis have returned, "
        "while 6 others had been declared dead by Russian authorities."
    )
    report = parse(text)
    assert origin_of(report, "40 Nepalis") == "Ivan Petrenko"
    assert origin_of(report, "6 others") == "Russian authorities"


# -- carried scope -------------------------------------------------------------------------------


def test_scope_carries_through_quotes_continuations_and_the_paragraph() -> None:
    text = (
        "Meduza said in a fresh report that 3,000 prisoners joined storm units. "
        "Most of them reached the Donbas in under 20 days.\n\n"
        '"We counted 450 graves. Another 120 men are missing," the report reads.\n\n'
        "It is reported that 75 of those killed came from abroad."
    )
    report = parse(text)
    assert origin_of(report, "3,000 prisoners") == "Meduza"
    assert origin_of(report, "20 days") == "Meduza"
    assert origin_of(report, "450 graves") == "Meduza"
    assert origin_of(report, "Another 120 men") == "Meduza"
    assert origin_of(report, "75") == "Meduza"


def test_scope_closes_back_over_the_paragraph_a_trailing_cue_ends() -> None:
    text = "Moscow offered 2,500 dollars to each recruit. The offer covers 6 months, the ISW says."
    report = parse(text)
    assert origin_of(report, "2,500 dollars") == "Institute for the Study of War"
    text = "Росія набирає 12 тисяч контрактників на місяць.\nПро це повідомив речник ГУР Андрій Юсов."
    assert origin_of(parse(text), "12 тисяч контрактників") == "Andriy Yusov"


def test_scope_stops_at_the_outlets_own_voice() -> None:
    text = (
        "President Volodymyr Zelenskyy claimed that 155 Chinese citizens serve in Russian ranks. "
        "One recruit reportedly handed 3,000 dollars to a broker.\n\n"
        "Later, 40 Chinese citizens were taken near Pokrovsk."
    )
    report = parse(text)
    assert origin_of(report, "155 Chinese citizens") == "Volodymyr Zelenskyy"
    assert origin_of(report, "3,000 dollars") is None
    assert origin_of(report, "40 Chinese citizens") is None


def test_a_figure_in_the_outlets_voice_has_no_sources() -> None:
    report = parse("Russia has recruited at least 20,000 foreigners since 2023.\n\nThe war has lasted 3 years.")
    assert all(not c.sources for c in report.claims)
    assert origin_of(report, "at least 20,000 foreigners") is None


def test_a_figure_inside_the_speakers_naming_is_the_outlets() -> None:
    report = parse('"I did not know I would fight," said one of the recruits, 24-year-old Amit Kumar.')
    assert origin_of(report, "24-year-old") is None
    assert any("Amit Kumar" in m for m in mentions(report))


# -- coreference ---------------------------------------------------------------------------------


def test_titles_and_pronouns_resolve_to_the_party_named_before() -> None:
    text = (
        "Ukrainian President Volodymyr Zelenskyy said 155 Chinese citizens hold Russian contracts. "
        "The head of state further stated that 60 of them had signed up via the internet.\n\n"
        "According to the president, 20 more came in May. He added that 5 were taken prisoner."
    )
    report = parse(text)
    for figure in ("155 Chinese citizens", "60", "20 more", "5"):
        assert origin_of(report, figure) == "Volodymyr Zelenskyy", figure
    written = mentions(report)
    assert "The head of state" in written and "the president" in written
    assert "He" not in written  # a pronoun points at the earlier naming, not at itself


def test_ministry_title_and_ukrainian_pronoun() -> None:
    text = "Togo's Foreign Ministry said 11 students had been deceived. The ministry said 4 of them remain detained."
    report = parse(text)
    assert origin_of(report, "11 students") == origin_of(report, "4")
    text = "Глава ГУР Кирило Буданов заявив, що Росія втратила 900 найманців. За його даними, ще 300 поранені."
    report = parse(text)
    assert origin_of(report, "900 найманців") == origin_of(report, "300") != None  # noqa: E711


def test_one_party_named_several_ways_is_one_name() -> None:
    text = "UK Defence Intelligence wrote that 20,000 convicts died. British intelligence added that 40,000 served."
    report = parse(text)
    assert origin_of(report, "20,000 convicts") == origin_of(report, "40,000") == "UK Defence Intelligence"


# -- the alias table, plugins and the outlet ------------------------------------------------------


class _Aliases:
    @recruitx.hookimpl
    def recruitx_register_source_aliases(self) -> list[dict]:
        return [{"name": "Verstka", "kind": "media", "aliases": ["Verstka", "Вёрстка"]}]


def test_plugin_aliases_name_a_party() -> None:
    report = parse("Verstka reported that 5,000 migrants were mobilised.", plugins=[_Aliases()])
    source = report.claims[0].sources[-1]
    assert (source.name, source.kind) == ("Verstka", "media")


def test_named_outlet_is_the_outermost_link_of_attributed_claims_only() -> None:
    text = "Russia recruited 900 Serbs. This was stated by Aleksandar Vučić, Euronews reports.\n\nSerbia has 7 million people."
    report = parse(text)
    assert chain_of(report, "900 Serbs") == ["Euronews", "Aleksandar Vučić"]
    assert chain_of(report, "7 million people") == []


# -- negatives -------------------------------------------------------------------------------------

NO_SOURCE = [
    "The court sentenced 12 recruiters to prison in 2024.",
    "Instagram deleted 41 of the 52 posts in June.",
    "Russian troops lost 1,200 people per day in November.",
    "It is believed that 500 Cubans have joined the army.",
    "The death toll ranges from 35 to 50 thousand, according to rough calculations.",
    "Суд засудив 3 вербувальників до 8 років ув'язнення.",
    "Число погибших выросло до 300 человек.",
    "He sent 200 dollars to his family every month.",
]


@pytest.mark.parametrize("text", NO_SOURCE)
def test_no_source_without_a_reporting_party(text: str) -> None:
    assert mentions(parse(text)) == set()


# -- properties ------------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Meduza said that 1,000 men signed up. ",
        "According to the ISW, 300 recruits arrived. ",
        '"We lost 40 people," the commander said. ',
        "It is reported that 12 died. ",
        "This was reported by Reuters. ",
        "The ministry said 5 were freed.\n\n",
        "Russia hired 70 Cubans, UNN reports. ",
        "За даними СБУ, затримано 9 осіб. ",
        "Об этом сообщил Песков.\n",
        "He added that 8 returned. ",
        "In May, 2 Chinese men were captured. ",
        "«Ми маємо 20 полонених», — сказав речник. ",
    ]
)


@given(st.lists(_PIECES, min_size=1, max_size=8))
def test_every_source_slices_back_and_chains_have_no_repeats(pieces: list[str]) -> None:
    text = "".join(pieces)
    report = parse(text)
    for claim in report.claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
        names = [s.name for s in claim.sources]
        assert all(a != b for a, b in zip(names, names[1:]))
        for source in claim.sources:
            assert text[source.span[0] : source.span[1]] == source.mention
            assert source.mention.strip() == source.mention and source.mention


@given(st.text(alphabet=st.sampled_from(list("abc .,\"'«»“”-–—:;XYZ said according to за даними по данным\n")), max_size=300))
def test_arbitrary_text_never_breaks_the_stage(text: str) -> None:
    report = parse(text)
    for claim in report.claims:
        for source in claim.sources:
            assert text[source.span[0] : source.span[1]] == source.mention


def test_text_whose_lowercase_changes_length_keeps_true_offsets() -> None:
    text = "İstanbul talks. Meduza reported that 300 Turks signed up."
    report = parse(text)
    assert origin_of(report, "300 Turks") == "Meduza"
    source = report.claims[-1].sources[-1]
    assert text[source.span[0] : source.span[1]] == "Meduza"


# -- topics of claims (claims.py) -------------------------------------------------------------------

TOPICS = [
    ("The Kremlin denied that 2,000 Cubans were recruited.", "denial"),
    ("Two Chinese men were captured near Donetsk.", "capture"),
    ("Russia lost 1,200 soldiers per day.", "casualties"),
    ("Each recruit got 250,000 rubles (roughly $2,900).", "payment"),
    ("Recruiters placed 60 job adverts on VKontakte.", "channel"),
    ("Roughly 500 of them were deployed to the front in July.", "deployment"),
    ("Moscow will very likely keep hiring abroad in 2026.", "forecast"),
    ("Over 1,500 foreign nationals from 48 states joined.", "origin"),
    ("The army recruited 30,000 men in March.", "recruitment"),
    ("The bakery opened in 2009.", "other"),
    ("Росія вербує мігрантів через соцмережі з 2024 року.", "channel"),
    ("За добу загинули 40 військових.", "casualties"),
    ("В плен попали 12 наемников.", "capture"),
]


@pytest.mark.parametrize(("text", "topic"), TOPICS)
def test_topics(text: str, topic: str) -> None:
    claims = parse(text).claims
    assert claims and claims[0].topic == topic


def test_subject_after_the_verb_following_a_comma() -> None:
    report = parse("Росія завербувала щонайменше 1500 іноземців з 48 країн, повідомляє Головне управління розвідки.")
    assert origin_of(report, "1500 іноземців") == "Defence Intelligence of Ukraine"
    report = parse("Most of the 2,000 recruits are Central Asians, notes the Institute for the Study of War.")
    assert origin_of(report, "2,000 recruits") == "Institute for the Study of War"
    report = parse("Минобороны РФ сообщило, что за неделю контракт подписали 9 тыс. человек.")
    assert origin_of(report, "9 тыс. человек") == "Ministry of Defence of Russia"


def test_outlet_in_a_dateline_and_a_cue_inside_an_aside() -> None:
    text = (
        "LVIV, Mar 14 (Reuters) - Ukraine's military intelligence said that about 3,000 North Korean troops had been killed.\n\n"
        "South Korean lawmakers, citing the National Intelligence Service, said at least 100 soldiers were dead."
    )
    report = parse(text)
    assert chain_of(report, "about 3,000") == ["Reuters", "Defence Intelligence of Ukraine"]
    names = chain_of(report, "at least 100 soldiers")
    assert names[-2:] == ["South Korean lawmakers", "National Intelligence Service"]


@pytest.mark.parametrize(
    ("headline", "origin"),
    [
        ("ISW: Moscow will likely widen the call-up", "Institute for the Study of War"),
        ("ГУР: Росія, ймовірно, завербувала понад 2 тис. іноземців", "Defence Intelligence of Ukraine"),
        ("Meduza: около 300 мигрантов получили повестки", "Meduza"),
    ],
)
def test_a_headline_written_party_colon_statement_names_its_source(headline, origin):
    report = recruitx.parse_report(f" date 2025-04-27 {headline}\n\nBody text follows.", published=None)
    title = report.claims[0]
    assert title.origin is not None and title.origin.name == origin


def test_a_headline_colon_without_a_known_party_has_no_source():
    report = recruitx.parse_report(" date 2025-04-27 Breaking: Russia will likely widen the call-up\n\nMore.")
    assert report.claims[0].sources == ()
