"""Problems and places: what the UIs translate, and what the command line prints."""

import pytest
from pydantic import ValidationError

from lob_hrm import errors, schemas
from lob_hrm.keys import KEY_PATTERN, is_valid_key, slugify_key


def test_a_place_names_the_items_on_the_way_and_the_field():
    data = {"templates": [{"name": "Loopbaangesprek", "sections": [{"key": "s"}, {}]}]}
    place = errors.locate(data, ("templates", 0, "sections", 1, "prompts", 2, "text"))
    assert place.steps == (
        errors.Step("templates", 1, "Loopbaangesprek"),
        errors.Step("sections", 2, None),
        errors.Step("prompts", 3, None),
    )
    assert place.field == "text"
    # a name is cleaned of what the file may be refused for, and shortened
    data = {"idiom": [{"term": "stage\x00\nplaats " + "x" * 80}]}
    (step,) = errors.locate(data, ("idiom", 0, "term")).steps
    assert step.name == ("stage plaats " + "x" * 80)[:60]


def test_a_place_outside_named_items_is_only_its_field():
    assert errors.locate({}, ("framework", "levels", 0, "key")) == errors.Place((), "key")
    assert errors.locate(None, ()) == errors.Place()


def test_pydantic_errors_become_problems_with_their_path_and_parameters():
    with pytest.raises(ValidationError) as caught:
        schemas.Dimension(key="Niet Goed", name="x", question="?", extra=1)
    problems = {p.code: p for p in errors.problems_from_validation(caught.value)}
    assert set(problems) == {"string_pattern_mismatch", "extra_forbidden"}
    mismatch = problems["string_pattern_mismatch"]
    assert mismatch.path == "$.key"
    assert mismatch.loc == ("key",)
    assert dict(mismatch.params) == {"pattern": KEY_PATTERN.pattern, "input": "Niet Goed"}


def test_one_key_pattern_for_files_and_records():
    assert is_valid_key("loopbaan_2") and not is_valid_key("2_loopbaan")
    assert not is_valid_key("a" * 65)
    assert slugify_key("Één gesprek!", {"een_gesprek"}) == "een_gesprek_2"
    assert slugify_key("2025") == "k_2025"
