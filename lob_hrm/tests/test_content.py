"""The embedded default content: the LOB vocabulary, the talk templates and the framework."""

from __future__ import annotations

import json
import re

import pytest

from lob_hrm.content import DEFAULT_CONTENT_PATH, load_default_content
from lob_hrm.exchange import dump_document, load_document
from lob_hrm.fingerprint import prompt_fingerprint, section_fingerprint, template_fingerprint
from lob_hrm.schemas import (
    AnswerType,
    Audience,
    Phase,
    Respondent,
    RoleGroup,
    TalkKind,
    TalkTemplate,
)

DIMENSION_ORDER = ["qualities", "motives", "work_exploration", "career_steering", "networking"]
FOUR_PHASES = [
    ("terugblik", Phase.LOOK_BACK),
    ("reflectie", Phase.REFLECTION),
    ("vooruitblik", Phase.LOOK_AHEAD),
    ("actie", Phase.ACTION),
]
STAFF_TEMPLATES = ["staff_performance_talk", "staff_development_talk"]


@pytest.fixture(scope="module")
def doc():
    return load_default_content()


@pytest.fixture(scope="module")
def templates(doc):
    return {template.key: template for template in doc.templates}


@pytest.fixture(scope="module")
def student(templates) -> TalkTemplate:
    return templates["student_career_talk"]


def whole_word(wording: str) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern; an apostrophe glues ("SLB'er" is one word)."""
    return re.compile(rf"(?<![\w'])(?<!\w'){re.escape(wording)}(?!'?\w)", re.IGNORECASE)


def texts(template: TalkTemplate) -> list[tuple[str, str]]:
    found = [(f"{template.key}.name", template.name)]
    found.append((f"{template.key}.description", template.description))
    for section in template.sections:
        found += [(f"{section.key}.title", section.title), (f"{section.key}.intro", section.intro)]
        for prompt in section.prompts:
            found += [
                (f"{prompt.key}.text", prompt.text),
                (f"{prompt.key}.guidance", prompt.guidance),
            ]
    return found


# -- the file ---------------------------------------------------------------------------------


def test_default_content_file_validates():
    raw = DEFAULT_CONTENT_PATH.read_text(encoding="utf-8")
    doc = load_document(raw)
    assert doc.dimensions and doc.idiom and doc.templates and doc.framework and doc.roles
    assert doc.overview is None  # content only; colleges add their own data


def test_default_content_round_trips(doc):
    assert load_document(json.loads(dump_document(doc))) == doc


def test_load_default_content_is_cached(doc):
    assert load_default_content() is doc


# -- dimensions and idiom ---------------------------------------------------------------------


def test_five_dimensions_in_order_with_dutch_names_and_questions(doc):
    assert [d.key for d in doc.dimensions] == DIMENSION_ORDER
    assert [d.name for d in doc.dimensions] == [
        "Kwaliteitenreflectie",
        "Motievenreflectie",
        "Werkexploratie",
        "Loopbaansturing",
        "Netwerken",
    ]
    assert doc.dimensions[0].question == "Wat kan ik?"
    assert doc.dimensions[-1].question == "Wie kan mij helpen?"
    assert all(d.question.endswith("?") and d.description for d in doc.dimensions)


def test_idiom_has_defined_terms_and_the_core_rephrasings(doc):
    assert 15 <= len(doc.idiom) <= 20
    assert all(term.definition for term in doc.idiom)
    pairs = {pair.student: pair.staff for term in doc.idiom for pair in term.rephrase}
    assert pairs["student"] == "medewerker"
    assert pairs["studenten"] == "medewerkers"
    assert pairs["opleiding"] == "functie"
    assert pairs["stage"] == pairs["BPV"] == "werkpraktijk"
    assert pairs["SLB'er"] == pairs["slb'er"] == pairs["mentor"] == "leidinggevende"
    assert pairs["klas"] == "team"


def test_idiom_is_consistent(doc):
    avoided = {word.lower() for term in doc.idiom for word in term.avoid}
    staff_words = {pair.staff.lower() for term in doc.idiom for pair in term.rephrase}
    student_words = {pair.student.lower() for term in doc.idiom for pair in term.rephrase}
    terms = {term.term.lower() for term in doc.idiom}
    assert avoided
    assert not avoided & staff_words, "a staff wording must not be an avoided word"
    assert not avoided & terms, "a term must not be avoided"
    assert not staff_words & student_words, "rephrasing must not chain"


# -- the student talk -------------------------------------------------------------------------


def test_student_talk_has_four_phases_in_order(student):
    assert student.audience is Audience.STUDENT
    assert student.kind is TalkKind.CAREER
    assert [(s.key, s.phase) for s in student.sections] == FOUR_PHASES
    assert all(2 <= len(s.prompts) <= 4 for s in student.sections)


def test_student_talk_covers_every_dimension(doc, student):
    covered = {prompt.dimension for _, prompt in student.prompts()}
    assert covered == {d.key for d in doc.dimensions}


def test_student_talk_follows_the_dialogue_principles(student):
    sections = {s.key: s for s in student.sections}
    opening = student.sections[0].prompts[0]
    assert opening.respondent is Respondent.COACHEE  # vraaggericht
    terugblik = " ".join(p.text for p in sections["terugblik"].prompts)
    assert "concrete ervaring" in terugblik  # praktijkgericht
    action = sections["actie"].prompts
    assert any(p.answer_type is AnswerType.AGREEMENT for p in action)  # toekomstgericht
    assert any(p.dimension == "networking" for p in action)  # wie kan helpen?
    assert all(p.guidance for _, p in student.prompts())


def test_student_talk_uses_the_wordings_it_rephrases(doc, student):
    used = {
        pair.student
        for term in doc.idiom
        for pair in term.rephrase
        if any(whole_word(pair.student).search(text) for _, text in texts(student))
    }
    assert {"student", "opleiding", "stage", "klas", "SLB'er", "medestudent"} <= used


# -- the staff talks --------------------------------------------------------------------------


@pytest.mark.parametrize("key", STAFF_TEMPLATES)
def test_staff_talk_mirrors_the_student_talk(templates, student, key):
    staff = templates[key]
    assert staff.audience is Audience.STAFF
    assert staff.source is not None and staff.source.key == student.key
    mirrored = [s for s in staff.sections if s.mirrors]
    assert [(s.key, s.phase) for s in mirrored] == FOUR_PHASES
    source_prompts = {p.key: p for _, p in student.prompts()}
    for section in mirrored:
        source = next(s for s in student.sections if s.key == section.mirrors.key)
        assert [p.key for p in section.prompts] == [p.key for p in source.prompts]
        for prompt in section.prompts:
            origin = source_prompts[prompt.mirrors.key]
            assert prompt.key == origin.key
            assert (prompt.dimension, prompt.respondent, prompt.answer_type) == (
                origin.dimension,
                origin.respondent,
                origin.answer_type,
            )


@pytest.mark.parametrize("key", STAFF_TEMPLATES)
def test_staff_mirror_links_are_fresh(templates, student, key):
    """Recompute every fingerprint from the student talk: no drift in the shipped content."""
    staff = templates[key]
    assert staff.source.fingerprint == template_fingerprint(student)
    sections = {s.key: s for s in student.sections}
    prompts = {p.key: p for _, p in student.prompts()}
    for section in staff.sections:
        if section.mirrors:
            assert section.mirrors.fingerprint == section_fingerprint(sections[section.mirrors.key])
        for prompt in section.prompts:
            if prompt.mirrors:
                assert prompt.mirrors.fingerprint == prompt_fingerprint(prompts[prompt.mirrors.key])


@pytest.mark.parametrize("key", STAFF_TEMPLATES)
def test_staff_texts_avoid_student_wording_and_avoided_terms(doc, templates, key):
    forbidden = {word for term in doc.idiom for word in term.avoid}
    forbidden |= {pair.student for term in doc.idiom for pair in term.rephrase}
    hits = [
        (where, word)
        for where, text in texts(templates[key])
        for word in sorted(forbidden)
        if whole_word(word).search(text)
    ]
    assert hits == []


def test_student_talk_uses_no_avoided_terms(doc, student):
    avoided = {word for term in doc.idiom for word in term.avoid}
    assert [w for w in avoided for _, text in texts(student) if whole_word(w).search(text)] == []


def test_performance_talk_is_the_central_kader(templates):
    performance = templates["staff_performance_talk"]
    assert performance.kind is TalkKind.PERFORMANCE
    assert performance.central
    assert {s.key for s in performance.sections if s.locked} == {"terugblik", "actie"}


def test_development_talk_adds_pop_without_mirror_link(templates):
    development = templates["staff_development_talk"]
    assert development.kind is TalkKind.DEVELOPMENT
    extra = [s for s in development.sections if s.mirrors is None]
    assert len(extra) == 1
    assert all(p.mirrors is None for p in extra[0].prompts)
    assert "59 uur" in " ".join(p.guidance for p in extra[0].prompts)
    phases = [s.phase for s in development.sections]
    assert phases == sorted(phases, key=list(Phase).index)


# -- framework and roles ----------------------------------------------------------------------


def test_framework_follows_the_raamwerk_lob(doc):
    framework = doc.framework
    assert framework.key == "raamwerk_lob"
    assert [(level.key, level.rank) for level in framework.levels] == [
        ("startbekwaam", 1),
        ("basisbekwaam", 2),
        ("vakbekwaam", 3),
        ("excellent", 4),
    ]
    assert [area.key for area in framework.areas] == [
        "visie_en_beleid",
        "orientatie_en_begeleiding",
        "organisatie",
        "samenwerking",
    ]
    assert 14 <= len(framework.competencies) <= 18
    assert {c.area for c in framework.competencies} == {a.key for a in framework.areas}
    assert {g for c in framework.competencies for g in c.groups} == set(RoleGroup)
    for competency in framework.competencies:
        assert competency.description and competency.groups
        described = {d.level for d in competency.levels}
        assert {"basisbekwaam", "vakbekwaam", "excellent"} <= described, competency.key


def test_roles_have_valid_targets(doc):
    framework = doc.framework
    competencies = {c.key: c for c in framework.competencies}
    levels = {level.key for level in framework.levels}
    assert [role.key for role in doc.roles] == [
        "slb",
        "loopbaancoach",
        "bpv_begeleider",
        "decaan",
        "teamleider",
    ]
    for role in doc.roles:
        assert role.name and role.description and role.targets
        for target in role.targets:
            assert target.competency in competencies
            assert target.level in levels
            assert target.level != "startbekwaam"  # nobody aims at the entry level
            assert role.group in competencies[target.competency].groups, (role.key, target)
