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
    def _field_labels(self, section=None):
        """Labels of the exchange format's fields, in the user's terms and language;
        ``section`` is the document's list the problem is in (an instrument's "kind" is not
        a talk's)."""
        _ = self.env._
        if section == "instruments":
            return {
                **self._field_labels(),
                "kind": _("kind of instrument"),
                "phase": _("phase"),
                "audience": _("audience"),
            }
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
            "file": _("file"),
            "data": _("file content"),
            "mimetype": _("file type"),
            "link": _("link"),
            "language": _("language"),
            "author": _("author"),
            "indicator": _("indicator"),
            "target": _("target"),
            "baseline": _("baseline"),
            "pillar": _("pillar"),
            "story": _("bigger story"),
            "contribution": _("contribution"),
            "vision": _("vision"),
            "school_year_from": _("from school year"),
            "school_year_to": _("to school year"),
        }

    @api.model
    def _selection_labels(self, field, section=None):
        """The translated labels of a selection a file value must come from, or None."""
        if section == "instruments" and field in ("kind", "audience", "phase"):
            selection = self.env["lob.instrument"]._fields[field]
            return dict(selection._description_selection(self.env))
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
            "instruments": (_("Instrument '%(name)s'"), _("instrument %(number)s")),
            "policy_frames": (_("Policy frame '%(name)s'"), _("policy frame %(number)s")),
            "pillars": (_("pillar '%(name)s'"), _("pillar %(number)s")),
            "goals": (_("goal '%(name)s'"), _("goal %(number)s")),
            "bigger_story": (_("bigger story '%(name)s'"), _("bigger story %(number)s")),
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
            "pillar": _("pillar"),
        }
        if "what" in params:
            params["what"] = what.get(params["what"], params["what"])
        if problem.code == "out_of_range":
            params["field"] = self._field_labels().get(params.get("field"), params.get("field"))
        section = problem.loc[0] if problem.loc else None
        labels = self._selection_labels(field, section) if field else None
        if problem.code == "enum" and labels:
            return _(
                "%(field)s '%(value)s' is not one of %(allowed)s.",
                field=self._field_labels(section).get(field, field).capitalize(),
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
                "framework, roles, instruments or policy frame."
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
            "float_type": _("A number is expected here."),
            "float_parsing": _("A number is expected here."),
            "file_type": _(
                "The file is not a document or an image (%(mimetype)s): instruments carry "
                "PDF, Office or OpenDocument files, plain text or images."
            ),
            "file_too_large": _(
                "The file is %(size)s MB; an instrument file may be at most %(limit)s MB."
            ),
            "file_base64": _("The file's content is not valid base64."),
            "file_content": _("The content of the file '%(name)s' is not a %(mimetype)s file."),
            "invalid_link": _("A link starts with http:// or https://."),
            "invalid_language": _("'%(input)s' is not a language code such as nl_NL."),
            "unknown_indicator": _(
                "Unknown indicator '%(indicator)s': a goal is measured by one of the "
                "monitor's indicators."
            ),
            "out_of_range": _(
                "The %(field)s %(value)s is outside the range of the indicator (%(range)s)."
            ),
            "period_reversed": _("The period cannot end before it starts."),
            "less_than_equal": _("The number is too large (at most %(le)s)."),
        }
        template = messages.get(problem.code)
        if template is None:
            return problem.message
        try:
            message = template % params
        except (KeyError, TypeError, ValueError):
            return problem.message
        field_labels = self._field_labels(section)
        if (
            field
            and problem.code not in ("enum", "parent_cycle", "out_of_range")
            and field in field_labels
        ):
            message = f"{field_labels[field].capitalize()}: {message}"
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
