"""Across reports: group the claims that carry the same figure from the same origin, and check figures for consistency.

The same figure travels through many outlets, each rewording it a little.
``cluster`` turns a folder of parsed reports into one ``Cluster`` per
underlying figure, with who relayed it, when, and what changed on the way
(``Drift``). ``check_report`` and ``check_clusters`` flag
breakdowns whose parts exceed their total and running totals that grew.

Grouping rule
-------------
Every quantity of every claim is a *mention*. Reports are taken in the order
(publication date, undated last; report id), claims and quantities in text
order, so the result does not depend on the order of the input. A mention
joins the first existing cluster whose *seed* (its first mention) it matches,
else it starts a new cluster. A mention matches a seed when all of these hold:

1. **Origin**: the same origin party, by canonical name (``claim.origin``, the
   last source of the chain). A claim with no source, or whose origin is the
   report's own outlet, is in the outlet's own voice (origin ``None``); such
   mentions match only mentions with the identical figure (value, bounds and
   qualifier). An own-voice figure that repeats, identically, a figure the
   same report attributes to someone (a headline over its story) is not a
   mention of its own: the attributed claim is that report's relay. Within
   one report, the same figure from the same origin counts once (the
   mention with the longest chain of sources, the later on a tie).
2. **Counted noun**: the same key. A unit is lowercased, split into words,
   plural and case endings are stripped, and the longest phrase of
   ``data/units.json`` that begins it (else ends it, once cut at the first
   preposition) gives the key, so "foreign citizens", "foreigners from Asia",
   "іноземців" and "иностранцев" are one noun. A unit outside the table keys
   on its own normalised words; a bare number (no unit) matches only a bare
   number.
3. **Quantity**: the same stated value ("1,500", "1.5 thousand" and
   "1,5 тис." are all 1500), unless one states a lower bound ("more than",
   "at least") and the other an upper bound ("up to", "fewer than"); a changed
   qualifier is drift, not a new claim. Without a value (ranges, "hundreds")
   the bounds and the qualifier class must be equal.
4. **Period**: some period of one overlaps some period of the other; a
   mention without a period is compatible with any.

A claim gives a cluster at most one relay. The seed is the original: the
cluster's figure is the seed's, and every later relay's drift is measured
against it. A cluster's id is derived from its seed's report id and span, so
it stays the same whatever else is in the input.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

from .document import REGEX_TIMEOUT, load_data
from .records import Claim, Diagnostic, Period, Quantity, Report, Span, _plain

DRIFT_KINDS = (
    "likelihood_changed",
    "likelihood_dropped",
    "likelihood_added",
    "qualifier_changed",
    "bounds_changed",
    "periods_changed",
    "places_added",
    "places_dropped",
    "figures_added",
)

_LOWER = frozenset({"at_least", "more_than"})
_UPPER = frozenset({"at_most", "less_than"})
_PARTS_TOLERANCE = 0.1  # an approximate total or part may be off by this share before parts "exceed" it


def _qualifier_class(qualifier: str) -> str:
    if qualifier in _LOWER:
        return "lower"
    if qualifier in _UPPER:
        return "upper"
    return qualifier if qualifier in ("range", "vague") else "point"


@attrs.frozen(slots=True)
class Relay:
    """One report's telling of a clustered figure: where it is, who carried it and the claim's text and span."""

    report_id: Any
    outlet: str | None
    published: _dt.date | None
    claim_text: str
    claim_span: Span
    quantity_text: str
    quantity_span: Span
    chain: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict: dates as ISO strings, spans as lists."""
        return _plain(self)


@attrs.frozen(slots=True)
class Drift:
    """A change between the original telling of a figure and a later relay.

    ``kind`` is one of ``DRIFT_KINDS``; ``before`` is the original's value,
    ``after`` the relay's (a string, a tuple of names or texts, or ``None``
    for absent); ``span`` is where the relay shows the change (its claim's
    span when something was dropped).
    """

    report_id: Any
    kind: str = attrs.field(validator=attrs.validators.in_(DRIFT_KINDS))
    before: str | tuple[str, ...] | None
    after: str | tuple[str, ...] | None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict: tuples as lists, spans as lists."""
        return _plain(self)

    def describe(self) -> str:
        """A short human-readable line: ``qualifier changed: more_than → exact``, ``places added: India, Nepal``."""
        words = self.kind.replace("_", " ")
        if self.kind.endswith("_dropped"):
            return f"{words}: {_show(self.before)}"
        if self.kind.endswith("_added"):
            return f"{words}: {_show(self.after)}"
        return f"{words}: {_show(self.before)} → {_show(self.after)}"


def _show(value: str | tuple[str, ...] | None) -> str:
    if value is None:
        return "none"
    return value if isinstance(value, str) else ", ".join(value)


@attrs.frozen(slots=True)
class Cluster:
    """One underlying figure from one origin and every relay of it, oldest first, with the drift between them.

    ``value``/``low``/``high``/``qualifier`` are the original's (the first
    relay); ``unit`` is the canonical counted noun (``data/units.json``) or the
    original's unit as written; ``periods`` are the original claim's.
    ``first_seen``/``last_seen`` are the earliest
    and latest publication dates among the relays (``None`` if none is dated).
    ``diagnostics`` hold the cross-report checks on this cluster.
    """

    id: str
    origin: str | None
    origin_kind: str | None
    value: int | float | None
    low: int | float | None
    high: int | float | None
    qualifier: str
    unit: str | None
    periods: tuple[Period, ...]
    relays: tuple[Relay, ...]
    first_seen: _dt.date | None
    last_seen: _dt.date | None
    drift: tuple[Drift, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def figure(self) -> str:
        """The canonical figure in words, e.g. ``more than 1,500 foreign citizens``."""
        return figure_text(self.value, self.low, self.high, self.qualifier, self.unit)

    @property
    def reports(self) -> tuple[Any, ...]:
        """The distinct ids of the reports that relay the figure, in relay order."""
        return tuple(dict.fromkeys(r.report_id for r in self.relays))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict with the record's field names plus ``figure``: dates as ISO strings, spans as lists."""
        data = _plain(self)
        data["figure"] = self.figure
        return data


_PREFIX = {
    "exact": "",
    "approx": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "up to ",
    "less_than": "fewer than ",
}


def _number(value: int | float) -> str:
    return f"{value:,}" if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e15 else f"{value:,g}"


def figure_text(value: Any, low: Any, high: Any, qualifier: str, unit: str | None) -> str:
    """A figure in words from its fields: ``more than 1,500 foreigners``, ``1,000–2,000``, ``200+ (vague)``."""
    if value is not None and qualifier in _PREFIX:
        amount = _PREFIX[qualifier] + _number(int(value) if float(value).is_integer() else value)
    elif qualifier == "range":
        amount = f"{_number(low) if low is not None else '?'}–{_number(high) if high is not None else '?'}"
    elif low is not None:
        amount = f"{_number(low)}+ (vague)"
    else:
        amount = "(vague)"
    return f"{amount} {unit}" if unit else amount


# --- counted nouns -------------------------------------------------------------------------------------------------

_WORDS = regex.compile(r"[\p{L}\p{N}]+(?:['’ʼ][\p{L}]+)*|[%$€₽]", regex.V1)
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_CYR_ENDINGS = (
    "ами", "ями", "ого", "ому", "ими", "ими", "ов", "ев", "ей", "ів", "їв", "ам", "ям", "ах", "ях",
    "ий", "ый", "ой", "их", "ых", "ої", "ая", "яя", "ые", "ие", "і", "ї", "и", "ы", "а", "я", "е", "у", "ю", "ь", "о",
)  # fmt: skip


def _stem(word: str) -> str:
    """Strip one plural (English) or case ending (Ukrainian, Russian) so inflected forms meet."""
    if _CYRILLIC.search(word, timeout=REGEX_TIMEOUT):
        for ending in _CYR_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: -len(ending)]
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(phrase: str) -> tuple[str, ...]:
    lowered = phrase.casefold().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    return tuple(_stem(w) for w in _WORDS.findall(lowered, timeout=REGEX_TIMEOUT))


@functools.cache
def _unit_table() -> tuple[dict[tuple[str, ...], str], frozenset[str], frozenset[str], dict[str, tuple[str, ...]]]:
    data = load_data("units.json")
    table: dict[tuple[str, ...], str] = {}
    for entry in data["units"]:
        for form in (entry["name"], *entry["forms"]):
            table.setdefault(_words(form), entry["name"])
    stop = frozenset(w for words in data["stop"].values() for w in words)
    articles = frozenset(data["articles"])
    cues = {lang: tuple(c.casefold() for c in words) for lang, words in data["breakdown_cues"].items()}
    return table, stop, articles, cues


@functools.cache
def noun_key(unit: str | None) -> str | None:
    """The canonical counted noun of a unit as written: a ``units.json`` name, else its normalised words.

    >>> noun_key("іноземців"), noun_key("foreigners from Asia"), noun_key("Chinese citizens prisoner")
    ('foreign citizens', 'foreign citizens', 'Chinese citizens')
    """
    if unit is None:
        return None
    table, stop, articles, _ = _unit_table()
    lowered = unit.casefold().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    raw = _WORDS.findall(lowered, timeout=REGEX_TIMEOUT)
    while raw and raw[0] in articles:
        raw = raw[1:]
    words = tuple(_stem(w) for w in raw)
    if not words:
        return unit.strip() or None
    for size in range(len(words), 0, -1):
        if words[:size] in table:
            return table[words[:size]]
    cut = next((i for i, w in enumerate(raw) if w in stop and i > 0), len(raw))
    head = words[:cut]
    for size in range(len(head) - 1, 0, -1):
        if head[-size:] in table:
            return table[head[-size:]]
    return " ".join(head)


# --- grouping ------------------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Mention:
    order: int
    report_id: Any
    report: Report
    claim_index: int
    claim: Claim
    quantity: Quantity
    origin: str | None
    origin_kind: str | None
    noun: str | None


def _origin(claim: Claim, report: Report) -> tuple[str | None, str | None]:
    origin = claim.origin
    if origin is None or (report.outlet is not None and origin.name == report.outlet):
        return None, None
    return origin.name, origin.kind


def _id_key(report_id: Any) -> tuple[int, Any]:
    return (0, report_id) if isinstance(report_id, (int, float)) and not isinstance(report_id, bool) else (1, str(report_id))


def _entries(reports: Iterable[Report | tuple[Any, Report]]) -> list[tuple[Any, Report]]:
    pairs = []
    for position, entry in enumerate(reports):
        report_id, report = entry if isinstance(entry, tuple) else (position, entry)
        if not isinstance(report, Report):
            raise TypeError(f"cluster takes Report records or (id, Report) pairs, not {type(report).__name__}")
        pairs.append((report_id, report))
    pairs.sort(key=lambda p: (p[1].published is None, p[1].published or _dt.date.min, _id_key(p[0])))
    return pairs


def _quantities_match(a: Quantity, b: Quantity, own_voice: bool) -> bool:
    if own_voice:
        return (a.value, a.low, a.high, a.qualifier) == (b.value, b.low, b.high, b.qualifier) and a.value is not None
    if a.value is not None and b.value is not None:
        if a.value != b.value:
            return False
        classes = {_qualifier_class(a.qualifier), _qualifier_class(b.qualifier)}
        return classes != {"lower", "upper"}
    if a.value is None and b.value is None:
        return (a.low, a.high, _qualifier_class(a.qualifier)) == (b.low, b.high, _qualifier_class(b.qualifier))
    return False


def _overlap(a_start: Any, a_end: Any, b_start: Any, b_end: Any) -> bool:
    return (a_start is None or b_end is None or a_start <= b_end) and (b_start is None or a_end is None or b_start <= a_end)


def periods_compatible(a: Claim, b: Claim) -> bool:
    """True when either claim has no period or some period of one overlaps some period of the other."""
    if not a.periods or not b.periods:
        return True
    return any(_overlap(p.start, p.end, q.start, q.end) for p in a.periods for q in b.periods)


def _matches(seed: _Mention, m: _Mention) -> bool:
    return (
        seed.origin == m.origin
        and seed.noun == m.noun
        and _quantities_match(seed.quantity, m.quantity, seed.origin is None)
        and periods_compatible(seed.claim, m.claim)
    )


def _figure(q: Quantity) -> tuple[Any, ...]:
    return (q.value, q.low, q.high, q.qualifier, noun_key(q.unit))


def _mentions(pairs: list[tuple[Any, Report]]) -> list[_Mention]:
    out: list[_Mention] = []
    for report_id, report in pairs:
        origins = [_origin(claim, report) for claim in report.claims]
        attributed = {
            _figure(q) for claim, (origin, _) in zip(report.claims, origins) if origin is not None for q in claim.quantities
        }
        best: dict[tuple[Any, ...], tuple[int, int, Claim, Quantity, Any, Any]] = {}
        for index, claim in enumerate(report.claims):
            origin, kind = origins[index]
            for q in sorted(claim.quantities, key=lambda q: q.span):
                if origin is None and _figure(q) in attributed:
                    continue  # a headline or summary repeating a figure the report attributes elsewhere
                # one report relays a figure of one origin once: a headline and its story, or a figure
                # repeated, count once, as the mention with the longest chain (the later on a tie)
                key = (origin, _figure(q))
                if key not in best or len(claim.sources) >= len(best[key][2].sources):
                    best[key] = (index, q.span[0], claim, q, origin, kind)
        for index, _, claim, q, origin, kind in sorted(best.values(), key=lambda b: (b[0], b[1])):
            out.append(_Mention(len(out), report_id, report, index, claim, q, origin, kind, noun_key(q.unit)))
    return out


def _relay(m: _Mention) -> Relay:
    chain = m.claim.sources
    outlet = m.report.outlet or (chain[0].name if len(chain) > 1 else None)
    return Relay(
        m.report_id, outlet, m.report.published, m.claim.text, m.claim.span, m.quantity.text, m.quantity.span,
        tuple(s.name for s in chain),
    )


def _period_text(claim: Claim) -> tuple[str, ...]:
    return tuple(
        f"{p.start.isoformat() if p.start else ''}..{p.end.isoformat() if p.end else ''}"
        for p in sorted(claim.periods, key=lambda p: (p.start or _dt.date.min, p.end or _dt.date.max))
    )


def _bounds(q: Quantity) -> str:
    return f"{'' if q.low is None else _number(q.low)}..{'' if q.high is None else _number(q.high)}"


def _drift(seed: _Mention, m: _Mention) -> list[Drift]:
    """The changes from the original mention to a relay: likelihood, qualifier, bounds, periods, places, figures."""
    rid, out = m.report_id, []
    a, b = seed.claim, m.claim
    qa, qb = seed.quantity, m.quantity
    la, lb = a.likelihood, b.likelihood
    if la is not None and lb is None:
        out.append(Drift(rid, "likelihood_dropped", la.term, None, b.span))
    elif la is None and lb is not None:
        out.append(Drift(rid, "likelihood_added", None, lb.term, lb.span))
    elif la is not None and lb is not None and (la.low, la.high) != (lb.low, lb.high):
        out.append(Drift(rid, "likelihood_changed", la.term, lb.term, lb.span))
    if qa.qualifier != qb.qualifier:
        out.append(Drift(rid, "qualifier_changed", qa.qualifier, qb.qualifier, qb.span))
    if (qa.low, qa.high) != (qb.low, qb.high):
        out.append(Drift(rid, "bounds_changed", _bounds(qa), _bounds(qb), qb.span))
    pa, pb = _period_text(a), _period_text(b)
    if pa != pb:
        out.append(Drift(rid, "periods_changed", pa or None, pb or None, b.periods[0].span if b.periods else b.span))
    before = {p.name for p in a.places}
    added = [p for p in b.places if p.name not in before]
    if added:
        names = tuple(dict.fromkeys(p.name for p in added))
        out.append(Drift(rid, "places_added", None, names, (added[0].span[0], added[-1].span[1])))
    after = {p.name for p in b.places}
    dropped = tuple(dict.fromkeys(p.name for p in a.places if p.name not in after))
    if dropped:
        out.append(Drift(rid, "places_dropped", dropped, None, b.span))
    values = {q.value for q in a.quantities if q.value is not None} | {(q.low, q.high) for q in a.quantities}
    extra = [q for q in b.quantities if q is not qb and q.value not in values and (q.low, q.high) not in values]
    if extra:
        out.append(Drift(rid, "figures_added", None, tuple(q.text for q in extra), (extra[0].span[0], extra[-1].span[1])))
    return out


def _cluster_id(seed: _Mention) -> str:
    key = f"{seed.report_id!r}|{seed.claim.span}|{seed.quantity.span}"
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


def cluster(reports: Iterable[Report | tuple[Any, Report]]) -> list[Cluster]:
    """Group the figures of many reports into clusters, one per underlying figure, by the rule in this module's doc.

    ``reports`` are ``Report`` records or ``(id, report)``
    pairs (without an id, the position is used). Clusters come ordered by
    number of reports relaying them (most first), then first seen, then by
    the original's report id and position;
    the running-total check (``check_clusters``) is already attached to
    each cluster's ``diagnostics``.
    """
    mentions = _mentions(_entries(reports))
    buckets: dict[tuple[Any, Any], list[list[_Mention]]] = {}
    for m in mentions:
        groups = buckets.setdefault((m.origin, m.noun), [])
        for group in groups:
            if _matches(group[0], m):
                if not any(g.report_id == m.report_id and g.claim_index == m.claim_index for g in group):
                    group.append(m)
                break
        else:
            groups.append([m])
    clusters = [_build(group) for groups in buckets.values() for group in groups]
    clusters.sort(
        key=lambda c: (
            -len(c.reports),
            c.first_seen is None,
            c.first_seen or _dt.date.min,
            _id_key(c.relays[0].report_id),
            c.relays[0].quantity_span,
        )
    )
    notes: dict[str, list[Diagnostic]] = {}
    for target, diagnostic in _supersessions(clusters):
        notes.setdefault(target, []).append(diagnostic)
    return [attrs.evolve(c, diagnostics=tuple(notes[c.id])) if c.id in notes else c for c in clusters]


def _build(group: list[_Mention]) -> Cluster:
    seed = group[0]
    q = seed.quantity
    dates = [m.report.published for m in group if m.report.published is not None]
    drift = tuple(d for m in group[1:] for d in _drift(seed, m))
    return Cluster(
        id=_cluster_id(seed),
        origin=seed.origin,
        origin_kind=seed.origin_kind,
        value=q.value,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        unit=seed.noun if seed.noun is not None and _is_table_name(seed.noun) else q.unit,
        periods=seed.claim.periods,
        relays=tuple(_relay(m) for m in group),
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        drift=drift,
    )


@functools.cache
def _table_names() -> frozenset[str]:
    return frozenset(e["name"] for e in load_data("units.json")["units"])


def _is_table_name(noun: str) -> bool:
    return noun in _table_names()


# --- consistency checks --------------------------------------------------------------------------------------------


def _hull(periods: Sequence[Any]) -> tuple[Any, Any, bool]:
    """The earliest start and latest end of the periods (``None`` for open); False when there are none."""
    if not periods:
        return None, None, False
    starts = [p.start for p in periods]
    ends = [p.end for p in periods]
    start = None if any(s is None for s in starts) else min(starts)
    end = None if any(e is None for e in ends) else max(ends)
    return start, end, True


def _supersessions(clusters: Sequence[Cluster]) -> list[tuple[str, Diagnostic]]:
    hulls = {c.id: _hull(c.periods) for c in clusters}
    out = []
    for later in clusters:
        if not _running(later):
            continue
        best = None
        for earlier in clusters:
            if earlier is later or not _running(earlier) or (earlier.origin, earlier.unit) != (later.origin, later.unit):
                continue
            if earlier.first_seen is None or later.first_seen is None or earlier.first_seen >= later.first_seen:
                continue
            if not later.value > earlier.value:
                continue
            (es, ee, e_has), (ls, le, l_has) = hulls[earlier.id], hulls[later.id]
            if e_has and l_has and not (
                (ls is None or (es is not None and ls <= es)) and (le is None or (ee is not None and le >= ee))
            ):
                continue
            if best is None or (earlier.value, earlier.first_seen, earlier.id) > (best.value, best.first_seen, best.id):
                best = earlier
        if best is not None:
            relay = later.relays[0]
            message = (
                f"{later.figure} from {later.origin} ({later.first_seen}) supersedes the "
                f"running total {best.figure} (cluster {best.id}, first seen {best.first_seen})"
            )
            out.append((later.id, Diagnostic("info", message, relay.quantity_span)))
    return out


def _running(c: Cluster) -> bool:
    return c.origin is not None and c.value is not None and _qualifier_class(c.qualifier) in ("point", "lower")


def check_clusters(clusters: Sequence[Cluster]) -> list[Diagnostic]:
    """Across clusters: a later figure from the same origin and noun that supersedes an earlier running total (info).

    A later cluster supersedes an earlier one when both come from the same
    origin and count the same noun with a plain or lower-bound figure, the
    later was first seen later with a larger value, and its period (if both
    have one) starts no later and ends no earlier: an "as of" counter that
    grew. The diagnostic sits on the later cluster; its span is the later
    figure's, in the report of that cluster's first relay.
    """
    return [d for _, d in _supersessions(clusters)]


def _cues(language: str) -> tuple[str, ...]:
    cues = _unit_table()[3]
    return cues.get(language, ()) + tuple(c for lang, words in cues.items() if lang != language for c in words)


def _part(q: Quantity, total: Quantity, total_claim: Claim, claim: Claim) -> bool:
    if q.value is None or q.qualifier not in ("exact", "approx") or not q.value < total.value:
        return False
    if q.unit is not None and noun_key(q.unit) != noun_key(total.unit):
        return False
    return periods_compatible(total_claim, claim)


def _upper(q: Quantity) -> float | None:
    if q.qualifier in ("exact", "approx", "at_most", "less_than") and q.value is not None:
        return q.high if q.high is not None else q.value
    return None


def check_report(report: Report) -> list[Diagnostic]:
    """Parts against their total within one report: a warning with the breakdown's span when the parts exceed it.

    A total is a figure with a value; its parts are a run of two or more
    smaller plain or approximate figures of the same counted noun (or bare
    numbers) and compatible periods, either at the start of the next claim
    from the same origin, or later in the same claim after a cue such as
    "of them", "з них", "из них" or a colon. Only parts that exceed a total
    with an upper bound are flagged ("more than 1,500" has none), with
    ``_PARTS_TOLERANCE`` of slack when the total or a part is approximate.
    """
    out: list[Diagnostic] = []
    claims = report.claims
    used: set[Span] = set()
    cues = _cues(report.language)
    for i, claim in enumerate(claims):
        origin = _origin(claim, report)[0]
        qs = sorted(claim.quantities, key=lambda q: q.span)
        for k, total in enumerate(qs):
            if total.value is None or total.span in used:
                continue
            parts = _same_claim_parts(claim, qs, k, cues)
            if len(parts) < 2 and k == len(qs) - 1 and i + 1 < len(claims) and _origin(claims[i + 1], report)[0] == origin:
                parts = _run(sorted(claims[i + 1].quantities, key=lambda q: q.span), total, claim, claims[i + 1])
            if len(parts) < 2:
                continue
            used.update(p.span for p in parts)
            diagnostic = _compare(total, parts)
            if diagnostic is not None:
                out.append(diagnostic)
    return out


def _same_claim_parts(claim: Claim, qs: list[Quantity], k: int, cues: tuple[str, ...]) -> list[Quantity]:
    if k + 1 >= len(qs):
        return []
    total, first = qs[k], qs[k + 1]
    between = claim.text[total.span[1] - claim.span[0] : first.span[0] - claim.span[0]].casefold()
    if not any(c in between for c in cues):
        return []
    return _run(qs[k + 1 :], total, claim, claim)


def _run(qs: Sequence[Quantity], total: Quantity, total_claim: Claim, claim: Claim) -> list[Quantity]:
    parts = []
    for q in qs:
        if not _part(q, total, total_claim, claim):
            break
        parts.append(q)
    return parts


def _compare(total: Quantity, parts: list[Quantity]) -> Diagnostic | None:
    high = _upper(total)
    if high is None:
        return None
    approximate = total.qualifier == "approx" or any(p.qualifier == "approx" for p in parts)
    limit = high * (1 + _PARTS_TOLERANCE) if approximate else high
    summed = sum(p.value for p in parts)
    if summed <= limit:
        return None
    terms = " + ".join(_number(p.value) for p in parts)
    message = f"parts {terms} = {_number(summed)} exceed their total {total.text!r}"
    return Diagnostic("warning", message, (total.span[0], parts[-1].span[1]))
