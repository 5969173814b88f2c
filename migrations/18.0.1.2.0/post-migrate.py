# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: what databases of 18.0.1.1.0 lack.

1. Policy keys. Policies of 18.0.1.1.0 have no key: the key now matches a policy frame when
   it travels between colleges (``models/lob_policy_exchange.py``), as new policies get one
   on create.
2. The demo stories of the policy and the trialoog. Odoo loads demo files as ``noupdate``: on
   update it creates the missing demo records but skips every ``<function>``. A demo database
   that receives them on this upgrade would keep both demo policies and every team plan in
   draft, and would have no trialoog template. Each story is told once, as on install.
"""

from odoo import SUPERUSER_ID, api


def _policy_keys(env):
    Policy = env["lob.policy"].with_context(active_test=False)
    taken = set()
    for policy in Policy.search([("key", "=", False)], order="id"):
        policy.key = policy._lob_unique_key(policy.name or "policy", policy.company_id.id, taken)
        taken.add(policy.key)


def _untold(env):
    """The demo files whose story a database that just received them has not seen."""
    policy = env.ref("lob_hrm.lob_policy_2026_demo", raise_if_not_found=False)
    if policy and policy.state == "draft":
        last_year = env.ref("lob_hrm.lob_policy_2025_demo", raise_if_not_found=False)
        if last_year and last_year.state == "draft":
            yield "demo/lob_policy_demo.xml"
    if env.ref("lob_hrm.res_partner_leerbedrijf_demo", raise_if_not_found=False) and not (
        env["lob.talk.template"]
        .with_context(active_test=False)
        .search_count([("audience", "=", "trialoog")], limit=1)
    ):
        yield "demo/lob_trialogue_demo.xml"


def _tell_demo_stories(env):
    module = env["ir.module.module"].search([("name", "=", "lob_hrm")])
    if module.demo:
        for path in list(_untold(env)):
            env["lob.default.content"]._lob_tell_demo(path, "18.0.1.2.0")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    _policy_keys(env)
    _tell_demo_stories(env)
