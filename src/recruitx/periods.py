"""The period stage: calendar expressions resolved against the publication date (issue 4 deepens it)."""

from __future__ import annotations

from .document import Document
from .plugins import hookimpl
from .records import Period


def find_periods(document: Document) -> list[Period]:
    """Every calendar expression in the document's sentences."""
    return []


@hookimpl(trylast=True)
def recruitx_find_periods(document: Document) -> list[Period]:
    """Built-in: periods of every sentence."""
    return find_periods(document)
