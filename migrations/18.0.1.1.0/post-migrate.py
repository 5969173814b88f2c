# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: complete what databases of earlier releases lack, without touching HR's content.

1. Alignment. Databases of 18.0.1.0.0 installed before 2026-11-30 hold staff templates without
   the score per check (``alignment_checks``) and the error flag (``has_errors``), findings
   without check or signature (HR cannot accept them) and mirrored prompts without a snapshot
   of their student prompt (drift cannot show before and after). Refreshing the alignment of
   those templates computes all of it from their content, which it reads and never writes.
2. The staff talks' demo. Odoo loads demo files as ``noupdate``: on update it creates the demo
   records that are missing but skips every ``<function>``. A demo database that receives the
   talk demo on this upgrade would keep a draft cycle without talks, a draft template and
   teams without leaders. Its story (``demo/lob_talk_demo.xml``) is told once, as on install.

The default framework and roles arrive through ``data/lob_default_content_update.xml``,
which runs on update too (see that file), before the demo data that refers to them.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def _refresh_alignment(env):
    env.cr.execute(
        """
        SELECT t.id FROM lob_talk_template t
         WHERE t.audience = 'staff'
           AND (t.alignment_checks IS NULL
                OR EXISTS (SELECT 1 FROM lob_talk_template_finding f
                            WHERE f.template_id = t.id AND f.signature IS NULL))
         ORDER BY t.id
        """
    )
    ids = [row[0] for row in env.cr.fetchall()]
    if ids:
        env["lob.talk.template"].browse(ids)._lob_refresh_alignment()
        _logger.info("lob_hrm 18.0.1.1.0: alignment refreshed for %d staff templates", len(ids))


def _tell_demo_story(env):
    module = env["ir.module.module"].search([("name", "=", "lob_hrm")])
    cycle = env.ref("lob_hrm.lob_talk_cycle_demo", raise_if_not_found=False)
    if not (module.demo and cycle) or cycle.state != "draft":
        return
    if (
        env["lob.talk"]
        .with_context(active_test=False)
        .search_count([("cycle_id", "=", cycle.id)], limit=1)
    ):
        return
    env["lob.default.content"]._lob_tell_demo("demo/lob_talk_demo.xml", "18.0.1.1.0")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    _refresh_alignment(env)
    _tell_demo_story(env)
