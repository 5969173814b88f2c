"""What an upgrade must keep: every record of the add-on's models and of ``hr.skill*``, with
the values HR or the talks stored in them (computed fields excepted), their links, and the
activities and messages on them. Written before the upgrade, compared after it."""

from __future__ import annotations

# models outside the add-on's ``lob.*`` whose records the add-on creates or links to
EXTRA_MODELS = ("hr.skill.type", "hr.skill.level", "hr.skill", "hr.employee.skill")
# columns every record has, or that only say when a record was last written
SKIPPED_FIELDS = {"id", "create_uid", "create_date", "write_uid", "write_date"}
# values stored as data, compared one by one (json, binary and html are left out: the
# alignment's json is recomputed, files are not what an upgrade moves)
COMPARED_TYPES = {
    "boolean",
    "char",
    "date",
    "datetime",
    "float",
    "integer",
    "many2many",
    "many2one",
    "monetary",
    "selection",
    "text",
}


def checked_models(env):
    """The stored models whose records an upgrade must keep, in name order."""
    names = []
    for name in sorted(env.registry.models):
        model = env[name]
        if not (name.startswith("lob.") or name in EXTRA_MODELS):
            continue
        if model._transient or model._abstract or not model._auto:
            continue
        names.append(name)
    return names


def compared_fields(model):
    """Stored fields holding data of their own (not computed, not related)."""
    return sorted(
        name
        for name, field in model._fields.items()
        if field.store
        and not field.compute
        and not field.related
        and field.type in COMPARED_TYPES
        and name not in SKIPPED_FIELDS
    )


def _plain(field, value):
    if field.type == "many2one":
        return value[0] if value else None
    if field.type == "many2many":
        return sorted(value)
    if value is False and field.type != "boolean":
        return None
    return value if isinstance(value, (bool, int, float, str, type(None))) else str(value)


def records(env):
    """{model: {"fields": {name: type}, "rows": {id: {field: value}}}}."""
    out = {}
    for name in checked_models(env):
        model = env[name].with_context(active_test=False)
        names = compared_fields(model)
        rows = {}
        for row in model.search_read([], names, order="id"):
            rows[str(row["id"])] = {f: _plain(model._fields[f], row[f]) for f in names}
        out[name] = {"fields": {f: model._fields[f].type for f in names}, "rows": rows}
    return out


def activities(env):
    """Open activities on the add-on's records, and the number of messages per model."""
    env.cr.execute(
        """
        SELECT id, res_model, res_id, activity_type_id, user_id, summary
          FROM mail_activity WHERE res_model LIKE 'lob.%%' ORDER BY id
        """
    )
    acts = {str(r[0]): list(r[1:]) for r in env.cr.fetchall()}
    env.cr.execute(
        "SELECT model, count(*) FROM mail_message WHERE model LIKE 'lob.%%' GROUP BY model"
    )
    return {"activities": acts, "messages": dict(env.cr.fetchall())}


def take(env):
    return {"records": records(env), **activities(env)}
