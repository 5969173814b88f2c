# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The bridge between Odoo records and the Odoo-free core (``lob_hrm/``).

Records are turned into core schemas here, the core computes, and the results are written
back here. Import and export of the exchange format go through this model too, so that the
command line and Odoo validate a shared file with one and the same code.
"""

import re

from pydantic import ValidationError as SchemaError

from odoo import api, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tools import SQL

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


def create_shared_key_index(model):
    """``unique(key, company_id)`` lets shared records (no company) share a key, because
    PostgreSQL treats empty companies as distinct: a partial index closes that gap. Its
    name is a virtual ``_sql_constraints`` entry, so a clash reads as that entry's message."""
    model.env.cr.execute(
        SQL(
            "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (key) WHERE company_id IS NULL",
            SQL.identifier(f"{model._table}_key_shared_uniq"),
            SQL.identifier(model._table),
        )
    )


def check_shared_keys(records):
    """A shared record's key is used by no company's record, and the other way round: a
    company sees the shared records beside its own, so one key must name one record."""
    keyed = records.filtered("key")
    if not keyed:
        return
    everyone = keyed.sudo().with_context(active_test=False)
    groups = everyone._read_group([("key", "in", keyed.mapped("key"))], ["key"], ["id:recordset"])
    for key, group in groups:
        shared = group.filtered(lambda r: not r.company_id)
        if not shared or len(group) < 2:
            continue
        record = (group & keyed.sudo()) or group
        other = (group - record[:1])[:1]
        raise ValidationError(
            records.env._(
                "The key '%(key)s' of '%(name)s' is used by another record of %(where)s. "
                "A record shared with all companies needs a key that no company uses, and a "
                "company's record a key that no shared record uses.",
                key=key,
                name=record[:1].display_name,
                where=other.company_id.name or records.env._("all companies (shared)"),
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

    @api.model
    def _check_readable(self, records, build):
        """Stored records must always read back into the core's schemas (``build`` turns one
        into its schema): otherwise alignment, export and every later import would fail on
        them. Raises a ValidationError naming the record and the problem."""
        for record in records:
            try:
                build(record)
            except SchemaError as exc:
                problems = [
                    exchange.Problem(
                        exchange.json_path(err["loc"]),
                        err["type"],
                        err["msg"],
                        exchange._error_params(err),
                        err["loc"],
                    )
                    for err in exc.errors(include_url=False)
                ]
                details = []
                for problem in problems:
                    place, field = self._place({}, problem.loc)
                    if place == self.env._("The file"):  # a field of the record itself
                        place = self._field_labels().get(field, field or "").capitalize()
                    details.append(f"{place}: {self._problem_message(problem)}")
                raise ValidationError(
                    self.env._(
                        "'%(name)s' cannot be saved this way:\n%(problems)s",
                        name=record.display_name,
                        problems="\n".join(details),
                    )
                ) from None

    # -- messages ---------------------------------------------------------------------

    @api.model
    def _field_labels(self):
        """Labels of the exchange format's fields, in the user's terms and language."""
        _ = self.env._
        return {
            "key": _("key"),
            "name": _("name"),
            "term": _("term"),
            "title": _("title"),
            "text": _("question"),
            "question": _("guiding question"),
            "description": _("description"),
            "definition": _("definition"),
            "intro": _("introduction"),
            "guidance": _("guidance for the conductor"),
            "phase": _("phase"),
            "audience": _("audience"),
            "kind": _("kind of talk"),
            "respondent": _("answered by"),
            "answer_type": _("answer type"),
            "dimension": _("career competency"),
            "parent": _("central template"),
            "source": _("mirrored student template"),
            "mirrors": _("mirrored part"),
            "fingerprint": _("fingerprint"),
            "sections": _("sections"),
            "prompts": _("questions"),
            "avoid": _("words to avoid"),
            "rephrase": _("wordings"),
            "student": _("student wording"),
            "staff": _("staff wording"),
            "required": _("required"),
            "locked": _("locked"),
            "central": _("central framework"),
        }

    @api.model
    def _selection_labels(self, field):
        """The translated labels of a selection a file value must come from, or None."""
        fields_by_name = {
            "phase": ("lob.talk.template.section", "phase"),
            "audience": ("lob.talk.template", "audience"),
            "kind": ("lob.talk.template", "kind"),
            "respondent": ("lob.talk.template.prompt", "respondent"),
            "answer_type": ("lob.talk.template.prompt", "answer_type"),
        }
        if field not in fields_by_name:
            return None
        model, name = fields_by_name[field]
        return dict(self.env[model]._fields[name]._description_selection(self.env))

    @api.model
    def _place(self, data, loc):
        """Where ``loc`` points in the raw file, in the user's terms: "Template 'X', section
        'Y', question 2". Returns (place, field key or None)."""
        _ = self.env._
        parts = []
        node = data
        field = None
        loc = list(loc)
        index = 0

        def label(item, *names):
            if isinstance(item, dict):
                for name in names:
                    value = item.get(name)
                    # the name may hold the very NUL or line break the file is refused for
                    value = (
                        " ".join(value.replace("\x00", " ").split())
                        if isinstance(value, str)
                        else ""
                    )
                    if value:
                        return value[:60]
            return None

        collections = {
            "templates": (_("Template '%(name)s'"), _("template %(number)s"), ("name", "key")),
            "sections": (_("section '%(name)s'"), _("section %(number)s"), ("title", "key")),
            "prompts": (None, _("question %(number)s"), ()),
            "dimensions": (
                _("Career competency '%(name)s'"),
                _("career competency %(number)s"),
                ("name", "key"),
            ),
            "idiom": (_("Term '%(name)s'"), _("term %(number)s"), ("term", "key")),
            "avoid": (None, _("word to avoid %(number)s"), ()),
            "rephrase": (None, _("wording %(number)s"), ()),
        }
        while index < len(loc):
            part = loc[index]
            nxt = loc[index + 1] if index + 1 < len(loc) else None
            child = node.get(part) if isinstance(node, dict) else None
            if part in collections and isinstance(nxt, int):
                named, numbered, names = collections[part]
                item = child[nxt] if isinstance(child, list) and nxt < len(child) else None
                name = label(item, *names)
                parts.append(
                    named % {"name": name} if named and name else numbered % {"number": nxt + 1}
                )
                node = item
                index += 2
                continue
            field = part if isinstance(part, str) else field
            node = child
            index += 1
        place = ", ".join(parts)
        return (place[:1].upper() + place[1:]) if place else _("The file"), field

    @api.model
    def _problem_message(self, problem, field=None):
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
            "section": _("section"),
            "prompt": _("question"),
        }
        if "what" in params:
            params["what"] = what.get(params["what"], params["what"])
        labels = self._selection_labels(field) if field else None
        if problem.code == "enum" and labels:
            return _(
                "%(field)s '%(value)s' is not one of %(allowed)s.",
                field=self._field_labels().get(field, field).capitalize(),
                value=params.get("input", ""),
                allowed=", ".join(labels.values()),
            )
        messages = {
            "invalid_json": _("The file is not valid JSON (%(detail)s)."),
            "number_too_large": _("The file holds a number with too many digits."),
            "too_large": _("The file is larger than %(limit)s MB."),
            "not_object": _("The file must contain one JSON object."),
            "wrong_format": _("This is not an LOB exchange file (expected format '%(name)s')."),
            "wrong_version": _(
                "Unsupported version %(found)s; this version of the add-on reads version "
                "%(version)s."
            ),
            "empty_document": _(
                "The file holds no templates, career competencies, idiom, competency "
                "framework or roles."
            ),
            "duplicate_key": _("The key '%(key)s' occurs more than once."),
            "duplicate_rank": _("The rank %(rank)s occurs more than once."),
            "unknown_reference": _("Unknown %(what)s '%(key)s'."),
            "self_reference": _("A template cannot refer to itself."),
            "not_student_template": _("The mirrored source '%(key)s' is not a student template."),
            "source_not_staff": _("Only a staff template can mirror a student template."),
            "not_central_template": _("The parent '%(key)s' is not a central template."),
            "parent_audience": _(
                "The central template '%(key)s' is for another audience (%(audience)s)."
            ),
            "parent_cycle": _(
                "The central templates derive from each other in a circle: %(cycle)s."
            ),
            "unknown_mirror": _("The mirrored student template has no %(what)s '%(key)s'."),
            "mirror_without_source": _(
                "This part mirrors a student part, but the template mirrors no student template."
            ),
            "too_many_prompts": _("A file holds at most %(max_length)s questions."),
            "nul_character": _("The text contains a NUL character, which cannot be stored."),
            "string_unicode": _("The text contains an invalid character."),
            "line_break": _("This text must fit on one line."),
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
            "int_parsing": _("A whole number is expected here."),
            "int_from_float": _("A whole number is expected here."),
            "greater_than_equal": _("The number is too small (at least %(ge)s)."),
            "less_than_equal": _("The number is too large (at most %(le)s)."),
        }
        template = messages.get(problem.code)
        if template is None:
            return problem.message
        try:
            message = template % params
        except (KeyError, TypeError, ValueError):
            return problem.message
        if field and problem.code not in ("enum", "parent_cycle") and field in self._field_labels():
            message = f"{self._field_labels()[field].capitalize()}: {message}"
        return message

    @api.model
    def _problem_lines(self, problems, data=None):
        lines = []
        for problem in problems[:50]:
            place, field = self._place(data, problem.loc or ())
            message = self._problem_message(problem, field)
            # a problem of the whole file ("not valid JSON") is its own place
            prefix = f"{place}: " if problem.loc else ""
            lines.append(f"{prefix}{message}\n    ({problem.path})")
        if len(problems) > 50:
            lines.append(self.env._("... and %(count)s more.", count=len(problems) - 50))
        return lines

    @api.model
    def _raise_problems(self, problems, data=None):
        raise UserError(
            self.env._(
                "The file was not imported; nothing was changed.\n\n%(problems)s",
                problems="\n".join(self._problem_lines(problems, data)),
            )
        )

    @api.model
    def _load(self, raw):
        """Validate raw JSON with the core; a translated UserError names every problem, as a
        place in the user's terms with the JSON path as a detail."""
        data = None
        try:
            data = exchange.parse_json(raw)
            document = exchange.load_document(data)
        except exchange.ExchangeError as exc:
            self._raise_problems(exc.problems, data)
        if not (
            document.templates
            or document.dimensions
            or document.idiom
            or document.framework
            or document.roles
        ):
            self._raise_problems(
                [exchange.Problem("$", "empty_document", "the file holds nothing to import")]
            )
        return document

    # -- core -> records --------------------------------------------------------------

    @api.model
    def _content_fingerprint(self, template):
        """What makes two templates with one key "the same": everything but the names and
        descriptions (which a college may translate) and the links (resolved on import)."""
        return exchange.content_fingerprint(template)

    @api.model
    def _plan_import(self, document, company=None):
        """What importing ``document`` into ``company`` (None: shared) would do, without
        writing anything: an :class:`ImportPlan`."""
        company_id = company.id if company else False
        plan = ImportPlan(company_id)
        for model, items in (
            ("lob.dimension", document.dimensions),
            ("lob.idiom.term", document.idiom),
            ("lob.talk.template", document.templates),
        ):
            reusable, taken, foreign = self._existing_keys(
                model, [i.key for i in items], company_id
            )
            taken |= {item.key for item in items}
            for item in items:
                record = reusable.get(item.key)
                status, new_key = "new", None
                if record and model == "lob.talk.template":
                    try:
                        current = self._content_fingerprint(self._template_schema(record))
                    except ValueError:  # an incomplete template: its content differs
                        current = None
                    status = "same" if current == self._content_fingerprint(item) else "changed"
                elif record:
                    # career competencies and terms the college has are kept as they are
                    status = "same"
                if status == "changed" or (status == "new" and item.key in foreign):
                    new_key = slugify_key(item.key, taken)
                    taken.add(new_key)
                plan.add(model, item, status, record, new_key)
        return plan

    @api.model
    def _existing_keys(self, model, keys, company_id):
        """(reusable, taken, foreign) for importing records with ``keys`` into ``company_id``.

        ``reusable`` maps a key to the record the import may use instead of a new one: a
        company's import uses its own or a shared record, a shared import a shared one.
        ``taken`` are the keys a new record may not get; ``foreign`` the file's keys another
        company uses, which a shared import must replace (a shared key is unique across
        companies)."""
        Model = self.env[model].sudo().with_context(active_test=False)
        scope = [("company_id", "in", [company_id, False])] if company_id else []
        taken = {r["key"] for r in Model.search_read(scope, ["key"]) if r["key"]}
        reusable, foreign = {}, set()
        for record in Model.search([("key", "in", keys)]):
            if not record.company_id or record.company_id.id == company_id:
                reusable[record.key] = record.sudo(False)
            elif not company_id:
                foreign.add(record.key)
        return reusable, taken, foreign - set(reusable)

    @api.model
    def _apply_plan(self, plan, skip_changed=False, xmlid_prefix=None):
        """Write what ``plan`` says: create the new records (and copies of changed templates
        under their new key, unless ``skip_changed``), reuse the others, and resolve every
        link to the record now standing for its key. Creates in batches and refreshes the
        alignment once. Returns the plan, its ``result`` filled in."""
        company_id = plan.company_id
        records = {}  # (model, file key) -> the record standing for it
        for model in ("lob.dimension", "lob.idiom.term"):
            new = [e for e in plan.entries if e.model == model and e.status == "new"]
            for entry in plan.entries:
                if entry.model == model and entry.status != "new":
                    records[model, entry.item.key] = entry.record
            values = [
                self._vocabulary_values(model, entry, sequence, company_id)
                for sequence, entry in enumerate(new, start=1)
            ]
            created = self._create(
                model,
                values,
                [xmlid_prefix and f"{xmlid_prefix}_{XMLID_KINDS[model]}_{e.item.key}" for e in new],
            )
            for entry, record in zip(new, created, strict=True):
                entry.created = record
                records[model, entry.item.key] = record
        dimensions = {
            key: record for (model, key), record in records.items() if model == "lob.dimension"
        }

        templates = {e.item.key: e for e in plan.entries if e.model == "lob.talk.template"}
        Template = self.env["lob.talk.template"].with_context(lob_skip_alignment=True)
        created = Template
        keyed = {}
        for level in plan.template_levels():
            batch = []
            for key in level:
                entry = templates[key]
                if entry.status == "same" or (entry.status == "changed" and skip_changed):
                    keyed[key] = entry.record
                    entry.skipped = entry.status == "changed"
                    continue
                batch.append(entry)
            values = [
                self._template_values(
                    entry.item, dimensions, keyed, company_id, len(keyed) + sequence, entry.new_key
                )
                for sequence, entry in enumerate(batch, start=1)
            ]
            new = self._create(
                Template,
                values,
                [xmlid_prefix and f"{xmlid_prefix}_template_{entry.item.key}" for entry in batch],
            )
            for entry, template in zip(batch, new, strict=True):
                entry.created = template
                keyed[entry.item.key] = template
            created |= new
        created._lob_refresh_alignment()
        plan.templates = created | self.env["lob.talk.template"].browse(
            [r.id for r in keyed.values()]
        )
        return plan

    @api.model
    def _vocabulary_values(self, model, entry, sequence, company_id):
        item = entry.item
        key = entry.new_key or item.key
        if model == "lob.dimension":
            return {
                "key": key,
                "name": item.name,
                "question": item.question,
                "description": item.description,
                "sequence": sequence * 10,
                "company_id": company_id,
            }
        return {
            "key": key,
            "term": item.term,
            "definition": item.definition,
            "avoid": "\n".join(item.avoid),
            "company_id": company_id,
            "rephrase_ids": [
                Command.create({"student": r.student, "staff": r.staff}) for r in item.rephrase
            ],
        }

    @api.model
    def _import_document(self, document, company=None, xmlid_prefix=None, skip_changed=False):
        """Import a validated ``document``: new records are created, a template whose key
        exists with the same content is reused, one with other content is imported as a
        copy under a new key (or, with ``skip_changed``, the existing one is used).

        With ``xmlid_prefix``, created records get XML ids ``lob_hrm.<prefix>_<kind>_<key>``
        (noupdate), which is how the default content loads. Returns the templates the file's
        templates stand for now (created and reused)."""
        plan = self._plan_import(document, company)
        return self._apply_plan(plan, skip_changed, xmlid_prefix).templates

    @api.model
    def _link_values(self, link):
        return {
            "mirror_key": link.key if link else False,
            "mirror_fingerprint": link.fingerprint if link else False,
        }

    @api.model
    def _template_values(self, item, dimensions, keyed, company_id, sequence, key=None):
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
        source = keyed[item.source.key] if item.source else None
        return {
            "key": key or item.key,
            "name": item.name,
            "audience": item.audience.value,
            "kind": item.kind.value,
            "description": item.description,
            "central": item.central,
            "sequence": sequence * 10,
            "company_id": company_id,
            "parent_id": parent.id if parent else False,
            "source_id": source.id if source else False,
            "source_fingerprint": item.source.fingerprint if item.source else False,
            "section_ids": sections,
        }

    @api.model
    def _create(self, model, values, xmlids=()):
        """Create ``values`` (a list) in one batch; ``xmlids`` name them (noupdate)."""
        Model = self.env[model] if isinstance(model, str) else model
        if not values:
            return Model
        records = Model.create(values)
        data = [
            {
                "module": "lob_hrm",
                "name": xmlid,
                "model": record._name,
                "res_id": record.id,
                "noupdate": True,
            }
            for record, xmlid in zip(records, xmlids, strict=False)
            if xmlid
        ]
        if data:
            self.env["ir.model.data"].create(data)
        return records

    def _create_one(self, model, values, xmlid=None):
        """Create one record from ``values``, named ``xmlid`` (noupdate) when given."""
        return self._create(model, [values], [xmlid])

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
            raise self._framework_export_error(skill_type, exc) from exc
        return exchange.dump_document(document)

    @api.model
    def _framework_export_error(self, skill_type, exc):
        """Why ``skill_type`` cannot be exported (yet), as its reader understands it."""
        return UserError(
            self.env._(
                "The framework '%(framework)s' cannot be exported yet:\n%(error)s",
                framework=skill_type.name,
                error=exc,
            )
        )

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
            skill_type = self._create_one(
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
                levels[level.key] = self._create_one(
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
                areas[area.key] = self._create_one(
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
            skills[competency.key] = self._create_one(
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
            self._create_one(
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


XMLID_KINDS = {"lob.dimension": "dimension", "lob.idiom.term": "idiom"}


class ImportEntry:
    """One record of the file and what the import does with it."""

    __slots__ = ("created", "item", "model", "new_key", "record", "skipped", "status")

    def __init__(self, model, item, status, record, new_key):
        self.model = model
        self.item = item
        self.status = status  # new | same | changed
        self.record = record  # the existing record with the key (same, changed)
        self.new_key = new_key  # the key of a new record when the file's key is taken
        self.created = None
        self.skipped = False


class ImportPlan:
    """What an import does with each record of a file; filled in by ``_apply_plan``."""

    def __init__(self, company_id):
        self.company_id = company_id
        self.entries = []
        self.templates = None

    def add(self, model, item, status, record, new_key):
        self.entries.append(ImportEntry(model, item, status, record, new_key))

    def template_levels(self):
        """The file's template keys in batches, each after the templates it refers to
        (parents and sources), whatever their order in the file. The core has refused
        cycles and unknown references already."""
        items = {e.item.key: e.item for e in self.entries if e.model == "lob.talk.template"}
        depth = {}
        for start in items:
            stack = [start]
            while stack:  # iterative: a chain of central templates may be long
                key = stack[-1]
                item = items[key]
                refs = [r for r in (item.parent, item.source and item.source.key) if r]
                pending = [r for r in refs if r not in depth]
                if key in depth or not pending:
                    depth.setdefault(key, 1 + max((depth[r] for r in refs), default=-1))
                    stack.pop()
                else:
                    stack.extend(pending)
        levels = [[] for _ in range(max(depth.values(), default=-1) + 1)]
        for key in items:  # file order within a level
            levels[depth[key]].append(key)
        return levels

    def count(self, model, status):
        return sum(1 for e in self.entries if e.model == model and e.status == status)
