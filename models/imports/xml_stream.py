"""Streaming a large XML or HTML part with lxml's iterparse, in memory bounded by one row."""
from __future__ import annotations

from typing import Any


def drop_read(element: Any) -> None:
    """Forget an element read to its end, and whatever came before it under the same parent."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
