# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.fields import Command
from odoo.tests import tagged

from .test_talk_common import LobTalkCommon

PHASES = ("look_back", "reflection", "look_ahead", "action")
RESPONDENTS = ("coachee", "coach", "together")
ANSWER_TYPES = ("text", "scale", "yes_no", "level", "agreement")
# Upper bounds; the real check is that 10 and 60 prompts cost the same.
READ_QUERIES = 30
SAVE_QUERIES = 45  # the form also reads the talk's competency assessments


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
        template.action_publish()
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
        self.assertEqual(small, large, "queries (read, save) for 10 and for 60 prompts")
        self.assertLessEqual(small[0], READ_QUERIES)
        self.assertLessEqual(small[1], SAVE_QUERIES)
        # and once more through Odoo's own counter, for the log
        talk = self._create_talk(template=self._template(60))
        self.env.invalidate_all()
        with self.assertQueryCount(READ_QUERIES):
            talk.with_user(self.manager).web_read({"answer_ids": {"fields": {"value_text": {}}}})
