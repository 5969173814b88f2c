# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import: a validated exchange document into records, planned first (what is new, the
same or changed) and then written in batches, in one transaction. Also loads the default
content and competency framework on install."""

from odoo import api, models

from ..lob_hrm import exchange
from ..lob_hrm.content import load_default_content
from ..lob_hrm.keys import slugify_key

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

    def __init__(self, company_id, options=None):
        self.company_id = company_id
        self.entries = []
        self.templates = None
        # the wizard's choices a model's import hook may use (a policy's school year)
        self.options = dict(options or {})
        # (model, file key) -> the record standing for it, filled in by ``_apply_plan``
        self.records = {}

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

    def to_create(self, model, skip_changed=False):
        """The entries of ``model`` that an import creates: new ones, and copies of changed
        ones unless they are skipped."""
        return [
            e
            for e in self.entries
            if e.model == model
            and (e.status == "new" or (e.status == "changed" and not skip_changed))
        ]

    def records_of(self, env, model):
        """The records the file's items of ``model`` stand for now (created and reused)."""
        return env[model].browse(
            [r.id for (m, _key), r in self.records.items() if m == model and r]
        )


class LobExchangeImport(models.AbstractModel):
    _name = "lob.exchange.import"
    _description = "LOB exchange import"

    # -- core -> records --------------------------------------------------------------

    @api.model
    def _content_fingerprint(self, template):
        """What makes two templates with one key "the same": everything but the names and
        descriptions (which a college may translate) and the links (resolved on import)."""
        return exchange.content_fingerprint(template)

    @api.model
    def _exchange_models(self):
        """The models whose records travel one by one through the generic plan: those of
        ``lob.key.mixin`` that name their section of the document (a small registry that
        grows by declaring ``_lob_exchange_section`` on a model)."""
        names = [
            name
            for name in self.env["lob.key.mixin"]._inherit_children
            if name in self.env and self.env[name]._lob_exchange_section
        ]
        return sorted(names, key=lambda name: (self.env[name]._lob_exchange_sequence, name))

    @api.model
    def _plan_import(self, document, company=None, options=None):
        """What importing ``document`` into ``company`` (None: shared) would do, without
        writing anything: an :class:`ImportPlan`."""
        company_id = company.id if company else False
        plan = ImportPlan(company_id, options)
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
                        current = self._content_fingerprint(record._lob_exchange_schema())
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
        for model in self._exchange_models():
            self._plan_items(plan, model, getattr(document, self.env[model]._lob_exchange_section))
        return plan

    @api.model
    def _plan_items(self, plan, model, items):
        """Plan the file's ``items`` of a generic ``model``: a key the company has already is
        "same" when the content's fingerprint matches, "changed" (a copy under a new key, or
        skipped) when not. Refuses up front what cannot be created (``_lob_exchange_check``)."""
        Model = self.env[model]
        company_id = Model._lob_exchange_company(plan.company_id)
        reusable, taken, foreign = self._existing_keys(model, [i.key for i in items], company_id)
        taken |= {item.key for item in items}
        for item in items:
            record = reusable.get(item.key)
            status, new_key = "new", None
            if record:
                try:
                    current = Model._lob_exchange_fingerprint(record._lob_exchange_schema())
                except ValueError:  # a record the format cannot hold: its content differs
                    current = None
                status = "same" if current == Model._lob_exchange_fingerprint(item) else "changed"
            if status == "changed" or (status == "new" and item.key in foreign):
                new_key = slugify_key(item.key, taken)
                taken.add(new_key)
            plan.add(model, item, status, record, new_key)
        Model._lob_exchange_check([e for e in plan.to_create(model) if e.status == "new"], plan)

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
                # its own prefetch set: other companies' records with the key are not readable
                reusable[record.key] = Model.browse(record.id).sudo(False)
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
        # refuse before anything is written
        for model in self._exchange_models():
            self.env[model]._lob_exchange_check(plan.to_create(model, skip_changed), plan)
        records = plan.records  # (model, file key) -> the record standing for it
        for model in ("lob.dimension", "lob.idiom.term"):
            new = [e for e in plan.entries if e.model == model and e.status == "new"]
            for entry in plan.entries:
                if entry.model == model and entry.status != "new":
                    records[model, entry.item.key] = entry.record
            values = [
                self.env[model]._lob_exchange_values(
                    entry.item, sequence, company_id, entry.new_key
                )
                for sequence, entry in enumerate(new, start=1)
            ]
            created = self._create_entries(model, new, values, XMLID_KINDS[model], xmlid_prefix)
            for entry, record in zip(new, created, strict=True):
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
                Template._lob_exchange_values(
                    entry.item, dimensions, keyed, company_id, len(keyed) + sequence, entry.new_key
                )
                for sequence, entry in enumerate(batch, start=1)
            ]
            new = self._create_entries(Template, batch, values, "template", xmlid_prefix)
            for entry, template in zip(batch, new, strict=True):
                keyed[entry.item.key] = template
            created |= new
        created._lob_refresh_alignment()
        plan.templates = created | self.env["lob.talk.template"].browse(
            [r.id for r in keyed.values()]
        )
        for key, template in keyed.items():
            records["lob.talk.template", key] = template
        for model in self._exchange_models():
            self._apply_items(plan, model, skip_changed, xmlid_prefix)
        return plan

    @api.model
    def _apply_items(self, plan, model, skip_changed=False, xmlid_prefix=None):
        """Create the plan's new items of a generic ``model`` (and copies of changed ones
        unless ``skip_changed``) in one batch; the others stand for the existing record."""
        Model = self.env[model]
        company_id = Model._lob_exchange_company(plan.company_id)
        batch = []
        for entry in plan.entries:
            if entry.model != model:
                continue
            if entry.status == "same" or (entry.status == "changed" and skip_changed):
                entry.skipped = entry.status == "changed"
                plan.records[model, entry.item.key] = entry.record
            else:
                batch.append(entry)
        values = [
            Model._lob_exchange_import_values(
                entry.item, entry.new_key or entry.item.key, company_id, plan
            )
            for entry in batch
        ]
        kind = Model._lob_exchange_section
        for entry, record in zip(
            batch, self._create_entries(model, batch, values, kind, xmlid_prefix), strict=True
        ):
            plan.records[model, entry.item.key] = record

    @api.model
    def _import_document(
        self, document, company=None, xmlid_prefix=None, skip_changed=False, options=None
    ):
        """Import a validated ``document``: new records are created, a template whose key
        exists with the same content is reused, one with other content is imported as a
        copy under a new key (or, with ``skip_changed``, the existing one is used).

        With ``xmlid_prefix``, created records get XML ids ``lob_hrm.<prefix>_<kind>_<key>``
        (noupdate), which is how the default content loads. Returns the templates the file's
        templates stand for now (created and reused)."""
        plan = self._plan_import(document, company, options)
        return self._apply_plan(plan, skip_changed, xmlid_prefix).templates

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

    @api.model
    def _create_entries(self, model, entries, values, kind, xmlid_prefix=None):
        """Create the plan's ``entries`` from ``values`` (one each) and note them created;
        with ``xmlid_prefix`` they are named ``<prefix>_<kind>_<file key>``."""
        xmlids = [xmlid_prefix and f"{xmlid_prefix}_{kind}_{e.item.key}" for e in entries]
        records = self._create(model, values, xmlids)
        for entry, record in zip(entries, records, strict=True):
            entry.created = record
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
                SkillType._lob_exchange_values(item),
                xmlid_prefix and f"{xmlid_prefix}_framework_{item.key}",
            )
        top_rank = max(level.rank for level in item.levels)
        levels = {level.lob_key: level for level in skill_type.skill_level_ids if level.lob_key}
        for level in item.levels:
            if level.key not in levels:
                levels[level.key] = self._create_one(
                    "hr.skill.level",
                    self.env["hr.skill.level"]._lob_exchange_values(level, skill_type, top_rank),
                    xmlid_prefix and f"{xmlid_prefix}_level_{level.key}",
                )
        areas = {area.key: area for area in skill_type.lob_area_ids if area.key}
        for sequence, area in enumerate(item.areas, start=1):
            if area.key not in areas:
                areas[area.key] = self._create_one(
                    "lob.competency.area",
                    self.env["lob.competency.area"]._lob_exchange_values(
                        area, skill_type, sequence
                    ),
                    xmlid_prefix and f"{xmlid_prefix}_area_{area.key}",
                )
        skills = {skill.lob_key: skill for skill in skill_type.skill_ids if skill.lob_key}
        for sequence, competency in enumerate(item.competencies, start=1):
            if competency.key in skills:
                continue
            skills[competency.key] = self._create_one(
                "hr.skill",
                self.env["hr.skill"]._lob_exchange_values(
                    competency, skill_type, sequence, areas, levels
                ),
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
                Role._lob_exchange_values(role, skill_type, sequence, company_id, skills, levels),
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
