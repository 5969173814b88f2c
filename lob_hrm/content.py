"""The embedded default LOB content: dimensions, idiom, talk templates, framework and roles.

The content lives in ``data/lob_default_content.json`` at the repository root (the add-on
folder), in the exchange format, so that HR can export, edit and re-import it like any other
shared LOB instrument.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .exchange import load_document
from .schemas import Document

DEFAULT_CONTENT_PATH = Path(__file__).resolve().parent.parent / "data" / "lob_default_content.json"


@lru_cache(maxsize=1)
def load_default_content() -> Document:
    """The validated default content (a frozen document, loaded once)."""
    return load_document(DEFAULT_CONTENT_PATH.read_bytes())
