# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A policy frame travels between colleges (issue 13): pillars, goals with their indicators
and bigger-story links, exported from a policy and imported in two steps into another
company as a new draft policy, matched by key."""

import base64
import json
from datetime import date

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from ..lob_hrm import exchange
from ..lob_hrm.policy import school_year_of
from .common import LobCommon

# far from the demo policies, and with the next year still in the wizard's choice
YEAR = school_year_of(date.today()) + 4


@tagged("post_install", "-at_install")
class TestExchangePolicy(LobCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Policy = cls.env["lob.policy"]
        cls.Pillar = cls.env["lob.policy.pillar"].with_context(active_test=False)
        cls.Story = cls.env["lob.bigger.story"].with_context(active_test=False)
        cls.vision_pillar = cls.env.ref("lob_hrm.lob_policy_pillar_vision_policy")
        cls.prof_pillar = cls.env.ref("lob_hrm.lob_policy_pillar_professionalisation")
        cls.passend = cls.env.ref("lob_hrm.lob_bigger_story_passend_onderwijs")
        cls.policy = cls.Policy.with_user(cls.officer).create(
            {
                "name": "LOB-kader ROC Midden",
                "company_id": cls.company.id,
                "school_year_from": YEAR,
                "school_year_to": YEAR,
                "vision": "<p>Elke student regisseert zijn loopbaan.</p>",
                "goal_ids": [
                    Command.create(
                        {
                            "key": "talks_all_levels",
                            "name": "Reflectieve gesprekken op alle niveaus",
                            "pillar_id": cls.vision_pillar.id,
                            "indicator": "talks_staff",
                            "target": 80,
                            "baseline": 45,
                        }
                    ),
                    Command.create(
                        {
                            "key": "hours_norm",
                            "name": "Professionalisering op de norm",
                            "pillar_id": cls.prof_pillar.id,
                            "indicator": "prof_at_norm",
                            "target": 70,
                        }
                    ),
                ],
                "story_link_ids": [
                    Command.create(
                        {"story_id": cls.passend.id, "contribution": "LOB voor elke student"}
                    )
                ],
            }
        )

    def _export(self, policy=None, user=None):
        policy = (policy or self.policy).with_user(user or self.officer)
        policy.action_export_frame()
        wizard = self.env["lob.exchange.export.wizard"].search(
            [("policy_id", "=", policy.id)], order="id desc", limit=1
        )
        return base64.b64decode(wizard.data).decode("utf-8")

    def _wizard(self, text, user=None, **values):
        user = user or self.other_user
        return (
            self.env["lob.exchange.import.wizard"]
            .with_user(user)
            .create(
                {
                    "data": base64.b64encode(text.encode("utf-8")),
                    "company_id": user.company_id.id,
                    **values,
                }
            )
        )

    def _in_b(self):
        return self.Policy.search([("company_id", "=", self.other_company.id)])

    def _status(self, wizard):
        return [
            (line.status, line.outcome) for line in wizard.line_ids if line.model == "lob.policy"
        ]

    def _counts(self):
        return (
            self.Policy.search_count([]),
            self.env["lob.policy.goal"].search_count([]),
            self.Pillar.search_count([]),
            self.Story.search_count([]),
        )

    # -- round trip -------------------------------------------------------------------------

    def test_round_trip_between_two_companies(self):
        data = json.loads(self._export())
        (frame,) = data["policy_frames"]
        self.assertEqual(frame["key"], self.policy.key)
        self.assertEqual(
            [(g["key"], g["pillar"], g["indicator"], g["target"]) for g in frame["goals"]],
            [
                ("talks_all_levels", "vision_policy", "talks_staff", 80.0),
                ("hours_norm", "professionalisation", "prof_at_norm", 70.0),
            ],
        )
        # a pillar and a story the receiving college lacks are created from the file
        frame["pillars"].append({"key": "chain", "name": "Samen met de keten", "sequence": 50})
        frame["goals"].append(
            {
                "key": "chain_days",
                "name": "Meeloopdagen met het vmbo",
                "pillar": "chain",
                "indicator": "plan_adopted",
                "target": 100,
            }
        )
        frame["bigger_story"].append(
            {"story": "regionale_agenda", "name": "Regionale agenda", "contribution": "Keten"}
        )
        pillars = self.Pillar.search_count([])
        wizard = self._wizard(json.dumps(data))
        wizard.action_analyse()
        self.assertEqual(self._status(wizard), [("new", False)])
        self.assertEqual(wizard.policy_count, 1)
        self.assertFalse(self._in_b(), "the analysis writes nothing")
        wizard.action_import()

        policy = self._in_b()
        self.assertEqual(len(policy), 1)
        self.assertEqual(policy.state, "draft")
        self.assertEqual(policy.key, self.policy.key)
        self.assertEqual((policy.school_year_from, policy.school_year_to), (YEAR, YEAR))
        self.assertIn("Elke student regisseert", policy.vision)
        self.assertEqual(
            [
                (g.key, g.pillar_id.key, g.indicator, g.target, g.baseline)
                for g in policy.goal_ids.sorted("sequence")
            ],
            [
                ("talks_all_levels", "vision_policy", "talks_staff", 80, 45),
                ("hours_norm", "professionalisation", "prof_at_norm", 70, 0),
                ("chain_days", "chain", "plan_adopted", 100, 0),
            ],
        )
        # existing pillars and stories are reused by key, missing ones created
        self.assertEqual(policy.goal_ids[0].pillar_id, self.vision_pillar)
        self.assertEqual(self.Pillar.search_count([]), pillars + 1)
        self.assertEqual(self.Pillar.search_count([("key", "=", "vision_policy")]), 1)
        links = policy.story_link_ids.sorted("sequence")
        self.assertEqual(links[0].story_id, self.passend)
        self.assertEqual(links[0].contribution, "LOB voor elke student")
        self.assertEqual(links[1].story_id.name, "Regionale agenda")
        self.assertIn("Policy frames: 1 created", wizard.summary)
        self.assertIn("draft policy", wizard.summary)
        self.assertEqual(wizard.action_open_policies()["domain"], [("id", "in", policy.ids)])

    def test_re_import_is_matched_by_key(self):
        text = self._export()
        self._wizard(text).action_import()
        before = self._counts()
        again = self._wizard(text)
        again.action_analyse()
        self.assertEqual(self._status(again), [("same", False)])
        again.action_import()
        self.assertEqual(self._status(again), [("same", "reused")])
        self.assertEqual(self._counts(), before, "nothing is duplicated")
        self.assertEqual(again.policy_ids, self._in_b())

    def test_other_content_for_another_year_comes_as_a_copy(self):
        self._wizard(self._export()).action_import()
        first = self._in_b()
        self.policy.goal_ids[0].with_user(self.officer).target = 90
        text = self._export()
        # the same school year: the copy would overlap the first import
        before = self._counts()
        overlapping = self._wizard(text)
        overlapping.action_analyse()
        self.assertEqual(self._status(overlapping), [("changed", False)])
        with self.assertRaises(UserError) as refused:
            overlapping.action_import()
        self.assertIn("overlaps the policy 'LOB-kader ROC Midden'", str(refused.exception))
        self.assertEqual(self._counts(), before)
        # skipping keeps the first; another school year takes the copy
        skipped = self._wizard(text, changed_policy="skip")
        skipped.action_import()
        self.assertEqual(self._in_b(), first)
        with self.assertRaises(UserError) as refused:
            self.env["lob.exchange"].with_user(self.other_user)._import_document(
                exchange.load_document(text), self.other_company, options={"school_year": 27}
            )
        self.assertIn("27 is not a school year", str(refused.exception))
        self.assertEqual(self._counts(), before)
        copied = self._wizard(text, school_year=str(YEAR + 1))
        copied.action_import()
        copy = self._in_b() - first
        self.assertEqual((copy.school_year_from, copy.school_year_to), (YEAR + 1, YEAR + 1))
        self.assertNotEqual(copy.key, first.key)
        self.assertEqual(copy.state, "draft")
        self.assertEqual(copy.goal_ids.sorted("sequence")[0].target, 90)

    def test_overlap_is_shown_in_the_analysis(self):
        """A new frame for a year the company has a policy for is refused before import."""
        text = self._export()
        before = self._counts()
        wizard = self._wizard(text, user=self.officer)  # company A has it under another key
        data = json.loads(text)
        data["policy_frames"][0]["key"] = "other_frame"
        wizard.data = base64.b64encode(json.dumps(data).encode())
        with self.assertRaises(UserError) as refused:
            wizard.action_analyse()
        self.assertIn("one policy per company and school year", str(refused.exception))
        self.assertEqual(self._counts(), before)

    # -- bad goals --------------------------------------------------------------------------

    def _refused(self, data):
        before = self._counts()
        wizard = self._wizard(json.dumps(data))
        with self.assertRaises(UserError) as refused:
            wizard.action_analyse()
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertEqual(self._counts(), before)
        return str(refused.exception)

    def test_a_bad_goal_is_refused_naming_its_place(self):
        data = json.loads(self._export())
        data["policy_frames"][0]["goals"][1]["target"] = 120
        message = self._refused(data)
        self.assertIn("nothing was changed", message)
        self.assertIn("Policy frame 'LOB-kader ROC Midden', goal 'Professionalisering", message)
        self.assertIn("target 120 is outside the range of the indicator (0-100)", message)
        self.assertIn("$.policy_frames[0].goals[1].target", message)

        data = json.loads(self._export())
        del data["policy_frames"][0]["goals"][0]["indicator"]
        message = self._refused(data)
        self.assertIn("goal 'Reflectieve gesprekken op alle niveaus': Indicator:", message)
        self.assertIn("$.policy_frames[0].goals[0].indicator", message)

        data = json.loads(self._export())
        data["policy_frames"][0]["goals"][0]["indicator"] = "happiness"
        message = self._refused(data)
        self.assertIn("Unknown indicator 'happiness'", message)
