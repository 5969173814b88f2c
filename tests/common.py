# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shared fixture of the talk template tests: users, companies and the default content."""

import base64
import json

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

DIMENSION_KEYS = ("qualities", "motives", "work_exploration", "career_steering", "networking")


def lob_user(env, login, name, groups="base.group_user", company=None):
    """A test user who works in ``company`` only (default: the current company)."""
    company = company or env.company
    return new_test_user(
        env,
        login=login,
        name=name,
        groups=groups,
        company_id=company.id,
        company_ids=[Command.set(company.ids)],
    )


def or_nothing(call):
    """What ``call`` returns, or nothing when access is refused altogether."""
    try:
        return call()
    except AccessError:
        return []


class LobCase(TransactionCase):
    """The base of every fixture: the current company and a second one.

    Mail side effects (tracking, followers, notifications) are off, as in OCA's
    ``base_tier_validation`` tests: they are not what these tests are about.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Tweede College"})


class LobCommon(LobCase):
    """Default content, an HR officer, an ordinary employee and a user of a second company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = lob_user(
            cls.env, "lob_officer", "Olga Officer", "base.group_user,lob_hrm.group_lob_officer"
        )
        cls.employee = lob_user(cls.env, "lob_employee", "Eva Employee")
        # An HR officer, but of the second company only: the multi-company rules, not the
        # group rules, must keep company A's templates away from them.
        cls.other_user = lob_user(
            cls.env,
            "lob_other_company",
            "Otto Other",
            "base.group_user,lob_hrm.group_lob_officer",
            cls.other_company,
        )
        cls.team = cls.env["hr.department"].create(
            {"name": "Team Techniek", "company_id": cls.company.id}
        )

        cls.Template = cls.env["lob.talk.template"]
        cls.Section = cls.env["lob.talk.template.section"]
        cls.Prompt = cls.env["lob.talk.template.prompt"]
        cls.Dimension = cls.env["lob.dimension"]
        cls.IdiomTerm = cls.env["lob.idiom.term"]
        cls.student_template = cls.env.ref("lob_hrm.default_template_student_career_talk")
        cls.performance_template = cls.env.ref("lob_hrm.default_template_staff_performance_talk")
        cls.development_template = cls.env.ref("lob_hrm.default_template_staff_development_talk")
        cls.dimensions = {
            key: cls.env.ref(f"lob_hrm.default_dimension_{key}") for key in DIMENSION_KEYS
        }

    # -- helpers ----------------------------------------------------------------------------

    @classmethod
    def _section(cls, template, key):
        return template.section_ids.filtered(lambda s: s.key == key)

    @classmethod
    def _prompt(cls, template, key):
        return template.prompt_ids.filtered(lambda p: p.key == key)

    def _counts(self):
        """How many templates, sections, prompts, dimensions and idiom terms exist."""
        env = self.env(context=dict(self.env.context, active_test=False))
        return {
            model: env[model].search_count([])
            for model in (
                "lob.talk.template",
                "lob.talk.template.section",
                "lob.talk.template.prompt",
                "lob.dimension",
                "lob.idiom.term",
            )
        }

    def _import(self, document, user=None):
        """Import ``document`` (a dict or JSON text) through the wizard, as ``user``."""
        text = document if isinstance(document, str) else json.dumps(document)
        wizard = (
            self.env["lob.exchange.import.wizard"]
            .with_user(user or self.officer)
            .create({"data": base64.b64encode(text.encode("utf-8")), "filename": "lob.json"})
        )
        wizard.action_import()
        return wizard.template_ids
