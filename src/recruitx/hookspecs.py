"""Hook specifications: every point where a plugin can add to or change a parse.

recruitx's own stages are plugins built on these same hooks (see
``recruitx.plugins.BUILTIN_PLUGINS``); a third-party plugin is a module or an
object with functions named like the hooks below and marked with
:data:`recruitx.hookimpl`, published under the entry-point group ``recruitx``
or passed per call as ``parse_report(text, plugins=[...])``.

Hooks are called with keyword arguments; an implementation may accept any
subset of them. Unless a hook says *firstresult*, every implementation is
called and their results are combined; plugins registered later are called
first, and ``tryfirst``/``trylast`` change that as in pluggy. An
implementation that raises does not stop the parse: the report gets a
``Diagnostic`` naming the plugin and the error, and the other
implementations' results are kept.

The ``document`` argument is a :class:`recruitx.document.Document`: the
original text, the publication date, the sentences with their offsets and
languages, and the alias and place tables. Every span a hook returns is a
``(start, end)`` pair into ``document.text``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from .document import Document
    from .records import Claim, Likelihood, Period, Place, Quantity, Report

hookspec = pluggy.HookspecMarker("recruitx")


@hookspec(firstresult=True)
def recruitx_detect_outlet(document: Document) -> str | None:
    """Name the outlet that published ``document``, or return ``None`` if you cannot tell.

    Called once per parse, before anything else, unless the caller passed
    ``outlet=``. *firstresult*: the first non-``None`` answer wins. The name
    becomes ``Report.outlet`` and, when the text itself names the outlet as
    relaying ("…, UNN reports"), the outermost link of the attribution chains.
    """


@hookspec
def recruitx_mark_boilerplate(document: Document) -> Iterable[tuple[int, int]] | None:
    """Return spans of ``document.text`` that are not report content: bylines, "Share", "Read more",
    photo credits, tag lines, navigation.

    Called once per parse, after outlet detection and before sentences are
    split. The text is never rewritten: marked spans are skipped by every
    later stage, so offsets stay true. All implementations' spans are joined.
    """


@hookspec
def recruitx_register_source_aliases() -> Iterable[dict[str, Any]] | None:
    """Return entries for the source alias table: ``{"name": …, "kind": …, "aliases": [...]}``.

    Called once per plugin manager, when its tables are first needed. ``name``
    is the canonical party name, ``kind`` one of intelligence, government,
    media, ngo, person, other, and ``aliases`` the ways texts write the party
    in any language (matched case-insensitively on word boundaries). An entry
    whose name exists already adds aliases to it.
    """


@hookspec
def recruitx_register_places() -> Iterable[dict[str, Any]] | None:
    """Return entries for the place table: ``{"name": …, "aliases": [...]}``.

    Called once per plugin manager, like :func:`recruitx_register_source_aliases`.
    ``name`` is the canonical English name; ``aliases`` the written forms,
    inflected ones included ("Москва", "Москві", "Moscow").
    """


@hookspec
def recruitx_find_quantities(document: Document) -> Iterable[Quantity] | None:
    """Return every counted or measured amount in ``document``.

    Called once per parse after boilerplate is marked. Results of all
    implementations are merged: where two overlap, the one from the plugin
    called first (the most recently registered) is kept. Items outside the
    document's sentences (in the header or in boilerplate) are dropped.
    """


@hookspec
def recruitx_find_periods(document: Document) -> Iterable[Period] | None:
    """Return every calendar expression in ``document``, resolved against ``document.published``.

    Called and merged like :func:`recruitx_find_quantities`. With no
    publication date known, relative expressions get ``start``/``end`` of
    ``None`` and granularity ``"unresolved"``.
    """


@hookspec
def recruitx_find_likelihoods(document: Document) -> Iterable[Likelihood] | None:
    """Return every estimative-probability phrase in ``document``, on ``document.yardstick``.

    Called and merged like :func:`recruitx_find_quantities`.
    """


@hookspec
def recruitx_find_places(document: Document) -> Iterable[Place] | None:
    """Return every place (city, region, country) named in ``document``.

    Called and merged like :func:`recruitx_find_quantities`.
    """


@hookspec(firstresult=True)
def recruitx_assemble_claims(
    document: Document,
    quantities: list[Quantity],
    periods: list[Period],
    likelihoods: list[Likelihood],
    places: list[Place],
) -> list[Claim] | None:
    """Group the found items into claims, each a sentence or a part of one, in document order.

    *firstresult*: the built-in assembler runs last (``trylast``), so a plugin
    that returns a list replaces it. Claims leave here without sources.
    """


@hookspec(firstresult=True)
def recruitx_attribute_claims(document: Document, claims: list[Claim]) -> list[Claim] | None:
    """Return ``claims`` with ``sources`` set: the chain from the outermost relay to the origin.

    *firstresult*: the built-in attribution stage runs last (``trylast``).
    """


@hookspec
def recruitx_refine_claims(document: Document, claims: list[Claim]) -> list[Claim] | None:
    """Add, drop or change claims; return the new list, or ``None`` to leave them as they are.

    Called after attribution. Implementations are chained: each gets the list
    the previous one returned.
    """


@hookspec
def recruitx_process_report(document: Document, report: Report) -> Report | None:
    """Post-process the finished report; return a new ``Report`` or ``None`` to keep it.

    Called last. Chained like :func:`recruitx_refine_claims`. Records are
    frozen: use ``attrs.evolve(report, ...)`` to change one.
    """
