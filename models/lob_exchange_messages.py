# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The core's validation problems in the user's words and language.

The core says what and where (:mod:`lob_hrm.errors`: a code, parameters and an unworded
place); this is the one place that turns them into translated sentences, for a file and for
a stored record alike.
"""

from odoo import api, models
from odoo.exceptions import UserError

from ..lob_hrm import errors


class LobExchangeMessages(models.AbstractModel):
    _name = "lob.exchange.messages"
    _description = "LOB exchange problem messages"

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
        'Y', question 2". Returns (place, field key or None); the place is None when ``loc``
        passes no named item (a field at the top of the file or of a record)."""
        _ = self.env._
        # per collection: (wording with the item's name, wording with its number)
        wordings = {
            "templates": (_("Template '%(name)s'"), _("template %(number)s")),
            "sections": (_("section '%(name)s'"), _("section %(number)s")),
            "prompts": (None, _("question %(number)s")),
            "dimensions": (_("Career competency '%(name)s'"), _("career competency %(number)s")),
            "idiom": (_("Term '%(name)s'"), _("term %(number)s")),
            "avoid": (None, _("word to avoid %(number)s")),
            "rephrase": (None, _("wording %(number)s")),
        }
        place = errors.locate(data, loc)
        parts = []
        for step in place.steps:
            named, numbered = wordings[step.collection]
            parts.append(
                named % {"name": step.name}
                if named and step.name
                else numbered % {"number": step.number}
            )
        text = ", ".join(parts)
        return (text[:1].upper() + text[1:]) if text else None, place.field

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
            prefix = f"{place or self.env._('The file')}: " if problem.loc else ""
            lines.append(f"{prefix}{message}\n    ({problem.path})")
        if len(problems) > 50:
            lines.append(self.env._("... and %(count)s more.", count=len(problems) - 50))
        return lines

    @api.model
    def _record_problem_line(self, problem):
        """One problem of a stored record: the place in the record, then what is wrong."""
        place, field = self._place({}, problem.loc)
        if place is None:  # a field of the record itself
            place = self._field_labels().get(field, field or "").capitalize()
        return f"{place}: {self._problem_message(problem)}"

    @api.model
    def _raise_problems(self, problems, data=None):
        raise UserError(
            self.env._(
                "The file was not imported; nothing was changed.\n\n%(problems)s",
                problems="\n".join(self._problem_lines(problems, data)),
            )
        )
