"""Alignment of a staff template with its student source: score, breakdown, findings, drift."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lob_hrm.alignment import CHECKS, FINDING_CHECKS, AlignmentReport, align, drift, rescore
from lob_hrm.mirror import mirror_template
from lob_hrm.schemas import (
    AnswerType,
    Audience,
    Dimension,
    IdiomTerm,
    Phase,
    Prompt,
    Rephrase,
    Respondent,
    Section,
    TalkKind,
    TalkTemplate,
)

DIMENSIONS = [
    Dimension(key="qualities", name="Kwaliteitenreflectie", question="Wat kan ik?"),
    Dimension(key="motives", name="Motievenreflectie", question="Wat wil ik?"),
    Dimension(key="work_exploration", name="Werkexploratie", question="Welk werk past bij mij?"),
    Dimension(key="career_steering", name="Loopbaansturing", question="Hoe bereik ik mijn doelen?"),
    Dimension(key="networking", name="Netwerken", question="Wie kan mij helpen?"),
]

IDIOM = [
    IdiomTerm(
        key="coachee",
        term="medewerker",
        avoid=["personeelslid"],
        rephrase=[
            Rephrase(student="student", staff="medewerker"),
            Rephrase(student="studenten", staff="medewerkers"),
        ],
    ),
    IdiomTerm(
        key="practice",
        term="werkpraktijk",
        avoid=["werkvloer"],
        rephrase=[
            Rephrase(student="stage", staff="werkpraktijk"),
            Rephrase(student="BPV", staff="werkpraktijk"),
        ],
    ),
    IdiomTerm(
        key="coach",
        term="leidinggevende",
        avoid=["baas"],
        rephrase=[Rephrase(student="SLB'er", staff="leidinggevende")],
    ),
    IdiomTerm(
        key="context",
        term="functie",
        rephrase=[
            Rephrase(student="opleiding", staff="functie"),
            Rephrase(student="klas", staff="team"),
        ],
    ),
]


def prompt(key, text, dimension, respondent=Respondent.COACHEE, answer=AnswerType.TEXT):
    return Prompt(
        key=key, text=text, dimension=dimension, respondent=respondent, answer_type=answer
    )


STUDENT = TalkTemplate(
    key="student_talk",
    name="Loopbaangesprek",
    audience=Audience.STUDENT,
    kind=TalkKind.CAREER,
    sections=[
        Section(
            key="look_back",
            title="Terugblik",
            phase=Phase.LOOK_BACK,
            intro="De student vertelt over een ervaring in de stage.",
            prompts=[
                prompt(
                    "experience",
                    "Vertel over een concrete ervaring in je stage.",
                    "work_exploration",
                ),
                prompt("observed", "Wat viel je SLB'er op?", "qualities", Respondent.COACH),
            ],
        ),
        Section(
            key="reflection",
            title="Reflectie",
            phase=Phase.REFLECTION,
            prompts=[
                prompt("strengths", "Welke kwaliteiten liet je zien?", "qualities"),
                prompt("energy", "Wat gaf je energie in je opleiding?", "motives"),
            ],
        ),
        Section(
            key="look_ahead",
            title="Vooruitblik",
            phase=Phase.LOOK_AHEAD,
            prompts=[
                prompt("explore", "Welk werk wil je als student verkennen?", "work_exploration")
            ],
        ),
        Section(
            key="action",
            title="Actie en afspraken",
            phase=Phase.ACTION,
            prompts=[
                prompt(
                    "next_step",
                    "Welke concrete stap zet je voor je klas?",
                    "career_steering",
                    Respondent.TOGETHER,
                    AnswerType.AGREEMENT,
                ),
                prompt("helpers", "Welke studenten kunnen je helpen?", "networking"),
            ],
        ),
    ],
)


def mirrored() -> TalkTemplate:
    return mirror_template(STUDENT, IDIOM, TalkKind.PERFORMANCE, "performance_talk")


def codes(report_or_findings) -> set[str]:
    findings = getattr(report_or_findings, "findings", report_or_findings)
    return {f.code for f in findings}


def edit_prompts(template: TalkTemplate, edit: Callable[[Prompt], Prompt | None]) -> TalkTemplate:
    """A copy with ``edit`` applied to every prompt; returning None drops the prompt."""
    sections = []
    for section in template.sections:
        prompts = [p for p in (edit(p) for p in section.prompts) if p is not None]
        sections.append(section.model_copy(update={"prompts": prompts}))
    return template.model_copy(update={"sections": sections})


def edit_prompt(template: TalkTemplate, key: str, **update) -> TalkTemplate:
    return edit_prompts(template, lambda p: p.model_copy(update=update) if p.key == key else p)


def edit_section(template: TalkTemplate, key: str, **update) -> TalkTemplate:
    sections = [s.model_copy(update=update) if s.key == key else s for s in template.sections]
    return template.model_copy(update={"sections": sections})


def without_section(template: TalkTemplate, key: str) -> TalkTemplate:
    sections = [s for s in template.sections if s.key != key]
    return template.model_copy(update={"sections": sections})


def check(report: AlignmentReport, code: str):
    return next(c for c in report.checks if c.code == code)


# -- a good mirror ------------------------------------------------------------------------


def test_a_good_mirror_scores_high_without_problems():
    report = align(mirrored(), STUDENT, DIMENSIONS, IDIOM)
    assert report.score >= 90
    assert report.score == 100
    assert report.findings == []
    assert all(c.applicable and c.earned == c.weight for c in report.checks)


def test_weights_add_up_to_a_hundred_and_the_breakdown_lists_every_check():
    assert sum(weight for _, weight in CHECKS.values()) == 100
    report = align(mirrored(), STUDENT, DIMENSIONS, IDIOM)
    assert [c.code for c in report.checks] == list(CHECKS)
    assert all(c.label for c in report.checks)


def test_align_is_deterministic():
    staff = without_section(mirrored(), "reflection")
    assert align(staff, STUDENT, DIMENSIONS, IDIOM) == align(staff, STUDENT, DIMENSIONS, IDIOM)


# -- dimensions ---------------------------------------------------------------------------


def test_removing_a_dimension_lowers_the_score_and_names_it():
    staff = edit_prompts(mirrored(), lambda p: None if p.dimension == "networking" else p)
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    assert report.score < 100
    missing = [f for f in report.findings if f.code == "dimension_missing"]
    assert len(missing) == 1
    assert "Netwerken" in missing[0].message
    assert missing[0].params == {"dimension": "networking", "name": "Netwerken", "in_source": "yes"}
    assert missing[0].severity == "error"
    assert check(report, "dimensions").earned == 20


def test_a_dimension_only_the_source_covers_is_missing_too():
    staff = edit_prompts(mirrored(), lambda p: None if p.dimension == "networking" else p)
    report = align(staff, STUDENT, DIMENSIONS[:4], IDIOM)
    (finding,) = [f for f in report.findings if f.code == "dimension_missing"]
    assert finding.params["dimension"] == "networking"


def test_a_dimension_nobody_covers_is_missing_without_source():
    staff = edit_prompts(mirrored(), lambda p: None if p.dimension == "motives" else p)
    report = align(staff.model_copy(update={"source": None}), None, DIMENSIONS, IDIOM)
    assert [f.params["name"] for f in report.findings if f.code == "dimension_missing"] == [
        "Motievenreflectie"
    ]
    assert report.findings[0].params["in_source"] == "no"


# -- phases -------------------------------------------------------------------------------


def test_a_missing_phase_is_reported():
    report = align(without_section(mirrored(), "reflection"), STUDENT, DIMENSIONS, IDIOM)
    (finding,) = [f for f in report.findings if f.code == "phase_missing"]
    assert finding.params == {"phase": "reflection", "source_title": "Reflectie"}
    assert check(report, "phases").earned == 7.5


def test_phases_out_of_order_are_reported():
    staff = mirrored()
    sections = [staff.sections[0], staff.sections[2], staff.sections[1], staff.sections[3]]
    report = align(staff.model_copy(update={"sections": sections}), STUDENT, DIMENSIONS, IDIOM)
    order = [f for f in report.findings if f.code == "phase_order"]
    assert len(order) == 1
    assert order[0].section in {"reflection", "look_ahead"}
    assert report.score < 100


def test_extra_staff_phases_are_fine():
    staff = mirrored()
    opening = Section(
        key="welcome",
        title="Opening",
        phase=Phase.OPENING,
        prompts=[prompt("agenda", "Wat wil je vandaag bespreken?", None)],
    )
    staff = staff.model_copy(update={"sections": [opening, *staff.sections]})
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    assert not codes(report) & {"phase_missing", "phase_order", "not_employee_led"}


# -- dialogue principles ------------------------------------------------------------------


def test_a_manager_led_opening_is_not_employee_led():
    staff = edit_prompt(mirrored(), "experience", respondent=Respondent.COACH)
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    finding = next(f for f in report.findings if f.code == "not_employee_led")
    assert (finding.section, finding.prompt) == ("look_back", "experience")
    assert check(report, "employee_led").earned == 0


def test_a_joint_opening_earns_half():
    staff = edit_prompt(mirrored(), "experience", respondent=Respondent.TOGETHER)
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    assert "not_employee_led" in codes(report)
    assert check(report, "employee_led").earned == 5


def test_no_employee_answered_look_back_is_no_concrete_experience():
    staff = edit_prompt(mirrored(), "experience", respondent=Respondent.COACH)
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    finding = next(f for f in report.findings if f.code == "no_concrete_experience")
    assert finding.params == {"reason": "not_coachee"}


def test_no_look_back_is_no_concrete_experience():
    report = align(without_section(mirrored(), "look_back"), STUDENT, DIMENSIONS, IDIOM)
    finding = next(f for f in report.findings if f.code == "no_concrete_experience")
    assert finding.params == {"reason": "no_look_back"}
    assert check(report, "concrete_experience").earned == 0


def test_no_look_ahead_is_no_forward_look():
    report = align(without_section(mirrored(), "look_ahead"), STUDENT, DIMENSIONS, IDIOM)
    assert {"no_forward_look", "phase_missing"} <= codes(report)


def test_no_agreement_prompt_is_reported():
    staff = edit_prompt(mirrored(), "next_step", answer_type=AnswerType.TEXT)
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    finding = next(f for f in report.findings if f.code == "no_agreements")
    assert finding.params == {"reason": "no_agreement_prompt"}
    assert check(report, "agreements").earned == 5


def test_no_action_phase_is_no_agreements():
    report = align(without_section(mirrored(), "action"), STUDENT, DIMENSIONS, IDIOM)
    finding = next(f for f in report.findings if f.code == "no_agreements")
    assert finding.params == {"reason": "no_action"}


# -- idiom --------------------------------------------------------------------------------


def test_an_avoided_synonym_is_reported_where_it_is():
    staff = edit_prompt(
        mirrored(), "strengths", text="Welke kwaliteiten liet het Personeelslid zien?"
    )
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    (finding,) = [f for f in report.findings if f.code == "avoided_term"]
    assert (finding.section, finding.prompt) == ("reflection", "strengths")
    assert finding.params["found"] == "Personeelslid"
    assert finding.params["term"] == "medewerker"
    assert "Personeelslid" in finding.message and "medewerker" in finding.message
    assert check(report, "idiom").earned == 8


def test_avoided_synonyms_match_whole_words_only():
    staff = edit_prompt(mirrored(), "strengths", text="Wat doe je op de WERKVLOER-dag?")
    assert "avoided_term" in codes(align(staff, STUDENT, DIMENSIONS, IDIOM))
    staff = edit_prompt(mirrored(), "strengths", text="Wie is je baasje op de werkvloeren?")
    assert "avoided_term" not in codes(align(staff, STUDENT, DIMENSIONS, IDIOM))


def test_unrephrased_student_wording_is_reported():
    staff = edit_section(mirrored(), "look_back", intro="De student vertelt over de BPV.")
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    found = [
        (f.section, f.params["found"], f.params["staff"])
        for f in report.findings
        if f.code == "student_wording"
    ]
    assert found == [("look_back", "student", "medewerker"), ("look_back", "BPV", "werkpraktijk")]
    assert check(report, "idiom").earned == 6


def test_a_student_template_aligned_as_staff_shows_its_wording():
    report = align(STUDENT, None, DIMENSIONS, IDIOM)
    assert "student_wording" in codes(report)


def test_without_idiom_the_idiom_check_does_not_apply():
    report = align(mirrored(), STUDENT, DIMENSIONS, [])
    assert not check(report, "idiom").applicable
    assert report.score == 100


# -- mirror integrity ---------------------------------------------------------------------


def test_a_dropped_source_prompt_is_not_mirrored():
    staff = edit_prompts(mirrored(), lambda p: None if p.key == "observed" else p)
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    (finding,) = [f for f in report.findings if f.code == "source_prompt_not_mirrored"]
    assert (finding.section, finding.prompt) == ("look_back", "observed")
    assert report.score < 100


def test_a_changed_dimension_is_reported_by_name():
    staff = edit_prompt(mirrored(), "energy", dimension="networking")
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    (finding,) = [f for f in report.findings if f.code == "dimension_changed"]
    assert finding.prompt == "energy"
    assert "Netwerken" in finding.message and "Motievenreflectie" in finding.message
    assert "dimension_missing" in codes(report)  # motives is now uncovered


# -- drift --------------------------------------------------------------------------------


def test_a_changed_source_prompt_is_drift():
    staff = mirrored()
    source = edit_prompt(STUDENT, "energy", text="Waar word je enthousiast van?")
    findings = drift(staff, source)
    assert [f.code for f in findings] == [
        "source_changed",
        "source_prompt_changed",
    ]
    assert findings[0].severity == "info"
    changed = findings[1]
    assert (changed.section, changed.prompt, changed.severity) == (
        "reflection",
        "energy",
        "warning",
    )
    assert changed.params["source_text"] == "Waar word je enthousiast van?"
    report = align(staff, source, DIMENSIONS, IDIOM)
    assert 90 <= report.score < 100
    assert {"source_changed", "source_prompt_changed"} <= codes(report)


def test_a_removed_source_prompt_and_section_are_drift():
    source = without_section(STUDENT, "reflection")
    assert codes(drift(mirrored(), source)) == {
        "source_changed",
        "source_section_removed",
        "source_prompt_removed",
    }


def test_a_new_source_prompt_changes_its_section():
    extra = prompt("contacts", "Wie ken je al?", "networking")
    action = STUDENT.sections[3]
    source = edit_section(STUDENT, "action", prompts=[*action.prompts, extra])
    findings = drift(mirrored(), source)
    assert codes(findings) == {"source_changed", "source_section_changed"}
    assert "source_prompt_not_mirrored" in codes(align(mirrored(), source, DIMENSIONS, IDIOM))


def test_a_different_source_is_a_mismatch():
    other = STUDENT.model_copy(update={"key": "other_talk"})
    assert codes(drift(mirrored(), other)) == {"source_mismatch"}


def test_no_drift_for_a_fresh_mirror():
    assert drift(mirrored(), STUDENT) == []


# -- without a source ---------------------------------------------------------------------


def test_without_source_the_source_checks_are_skipped_and_normalised():
    staff = mirrored()
    staff = edit_prompts(staff, lambda p: p.model_copy(update={"mirrors": None}))
    staff = staff.model_copy(update={"source": None})
    report = align(staff, None, DIMENSIONS, IDIOM)
    skipped = {c.code for c in report.checks if not c.applicable}
    assert skipped == {"phases", "mirror_integrity", "drift"}
    assert report.score == 100

    worse = align(
        edit_prompt(staff, "experience", respondent=Respondent.COACH), None, DIMENSIONS, IDIOM
    )
    # 10 of the 70 applicable points for the opening, 5 for the concrete experience.
    assert worse.score == round(100 * 55 / 70)


def test_rounding_never_hides_a_problem():
    # One unmirrored prompt out of forty costs 15 / 80 points: 99.8 would round to 100.
    extra = [prompt(f"extra_{i}", f"Extra vraag {i}?", "qualities") for i in range(33)]
    source = edit_section(STUDENT, "reflection", prompts=[*STUDENT.sections[1].prompts, *extra])
    staff = mirror_template(source, IDIOM, TalkKind.PERFORMANCE, "performance_talk")
    report = align(edit_prompt(staff, "extra_0", mirrors=None), source, DIMENSIONS, IDIOM)
    assert codes(report) == {"source_prompt_not_mirrored"}
    assert report.score == 99


# -- properties ---------------------------------------------------------------------------

ALL_PROMPTS = [p.key for _, p in STUDENT.prompts()]


@settings(max_examples=150, deadline=None)
@given(
    sections=st.lists(st.sampled_from([s.key for s in STUDENT.sections]), min_size=1, unique=True),
    prompts=st.sets(st.sampled_from(ALL_PROMPTS)),
    with_source=st.booleans(),
    with_idiom=st.booleans(),
)
def test_score_stays_within_0_and_100(sections, prompts, with_source, with_idiom):
    staff = mirrored()
    by_key = {s.key: s for s in staff.sections}
    staff = staff.model_copy(update={"sections": [by_key[k] for k in sections]})
    staff = edit_prompts(staff, lambda p: p if p.key in prompts else None)
    report = align(staff, STUDENT if with_source else None, DIMENSIONS, IDIOM if with_idiom else [])
    assert 0 <= report.score <= 100
    for item in report.checks:
        assert 0 <= item.earned <= item.weight
    applicable = [c for c in report.checks if c.applicable]
    expected = 100 * sum(c.earned for c in applicable) / sum(c.weight for c in applicable)
    to_fix = [f for f in report.findings if f.severity != "info"]
    assert abs(report.score - (min(expected, 99) if to_fix else expected)) <= 0.5 + 1e-9
    assert report.score < 100 or not to_fix


@pytest.mark.parametrize(
    "code",
    [
        "dimension_missing",
        "phase_missing",
        "phase_order",
        "not_employee_led",
        "no_concrete_experience",
        "no_forward_look",
        "no_agreements",
        "avoided_term",
        "student_wording",
        "source_prompt_not_mirrored",
        "dimension_changed",
    ],
)
def test_every_problem_costs_points(code):
    mutations = {
        "dimension_missing": lambda t: edit_prompts(
            t, lambda p: None if p.dimension == "networking" else p
        ),
        "phase_missing": lambda t: without_section(t, "reflection"),
        "phase_order": lambda t: t.model_copy(update={"sections": t.sections[::-1]}),
        "not_employee_led": lambda t: edit_prompt(t, "experience", respondent=Respondent.COACH),
        "no_concrete_experience": lambda t: without_section(t, "look_back"),
        "no_forward_look": lambda t: without_section(t, "look_ahead"),
        "no_agreements": lambda t: edit_prompt(t, "next_step", answer_type=AnswerType.SCALE),
        "avoided_term": lambda t: edit_prompt(t, "helpers", guidance="Vraag je baas."),
        "student_wording": lambda t: t.model_copy(update={"description": "Voor de student."}),
        "source_prompt_not_mirrored": lambda t: edit_prompt(t, "energy", mirrors=None),
        "dimension_changed": lambda t: edit_prompt(t, "helpers", dimension="motives"),
    }
    report = align(mutations[code](mirrored()), STUDENT, DIMENSIONS, IDIOM)
    assert code in codes(report)
    assert report.score < 100
    for finding in report.findings:
        assert finding.message and all(isinstance(v, str) for v in finding.params.values())


# -- accepted findings --------------------------------------------------------------------


def test_every_core_finding_code_names_a_check():
    assert set(FINDING_CHECKS.values()) <= set(CHECKS)
    staff = edit_prompts(mirrored(), lambda p: None if p.dimension == "networking" else p)
    staff = without_section(staff, "look_ahead")
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    assert report.findings
    assert all(f.code in FINDING_CHECKS for f in report.findings)


def test_rescore_without_accepted_findings_keeps_the_report():
    report = align(without_section(mirrored(), "reflection"), STUDENT, DIMENSIONS, IDIOM)
    assert rescore(report, set()) == report


def test_accepting_every_finding_gives_back_all_points():
    staff = edit_prompts(mirrored(), lambda p: None if p.key == "helpers" else p)
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    assert report.score < 100
    accepted = rescore(report, set(range(len(report.findings))))
    assert accepted.score == 100
    assert all(c.earned == c.weight for c in accepted.checks if c.applicable)


def test_accepting_one_of_two_findings_gives_back_half_of_its_check():
    staff = edit_prompts(
        mirrored(), lambda p: None if p.dimension in ("networking", "motives") else p
    )
    report = align(staff, STUDENT, DIMENSIONS, IDIOM)
    missing = [i for i, f in enumerate(report.findings) if f.code == "dimension_missing"]
    assert len(missing) == 2
    lost = check(report, "dimensions").weight - check(report, "dimensions").earned
    partly = rescore(report, {missing[0]})
    assert check(partly, "dimensions").earned == pytest.approx(
        check(report, "dimensions").earned + lost / 2, abs=0.01
    )
    assert report.score < partly.score <= 99  # the other error still caps the score
