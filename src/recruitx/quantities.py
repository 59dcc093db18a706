"""The quantity stage: counted and measured amounts with qualifier, bounds and unit (issue 3 deepens it)."""

from __future__ import annotations

from .document import Document
from .plugins import hookimpl
from .records import Quantity


def find_quantities(document: Document) -> list[Quantity]:
    """Every quantity phrase in the document's sentences."""
    return []


@hookimpl(trylast=True)
def recruitx_find_quantities(document: Document) -> list[Quantity]:
    """Built-in: quantities of every sentence."""
    return find_quantities(document)
