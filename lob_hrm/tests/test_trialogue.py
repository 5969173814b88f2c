"""The trialoog: student, school and company, mirrored from the student career talk."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from lob_hrm.alignment import align
from lob_hrm.exchange import dump_document, load_document
from lob_hrm.fingerprint import prompt_fingerprint, template_fingerprint
from lob_hrm.mirror import MirrorError, mirror_trialogue, trialogue_party
from lob_hrm.schemas import Audience, Document, Party, Phase, Respondent, TalkKind

from .test_alignment import DIMENSIONS, IDIOM, STUDENT, codes, edit_prompt, mirrored


def trialogue():
    return mirror_trialogue(STUDENT, "trialoog")


def parties(template):
    return {prompt.key: prompt.party for _section, prompt in template.prompts()}


def test_keeps_phases_dimensions_and_wording_with_mirror_links():
    result = trialogue()
    assert result.audience is Audience.TRIALOGUE
    assert result.kind is TalkKind.CAREER
    assert result.source.key == STUDENT.key
    assert result.source.fingerprint == template_fingerprint(STUDENT)
    assert [s.phase for s in result.sections] == [s.phase for s in STUDENT.sections]
    for (section, prompt), (source_section, source) in zip(
        result.prompts(), STUDENT.prompts(), strict=True
    ):
        assert section.mirrors.key == source_section.key
        # the student stays the subject: the student talk's own words, no rephrasing
        assert (prompt.key, prompt.text, prompt.dimension) == (
            source.key,
            source.text,
            source.dimension,
        )
        assert prompt.mirrors.fingerprint == prompt_fingerprint(source)
    covered = {prompt.dimension for _section, prompt in result.prompts()}
    assert covered == {d.key for d in DIMENSIONS}


def test_every_prompt_has_a_party_and_the_student_leads():
    assert parties(trialogue()) == {
        "experience": Party.STUDENT,  # the opening
        "observed": Party.SCHOOL,  # the coach's observation
        "strengths": Party.STUDENT,
        "energy": Party.STUDENT,
        "explore": Party.COMPANY,  # work, looking ahead: the work field speaks
        "next_step": Party.STUDENT,  # the agreement is the student's own step
        "helpers": Party.COMPANY,  # the network
    }


def test_the_opening_is_the_students_whoever_answered_it_in_the_student_talk():
    source = edit_prompt(STUDENT, "experience", respondent=Respondent.COACH)
    result = mirror_trialogue(source, "trialoog")
    assert result.prompts()[0][1].party is Party.STUDENT
    section, prompt = source.prompts()[0]
    assert trialogue_party(section, prompt) is Party.SCHOOL
    assert trialogue_party(section, prompt, opening=True) is Party.STUDENT


def test_only_a_student_template_is_mirrored_with_its_own_key():
    with pytest.raises(MirrorError, match="Only a student template"):
        mirror_trialogue(mirrored(), "trialoog")
    with pytest.raises(MirrorError, match="needs its own key"):
        mirror_trialogue(STUDENT, STUDENT.key)


def test_parties_belong_to_trialoog_prompts_only():
    data = trialogue().model_dump()
    data["sections"][0]["prompts"][0]["party"] = None
    with pytest.raises(ValidationError, match="names no party"):
        type(STUDENT).model_validate(data)
    data = STUDENT.model_dump()
    data["sections"][0]["prompts"][0]["party"] = "company"
    with pytest.raises(ValidationError, match="only trialoog prompts have one"):
        type(STUDENT).model_validate(data)


def test_round_trips_through_the_exchange_format():
    document = Document(dimensions=DIMENSIONS, templates=[STUDENT, trialogue()])
    again = load_document(dump_document(document))
    assert again.templates[1] == trialogue()


def test_alignment_scores_a_fresh_trialoog_without_problems():
    report = align(trialogue(), STUDENT, DIMENSIONS, IDIOM)
    # the student wording (stage, SLB'er, student) is right in a talk with the student
    assert "student_wording" not in codes(report)
    assert report.score == 100, report.findings


def test_alignment_wants_the_student_to_open():
    source = trialogue()
    led_by_school = edit_prompt(source, "experience", party=Party.SCHOOL)
    report = align(led_by_school, STUDENT, DIMENSIONS, IDIOM)
    finding = next(f for f in report.findings if f.code == "not_student_led")
    assert (finding.prompt, finding.params["party"]) == ("experience", "school")
    employee_led = next(c for c in report.checks if c.code == "employee_led")
    assert employee_led.earned == 0
    assert report.score < 100


def test_alignment_finds_drift_and_missing_dimensions_as_for_staff():
    changed = edit_prompt(STUDENT, "strengths", text="Welke kwaliteit is nieuw voor je?")
    assert "source_prompt_changed" in codes(align(trialogue(), changed, DIMENSIONS, IDIOM))
    no_network = edit_prompt(trialogue(), "helpers", dimension="qualities")
    report = align(no_network, STUDENT, DIMENSIONS, IDIOM)
    assert {"dimension_missing", "dimension_changed"} <= codes(report)


def test_avoided_terms_still_count_in_a_trialoog():
    rude = edit_prompt(trialogue(), "observed", text="Wat zag je baas op de werkvloer?")
    assert "avoided_term" in codes(align(rude, STUDENT, DIMENSIONS, IDIOM))


def test_the_default_student_talk_gives_each_party_prompts():
    path = Path(__file__).resolve().parents[2] / "data" / "lob_default_content.json"
    with open(path, encoding="utf-8") as handle:
        student = load_document(handle.read()).templates[0]
    result = mirror_trialogue(student, "trialoog")
    assert set(parties(result).values()) == set(Party)
    assert result.prompts()[0][1].party is Party.STUDENT
    assert result.sections[0].phase is Phase.LOOK_BACK
