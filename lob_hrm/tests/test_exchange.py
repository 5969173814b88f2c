"""The exchange format: strict validation with JSON paths, canonical output, published schema."""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lob_hrm.exchange import (
    ExchangeError,
    content_fingerprint,
    dump_document,
    json_schema,
    load_document,
)

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "lob-hrm-exchange.schema.json"


def minimal():
    return {
        "format": "lob-hrm-exchange",
        "version": 1,
        "dimensions": [
            {"key": "qualities", "name": "Kwaliteitenreflectie", "question": "Wat kan ik?"},
            {"key": "motives", "name": "Motievenreflectie", "question": "Wat wil ik?"},
        ],
        "templates": [
            {
                "key": "student_talk",
                "name": "Loopbaangesprek",
                "audience": "student",
                "kind": "career",
                "sections": [
                    {
                        "key": "terugblik",
                        "title": "Terugblik",
                        "phase": "look_back",
                        "prompts": [
                            {"key": "ervaring", "text": "Wat heb je gedaan?"},
                            {"key": "kunnen", "text": "Wat ging goed?", "dimension": "qualities"},
                        ],
                    }
                ],
            }
        ],
        "framework": {
            "key": "raamwerk",
            "name": "Raamwerk LOB",
            "levels": [
                {"key": "basis", "name": "Basisbekwaam", "rank": 1},
                {"key": "vak", "name": "Vakbekwaam", "rank": 2},
            ],
            "areas": [{"key": "visie", "name": "Visie en beleid"}],
            "competencies": [{"key": "kent_visie", "name": "Kent de visie", "area": "visie"}],
        },
        "roles": [
            {
                "key": "slb",
                "name": "SLB'er",
                "group": "primary",
                "targets": [{"competency": "kent_visie", "level": "vak"}],
            }
        ],
    }


def problems_of(data):
    with pytest.raises(ExchangeError) as info:
        load_document(data)
    return {(p.path, p.code) for p in info.value.problems}


def test_minimal_document_loads_with_defaults():
    doc = load_document(minimal())
    prompt = doc.templates[0].sections[0].prompts[0]
    assert prompt.respondent.value == "coachee"
    assert prompt.answer_type.value == "text"
    assert doc.roles[0].targets[0].level == "vak"


def test_json_text_and_bytes_are_accepted():
    text = json.dumps(minimal())
    assert load_document(text) == load_document(text.encode()) == load_document(minimal())


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(format="other"), ("$.format", "wrong_format")),
        (lambda d: d.update(version=2), ("$.version", "wrong_version")),
        (
            lambda d: d["dimensions"][0].update(colour="red"),
            ("$.dimensions[0].colour", "extra_forbidden"),
        ),
        (
            lambda d: d["dimensions"][1].update(name="   "),
            ("$.dimensions[1].name", "string_too_short"),
        ),
        (
            lambda d: d["dimensions"][1].update(key="Motives!"),
            ("$.dimensions[1].key", "string_pattern_mismatch"),
        ),
        (
            lambda d: d["templates"][0].update(audience="teacher"),
            ("$.templates[0].audience", "enum"),
        ),
        (
            lambda d: d["templates"][0]["sections"][0]["prompts"][1].update(dimension="netwerk"),
            ("$.templates[0].sections[0].prompts[1].dimension", "unknown_reference"),
        ),
        (
            lambda d: d["templates"][0]["sections"][0]["prompts"][1].update(key="ervaring"),
            ("$.templates[0].sections[0].prompts[1].key", "duplicate_key"),
        ),
        (
            lambda d: d["dimensions"][1].update(key="qualities"),
            ("$.dimensions[1].key", "duplicate_key"),
        ),
        (
            lambda d: d["templates"][0].update(parent="student_talk"),
            ("$.templates[0].parent", "self_reference"),
        ),
        (
            lambda d: d["roles"][0]["targets"][0].update(level="meester"),
            ("$.roles[0].targets[0].level", "unknown_reference"),
        ),
        (
            lambda d: d["framework"]["levels"][1].update(rank=1),
            ("$.framework.levels[1].rank", "duplicate_rank"),
        ),
        (
            lambda d: d["templates"][0]["sections"][0].update(
                prompts=[{"key": "x", "text": "y" * 5000}]
            ),
            ("$.templates[0].sections[0].prompts[0].text", "string_too_long"),
        ),
        (lambda d: d["templates"][0].update(sections=[]), ("$.templates[0].sections", "too_short")),
        (lambda d: d.pop("framework"), ("$.roles[0].targets", "missing_framework")),
    ],
)
def test_bad_input_names_its_json_path(mutate, expected):
    data = minimal()
    mutate(data)
    assert expected in problems_of(data)


def test_every_problem_is_reported_at_once():
    data = minimal()
    data["templates"][0]["sections"][0]["prompts"][1]["dimension"] = "nope"
    data["roles"][0]["targets"][0]["competency"] = "nope"
    assert len(problems_of(data)) == 2


def test_absurd_sizes_are_rejected():
    data = minimal()
    prompt = {"key": "p", "text": "t"}
    data["templates"][0]["sections"][0]["prompts"] = [
        {**prompt, "key": f"p{i}"} for i in range(201)
    ]
    assert ("$.templates[0].sections[0].prompts", "too_long") in problems_of(data)


@pytest.mark.parametrize("raw", [b"", b"{", b"\xff\xfe", b"[]", b"42", b'"text"', b"null"])
def test_non_documents_are_rejected_cleanly(raw):
    with pytest.raises(ExchangeError) as info:
        load_document(raw)
    assert info.value.problems[0].path == "$"


def test_dump_is_canonical_and_round_trips():
    doc = load_document(minimal())
    text = dump_document(doc)
    assert text.startswith('{\n  "format": "lob-hrm-exchange",\n  "version": 1,')
    assert load_document(text) == doc
    assert dump_document(load_document(text)) == text
    # Defaults are left out, so shared files stay readable.
    assert '"respondent"' not in text


def test_problem_params_allow_translation():
    data = minimal()
    data["templates"][0]["sections"][0]["prompts"][1]["dimension"] = "netwerk"
    with pytest.raises(ExchangeError) as info:
        load_document(data)
    problem = info.value.problems[0]
    assert dict(problem.params) == {"what": "dimension", "key": "netwerk"}
    assert problem.message == "unknown dimension 'netwerk'"


def test_published_schema_is_current():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), (
        "schema/lob-hrm-exchange.schema.json is stale: run `make schema`"
    )


# -- property-based: the importer accepts, or raises ExchangeError with paths; nothing else --

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 300),
    st.text(max_size=12),
    st.sampled_from(["student", "staff", "career", "look_back", "qualities", "", "  ", "x" * 300]),
)
json_value = st.recursive(
    json_leaf,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=10), children, max_size=4),
    ),
    max_leaves=20,
)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


def _assert_accepts_or_explains(data):
    try:
        load_document(data)
    except ExchangeError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.path.startswith("$")
            assert problem.code and problem.message


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_mutated_documents_accept_or_explain(data):
    document = minimal()
    paths = list(_paths(document))[1:]
    for _ in range(data.draw(st.integers(1, 4))):
        path = data.draw(st.sampled_from(paths))
        target = document
        try:
            for part in path[:-1]:
                target = target[part]
            action = data.draw(st.sampled_from(["replace", "delete", "duplicate"]))
            if action == "replace":
                target[path[-1]] = data.draw(json_value)
            elif action == "delete" and isinstance(target, dict):
                del target[path[-1]]
            elif action == "duplicate" and isinstance(target, list):
                target.append(copy.deepcopy(target[path[-1]]))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    _assert_accepts_or_explains(document)


@settings(max_examples=200, deadline=None)
@given(value=json_value)
def test_random_documents_accept_or_explain(value):
    _assert_accepts_or_explains(value)
    if isinstance(value, dict):
        _assert_accepts_or_explains({"format": "lob-hrm-exchange", "version": 1, **value})


# -- input a database cannot hold, and links that cannot be resolved ------------------------


def test_a_number_with_thousands_of_digits_is_a_problem_not_a_crash():
    raw = '{"format": "lob-hrm-exchange", "version": 1, "dimensions": [' + "9" * 5000 + "]}"
    with pytest.raises(ExchangeError) as info:
        load_document(raw)
    assert [(p.path, p.code) for p in info.value.problems] == [("$", "number_too_large")]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["dimensions"][0].update(question="Wat\x00kan ik?"),
            ("$.dimensions[0].question", "nul_character"),
        ),
        (
            lambda d: d["dimensions"][0].update(name="Kwaliteiten\x00"),
            ("$.dimensions[0].name", "nul_character"),
        ),
        (
            lambda d: d["templates"][0]["sections"][0].update(title="Terug\ud800blik"),
            ("$.templates[0].sections[0].title", "string_unicode"),
        ),
        (
            lambda d: d.update(
                idiom=[{"key": "medewerker", "term": "Medewerker", "avoid": ["a\nb"]}]
            ),
            ("$.idiom[0].avoid[0]", "line_break"),
        ),
        (
            lambda d: d.update(
                idiom=[{"key": "medewerker", "term": "Medewerker", "avoid": ["a\u2028b"]}]
            ),
            ("$.idiom[0].avoid[0]", "line_break"),
        ),
    ],
)
def test_text_a_database_cannot_keep_is_refused(mutate, expected):
    data = minimal()
    mutate(data)
    assert expected in problems_of(data)


def test_line_breaks_stay_allowed_in_long_texts():
    data = minimal()
    data["dimensions"][0]["description"] = "Eerste regel.\nTweede regel."
    assert load_document(data).dimensions[0].description == "Eerste regel.\nTweede regel."


def test_a_file_holds_a_bounded_number_of_prompts():
    data = minimal()
    full = [
        {
            "key": f"s{s}",
            "title": f"Sectie {s}",
            "phase": "reflection",
            "prompts": [{"key": f"p{s}_{i}", "text": "Vraag?"} for i in range(200)],
        }
        for s in range(40)
    ]
    data["templates"][0]["sections"] = full
    load_document(data)  # one template as large as the schema allows
    data["templates"].append({**data["templates"][0], "key": "second"})
    assert ("$", "too_many_prompts") in problems_of(data)


def _staff(key="staff_talk", **extra):
    return {
        "key": key,
        "name": "Functioneringsgesprek",
        "audience": "staff",
        "kind": "performance",
        "sections": [
            {
                "key": "terugblik",
                "title": "Terugblik",
                "phase": "look_back",
                "prompts": [{"key": "ervaring", "text": "Wat heb je gedaan?"}],
            }
        ],
        **extra,
    }


def test_references_resolve_whatever_the_order():
    data = minimal()
    variant = _staff("variant", parent="central")
    central = _staff(
        "central", central=True, source={"key": "student_talk", "fingerprint": "0" * 16}
    )
    # the variant before its central template, the staff template before its source
    data["templates"] = [variant, central, *data["templates"]]
    doc = load_document(data)
    assert [t.key for t in doc.templates] == ["variant", "central", "student_talk"]


def test_central_templates_deriving_from_each_other_are_refused_with_the_cycle():
    data = minimal()
    data["templates"] += [
        _staff("a", central=True, parent="b"),
        _staff("b", central=True, parent="a"),
    ]
    with pytest.raises(ExchangeError) as info:
        load_document(data)
    cycles = [p for p in info.value.problems if p.code == "parent_cycle"]
    assert len(cycles) == 1
    assert cycles[0].path in ("$.templates[1].parent", "$.templates[2].parent")
    assert "a → b → a" in cycles[0].message or "b → a → b" in cycles[0].message


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        # a student template mirroring another student template
        (
            lambda d: d["templates"].append(
                {
                    **_staff("second_student"),
                    "audience": "student",
                    "kind": "career",
                    "source": {"key": "student_talk", "fingerprint": "0" * 16},
                }
            ),
            ("$.templates[1].source", "source_not_staff"),
        ),
        # a staff variant of a student central template
        (
            lambda d: (
                d["templates"][0].update(central=True),
                d["templates"].append(_staff(parent="student_talk")),
            ),
            ("$.templates[1].parent", "parent_audience"),
        ),
        # mirrors links to a section or prompt the student template does not have
        (
            lambda d: d["templates"].append(
                _staff(source={"key": "student_talk", "fingerprint": "0" * 16})
                | {
                    "sections": [
                        {
                            "key": "terugblik",
                            "title": "Terugblik",
                            "phase": "look_back",
                            "mirrors": {"key": "vooruitblik", "fingerprint": "0" * 16},
                            "prompts": [
                                {
                                    "key": "ervaring",
                                    "text": "Wat heb je gedaan?",
                                    "mirrors": {"key": "bestaat_niet", "fingerprint": "0" * 16},
                                }
                            ],
                        }
                    ]
                }
            ),
            ("$.templates[1].sections[0].prompts[0].mirrors.key", "unknown_mirror"),
        ),
        (
            lambda d: d["templates"].append(
                _staff()
                | {
                    "sections": [
                        {
                            "key": "terugblik",
                            "title": "Terugblik",
                            "phase": "look_back",
                            "mirrors": {"key": "terugblik", "fingerprint": "0" * 16},
                        }
                    ]
                }
            ),
            ("$.templates[1].sections[0].mirrors", "mirror_without_source"),
        ),
    ],
)
def test_links_that_cannot_resolve_are_refused_with_a_path(mutate, expected):
    data = minimal()
    mutate(data)
    assert expected in problems_of(data)


def test_enum_problems_quote_the_value():
    data = minimal()
    data["templates"][0]["sections"][0]["phase"] = "x"
    with pytest.raises(ExchangeError) as info:
        load_document(data)
    (problem,) = info.value.problems
    assert problem.loc == ("templates", 0, "sections", 0, "phase")
    assert dict(problem.params)["input"] == "x"


def test_content_fingerprint_ignores_names_and_links_but_not_content():
    template = load_document(minimal()).templates[0]
    renamed = template.model_copy(update={"name": "Loopbaangesprek (hernoemd)", "description": "x"})
    assert content_fingerprint(renamed) == content_fingerprint(template)
    data = minimal()
    data["templates"][0]["sections"][0]["prompts"][0]["text"] = "Wat heb je geleerd?"
    assert content_fingerprint(load_document(data).templates[0]) != content_fingerprint(template)
    data = minimal()
    data["templates"][0]["sections"][0]["locked"] = True
    assert content_fingerprint(load_document(data).templates[0]) != content_fingerprint(template)
