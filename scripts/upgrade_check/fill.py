"""Fill a database of an earlier release the way a college would have used it, with the code
of that release: HR edits default content, imports a template, and (where the release has
talks) writes notes, assessments, activities and professionalisation on top of the demo's
talks. Returns what HR changed, for the check after the upgrade."""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path

from odoo.fields import Command

# (xmlid, values): HR's edits to default content; an xmlid the release lacks is skipped
EDITS = (
    ("default_dimension_motives", {"name": "Motieven (aangepast door HR)"}),
    ("default_idiom_loopbaandialoog", {"definition": "Ons eigen woord voor het gesprek."}),
    ("default_template_staff_development_talk", {"name": "Ontwikkelgesprek (HR-versie)"}),
    ("default_role_slb", {"name": "Studieloopbaanbegeleider (HR)"}),
    ("default_competency_doorverwijzen", {"name": "Doorverwijzen (HR)"}),
    ("default_area_samenwerking", {"name": "Samenwerking en netwerk (HR)"}),
    ("lob_talk_mail_template_invitation", {"subject": "Uitnodiging (HR-tekst)"}),
    ("lob_talk_cron_overdue", {"interval_number": 3}),
    ("mail_activity_type_talk_planning", {"delay_count": 21}),
)
STATES = {"planned", "preparation", "held", "signed", "done", "cancelled"}


def _edit_defaults(env, expect):
    for xmlid, values in EDITS:
        record = env.ref(f"lob_hrm.{xmlid}", raise_if_not_found=False)
        if not record:
            continue
        record.write(values)
        expect += [[record._name, record.id, xmlid, f, v] for f, v in values.items()]
    # a prompt of a default staff template, reworded by HR
    template = env.ref("lob_hrm.default_template_staff_performance_talk")
    prompt = template.section_ids[:1].prompt_ids[:1]
    prompt.text = "Wat wil je vandaag vooral bespreken? (HR)"
    expect.append([prompt._name, prompt.id, "prompt", "text", prompt.text])
    if "lob_professionalisation_norm" in env.company._fields:
        env.company.lob_professionalisation_norm = 40
        expect.append(
            ["res.company", env.company.id, "company", "lob_professionalisation_norm", 40]
        )


def _import_template(env, content_path):
    """A college's own template, imported through the exchange wizard as HR does."""
    content = json.loads(Path(content_path).read_text())
    template = copy.deepcopy(
        next(t for t in content["templates"] if t["key"] == "staff_development_talk")
    )
    template.pop("source", None)
    for section in template["sections"]:
        section.pop("mirrors", None)
        for prompt in section["prompts"]:
            prompt.pop("mirrors", None)
    template.update(key="imported_development_talk", name="Ontwikkelgesprek Techniek (import)")
    document = {
        "format": content["format"],
        "version": content["version"],
        "dimensions": content["dimensions"],
        "templates": [template],
    }
    data = base64.b64encode(json.dumps(document).encode())
    wizard = env["lob.exchange.import.wizard"].create({"data": data, "filename": "import.json"})
    wizard.action_import()
    imported = env["lob.talk.template"].search([("key", "=", "imported_development_talk")])
    if len(imported) != 1:
        raise RuntimeError(f"the import made {len(imported)} templates, not 1")
    return imported


def _use_talks(env, expect):
    """Notes, assessments, activities and hours on the demo's talks."""
    Talk = env["lob.talk"]
    states = set(Talk.search([]).mapped("state"))
    if states != STATES:
        raise RuntimeError(f"the demo talks miss the states {sorted(STATES - states)}")
    talk = Talk.search([("state", "=", "preparation")], limit=1)
    author = talk.conductor_id.user_id or env.ref("base.user_admin")
    Note = env["lob.talk.note"]
    if not Note.search_count([("talk_id", "=", talk.id), ("author_user_id", "=", author.id)]):
        Note.create({"talk_id": talk.id, "author_user_id": author.id, "body": "Vooral luisteren."})
    skills = env["hr.skill"].search([("skill_type_id.lob_profile", "=", True)])
    taken = talk.assessment_ids.mapped("skill_id")
    skill = (skills - taken)[:1]
    if skill:
        talk.write({"assessment_ids": [Command.create({"skill_id": skill.id})]})
    agreement = env["lob.talk.agreement"].search([], limit=1)
    for record in (talk, agreement):
        if record and hasattr(record, "activity_schedule"):
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                summary="Nabellen (upgrade-check)",
                user_id=env.ref("base.user_admin").id,
            )
    if "lob.professionalisation" in env:
        values = {"employee_id": talk.employee_id.id, "name": "Intervisie LOB", "hours": 6}
        env["lob.professionalisation"].create(values)
    talk.message_post(body="Afspraak verzet (upgrade-check).")


def fill(env, content_path):
    """Do what HR would have done; return the list of [model, id, label, field, value]."""
    expect = []
    _edit_defaults(env, expect)
    _import_template(env, content_path)
    if "lob.talk" in env:
        _use_talks(env, expect)
    return expect
