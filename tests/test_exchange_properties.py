# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Mutated exchange files through the Odoo import: each either imports, or is refused with a
translated message and changes nothing. Nothing else may escape (no database error, no
pydantic or Python error)."""

import contextlib
import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LobCommon

LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 300),
    st.text(max_size=8),
    st.sampled_from(
        [
            "",
            "  ",
            "a\nb",
            "nul\x00",
            "x" * 300,
            "student_career_talk",
            "staff_performance_talk",
            "look_back",
            "student",
            "staff",
            "qualities",
            "0123456789abcdef",
        ]
    ),
)
VALUES = st.recursive(
    LEAVES,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(["key", "name", "x"]), children, max_size=3),
    ),
    max_leaves=6,
)


class _Undo(Exception):
    """Rolls an example back to its savepoint, so that examples do not meet."""


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


@tagged("post_install", "-at_install")
class TestExchangeProperties(LobCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        central = cls.performance_template
        variant = cls.Template.browse(central.action_create_variant()["res_id"])
        cls.document = json.loads(cls.env["lob.exchange"]._export_document(variant))
        variant.unlink()

    def _mutate(self, data, document):
        paths = list(_paths(document))[1:]
        for _ in range(data.draw(st.integers(1, 3), label="mutations")):
            path = data.draw(st.sampled_from(paths), label="path")
            target = document
            try:
                for part in path[:-1]:
                    target = target[part]
                action = data.draw(st.sampled_from(["replace", "delete", "duplicate", "move"]))
                if action == "replace":
                    target[path[-1]] = data.draw(VALUES, label="value")
                elif action == "delete" and isinstance(target, dict):
                    del target[path[-1]]
                elif action == "duplicate" and isinstance(target, list):
                    target.append(copy.deepcopy(target[path[-1]]))
                elif action == "move" and isinstance(target, list):
                    target.insert(0, target.pop(path[-1]))
            except (KeyError, IndexError, TypeError):
                continue  # an earlier mutation removed this path

    @settings(
        max_examples=30,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def test_mutated_files_import_or_are_refused_cleanly(self, data):
        document = copy.deepcopy(self.document)
        self._mutate(data, document)
        with contextlib.suppress(_Undo), self.env.cr.savepoint():
            before = self._counts()
            try:
                self._import(json.dumps(document))
            except UserError as exc:
                message = str(exc)
                self.assertTrue(message.strip())
                self.assertNotIn("Traceback", message)
                self.assertEqual(self._counts(), before, message)
            raise _Undo
