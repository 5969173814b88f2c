"""Short, stable content fingerprints, stored in mirror links to detect drift.

A fingerprint covers what a mirrored part must follow (text, dimension, phase, ...), not
presentation details, and is the first 16 hex digits of a SHA-256 over canonical JSON.
"""

from __future__ import annotations

import hashlib
import json

from .schemas import Prompt, Section, TalkTemplate


def _digest(value) -> str:
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def prompt_fingerprint(prompt: Prompt) -> str:
    return _digest(
        [prompt.text, prompt.dimension, prompt.respondent.value, prompt.answer_type.value]
    )


def section_fingerprint(section: Section) -> str:
    return _digest([section.title, section.phase.value, [p.key for p in section.prompts]])


def template_fingerprint(template: TalkTemplate) -> str:
    return _digest(
        [
            [section_fingerprint(s), [prompt_fingerprint(p) for p in s.prompts]]
            for s in template.sections
        ]
    )
