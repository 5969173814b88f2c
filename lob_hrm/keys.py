"""Technical keys: how records are named in the exchange format, across colleges.

The one definition of a valid key. The schemas validate files with it and the Odoo layer
checks stored records with it, so a key Odoo accepts is one every file can carry.
"""

from __future__ import annotations

import re
from collections.abc import Collection

# lowercase letters, digits and underscores, starting with a letter; at most 64 characters
KEY_REGEX = r"^[a-z][a-z0-9_]{0,63}$"
KEY_PATTERN = re.compile(KEY_REGEX)

_ACCENTS = str.maketrans("àáâäèéêëìíîïòóôöùúûüç", "aaaaeeeeiiiioooouuuuc")


def is_valid_key(key: str) -> bool:
    return bool(KEY_PATTERN.match(key))


def slugify_key(text: str, taken: Collection[str] = ()) -> str:
    """A valid key from a name, unique among ``taken``."""
    normalised = text.lower().translate(_ACCENTS).strip()
    base = re.sub(r"[^a-z0-9]+", "_", normalised).strip("_")[:56] or "item"
    if not base[0].isalpha():
        base = f"k_{base}"
    key, counter = base, 2
    while key in taken:
        key, counter = f"{base}_{counter}", counter + 1
    return key
