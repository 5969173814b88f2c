"""After ``-u lob_hrm``, with the code of HEAD: is everything of the earlier release still
there, did HR's edits survive, did the default content added since arrive, once?"""

from __future__ import annotations

from snapshot import activities, checked_models, compared_fields

from odoo.tools import SQL

# (model, fields that make a record the same one): default content is matched by these keys
KEY_SCOPES = (
    ("lob.dimension", "key", ("company_id",)),
    ("lob.idiom.term", "key", ("company_id",)),
    ("lob.talk.template", "key", ("company_id",)),
    ("lob.talk.template.section", "key", ("template_id",)),
    ("lob.talk.template.prompt", "key", ("section_id",)),
    ("lob.role", "key", ("company_id",)),
    ("lob.competency.area", "key", ("skill_type_id",)),
    ("hr.skill.type", "lob_key", ()),
    ("hr.skill.level", "lob_key", ("skill_type_id",)),
    ("hr.skill", "lob_key", ("skill_type_id",)),
    ("lob.talk", "cycle_id", ("employee_id",)),  # one talk per employee and cycle
)
# default content of other models than the add-on's own: (model, field naming an lob model)
LINKED_DEFAULTS = (
    ("mail.template", "model"),
    ("ir.cron", "model_id.model"),
    ("mail.activity.type", "res_model"),
)
# the alignment's findings are recomputed by the 18.0.1.1.0 migration: HR's part of them
# (an acceptance) is compared, the rest is derived from the template's content
DERIVED = {"lob.talk.template.finding"}
TALK_STATES = {"planned", "preparation", "held", "signed", "done", "cancelled"}


class Report:
    def __init__(self):
        self.problems = []
        self.figures = {}

    def fail(self, message):
        self.problems.append(message)


def _kept(env, before, report):
    """Every record, value and link of the earlier release is still there."""
    records = links = 0
    for name, data in before["records"].items():
        rows = data["rows"]
        if name not in env.registry.models:
            if rows:
                report.fail(f"{name}: the model is gone with its {len(rows)} records")
            continue
        model = env[name].with_context(active_test=False)
        now = set(compared_fields(model))
        for field, ftype in data["fields"].items():
            used = any(row[field] not in (None, False, []) for row in rows.values())
            if used and (field not in now or model._fields[field].type != ftype):
                report.fail(f"{name}.{field}: no longer stored as {ftype}; its data is lost")
        ids = [int(i) for i in rows]
        present = model.browse(ids).exists()
        if len(present) != len(ids):
            lost = sorted(set(ids) - set(present.ids))
            if name in DERIVED:
                accepted = [i for i in lost if rows[str(i)].get("accepted")]
                if accepted:
                    report.fail(f"{name}: HR's accepted findings {accepted[:10]} are gone")
                continue
            report.fail(f"{name}: {len(lost)} of {len(ids)} records lost, e.g. ids {lost[:10]}")
        common = sorted(f for f in data["fields"] if f in now)
        changed = []
        for row in present.read(common):
            old = rows[str(row["id"])]
            for field in common:
                value = row[field]
                ftype = model._fields[field].type
                if ftype == "many2one":
                    value = value[0] if value else None
                elif ftype == "many2many":
                    value = sorted(value)
                elif value is False and ftype != "boolean":
                    value = None
                elif not isinstance(value, (bool, int, float, str, type(None))):
                    value = str(value)
                if old[field] != value:
                    changed.append(f"{row['id']}.{field}: {old[field]!r} -> {value!r}")
                if ftype in ("many2one", "many2many") and old[field]:
                    links += 1 if ftype == "many2one" else len(old[field])
        records += len(present)
        if changed and name not in DERIVED:
            report.fail(f"{name}: {len(changed)} values changed, e.g. {'; '.join(changed[:5])}")
    report.figures.update(records=records, links=links)
    now = activities(env)
    lost = sorted(set(before["activities"]) - set(now["activities"]))
    if lost:
        report.fail(f"mail.activity: {len(lost)} activities on LOB records lost")
    for model, count in before["messages"].items():
        if now["messages"].get(model, 0) < count:
            report.fail(f"{model}: messages went from {count} to {now['messages'].get(model, 0)}")
    report.figures["activities"] = len(before["activities"])


def _links_resolve(env, report):
    """Every many2one of the add-on's records points at a record that exists."""
    dangling = []
    for name in checked_models(env):
        model = env[name]
        for field in model._fields.values():
            if field.type != "many2one" or not field.store or field.comodel_name not in env:
                continue
            comodel = env[field.comodel_name]
            if not comodel._auto:
                continue
            env.cr.execute(
                SQL(
                    "SELECT count(*) FROM %s t WHERE t.%s IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM %s c WHERE c.id = t.%s)",
                    SQL.identifier(model._table),
                    SQL.identifier(field.name),
                    SQL.identifier(comodel._table),
                    SQL.identifier(field.name),
                )
            )
            count = env.cr.fetchone()[0]
            if count:
                dangling.append(f"{name}.{field.name} ({count})")
    if dangling:
        report.fail(f"links to records that do not exist: {', '.join(dangling)}")


def _edits(env, expect, report):
    """HR's edits to default content are as HR left them."""
    for model, res_id, label, field, value in expect:
        record = env[model].browse(res_id).exists()
        if not record:
            report.fail(f"{label} ({model} {res_id}), edited by HR, is gone")
        elif record[field] != value:
            report.fail(f"{label}.{field}: HR wrote {value!r}, the upgrade left {record[field]!r}")
    report.figures["edits"] = len(expect)


def _defaults(env, reference, report):
    """Everything a fresh install of HEAD holds (xmlids) is there, once."""
    Data = env["ir.model.data"]
    by_model = {}
    for model, name in reference["xmlids"]:
        by_model.setdefault(model, []).append(name)
    missing = []
    for model, names in sorted(by_model.items()):
        rows = Data.search([("module", "=", "lob_hrm"), ("name", "in", names)])
        found = {row.name: row.res_id for row in rows if row.model == model}
        existing = set(env[model].browse(list(found.values())).exists().ids)
        missing += [f"{model} {n}" for n in names if found.get(n) not in existing]
    if missing:
        report.fail(f"{len(missing)} records of a fresh install are missing: {missing[:12]}")
    framework = env.ref("lob_hrm.default_framework_raamwerk_lob", raise_if_not_found=False)
    if not framework:
        report.fail("the default competency framework (Raamwerk LOB) is missing")
        framework = env["hr.skill.type"]
    report.figures["added"] = (
        f"framework {len(framework)} ({len(framework.skill_level_ids)} levels, "
        f"{len(framework.skill_ids)} competencies), "
        f"roles {env['lob.role'].search_count([])}, "
        f"mail templates {_count_linked(env, 'mail.template', 'model')}, "
        f"scheduled actions {_count_linked(env, 'ir.cron', 'model_id.model')}"
    )
    for model, path in LINKED_DEFAULTS:
        count, expected = _count_linked(env, model, path), reference["linked"][model]
        if count != expected:
            report.fail(f"{model}: {count} for LOB models where a fresh install has {expected}")


def _count_linked(env, model, path):
    Model = env[model].with_context(active_test=False)
    return Model.search_count([(path, "=like", "lob.%")])


def _duplicates(env, report):
    """No default content twice: keys are unique per scope, xmlids name one record each."""
    for name, key, scope in KEY_SCOPES:
        if name not in env.registry.models:
            continue
        Model = env[name].with_context(active_test=False)
        groups = Model._read_group(
            [(key, "!=", False)],
            [key, *scope],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if groups:
            report.fail(f"{name}: {len(groups)} keys twice in their scope, e.g. {groups[0]}")
    env.cr.execute(
        """
        SELECT model, res_id, array_agg(name ORDER BY name) FROM ir_model_data
         WHERE module = 'lob_hrm' AND model NOT LIKE 'ir.%%' AND model != 'res.groups'
         GROUP BY model, res_id HAVING count(*) > 1
        """
    )
    twice = env.cr.fetchall()
    if twice:
        report.fail(f"records with two xmlids (loaded twice?): {twice[:5]}")


def _demo_and_rules(env, reference, report):
    module = env["ir.module.module"].search([("name", "=", "lob_hrm")])
    if reference["demo"] and not module.demo:
        report.fail("the demo data of lob_hrm failed to install (module demo flag is off)")
    if reference["demo"]:
        states = set(env["lob.talk"].search([]).mapped("state"))
        if states != TALK_STATES:
            report.fail(f"no talks in the states {sorted(TALK_STATES - states)}")
        policy = env.ref("lob_hrm.lob_policy_2026_demo", raise_if_not_found=False)
        if not policy or policy.state != "adopted" or not policy.key:
            report.fail("the demo policy 2026-2027 is missing, not adopted or has no key")
        if not env["lob.talk.template"].search_count([("audience", "=", "trialoog")]):
            report.fail("the demo trialoog template is missing")
    for name in checked_models(env):
        if not name.startswith("lob."):
            continue
        records = env[name].with_context(active_test=False).search([])
        try:
            records._validate_fields(list(records._fields))
        except Exception as exc:  # every broken rule is one problem, all are reported
            report.fail(f"{name}: a record breaks a rule of HEAD: {exc}")


def run(env, before, reference):
    report = Report()
    _kept(env, before["snapshot"], report)
    _links_resolve(env, report)
    _edits(env, before["expect"], report)
    _defaults(env, reference, report)
    _duplicates(env, report)
    _demo_and_rules(env, reference, report)
    return report


def reference(env):
    """What a fresh install of HEAD holds, to compare an upgraded database with."""
    env.cr.execute(
        "SELECT model, name FROM ir_model_data WHERE module = 'lob_hrm' ORDER BY model, name"
    )
    xmlids = env.cr.fetchall()
    module = env["ir.module.module"].search([("name", "=", "lob_hrm")])
    return {
        "xmlids": xmlids,
        "linked": {m: _count_linked(env, m, p) for m, p in LINKED_DEFAULTS},
        "demo": module.demo,
    }
