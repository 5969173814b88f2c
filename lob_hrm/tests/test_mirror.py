"""Mirroring a student career talk into a staff talk, and rephrasing through the LOB idiom."""

from __future__ import annotations

import pytest

from lob_hrm.exchange import dump_document, load_document
from lob_hrm.fingerprint import prompt_fingerprint, section_fingerprint, template_fingerprint
from lob_hrm.mirror import KIND_LABELS, MirrorError, mirror_template, rephrase
from lob_hrm.schemas import (
    AnswerType,
    Audience,
    Dimension,
    Document,
    IdiomTerm,
    Phase,
    Prompt,
    Rephrase,
    Respondent,
    Section,
    TalkKind,
    TalkTemplate,
)


def idiom_of(*pairs: tuple[str, str]) -> list[IdiomTerm]:
    return [
        IdiomTerm(
            key="rephrasings",
            term="rephrasings",
            rephrase=[Rephrase(student=s, staff=t) for s, t in pairs],
        )
    ]


IDIOM = idiom_of(
    ("student", "medewerker"),
    ("stage", "werkpraktijk"),
    ("SLB'er", "leidinggevende"),
    ("opleiding", "functie"),
    ("klas", "team"),
    ("studenten", "medewerkers"),
)

DIMENSIONS = [
    Dimension(key="qualities", name="Kwaliteitenreflectie", question="Wat kan ik?"),
    Dimension(key="motives", name="Motievenreflectie", question="Wat wil ik?"),
    Dimension(key="work_exploration", name="Werkexploratie", question="Welk werk past bij mij?"),
    Dimension(key="career_steering", name="Loopbaansturing", question="Hoe bereik ik mijn doelen?"),
    Dimension(key="networking", name="Netwerken", question="Wie kan mij helpen?"),
]


def student_template() -> TalkTemplate:
    return TalkTemplate(
        key="student_talk",
        name="Loopbaangesprek",
        audience=Audience.STUDENT,
        kind=TalkKind.CAREER,
        description="Het loopbaangesprek van de student met de SLB'er.",
        central=True,
        sections=[
            Section(
                key="look_back",
                title="Terugblik op je stage",
                phase=Phase.LOOK_BACK,
                intro="De student vertelt over zijn stage.",
                locked=True,
                prompts=[
                    Prompt(
                        key="experience",
                        text="Vertel over een concrete ervaring in je stage.",
                        dimension="work_exploration",
                        required=True,
                        guidance="Laat de student het verhaal vertellen.",
                    ),
                    Prompt(
                        key="observed",
                        text="Wat zag de SLB'er in die ervaring?",
                        dimension="qualities",
                        respondent=Respondent.COACH,
                    ),
                ],
            ),
            Section(
                key="action",
                title="Actie",
                phase=Phase.ACTION,
                prompts=[
                    Prompt(
                        key="next_step",
                        text="Welke stap zet je in je opleiding?",
                        dimension="career_steering",
                        respondent=Respondent.TOGETHER,
                        answer_type=AnswerType.AGREEMENT,
                    )
                ],
            ),
        ],
    )


# -- rephrase -----------------------------------------------------------------------------


def test_rephrase_example_sentence():
    assert (
        rephrase("De student vertelt over zijn stage", IDIOM)
        == "De medewerker vertelt over zijn werkpraktijk"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Student vertelt. Stage was leuk!", "Medewerker vertelt. Werkpraktijk was leuk!"),
        ("STAGE", "WERKPRAKTIJK"),
        # An intrinsic capital is no reason to capitalise mid-sentence; a sentence start is.
        ("Vraag het de SLB'er.", "Vraag het de leidinggevende."),
        ("SLB'er en student praten.", "Leidinggevende en medewerker praten."),
        ("Wat vindt je SLB'er? SLB'er: ja.", "Wat vindt je leidinggevende? Leidinggevende: ja."),
        ("'Stage' en \"klas\"", "'Werkpraktijk' en \"team\""),
    ],
)
def test_rephrase_carries_case_over(text, expected):
    assert rephrase(text, IDIOM) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("studenten uit je klas", "medewerkers uit je team"),
        ("studentenklas en klassiek", "studentenklas en klassiek"),  # no parts of words
        ("de SLB'ers", "de SLB'ers"),  # the apostrophe keeps "SLB'ers" one word
        ("privéstage en stageé", "privéstage en stageé"),  # é is a letter
        ("één klas, één stage", "één team, één werkpraktijk"),
        ("stage-adres", "werkpraktijk-adres"),  # a hyphen separates words
    ],
)
def test_rephrase_whole_words_only(text, expected):
    assert rephrase(text, IDIOM) == expected


def test_rephrase_longest_wording_first():
    idiom = idiom_of(
        ("stage", "werkpraktijk"),
        ("stagebegeleider", "praktijkbegeleider"),
        ("stage adres", "werkadres"),
    )
    assert (
        rephrase("De stagebegeleider kent het stage  adres van de stage.", idiom)
        == "De praktijkbegeleider kent het werkadres van de werkpraktijk."
    )


def test_rephrase_never_replaces_replaced_text():
    idiom = idiom_of(("student", "medewerker"), ("medewerker", "collega"))
    assert rephrase("de student en de medewerker", idiom) == "de medewerker en de collega"


def test_rephrase_without_idiom_keeps_text():
    assert rephrase("De student vertelt.", []) == "De student vertelt."
    assert rephrase("", IDIOM) == ""


def test_rephrase_first_term_wins_for_duplicate_wordings():
    idiom = [*idiom_of(("student", "medewerker")), *idiom_of(("Student", "collega"))]
    assert rephrase("de student", idiom) == "de medewerker"


# -- mirror_template ----------------------------------------------------------------------


def test_mirror_keeps_structure_and_links():
    student = student_template()
    staff = mirror_template(student, IDIOM, TalkKind.PERFORMANCE, "performance_talk")

    assert staff.audience is Audience.STAFF
    assert staff.kind is TalkKind.PERFORMANCE
    assert staff.name == "Functioneringsgesprek"
    assert staff.source.key == "student_talk"
    assert staff.source.fingerprint == template_fingerprint(student)
    assert [(s.key, s.phase) for s in staff.sections] == [
        (s.key, s.phase) for s in student.sections
    ]
    for mirrored, original in zip(staff.sections, student.sections, strict=True):
        assert mirrored.mirrors.key == original.key
        assert mirrored.mirrors.fingerprint == section_fingerprint(original)
    for (_, mirrored), (_, original) in zip(staff.prompts(), student.prompts(), strict=True):
        same = ("key", "dimension", "respondent", "answer_type", "required")
        assert {f: getattr(mirrored, f) for f in same} == {f: getattr(original, f) for f in same}
        assert mirrored.mirrors.key == original.key
        assert mirrored.mirrors.fingerprint == prompt_fingerprint(original)


def test_mirror_rephrases_every_text():
    staff = mirror_template(student_template(), IDIOM, TalkKind.DEVELOPMENT, "development_talk")
    look_back = staff.sections[0]
    assert look_back.title == "Terugblik op je werkpraktijk"
    assert look_back.intro == "De medewerker vertelt over zijn werkpraktijk."
    assert look_back.prompts[0].text == "Vertel over een concrete ervaring in je werkpraktijk."
    assert look_back.prompts[0].guidance == "Laat de medewerker het verhaal vertellen."
    assert look_back.prompts[1].text == "Wat zag de leidinggevende in die ervaring?"
    assert staff.sections[1].prompts[0].text == "Welke stap zet je in je functie?"
    assert staff.description == "Het loopbaangesprek van de medewerker met de leidinggevende."


def test_mirror_starts_a_fresh_staff_template():
    staff = mirror_template(
        student_template(), IDIOM, TalkKind.PDP, "pdp_talk", name="Mijn POP", description="Eigen"
    )
    assert (staff.name, staff.description) == ("Mijn POP", "Eigen")
    # Central status and locks belong to the student kader; HR sets them for staff.
    assert not staff.central
    assert not any(s.locked for s in staff.sections)


def test_mirrored_template_is_a_valid_exchange_document():
    student = student_template()
    staff = mirror_template(student, IDIOM, TalkKind.APPRAISAL, "appraisal_talk")
    doc = Document(dimensions=DIMENSIONS, idiom=IDIOM, templates=[student, staff])
    assert load_document(dump_document(doc)) == doc


def test_kind_labels_are_dutch_for_every_kind():
    assert set(KIND_LABELS) == set(TalkKind)
    assert KIND_LABELS[TalkKind.PDP] == "POP-gesprek"


def test_mirror_refuses_a_staff_source():
    staff = mirror_template(student_template(), IDIOM, TalkKind.PERFORMANCE, "performance_talk")
    with pytest.raises(MirrorError, match="student template"):
        mirror_template(staff, IDIOM, TalkKind.DEVELOPMENT, "development_talk")


def test_mirror_refuses_the_student_kind():
    with pytest.raises(MirrorError, match="student kind"):
        mirror_template(student_template(), IDIOM, TalkKind.CAREER, "career_copy")


@pytest.mark.parametrize("key", ["student_talk", "Not A Key"])
def test_mirror_refuses_a_bad_key(key):
    with pytest.raises(MirrorError):
        mirror_template(student_template(), IDIOM, TalkKind.PERFORMANCE, key)


def test_mirror_error_is_a_value_error():
    assert issubclass(MirrorError, ValueError)
