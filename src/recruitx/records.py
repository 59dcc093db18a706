"""The claim-record model: frozen, slotted attrs classes that every stage returns.

Every item that comes from the text carries a ``span``, a ``(start, end)`` pair
of offsets into the caller's original string, and ``text`` (``mention`` for a
:class:`Source`) equal to ``original[start:end]``. Values follow the corpus
annotation guide (``docs/conventions.md``).
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from typing import Any

import attrs

QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague")
SOURCE_KINDS = ("intelligence", "government", "media", "ngo", "person", "other")
TOPICS = (
    "recruitment",
    "origin",
    "casualties",
    "capture",
    "deployment",
    "payment",
    "channel",
    "forecast",
    "denial",
    "other",
)
GRANULARITIES = ("day", "week", "month", "season", "quarter", "year", "interval", "open", "unresolved")
LEVELS = ("info", "warning", "error")
SCALES = ("phia", "icd203")

Span = tuple[int, int]


def _span_converter(value: Any) -> Span:
    if type(value) is tuple and len(value) == 2 and type(value[0]) is int and type(value[1]) is int:
        return value  # the common case, already a pair of ints
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return (int(value[0]), int(value[1]))
    raise TypeError(f"span must be a (start, end) pair, got {value!r}")


def _check_span(instance: Any, attribute: attrs.Attribute, value: Span) -> None:
    start, end = value
    if start < 0 or end < start:
        raise ValueError(f"{attribute.name} must satisfy 0 <= start <= end, got {value!r}")


def _optional_span(value: Any) -> Span | None:
    return None if value is None else _span_converter(value)


def _check_optional_span(instance: Any, attribute: attrs.Attribute, value: Span | None) -> None:
    if value is not None:
        _check_span(instance, attribute, value)


def _check_bounds(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    low, high = instance.low, instance.high
    if low is not None and high is not None and low > high:
        raise ValueError(f"low {low!r} is greater than high {high!r}")


# The validators below are plain functions rather than attrs' validator objects: records are built
# tens of times per report, and a plain function call is about half the cost of an object's __call__.


def _instance_of(types: type | tuple[type, ...], *, optional: bool = False) -> Any:
    """A validator raising TypeError unless the value is one of ``types`` (or ``None`` when ``optional``)."""
    names = " or ".join(t.__name__ for t in (types if isinstance(types, tuple) else (types,)))

    def check(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
        if not isinstance(value, types) and not (optional and value is None):
            raise TypeError(f"{attribute.name} must be {names}{' or None' if optional else ''}, not {type(value).__name__}")

    return check


def _one_of(options: tuple[str, ...], *, optional: bool = False) -> Any:
    """A validator raising ValueError unless the value is one of ``options`` (or ``None`` when ``optional``)."""
    allowed = frozenset(options)

    def check(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
        try:
            ok = value in allowed or optional and value is None
        except TypeError:  # unhashable
            ok = False
        if not ok:
            raise ValueError(f"{attribute.name} must be one of {options!r}, got {value!r}")

    return check


_number = _instance_of((int, float), optional=True)
_date = _instance_of(_dt.date, optional=True)
_str = _instance_of(str)
_opt_str = _instance_of(str, optional=True)


def _tuple_of(cls: type) -> Any:
    """A validator for a tuple whose members are all ``cls`` (cheaper than attrs' deep_iterable on the hot path)."""

    def check(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
        if type(value) is not tuple:
            raise TypeError(f"{attribute.name} must be a tuple, not {type(value).__name__}")
        for member in value:
            if not isinstance(member, cls):
                raise TypeError(f"{attribute.name} must hold {cls.__name__} records, not {type(member).__name__}")

    return check


@attrs.frozen(slots=True)
class Diagnostic:
    """Something a reader of the report should know: an unresolved date, a failing plugin, a limit hit."""

    level: str = attrs.field(validator=_one_of(LEVELS))
    message: str = attrs.field(validator=_str)
    span: Span | None = attrs.field(default=None, converter=_optional_span, validator=_check_optional_span)


@attrs.frozen(slots=True)
class Quantity:
    """A counted or measured amount: its value, the bounds it implies, its qualifier and unit."""

    text: str = attrs.field(validator=_str)
    span: Span = attrs.field(converter=_span_converter, validator=_check_span)
    value: int | float | None = attrs.field(validator=_number)
    low: int | float | None = attrs.field(validator=_number)
    high: int | float | None = attrs.field(validator=[_number, _check_bounds])
    qualifier: str = attrs.field(validator=_one_of(QUALIFIERS))
    unit: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen(slots=True)
class Period:
    """A calendar time, resolved to inclusive dates; an open or unresolved end is ``None``."""

    text: str = attrs.field(validator=_str)
    span: Span = attrs.field(converter=_span_converter, validator=_check_span)
    start: _dt.date | None = attrs.field(validator=_date)
    end: _dt.date | None = attrs.field(validator=_date)
    granularity: str = attrs.field(validator=_one_of(GRANULARITIES))

    @end.validator
    def _ordered(self, attribute: attrs.Attribute, value: _dt.date | None) -> None:
        if self.start is not None and value is not None and self.start > value:
            raise ValueError(f"start {self.start} is after end {value}")


@attrs.frozen(slots=True)
class Place:
    """A city, region or country named in a claim, with its canonical English name."""

    text: str = attrs.field(validator=_str)
    span: Span = attrs.field(converter=_span_converter, validator=_check_span)
    name: str = attrs.field(validator=_str)


@attrs.frozen(slots=True)
class Likelihood:
    """An estimative-probability phrase mapped to its band on a yardstick (PHIA or ICD 203)."""

    text: str = attrs.field(validator=_str)
    span: Span = attrs.field(converter=_span_converter, validator=_check_span)
    term: str = attrs.field(validator=_str)
    low: float = attrs.field(validator=_instance_of((int, float)))
    high: float = attrs.field(validator=[_instance_of((int, float)), _check_bounds])
    scale: str = attrs.field(default="phia", validator=_one_of(SCALES))


@attrs.frozen(slots=True)
class Source:
    """A party a claim is attributed to: the mention as written, its canonical name and kind."""

    mention: str = attrs.field(validator=_str)
    span: Span = attrs.field(converter=_span_converter, validator=_check_span)
    name: str = attrs.field(validator=_str)
    kind: str = attrs.field(validator=_one_of(SOURCE_KINDS))


@attrs.frozen(slots=True)
class Claim:
    """A sentence (or part of one) carrying figures, dates, a likelihood or an attributed statement.

    ``sources`` is the attribution chain, from the outermost relay (the outlet)
    to the origin of the claim, last.
    """

    text: str = attrs.field(validator=_str)
    span: Span = attrs.field(converter=_span_converter, validator=_check_span)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=tuple, validator=_tuple_of(Source))
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=tuple, validator=_tuple_of(Quantity))
    periods: tuple[Period, ...] = attrs.field(default=(), converter=tuple, validator=_tuple_of(Period))
    places: tuple[Place, ...] = attrs.field(default=(), converter=tuple, validator=_tuple_of(Place))
    likelihood: Likelihood | None = attrs.field(
        default=None, validator=_instance_of(Likelihood, optional=True)
    )
    topic: str | None = attrs.field(default=None, validator=_one_of(TOPICS, optional=True))

    @property
    def origin(self) -> Source | None:
        """The innermost source of the chain, the party the claim comes from; ``None`` in the outlet's voice."""
        return self.sources[-1] if self.sources else None


@attrs.frozen(slots=True)
class Report:
    """Everything recruitx read from one report: its header facts, claims and diagnostics."""

    published: _dt.date | None = attrs.field(validator=_date)
    outlet: str | None = attrs.field(validator=_opt_str)
    language: str = attrs.field(validator=_str)
    title: str | None = attrs.field(validator=_opt_str)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=tuple, validator=_tuple_of(Claim))
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=tuple, validator=_tuple_of(Diagnostic))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict with the record's field names: dates as ISO strings, spans as lists."""
        return _plain(self)

    def to_json(self, *, indent: int | None = None) -> str:
        """The report as a JSON string (deterministic key order, non-ASCII kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


_SCALARS = (str, int, float, bool, type(None))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The attrs field names of ``cls`` in order, or ``None`` for a class that is not an attrs class."""
    return tuple(f.name for f in attrs.fields(cls)) if attrs.has(cls) else None


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    names = _field_names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`Report.to_dict`, as shipped in ``recruitx/data``."""
    from importlib import resources

    return json.loads(resources.files("recruitx").joinpath("data", "report.schema.json").read_text(encoding="utf-8"))
