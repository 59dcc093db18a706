"""Clustering claims across reports: grouping rule, drift, breakdown and running-total checks, the ``cluster`` command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import recruitx
from recruitx import Claim, Likelihood, Period, Place, Quantity, Report, Source
from recruitx.cli import main
from recruitx.cluster import check_clusters, check_report, cluster, noun_key

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "cluster"

UKDI = Source("British intelligence", (0, 20), "UK Defence Intelligence", "intelligence")
HUR = Source("HUR", (0, 3), "Defence Intelligence of Ukraine", "intelligence")


def q(text: str, value, qualifier: str = "exact", unit: str | None = "foreigners", *, low=None, high=None, at: int = 30):
    if qualifier == "exact" or qualifier == "approx":
        low = high = value
    elif qualifier in ("more_than", "at_least"):
        low = value
    elif qualifier in ("at_most", "less_than"):
        high = value
    return Quantity(text, (at, at + len(text)), value, low, high, qualifier, unit)


def period(start: str, end: str, text: str = "in that time") -> Period:
    return Period(text, (60, 60 + len(text)), dt.date.fromisoformat(start), dt.date.fromisoformat(end), "interval")


def claim(*quantities: Quantity, source: Source | None = UKDI, periods=(), places=(), likelihood=None, at=0) -> Claim:
    return Claim(
        "x" * 120, (at, at + 120), (source,) if source else (), quantities, periods, places, likelihood, "recruitment"
    )


def report(date: str | None, *claims: Claim, outlet: str | None = None, language: str = "en") -> Report:
    return Report(dt.date.fromisoformat(date) if date else None, outlet, language, None, claims)


PROBABLY = Likelihood("probably", (80, 88), "likely", 0.55, 0.75)
MOSCOW = Place("Moscow", (100, 106), "Moscow")
INDIA = Place("Индии", (90, 95), "India")
SPAN = period("2023-04-01", "2024-05-31")


# --- counted nouns ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("units", "key"),
    [
        (["foreign citizens", "foreigners", "foreigners from April", "іноземців", "иностранцев из Индии", "иностранцы"],
         "foreign citizens"),
        (["mercenaries", "найманців", "наемников", "foreign mercenaries"], "mercenaries"),
        (["prisoners", "полонених", "пленных", "заключённых"], "prisoners"),
        (["prisoners of war", "військовополонених", "военнопленных"], "prisoners of war"),
        (["migrants", "мігрантів", "мигрантов", "labour migrants"], "migrants"),
        (["Chinese citizens", "громадян КНР", "граждан Китая", "Chinese citizens prisoner"], "Chinese citizens"),
    ],
)  # fmt: skip
def test_counted_nouns_meet_across_languages(units, key):
    assert {noun_key(u) for u in units} == {key}


def test_unknown_nouns_key_on_their_words_and_stay_apart():
    assert noun_key("tanks") != noun_key("drones")
    assert noun_key("tanks") == noun_key("tank")
    assert noun_key(None) is None
    assert noun_key("prisoners") != noun_key("prisoners of war")


# --- the grouping rule -------------------------------------------------------------------------------------------------


def test_same_value_written_differently_from_one_origin_is_one_cluster_with_drift():
    original = report("2025-04-20", claim(q("more than 1,500 foreign citizens", 1500, "more_than", "foreign citizens"),
                                          periods=[SPAN], places=[MOSCOW], likelihood=PROBABLY))
    uk = report("2025-04-21", claim(q("понад 1,5 тис. іноземців", 1500, "more_than", "іноземців"),
                                    periods=[SPAN], places=[MOSCOW]), language="uk")
    ru = report("2025-04-22", claim(q("более 1500 иностранцев", 1500, "more_than", "иностранцев"),
                                    periods=[SPAN], places=[INDIA, MOSCOW], likelihood=PROBABLY), language="ru")
    rounded = report("2025-04-24", claim(q("1,500 foreigners", 1500), periods=[SPAN], places=[MOSCOW],
                                         likelihood=PROBABLY))  # fmt: skip
    clusters = cluster([("ru", ru), ("rounded", rounded), ("original", original), ("uk", uk)])
    assert len(clusters) == 1
    c = clusters[0]
    assert [r.report_id for r in c.relays] == ["original", "uk", "ru", "rounded"]
    assert (c.origin, c.value, c.low, c.high, c.qualifier, c.unit) == (
        "UK Defence Intelligence", 1500, 1500, None, "more_than", "foreign citizens"
    )
    assert c.figure == "more than 1,500 foreign citizens"
    assert (c.first_seen, c.last_seen) == (dt.date(2025, 4, 20), dt.date(2025, 4, 24))
    drift = {(d.report_id, d.kind, d.before, d.after) for d in c.drift}
    assert drift == {
        ("uk", "likelihood_dropped", "likely", None),
        ("ru", "places_added", None, ("India",)),
        ("rounded", "qualifier_changed", "more_than", "exact"),
        ("rounded", "bounds_changed", "1,500..", "1,500..1,500"),
    }
    added = next(d for d in c.drift if d.kind == "places_added")
    assert added.span == INDIA.span


def test_different_figures_from_one_origin_stay_apart():
    a = report("2025-04-20", claim(q("more than 1,500 foreigners", 1500, "more_than")))
    b = report("2025-06-10", claim(q("more than 2,300 foreigners", 2300, "more_than")))
    clusters = cluster([a, b])
    assert sorted(c.value for c in clusters) == [1500, 2300]
    assert all(len(c.relays) == 1 for c in clusters)


def test_origin_noun_period_and_opposite_bounds_split_clusters():
    base = claim(q("1,500 foreigners", 1500, "more_than"), periods=[SPAN])
    other_origin = claim(q("1,500 foreigners", 1500, "more_than"), source=HUR, periods=[SPAN])
    other_noun = claim(q("1,500 migrants", 1500, "more_than", "migrants"), periods=[SPAN])
    other_period = claim(q("1,500 foreigners", 1500, "more_than"), periods=[period("2021-01-01", "2021-12-31")])
    upper = claim(q("up to 1,500 foreigners", 1500, "at_most"), periods=[SPAN])
    no_period = claim(q("1,500 foreigners", 1500, "approx"))
    reports = [report("2025-01-0%d" % (i + 1), c) for i, c in enumerate(
        [base, other_origin, other_noun, other_period, upper, no_period])]  # fmt: skip
    clusters = cluster(reports)
    sizes = sorted(len(c.relays) for c in clusters)
    assert sizes == [1, 1, 1, 1, 2]
    joined = next(c for c in clusters if len(c.relays) == 2)
    assert [r.report_id for r in joined.relays] == [0, 5]


def test_ranges_and_vague_figures_need_equal_bounds():
    r1 = q("between 1,000 and 2,000 foreigners", None, "range", low=1000, high=2000)
    r2 = q("1,000-2,000 foreigners", None, "range", low=1000, high=2000)
    r3 = q("1,000-3,000 foreigners", None, "range", low=1000, high=3000)
    clusters = cluster([report("2025-01-01", claim(r1)), report("2025-01-02", claim(r2)), report("2025-01-03", claim(r3))])
    assert sorted(len(c.relays) for c in clusters) == [1, 2]


def test_own_voice_groups_only_identical_figures_and_headlines_fold_into_their_story():
    a = report("2025-01-01", claim(q("1,500 foreigners", 1500, "more_than"), source=None))
    b = report("2025-01-02", claim(q("1,500 foreigners", 1500, "more_than"), source=None))
    c = report("2025-01-03", claim(q("1,500 foreigners", 1500), source=None))
    clusters = cluster([a, b, c])
    assert sorted(len(x.relays) for x in clusters) == [1, 2]
    assert all(x.origin is None for x in clusters)
    # the outlet quoting itself is its own voice too
    d = report("2025-01-04", claim(q("1,500 foreigners", 1500), source=Source("UNN", (0, 3), "UNN", "media")), outlet="UNN")
    assert len(cluster([c, d])) == 1
    # a headline repeating the figure its story attributes is not a mention of its own
    story = report("2025-01-05", claim(q("1,500 foreigners", 1500), source=None),
                   claim(q("1,500 foreigners", 1500), at=200))  # fmt: skip
    (only,) = cluster([story])
    assert only.origin == "UK Defence Intelligence" and only.relays[0].claim_span == (200, 320)


def test_extra_figures_likelihood_and_period_changes_are_drift():
    seed = claim(q("1,500 foreigners", 1500), periods=[SPAN], likelihood=PROBABLY)
    almost = Likelihood("almost certainly", (80, 96), "almost certain", 0.95, 1.0)
    relay = claim(q("1,500 foreigners", 1500), q("about 300 migrants", 300, "approx", "migrants", at=50),
                  periods=[SPAN, period("2024-06-01", "2024-06-30")], likelihood=almost)  # fmt: skip
    added = claim(q("1,500 foreigners", 1500), likelihood=PROBABLY, places=[MOSCOW])
    clusters = cluster([("a", report("2025-01-01", seed)), ("b", report("2025-01-02", relay)), ("c", report("2025-01-03", added))])
    c, migrants = clusters
    assert len(c.relays) == 3 and migrants.figure == "about 300 migrants"
    kinds = {(d.report_id, d.kind) for d in c.drift}
    assert kinds == {
        ("b", "likelihood_changed"), ("b", "figures_added"), ("b", "periods_changed"),
        ("c", "periods_changed"), ("c", "places_added"),
    }  # fmt: skip
    figures = next(d for d in c.drift if d.kind == "figures_added")
    assert figures.after == ("about 300 migrants",) and figures.span == (50, 68)


def test_one_claim_is_one_relay_and_ids_are_stable():
    twice = report("2025-01-01", claim(q("1,500 foreigners", 1500), q("1,500 foreigners", 1500, at=60)))
    (c,) = cluster([twice])
    assert len(c.relays) == 1
    other = report("2025-02-01", claim(q("9 tanks", 9, unit="tanks")))
    assert cluster([("x", twice), ("y", other)])[0].id == cluster([("y", other), ("x", twice)])[0].id


reports_strategy = st.lists(
    st.tuples(
        st.sampled_from(["2025-01-01", "2025-01-02", "2025-03-01", None]),
        st.sampled_from([1500, 2300, 300]),
        st.sampled_from(["exact", "more_than", "approx", "at_most"]),
        st.sampled_from(["foreigners", "іноземців", "migrants", None]),
        st.sampled_from([UKDI, HUR, None]),
    ),
    max_size=8,
)


@given(reports_strategy, st.randoms())
def test_clustering_ignores_input_order_and_keeps_every_mention(specs, rnd):
    reports = [(f"r{i}", report(d, claim(q("n", v, qual, unit), source=s))) for i, (d, v, qual, unit, s) in enumerate(specs)]
    shuffled = reports[:]
    rnd.shuffle(shuffled)
    first, second = cluster(reports), cluster(shuffled)
    assert [c.to_dict() for c in first] == [c.to_dict() for c in second]
    assert sum(len(c.relays) for c in first) == len(reports)  # one claim per report: every mention is a relay
    for c in first:
        seed = c.relays[0]
        assert all(r.published is None or seed.published is None or seed.published <= r.published for r in c.relays)
        json.dumps(c.to_dict())


# --- consistency checks ------------------------------------------------------------------------------------------------


def test_reference_breakdown_of_an_open_total_stays_quiet():
    total = claim(q("more than 1,500 foreigners", 1500, "more_than"), periods=[SPAN])
    parts = claim(q("771", 771, unit=None, at=130), q("523", 523, unit=None, at=150), q("72", 72, unit=None, at=170),
                  at=125)  # fmt: skip
    assert check_report(report("2025-04-25", total, parts)) == []


def test_parts_exceeding_a_total_are_flagged_with_the_breakdown_span():
    total = claim(q("1,200 prisoners", 1200, unit="prisoners"))
    parts = claim(*(q(str(v), v, unit="prisoners", at=130 + 20 * i) for i, v in enumerate((700, 450, 300))), at=125)
    (d,) = check_report(report("2025-05-02", total, parts))
    assert d.level == "warning" and "1,450" in d.message
    assert d.span == (30, 173)
    # the same parts under a total they fit stay quiet, and so does an approximate total within its slack
    assert check_report(report("2025-05-02", claim(q("1,500 prisoners", 1500, unit="prisoners")), parts)) == []
    assert check_report(report("2025-05-02", claim(q("about 1,350", 1350, "approx", "prisoners")), parts)) == []


def test_parts_in_the_same_claim_need_a_cue_and_a_list_alone_has_no_total():
    text = "1,200 prisoners, of them 700, 450 and 300"
    spans = [(0, 15), (25, 28), (30, 33), (38, 41)]
    values = [1200, 700, 450, 300]
    qs = [Quantity(text[s:e], (s, e), v, v, v, "exact", "prisoners") for (s, e), v in zip(spans, values)]
    with_cue = Claim(text, (0, len(text)), (UKDI,), qs)
    assert len(check_report(report("2025-01-01", with_cue))) == 1
    listed = Claim(text, (0, len(text)), (UKDI,), qs[1:])  # "700, 450 and 300": 700 is not their total
    assert check_report(report("2025-01-01", listed)) == []
    other_origin = claim(*(q(str(v), v, unit="prisoners", at=130 + 20 * i) for i, v in enumerate((700, 450))), source=HUR)
    assert check_report(report("2025-01-01", claim(q("1,000 prisoners", 1000, unit="prisoners")), other_origin)) == []


def test_a_grown_running_total_is_reported_as_info_on_the_later_cluster():
    early = report("2025-04-20", claim(q("more than 1,500 foreigners", 1500, "more_than"), periods=[SPAN]))
    later = report("2025-06-10", claim(q("more than 2,300 foreigners", 2300, "more_than"),
                                       periods=[period("2023-04-01", "2025-06-10", "since April 2023")]))  # fmt: skip
    elsewhere = report("2025-07-01", claim(q("3,000 foreigners", 3000), periods=[period("2021-01-01", "2021-12-31")]))
    clusters = cluster([early, later, elsewhere])
    by_value = {c.value: c for c in clusters}
    assert by_value[1500].diagnostics == () and by_value[3000].diagnostics == ()
    (note,) = by_value[2300].diagnostics
    assert note.level == "info" and by_value[1500].id in note.message and note.span == by_value[2300].relays[0].quantity_span
    assert check_clusters(clusters) == [note]
    shrunk = report("2025-06-10", claim(q("more than 1,000 foreigners", 1000, "more_than")))
    assert check_clusters(cluster([early, shrunk])) == []


# --- end to end, from the example reports ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_reports():
    return [(p.name, recruitx.parse_report(p.read_text(encoding="utf-8"))) for p in sorted(EXAMPLES.glob("*.txt"))]


def test_example_reports_cluster_across_three_languages(example_reports):
    clusters = cluster(example_reports)
    top = clusters[0]
    assert top.origin == "UK Defence Intelligence" and top.figure == "more than 1,500 foreign citizens"
    assert [r.report_id for r in top.relays] == [
        "01-en-original.txt", "02-uk-relay.txt", "03-ru-relay.txt", "04-en-rounded.txt", "06-en-breakdown.txt"
    ]  # fmt: skip
    texts = {r.report_id: r.quantity_text for r in top.relays}
    assert texts["02-uk-relay.txt"].startswith("понад 1,5 тис.") and texts["03-ru-relay.txt"].startswith("более 1500")
    drift = {(d.report_id, d.kind, d.after if d.after is not None else d.before) for d in top.drift}
    assert ("02-uk-relay.txt", "likelihood_dropped", "likely") in drift
    assert ("03-ru-relay.txt", "places_added", ("India", "Nepal")) in drift
    assert ("04-en-rounded.txt", "qualifier_changed", "exact") in drift
    later = next(c for c in clusters if c.value == 2300)
    assert later.origin == top.origin and len(later.relays) == 1 and later.diagnostics
    checks = {name: check_report(r) for name, r in example_reports}
    assert checks["06-en-breakdown.txt"] == []
    (bad,) = checks["07-en-bad-breakdown.txt"]
    text = (EXAMPLES / "07-en-bad-breakdown.txt").read_text(encoding="utf-8")
    assert text[bad.span[0] : bad.span[1]].startswith("1,200 prisoners") and text[bad.span[0] : bad.span[1]].endswith("300")
    for c in clusters:
        for relay in c.relays:
            source = (EXAMPLES / relay.report_id).read_text(encoding="utf-8")
            assert source[relay.quantity_span[0] : relay.quantity_span[1]] == relay.quantity_text
            assert source[relay.claim_span[0] : relay.claim_span[1]] == relay.claim_text


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cluster_command_table_json_and_csv():
    code, out, err = run("cluster", str(EXAMPLES))
    assert code == 0 and err == ""
    header, first = out.splitlines()[:2]
    assert header.split() [:2] == ["origin", "figure"]
    assert first.startswith("UK Defence Intelligence") and "more than 1,500 foreign citizens  5" in first
    assert "warning: 07-en-bad-breakdown" in out and "info: 05-en-later-total" in out
    code, out, _ = run("cluster", str(EXAMPLES), "--format", "json", "--min-reports", "2")
    data = json.loads(out)
    assert code == 0 and len(data["clusters"]) == 1 and data["clusters"][0]["figure"] == "more than 1,500 foreign citizens"
    assert [c["report_id"].endswith("07-en-bad-breakdown.txt") for c in data["checks"]] == [True]
    code, out, _ = run("cluster", str(EXAMPLES), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and sum(1 for r in rows if r["figure"] == "more than 1,500 foreign citizens") == 5


def test_cluster_command_reads_jsonl_and_names_unreadable_files(tmp_path):
    lines = [
        {"id": "a", "text": "British intelligence said more than 1,500 foreigners signed contracts.", "published": "2025-01-01"},
        {"id": "b", "text": "За даними британської розвідки, понад 1,5 тис. іноземців підписали контракти.",
         "published": "2025-01-02"},
    ]  # fmt: skip
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    code, out, _ = run("cluster", str(path), "--input-format", "jsonl", "--format", "json")
    assert code == 0
    (c,) = json.loads(out)["clusters"]
    assert [r["report_id"] for r in c["relays"]] == ["a", "b"]
    code, _, err = run("cluster", str(tmp_path / "missing.txt"))
    assert code == 1 and "missing.txt" in err


def test_parse_subcommand_is_unchanged():
    code, out, _ = run("parse", str(EXAMPLES / "01-en-original.txt"))
    assert code == 0 and json.loads(out)["file"].endswith("01-en-original.txt")


def test_docs_page_shows_the_real_output(monkeypatch):
    monkeypatch.chdir(ROOT)  # cluster ids hash the report ids, here the paths as typed on the page
    page = (ROOT / "docs" / "cluster.md").read_text(encoding="utf-8")
    block = page.split("$ recruitx cluster examples/cluster/\n", 1)[1].split("```", 1)[0]
    code, out, _ = run("cluster", "examples/cluster/")
    assert code == 0 and block == out


def test_a_headline_and_its_story_are_one_relay_of_their_report():
    text = (
        " date 2025-04-27 ISW: more than 2,000 foreign recruits joined in March\n\n"
        "ISW said that more than 2,000 foreign recruits joined the army in March."
    )
    clusters = recruitx.cluster([("r1", recruitx.parse_report(text))])
    figure = [c for c in clusters if c.value == 2000]
    assert len(figure) == 1 and [r.report_id for r in figure[0].relays] == ["r1"]
