# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The bridge between Odoo records and the Odoo-free core (``lob_hrm/``).

Records are turned into core schemas here, the core computes, and the results are written
back here. Import and export of the exchange format go through this model too, so that the
command line and Odoo validate a shared file with one and the same code.
"""

import re

from odoo import api, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

from ..lob_hrm import exchange, schemas
from ..lob_hrm.content import load_default_content

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
KEY_HELP = (
    "Technical key used in shared (exchange) files: lowercase letters, digits and "
    "underscores, starting with a letter."
)


def check_key(record, key):
    if key and not KEY_PATTERN.match(key):
        raise ValidationError(
            record.env._(
                "The key '%(key)s' is not valid: use lowercase letters, digits and underscores, "
                "starting with a letter (at most 64 characters).",
                key=key,
            )
        )


def slugify_key(text, taken=()):
    """A valid key from a name, unique among ``taken``."""
    normalised = (
        text.lower()
        .translate(str.maketrans("àáâäèéêëìíîïòóôöùúûüç", "aaaaeeeeiiiioooouuuuc"))
        .strip()
    )
    base = re.sub(r"[^a-z0-9]+", "_", normalised).strip("_")[:56] or "item"
    if not base[0].isalpha():
        base = f"k_{base}"
    key, counter = base, 2
    while key in taken:
        key, counter = f"{base}_{counter}", counter + 1
    return key


def value_differs(record, name, value):
    """Whether writing ``value`` (as in ``write`` vals) to ``record[name]`` changes it."""
    current = record[name]
    if isinstance(current, models.BaseModel):
        return current.id != (value or False)
    return (current or False) != (value or False)


class LobExchange(models.AbstractModel):
    _name = "lob.exchange"
    _description = "LOB exchange format bridge"

    # -- records -> core --------------------------------------------------------------

    @api.model
    def _dimension_schema(self, dimension):
        return schemas.Dimension(
            key=dimension.key,
            name=dimension.name,
            question=dimension.question,
            description=dimension.description or "",
        )

    @api.model
    def _idiom_schema(self, term):
        return schemas.IdiomTerm(
            key=term.key,
            term=term.term,
            definition=term.definition or "",
            avoid=term._avoid_list(),
            rephrase=[
                schemas.Rephrase(student=line.student, staff=line.staff)
                for line in term.rephrase_ids
            ],
        )

    @api.model
    def _link(self, key, fingerprint):
        if key and fingerprint:
            return schemas.MirrorLink(key=key, fingerprint=fingerprint)
        return None

    @api.model
    def _template_schema(self, template):
        """The core's view of a template; raises pydantic's ValidationError when incomplete."""
        return schemas.TalkTemplate(
            key=template.key,
            name=template.name,
            audience=template.audience,
            kind=template.kind,
            description=template.description or "",
            central=template.central,
            parent=template.parent_id.key or None,
            source=self._link(template.source_id.key, template.source_fingerprint),
            sections=[
                schemas.Section(
                    key=section.key,
                    title=section.title,
                    phase=section.phase,
                    intro=section.intro or "",
                    locked=section.locked,
                    mirrors=self._link(section.mirror_key, section.mirror_fingerprint),
                    prompts=[
                        schemas.Prompt(
                            key=prompt.key,
                            text=prompt.text,
                            dimension=prompt.dimension_id.key or None,
                            respondent=prompt.respondent,
                            answer_type=prompt.answer_type,
                            guidance=prompt.guidance or "",
                            required=prompt.required,
                            mirrors=self._link(prompt.mirror_key, prompt.mirror_fingerprint),
                        )
                        for prompt in section.prompt_ids
                    ],
                )
                for section in template.section_ids
            ],
        )

    @api.model
    def _vocabulary(self, company):
        """Active dimensions and idiom terms that apply to ``company`` (its own and shared)."""
        domain = [("company_id", "in", [company.id, False])]
        dimensions = self.env["lob.dimension"].search(domain)
        terms = self.env["lob.idiom.term"].search(domain)
        return dimensions, terms

    @api.model
    def _export_document(self, templates):
        """An exchange document with ``templates``, their sources and parents, and the
        dimensions and idiom they rely on."""
        closure = templates
        while True:
            grown = closure | closure.source_id | closure.parent_id
            if grown == closure:
                break
            closure = grown
        dimensions = self.env["lob.dimension"]
        terms = self.env["lob.idiom.term"]
        for company in closure.company_id or self.env.company:
            company_dimensions, company_terms = self._vocabulary(company)
            dimensions |= company_dimensions
            terms |= company_terms
        dimensions |= closure.section_ids.prompt_ids.dimension_id
        # sources and central parents first, so that a reader meets them before their users
        ordered = closure.sorted(
            lambda t: (t.audience != "student", not t.central, t.sequence, t.id)
        )
        try:
            document = schemas.Document(
                dimensions=[self._dimension_schema(d) for d in dimensions.sorted("sequence")],
                idiom=[self._idiom_schema(t) for t in terms],
                templates=[self._template_schema(t) for t in ordered],
            )
        except ValueError as exc:
            raise UserError(
                self.env._("These templates cannot be exported yet:\n%(error)s", error=exc)
            ) from exc
        return exchange.dump_document(document)

    # -- core -> records --------------------------------------------------------------

    @api.model
    def _problem_message(self, problem):
        """A translated message for a core validation problem."""
        params = dict(problem.params)
        _ = self.env._
        what = {
            "dimension": _("career competency"),
            "template": _("template"),
            "competency": _("competency"),
            "level": _("level"),
            "role": _("role"),
            "area": _("area"),
        }
        if "what" in params:
            params["what"] = what.get(params["what"], params["what"])
        messages = {
            "invalid_json": _("The file is not valid JSON (%(detail)s)."),
            "too_large": _("The file is larger than %(limit)s MB."),
            "not_object": _("The file must contain one JSON object."),
            "wrong_format": _("This is not an LOB exchange file (expected format '%(name)s')."),
            "wrong_version": _(
                "Unsupported version %(found)s; this version of the add-on reads version "
                "%(version)s."
            ),
            "duplicate_key": _("The key '%(key)s' occurs more than once."),
            "duplicate_rank": _("The rank %(rank)s occurs more than once."),
            "unknown_reference": _("Unknown %(what)s '%(key)s'."),
            "self_reference": _("A template cannot refer to itself."),
            "not_student_template": _("The mirrored source '%(key)s' is not a student template."),
            "not_central_template": _("The parent '%(key)s' is not a central template."),
            "missing_framework": _("A competency framework is needed here."),
            "extra_forbidden": _("Unknown field."),
            "missing": _("This field is required."),
            "string_too_short": _("This text may not be empty."),
            "string_too_long": _("This text is too long (at most %(max_length)s characters)."),
            "string_pattern_mismatch": _(
                "Not a valid key: use lowercase letters, digits and underscores."
            ),
            "string_type": _("A text is expected here."),
            "enum": _("Not an allowed value (allowed: %(expected)s)."),
            "literal_error": _("Not an allowed value (allowed: %(expected)s)."),
            "too_short": _("Too few items here."),
            "too_long": _("Too many items here (at most %(max_length)s)."),
            "list_type": _("A list is expected here."),
            "model_type": _("An object is expected here."),
            "dict_type": _("An object is expected here."),
            "bool_type": _("true or false is expected here."),
            "int_type": _("A whole number is expected here."),
            "key_exists": _("A template with the key '%(key)s' exists already."),
        }
        template = messages.get(problem.code)
        if template is None:
            return problem.message
        try:
            return template % params
        except (KeyError, TypeError, ValueError):
            return problem.message

    @api.model
    def _raise_problems(self, problems):
        lines = [f"{p.path}: {self._problem_message(p)}" for p in problems[:50]]
        if len(problems) > 50:
            lines.append(self.env._("... and %(count)s more.", count=len(problems) - 50))
        raise UserError(
            self.env._("The file was not imported; nothing was changed.\n\n%(problems)s")
            % {"problems": "\n".join(lines)}
        )

    @api.model
    def _load(self, raw):
        """Validate raw JSON with the core; a translated UserError names every problem."""
        try:
            return exchange.load_document(raw)
        except exchange.ExchangeError as exc:
            self._raise_problems(exc.problems)

    @api.model
    def _import_document(self, document, company=None, xmlid_prefix=None):
        """Create the dimensions, idiom terms and templates of a validated ``document``.

        Dimensions and terms are matched by key and kept as the college has them; templates
        are new (an existing key is an error). With ``xmlid_prefix``, records get XML ids
        ``lob_hrm.<prefix>_<kind>_<key>`` (noupdate), which is how the default content loads.
        Returns the created templates.
        """
        company_id = company.id if company else False
        existing = self.env["lob.talk.template"].with_context(active_test=False)
        taken = set(existing.search([("company_id", "in", [company_id, False])]).mapped("key"))
        clashes = [
            exchange.Problem(
                f"$.templates[{index}].key",
                "key_exists",
                f"a template with key '{t.key}' exists already",
                (("key", t.key),),
            )
            for index, t in enumerate(document.templates)
            if t.key in taken
        ]
        if clashes:
            self._raise_problems(clashes)

        dimensions = {}
        current_dimensions, current_terms = self._vocabulary(company or self.env.company)
        by_key = {d.key: d for d in current_dimensions}
        for sequence, item in enumerate(document.dimensions, start=1):
            dimensions[item.key] = by_key.get(item.key) or self._create(
                "lob.dimension",
                {
                    "key": item.key,
                    "name": item.name,
                    "question": item.question,
                    "description": item.description,
                    "sequence": sequence * 10,
                    "company_id": company_id,
                },
                xmlid_prefix and f"{xmlid_prefix}_dimension_{item.key}",
            )
        term_keys = set(current_terms.mapped("key"))
        for item in document.idiom:
            if item.key in term_keys:
                continue
            self._create(
                "lob.idiom.term",
                {
                    "key": item.key,
                    "term": item.term,
                    "definition": item.definition,
                    "avoid": "\n".join(item.avoid),
                    "company_id": company_id,
                    "rephrase_ids": [
                        Command.create({"student": r.student, "staff": r.staff})
                        for r in item.rephrase
                    ],
                },
                xmlid_prefix and f"{xmlid_prefix}_idiom_{item.key}",
            )
        created = self.env["lob.talk.template"]
        keyed = {}
        # sources and parents before the templates that refer to them
        order = sorted(
            document.templates,
            key=lambda t: (t.audience != schemas.Audience.STUDENT, not t.central),
        )
        Template = self.env["lob.talk.template"].with_context(lob_skip_alignment=True)
        for sequence, item in enumerate(order, start=1):
            template = self._create(
                Template,
                self._template_values(item, dimensions, keyed, company_id, sequence),
                xmlid_prefix and f"{xmlid_prefix}_template_{item.key}",
            )
            keyed[item.key] = template
            created |= template
        created._lob_refresh_alignment()
        return created

    @api.model
    def _link_values(self, link):
        return {
            "mirror_key": link.key if link else False,
            "mirror_fingerprint": link.fingerprint if link else False,
        }

    @api.model
    def _template_values(self, item, dimensions, keyed, company_id, sequence):
        parent = keyed.get(item.parent) if item.parent else None
        parent_sections = {s.key: s for s in parent.section_ids} if parent else {}
        sections = []
        for section_sequence, section in enumerate(item.sections, start=1):
            parent_section = parent_sections.get(section.key)
            parent_prompts = {p.key: p for p in parent_section.prompt_ids} if parent_section else {}
            prompts = [
                Command.create(
                    {
                        "sequence": prompt_sequence * 10,
                        "key": prompt.key,
                        "text": prompt.text,
                        "dimension_id": dimensions[prompt.dimension].id
                        if prompt.dimension
                        else False,
                        "respondent": prompt.respondent.value,
                        "answer_type": prompt.answer_type.value,
                        "guidance": prompt.guidance,
                        "required": prompt.required,
                        **self._link_values(prompt.mirrors),
                        "parent_prompt_id": parent_prompts[prompt.key].id
                        if prompt.key in parent_prompts
                        else False,
                    }
                )
                for prompt_sequence, prompt in enumerate(section.prompts, start=1)
            ]
            sections.append(
                Command.create(
                    {
                        "sequence": section_sequence * 10,
                        "key": section.key,
                        "title": section.title,
                        "phase": section.phase.value,
                        "intro": section.intro,
                        "locked": section.locked,
                        **self._link_values(section.mirrors),
                        "parent_section_id": parent_section.id if parent_section else False,
                        "prompt_ids": prompts,
                    }
                )
            )
        return {
            "key": item.key,
            "name": item.name,
            "audience": item.audience.value,
            "kind": item.kind.value,
            "description": item.description,
            "central": item.central,
            "sequence": sequence * 10,
            "company_id": company_id,
            "parent_id": parent.id if parent else False,
            "source_id": keyed[item.source.key].id
            if item.source and item.source.key in keyed
            else False,
            "source_fingerprint": item.source.fingerprint if item.source else False,
            "section_ids": sections,
        }

    @api.model
    def _create(self, model, values, xmlid=None):
        Model = self.env[model] if isinstance(model, str) else model
        record = Model.create(values)
        if xmlid:
            self.env["ir.model.data"].create(
                {
                    "module": "lob_hrm",
                    "name": xmlid,
                    "model": record._name,
                    "res_id": record.id,
                    "noupdate": True,
                }
            )
        return record

    @api.model
    def _load_default_content(self):
        """Load ``data/lob_default_content.json`` once (called from data XML on install).

        The JSON file is the single source of the default content; HR's edits survive
        upgrades because the records are ``noupdate`` and nothing is loaded twice.
        """
        if self.env["ir.model.data"].search_count(
            [("module", "=", "lob_hrm"), ("name", "=like", "default_template_%")], limit=1
        ):
            return
        self._import_document(load_default_content(), xmlid_prefix="default")

    # -- competency framework and roles (issue 8) -------------------------------------
    # A framework is an hr.skill.type flagged ``lob_profile``: levels are hr.skill.level,
    # competencies hr.skill. Everything is matched by key, so importing a framework or a role
    # that exists already completes it instead of duplicating it.

    @api.model
    def _framework_schema(self, skill_type):
        """The core's view of an LOB skill type."""
        levels = skill_type.skill_level_ids.sorted(lambda lvl: (lvl.level_progress, lvl.id))
        level_keys = {level: level.lob_key or slugify_key(level.name) for level in levels}
        areas = skill_type.lob_area_ids.sorted(lambda a: (a.sequence, a.id))
        area_keys = {area: area.key or slugify_key(area.name) for area in areas}
        groups = (
            ("lob_for_primary", schemas.RoleGroup.PRIMARY),
            ("lob_for_specialist", schemas.RoleGroup.SPECIALIST),
            ("lob_for_coordinator", schemas.RoleGroup.COORDINATOR),
        )
        return schemas.CompetencyFramework(
            key=skill_type.lob_key or slugify_key(skill_type.name),
            name=skill_type.name,
            description=skill_type.lob_description or "",
            levels=[
                schemas.Level(
                    key=level_keys[level],
                    name=level.name,
                    rank=rank,
                    description=level.lob_description or "",
                )
                for rank, level in enumerate(levels, start=1)
            ],
            areas=[
                schemas.CompetencyArea(
                    key=area_keys[area], name=area.name, description=area.description or ""
                )
                for area in areas
            ],
            competencies=[
                schemas.Competency(
                    key=skill.lob_key or slugify_key(skill.name),
                    name=skill.name,
                    area=area_keys[skill.lob_area_id],
                    description=skill.lob_description or "",
                    groups=[group for name, group in groups if skill[name]],
                    levels=[
                        schemas.LevelDescription(
                            level=level_keys[line.skill_level_id], description=line.description
                        )
                        for line in skill.lob_level_description_ids
                    ],
                )
                for skill in skill_type.skill_ids
                if skill.lob_area_id
            ],
        )

    @api.model
    def _role_schema(self, role):
        return schemas.Role(
            key=role.key or slugify_key(role.name),
            name=role.name,
            group=role.group,
            description=role.description or "",
            targets=[
                schemas.RoleTarget(
                    competency=target.skill_id.lob_key or slugify_key(target.skill_id.name),
                    level=target.skill_level_id.lob_key or slugify_key(target.skill_level_id.name),
                )
                for target in role.target_ids
            ],
        )

    @api.model
    def _export_framework_document(self, skill_type, roles=None):
        """An exchange document with the framework ``skill_type`` and ``roles`` on it."""
        roles = roles if roles is not None else self._framework_roles(skill_type)
        try:
            document = schemas.Document(
                framework=self._framework_schema(skill_type),
                roles=[self._role_schema(role) for role in roles],
            )
        except ValueError as exc:
            raise UserError(
                self.env._(
                    "The framework '%(framework)s' cannot be exported yet:\n%(error)s",
                    framework=skill_type.name,
                    error=exc,
                )
            ) from exc
        return exchange.dump_document(document)

    @api.model
    def _framework_roles(self, skill_type):
        return self.env["lob.role"].search([("skill_type_id", "=", skill_type.id)])

    @api.model
    def _load_framework(self, document, company=None, xmlid_prefix=None):
        """Create or complete the framework and the roles of a validated ``document``.

        Returns the LOB skill type (an empty recordset when the document holds none).
        """
        item = document.framework
        SkillType = self.env["hr.skill.type"].with_context(active_test=False)
        if not item:
            return SkillType
        skill_type = SkillType.search([("lob_key", "=", item.key)], limit=1)
        if not skill_type:
            skill_type = self._create(
                SkillType,
                {
                    "name": item.name,
                    "lob_profile": True,
                    "lob_key": item.key,
                    "lob_description": item.description,
                },
                xmlid_prefix and f"{xmlid_prefix}_framework_{item.key}",
            )
        top_rank = max(level.rank for level in item.levels)
        levels = {level.lob_key: level for level in skill_type.skill_level_ids if level.lob_key}
        for level in item.levels:
            if level.key not in levels:
                levels[level.key] = self._create(
                    "hr.skill.level",
                    {
                        "skill_type_id": skill_type.id,
                        "name": level.name,
                        "lob_key": level.key,
                        "lob_description": level.description,
                        "level_progress": round(level.rank * 100 / top_rank),
                        "default_level": level.rank == 1,
                    },
                    xmlid_prefix and f"{xmlid_prefix}_level_{level.key}",
                )
        areas = {area.key: area for area in skill_type.lob_area_ids if area.key}
        for sequence, area in enumerate(item.areas, start=1):
            if area.key not in areas:
                areas[area.key] = self._create(
                    "lob.competency.area",
                    {
                        "skill_type_id": skill_type.id,
                        "key": area.key,
                        "name": area.name,
                        "description": area.description,
                        "sequence": sequence * 10,
                    },
                    xmlid_prefix and f"{xmlid_prefix}_area_{area.key}",
                )
        skills = {skill.lob_key: skill for skill in skill_type.skill_ids if skill.lob_key}
        for sequence, competency in enumerate(item.competencies, start=1):
            if competency.key in skills:
                continue
            skills[competency.key] = self._create(
                "hr.skill",
                {
                    "skill_type_id": skill_type.id,
                    "name": competency.name,
                    "sequence": sequence * 10,
                    "lob_key": competency.key,
                    "lob_area_id": areas[competency.area].id,
                    "lob_description": competency.description,
                    "lob_for_primary": schemas.RoleGroup.PRIMARY in competency.groups,
                    "lob_for_specialist": schemas.RoleGroup.SPECIALIST in competency.groups,
                    "lob_for_coordinator": schemas.RoleGroup.COORDINATOR in competency.groups,
                    "lob_level_description_ids": [
                        Command.create(
                            {
                                "skill_level_id": levels[line.level].id,
                                "description": line.description,
                            }
                        )
                        for line in competency.levels
                    ],
                },
                xmlid_prefix and f"{xmlid_prefix}_competency_{competency.key}",
            )
        company_id = company.id if company else False
        Role = self.env["lob.role"].with_context(active_test=False)
        taken = set(Role.search([("company_id", "in", [company_id, False])]).mapped("key"))
        for sequence, role in enumerate(document.roles, start=1):
            if role.key in taken:
                continue
            self._create(
                Role,
                {
                    "key": role.key,
                    "name": role.name,
                    "group": role.group.value,
                    "description": role.description,
                    "sequence": sequence * 10,
                    "skill_type_id": skill_type.id,
                    "company_id": company_id,
                    "target_ids": [
                        Command.create(
                            {
                                "skill_id": skills[target.competency].id,
                                "skill_level_id": levels[target.level].id,
                            }
                        )
                        for target in role.targets
                    ],
                },
                xmlid_prefix and f"{xmlid_prefix}_role_{role.key}",
            )
        return skill_type

    @api.model
    def _load_default_framework(self):
        """Load the framework and roles of ``data/lob_default_content.json`` once."""
        if self.env["ir.model.data"].search_count(
            [("module", "=", "lob_hrm"), ("name", "=like", "default_framework_%")], limit=1
        ):
            return
        self._load_framework(load_default_content(), xmlid_prefix="default")
