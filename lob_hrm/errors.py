"""Validation problems of the exchange format, in a form any UI can translate.

A :class:`Problem` carries a stable ``code`` and ``params`` instead of a finished sentence,
and :func:`locate` says where in the file it is (which template, section, question) without
wording it. The command line prints ``Problem.message``; the Odoo layer translates the code
and the place. Pydantic's errors become problems through :func:`problems_from_validation`
only, so a file and a stored record report one problem the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError


@dataclass(frozen=True)
class Problem:
    """One validation problem: where (a JSON path such as ``$.templates[0].key``) and what.

    ``code`` is stable and ``params`` fills the message, so that a UI can translate it.
    """

    path: str
    code: str
    message: str
    params: tuple[tuple[str, str], ...] = ()
    # the path as keys and indexes, for a UI that names the place in its own terms
    loc: tuple[str | int, ...] = ()

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ExchangeError(ValueError):
    """The input is not a valid exchange document; ``problems`` says where and why."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def json_path(loc: Iterable[str | int]) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def problem(loc: Iterable[str | int], code: str, message: str, **params: str) -> Problem:
    """A problem at ``loc``; ``message`` is a ``str.format`` pattern filled with ``params``."""
    loc = tuple(loc)
    return Problem(json_path(loc), code, message.format(**params), tuple(params.items()), loc)


def error_params(err: dict) -> tuple[tuple[str, str], ...]:
    """The parameters of one pydantic error (its context, and the value when quotable)."""
    params = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
    value = err.get("input")
    # the offending value, when it is short enough to quote in a message
    if isinstance(value, int) and value.bit_length() > 256:
        return tuple(params.items())
    if isinstance(value, str | int | float | bool) and len(str(value)) <= 80:
        params.setdefault("input", str(value))
    return tuple(params.items())


def problems_from_validation(exc: ValidationError) -> list[Problem]:
    """Pydantic's errors as problems: code = pydantic's error type, with its parameters."""
    return [
        Problem(json_path(err["loc"]), err["type"], err["msg"], error_params(err), err["loc"])
        for err in exc.errors(include_url=False)
    ]


# The lists whose items a place names, and the item fields that name an item (first set).
NAMED_COLLECTIONS: dict[str, tuple[str, ...]] = {
    "templates": ("name", "key"),
    "sections": ("title", "key"),
    "prompts": (),
    "dimensions": ("name", "key"),
    "idiom": ("term", "key"),
    "avoid": (),
    "rephrase": (),
    "instruments": ("title", "key"),
    "policy_frames": ("name", "key"),
    "pillars": ("name", "key"),
    "goals": ("name", "key"),
    "bigger_story": ("name", "story"),
}


@dataclass(frozen=True)
class Step:
    """An item of a named collection on the way to a problem: ``number`` counts from 1;
    ``name`` is the item's own name from the file (cleaned, at most 60 characters)."""

    collection: str
    number: int
    name: str | None = None


@dataclass(frozen=True)
class Place:
    """Where a problem is, unworded: the items on the way, and the field it concerns."""

    steps: tuple[Step, ...] = ()
    field: str | None = None


def _item_name(item: Any, names: tuple[str, ...]) -> str | None:
    if not isinstance(item, dict):
        return None
    for name in names:
        value = item.get(name)
        # the name may hold the very NUL or line break the file is refused for
        value = " ".join(value.replace("\x00", " ").split()) if isinstance(value, str) else ""
        if value:
            return value[:60]
    return None


def locate(data: Any, loc: Iterable[str | int]) -> Place:
    """The place ``loc`` points to in the raw ``data`` (the parsed file, or ``{}``)."""
    loc = list(loc)
    steps: list[Step] = []
    node, current_field, index = data, None, 0
    while index < len(loc):
        part = loc[index]
        nxt = loc[index + 1] if index + 1 < len(loc) else None
        child = node.get(part) if isinstance(node, dict) else None
        if part in NAMED_COLLECTIONS and isinstance(nxt, int):
            item = child[nxt] if isinstance(child, list) and nxt < len(child) else None
            steps.append(Step(part, nxt + 1, _item_name(item, NAMED_COLLECTIONS[part])))
            node = item
            index += 2
            continue
        current_field = part if isinstance(part, str) else current_field
        node = child
        index += 1
    return Place(tuple(steps), current_field)
