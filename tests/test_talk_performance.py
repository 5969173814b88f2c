# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from lxml import etree

from odoo.fields import Command
from odoo.tests import tagged

from .test_talk_common import LobTalkCommon

_logger = logging.getLogger(__name__)
PHASES = ("look_back", "reflection", "look_ahead", "action")
RESPONDENTS = ("coachee", "coach", "together")
ANSWER_TYPES = ("text", "scale", "yes_no", "level", "agreement")
# Upper bounds; the real check is that 10 and 60 prompts cost the same.
READ_QUERIES = 15
SAVE_QUERIES = 18


def _spec(node, model):
    """The web_read specification of the fields a view shows, as the web client builds it."""
    spec = {}
    for field_node in node.iter("field"):
        if any(parent.tag == "field" for parent in field_node.iterancestors()):
            continue
        name = field_node.get("name")
        field = model._fields[name]
        sub_view = next(iter(field_node.iterchildren("list")), None)
        if field.type in ("one2many", "many2many") and sub_view is not None:
            spec[name] = {"fields": _spec(sub_view, model.env[field.comodel_name])}
        elif field.relational:
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


@tagged("post_install", "-at_install")
class TestTalkQueries(LobTalkCommon):
    """A talk form opens and saves in as many queries with 60 prompts as with 10."""

    made = 0

    def _template(self, size):
        sections = [
            Command.create(
                {
                    "key": phase,
                    "title": f"Phase {phase}",
                    "phase": phase,
                    "sequence": index,
                    "intro": f"About {phase}",
                    "prompt_ids": [
                        Command.create(
                            {
                                "key": f"q{number}",
                                "text": f"Question {number}",
                                "sequence": number,
                                "respondent": RESPONDENTS[number % 3],
                                "answer_type": ANSWER_TYPES[number % 5],
                                "guidance": "Listen",
                            }
                        )
                        for number in range(size)
                        if number % len(PHASES) == index
                    ],
                }
            )
            for index, phase in enumerate(PHASES)
        ]
        self.made += 1
        template = self.Template.create(
            {
                "name": f"Talk of {size} ({self.made})",
                "key": f"talk_{self.made}",
                "audience": "staff",
                "section_ids": sections,
            }
        )
        template.with_context(lob_publish_confirmed=True).action_publish()
        self.assertEqual(len(template.prompt_ids), size)
        return template

    @staticmethod
    def _changes(lines, note):
        return {
            "answer_ids": [
                Command.update(line.id, {"value_text": note, "value_scale": "4"}) for line in lines
            ],
            "private_note": note,
        }

    def _costs(self, size):
        talk = self._create_talk(template=self._template(size))
        talk.with_user(self.manager).action_start_preparation()
        view = self.Talk.get_view(self.env.ref("lob_hrm.lob_talk_view_form").id, "form")
        spec = _spec(etree.fromstring(view["arch"]), self.Talk)
        as_manager = talk.with_user(self.manager)
        editable = as_manager.answer_ids.filtered("can_edit")
        self.assertGreaterEqual(len(editable), 4)
        # warm the caches (rules, groups, views) with a first save of other lines
        as_manager.web_save(self._changes(editable[2:4], "Warming up"), spec)
        lines = editable[:2]
        costs = []
        for step in ("read", "save"):
            self.env.invalidate_all()
            self.env.flush_all()
            before = self.cr.sql_log_count
            if step == "read":
                values = as_manager.web_read(spec)
                # the headings and every line but the employee's unshared preparation
                hidden = len(range(0, size, len(RESPONDENTS)))
                self.assertEqual(len(values[0]["answer_ids"]), size + len(PHASES) - hidden)
            else:
                values = as_manager.web_save(self._changes(lines, "Bring up the workload"), spec)
            self.env.flush_all()
            costs.append(self.cr.sql_log_count - before)
        self.assertEqual(as_manager.private_note, "Bring up the workload")
        return costs

    def test_form_queries_do_not_grow_with_prompts(self):
        self._costs(10)  # the first talk also warms Odoo's caches for the model
        small = self._costs(10)
        large = self._costs(60)
        _logger.info("talk form queries (read, save): 10 prompts %s, 60 prompts %s", small, large)
        self.assertEqual(small, large, "queries (read, save) for 10 and for 60 prompts")
        self.assertLessEqual(small[0], READ_QUERIES)
        self.assertLessEqual(small[1], SAVE_QUERIES)
        # and once more through Odoo's own counter, for the log
        talk = self._create_talk(template=self._template(60))
        self.env.invalidate_all()
        with self.assertQueryCount(READ_QUERIES):
            talk.with_user(self.manager).web_read({"answer_ids": {"fields": {"value_text": {}}}})


# What the requests of the load benchmark (bench/bench_load.py) cost, counted as a fresh
# request of a warm server sees them (the third talk of the same pair), with the demo staff
# template. Measured plus a little slack: a regression (a query per answer, per prompt, per
# level of the hierarchy) shows here. Measured by this test before the work of issue 12 on the
# talk requests -> after: read as manager 30 -> 14, as employee 15 -> 13; start preparation
# 78 -> 73; answer saves 17 -> 15 (employee), 39 -> 16 (manager); mark held 66 -> 64.
REQUEST_QUERIES = {
    "read as manager": 16,
    "read as employee": 15,
    "start preparation": 76,
    "save answers as employee": 17,
    "save answers as manager": 18,
    "share as employee": 29,
    "mark held": 67,
    "sign as employee": 28,
}


@tagged("post_install", "-at_install")
class TestTalkRequestQueries(LobTalkCommon):
    """The talk form and its buttons cost a fixed number of queries, however deep the
    hierarchy below the manager."""

    def _form_spec(self, user):
        """The form's specification as the web client builds it for ``user``'s groups."""
        views = self.Talk.with_user(user).get_views([(False, "form")])
        spec = _spec(etree.fromstring(views["views"]["form"]["arch"]), self.Talk)
        spec["display_name"] = {}
        return spec

    def _as(self, talk, user):
        # a request's context: mail tracking and notifications on, as in production
        context = {"lang": "en_US", "tz": "Europe/Amsterdam"}
        return talk.with_env(self.env(user=user, context=context))

    def _flow(self, talk, count):
        spec = {user: self._form_spec(user) for user in (self.manager, self.employee)}
        as_manager, as_employee = self._as(talk, self.manager), self._as(talk, self.employee)

        def answers(role_talk, party, user):
            return [
                Command.update(line.id, {"value_text": f"{user.name} on {line.prompt_id.id}"})
                for line in role_talk.answer_ids
                if line.party == party and line.can_edit and line.answer_type == "text"
            ]

        count("read as manager", lambda: as_manager.web_read(spec[self.manager]))
        count("start preparation", as_manager.action_start_preparation)
        count("read as employee", lambda: as_employee.web_read(spec[self.employee]))
        self.env.invalidate_all()
        cmds = answers(as_employee, "employee", self.employee)
        self.assertTrue(cmds)
        count(
            "save answers as employee",
            lambda: as_employee.web_save({"answer_ids": cmds}, spec[self.employee]),
        )
        self.env.invalidate_all()
        cmds = answers(as_manager, "manager", self.manager)
        self.assertTrue(cmds)
        count(
            "save answers as manager",
            lambda: as_manager.web_save({"answer_ids": cmds}, spec[self.manager]),
        )
        count("share as employee", as_employee.action_share_employee)
        as_manager.action_share_manager()
        self._fill(talk, "together", self.manager, "Together")
        self._fill(talk, "employee", self.employee, "Eva")
        self._fill(talk, "manager", self.manager, "Mark")
        count("mark held", as_manager.action_held)
        count("sign as employee", as_employee.action_sign)
        as_manager.action_sign()
        self.assertEqual(talk.state, "signed")

    def test_request_queries(self):
        measured = {}

        def measure(label, call):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            call()
            self.env.flush_all()
            measured[label] = self.cr.sql_log_count - before

        # the first talk warms the server's caches (rules, views, templates, mail layouts)
        self._flow(self._create_talk(), measure)
        warm = dict(measured)

        def pinned(label, call):
            self.env.invalidate_all()
            with self.assertQueryCount(REQUEST_QUERIES[label]):
                call()

        self._flow(self._create_talk(), measure)
        _logger.info(
            "talk requests, queries (cold, warm): %s",
            {label: (warm[label], measured[label]) for label in measured},
        )
        self._flow(self._create_talk(), pinned)

        # three more levels below Mark cost the manager's form nothing (child_of cost a query
        # per level, each time one of the manager rules applied)
        talk = self._create_talk()
        spec = self._form_spec(self.manager)
        as_manager = self._as(talk, self.manager)
        measure("read", lambda: as_manager.web_read(spec))
        parent = self.emp_colleague
        for depth in range(3):
            parent = self.env["hr.employee"].create(
                {"name": f"Level {depth}", "parent_id": parent.id, "company_id": self.company.id}
            )
        talk_below = self._create_talk(employee=parent)
        self.assertEqual(
            self.Talk.with_user(self.manager).search([("id", "=", talk_below.id)]), talk_below
        )
        measure("read deeper", lambda: as_manager.web_read(spec))
        self.assertEqual(measured["read deeper"], measured["read"])
