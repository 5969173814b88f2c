"""Instruments and policy frames in the exchange format: files within the limit and of an
allowed kind, references to the document's career competencies, goals within their
indicator's range; every problem named by its JSON path."""

import base64

import pytest

from lob_hrm import files
from lob_hrm.exchange import (
    ExchangeError,
    dump_document,
    instrument_fingerprint,
    load_document,
    policy_frame_fingerprint,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def document(**sections):
    return {
        "format": "lob-hrm-exchange",
        "version": 1,
        "dimensions": [
            {"key": "qualities", "name": "Kwaliteitenreflectie", "question": "Wat kan ik?"},
        ],
        **sections,
    }


def instrument(**values):
    return {
        "key": "qualities_card",
        "title": "Kwaliteitenkaart",
        "kind": "reflection_tool",
        "audience": "students",
        "phase": "reflection",
        "dimensions": ["qualities"],
        "language": "nl_NL",
        "author": "Anna de Vries",
        "file": {
            "name": "kaart.pdf",
            "mimetype": "application/pdf",
            "data": base64.b64encode(PDF).decode(),
        },
        **values,
    }


def frame(**values):
    return {
        "key": "roc_frame",
        "name": "LOB-kader ROC",
        "school_year_from": 2026,
        "school_year_to": 2027,
        "pillars": [{"key": "vision_policy", "name": "Visie en beleid"}],
        "goals": [
            {
                "key": "talks",
                "name": "Reflectieve gesprekken",
                "pillar": "vision_policy",
                "indicator": "talks_staff",
                "target": 80,
                "baseline": 40,
            }
        ],
        "bigger_story": [
            {"story": "passend_onderwijs", "name": "Passend onderwijs", "contribution": "LOB"}
        ],
        **values,
    }


def problems(data):
    with pytest.raises(ExchangeError) as error:
        load_document(data)
    return {(p.path, p.code) for p in error.value.problems}


def test_an_instrument_travels_with_its_file():
    doc = load_document(document(instruments=[instrument()]))
    item = doc.instruments[0]
    assert item.file.content() == PDF
    assert item.dimensions == ["qualities"]
    again = load_document(dump_document(doc))
    assert again == doc
    assert instrument_fingerprint(again.instruments[0]) == instrument_fingerprint(item)


def test_old_files_without_instruments_still_load():
    doc = load_document(document())
    assert doc.instruments == [] and doc.policy_frames == []


def test_a_file_over_the_limit_is_refused_with_its_path():
    big = b"%PDF-" + b"0" * files.MAX_FILE_BYTES
    data = instrument(
        file={
            "name": "big.pdf",
            "mimetype": "application/pdf",
            "data": base64.b64encode(big).decode(),
        }
    )
    with pytest.raises(ExchangeError) as error:
        load_document(document(instruments=[data]))
    (found,) = error.value.problems
    assert found.path == "$.instruments[0].file.data"
    assert found.code == "file_too_large"
    assert dict(found.params)["limit"] == "5"
    # exactly at the limit is fine
    exact = b"%PDF-" + b"0" * (files.MAX_FILE_BYTES - 5)
    ok = instrument(
        file={
            "name": "ok.pdf",
            "mimetype": "application/pdf",
            "data": base64.b64encode(exact).decode(),
        }
    )
    assert load_document(document(instruments=[ok])).instruments[0].file.content() == exact


def test_only_documents_and_images_are_allowed():
    exe = instrument(
        file={
            "name": "tool.exe",
            "mimetype": "application/x-msdownload",
            "data": base64.b64encode(b"MZ\x90\x00").decode(),
        }
    )
    assert problems(document(instruments=[exe])) == {
        ("$.instruments[0].file.mimetype", "file_type")
    }
    # a program that claims to be a PDF
    disguised = instrument(
        file={
            "name": "kaart.pdf",
            "mimetype": "application/pdf",
            "data": base64.b64encode(b"MZ\x90\x00").decode(),
        }
    )
    assert problems(document(instruments=[disguised])) == {
        ("$.instruments[0].file", "file_content")
    }
    image = instrument(
        file={"name": "kaart.png", "mimetype": "image/png", "data": base64.b64encode(PNG).decode()}
    )
    assert load_document(document(instruments=[image])).instruments[0].file.mimetype == "image/png"
    broken = instrument(file={"name": "x.pdf", "mimetype": "application/pdf", "data": "%%%"})
    assert problems(document(instruments=[broken])) == {
        ("$.instruments[0].file.data", "file_base64")
    }


def test_instrument_references_and_fields_are_checked():
    found = problems(
        document(
            instruments=[
                instrument(dimensions=["qualities", "unknown", "qualities"]),
                instrument(kind="poster", link="ftp://x", language="!!"),
            ]
        )
    )
    assert found == {
        ("$.instruments[1].kind", "enum"),
        ("$.instruments[1].link", "invalid_link"),
        ("$.instruments[1].language", "invalid_language"),
    }
    found = problems(
        document(instruments=[instrument(dimensions=["qualities", "unknown", "qualities"])] * 2)
    )
    assert ("$.instruments[1].key", "duplicate_key") in found
    assert ("$.instruments[0].dimensions[1]", "unknown_reference") in found
    assert ("$.instruments[0].dimensions[2]", "duplicate_key") in found


def test_instrument_fingerprint_ignores_titles_but_not_files():
    base = load_document(document(instruments=[instrument()])).instruments[0]
    renamed = load_document(
        document(instruments=[instrument(title="Qualities card", description="Translated")])
    ).instruments[0]
    other_file = load_document(
        document(
            instruments=[
                instrument(
                    file={
                        "name": "kaart.pdf",
                        "mimetype": "application/pdf",
                        "data": base64.b64encode(PDF + b"%more").decode(),
                    }
                )
            ]
        )
    ).instruments[0]
    assert instrument_fingerprint(base) == instrument_fingerprint(renamed)
    assert instrument_fingerprint(base) != instrument_fingerprint(other_file)


def test_a_policy_frame_travels():
    doc = load_document(document(policy_frames=[frame()]))
    assert doc.policy_frames[0].goals[0].indicator == "talks_staff"
    again = load_document(dump_document(doc))
    assert policy_frame_fingerprint(again.policy_frames[0]) == policy_frame_fingerprint(
        doc.policy_frames[0]
    )
    changed = frame()
    changed["goals"][0]["target"] = 90
    assert policy_frame_fingerprint(
        load_document(document(policy_frames=[changed])).policy_frames[0]
    ) != policy_frame_fingerprint(doc.policy_frames[0])


def test_a_bad_goal_is_refused_at_its_place():
    goals = frame()["goals"]
    out_of_range = [{**goals[0], "target": 120}]
    unknown = [{**goals[0], "indicator": "happiness"}]
    missing = [{k: v for k, v in goals[0].items() if k != "indicator"}]
    assert problems(document(policy_frames=[frame(goals=out_of_range)])) == {
        ("$.policy_frames[0].goals[0].target", "out_of_range")
    }
    assert problems(document(policy_frames=[frame(goals=unknown)])) == {
        ("$.policy_frames[0].goals[0].indicator", "unknown_indicator")
    }
    assert problems(document(policy_frames=[frame(goals=missing)])) == {
        ("$.policy_frames[0].goals[0].indicator", "missing")
    }
    with pytest.raises(ExchangeError) as error:
        load_document(document(policy_frames=[frame(goals=out_of_range)]))
    params = dict(error.value.problems[0].params)
    assert (params["field"], params["value"], params["range"]) == ("target", "120", "0-100")


def test_policy_frame_references_and_keys():
    goal = frame()["goals"][0]
    assert problems(document(policy_frames=[frame(goals=[{**goal, "pillar": "nope"}])])) == {
        ("$.policy_frames[0]", "unknown_reference")
    }
    assert problems(document(policy_frames=[frame(), frame()])) == {
        ("$.policy_frames[1].key", "duplicate_key")
    }
    assert problems(
        document(policy_frames=[frame(school_year_from=2027, school_year_to=2026)])
    ) == {("$.policy_frames[0]", "period_reversed")}
