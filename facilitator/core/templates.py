"""Ready-made agendas: the app's own templates and the ones a facilitator saves.

A template is a workshop's title, purpose and agenda, with nothing about
people: no names, no decisions, no actions. The app's templates are JSON
files in ``easyread_templates/`` (English) and in a folder for each other
language they are written in (``easyread_templates/cy/``, Welsh); a
facilitator's own are kept in the library. Both use the same document shape
(see docs/file-format.md). A workshop made from a template is in the
template's language.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.core.exchange import FieldChecker
from facilitator.core.library import Library
from facilitator.core.model import AgendaItem, Workshop, new_id
from facilitator.i18n import _, is_language
from facilitator.resources import templates_dir

FORMAT = 1
KIND = "facilitator-template"
BUILT_IN = "builtin:"
MAX_ITEMS = 200


@dataclass
class Template:
    name: str
    title: str
    about: str = ""
    purpose: str = ""
    agenda: list[AgendaItem] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    language: str = "en"  # the language its words are in, and the language of workshops made from it

    @property
    def built_in(self) -> bool:
        return self.id.startswith(BUILT_IN)

    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)


class TemplateRefused(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def template_document(template: Template) -> dict:
    return {
        "format": FORMAT,
        "kind": KIND,
        "name": template.name,
        "language": template.language,
        "about": template.about,
        "title": template.title,
        "purpose": template.purpose,
        "agenda": [
            {
                "title": item.title,
                "plain_words": item.plain_words,
                "picture": item.picture,
                "minutes": item.minutes,
                "kind": item.kind.value,
                "notes": item.notes,
                # What to bring is kept for next time; who leads it is a person's name and is not.
                **({"to_bring": item.to_bring} if item.to_bring else {}),
            }
            for item in template.agenda
        ],
    }


def parse_template(data: object, template_id: str) -> Template:
    """Check a template document; ``TemplateRefused`` lists every problem."""
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise TemplateRefused([_("This is not a facilitator template.")])
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= FORMAT:
        raise TemplateRefused([_("This template was made by another version of facilitator.")])
    checker = FieldChecker()
    texts = {}
    for name, required in (("name", True), ("title", True), ("about", False), ("purpose", False)):
        value = data.get(name) or ""
        if not isinstance(value, str) or (required and not value.strip()):
            checker.problem(_("The template has no {field}.").format(field=name))
        else:
            texts[name] = value.strip()
    agenda = data.get("agenda")
    items = []
    if not isinstance(agenda, list) or not 1 <= len(agenda) <= MAX_ITEMS:
        checker.problem(_("The template should have from 1 to {limit} agenda items.").format(limit=MAX_ITEMS))
    else:
        for n, values in enumerate(agenda, start=1):
            item = checker.build(AgendaItem, values, _("Agenda item {n}").format(n=n))
            if item is not None:
                items.append(item)
    language = data.get("language", "en")
    if not isinstance(language, str) or not is_language(language):
        checker.problem(_("The template's language should be a code such as en or cy."))
    if checker.problems:
        raise TemplateRefused(checker.report())
    return Template(agenda=items, id=template_id, language=language.strip(), **texts)


def template_languages(folder: Path | None = None) -> list[str]:
    """The languages the app's own templates are written in: English, then each language's folder."""
    folder = folder or templates_dir()
    others = sorted(path.name for path in folder.iterdir()
                    if path.is_dir() and is_language(path.name) and any(path.glob("*.json")))
    return ["en", *others]


def built_in_templates(folder: Path | None = None, language: str = "en") -> tuple[list[Template], list[str]]:
    """The app's own templates in ``language``, by name, and a line for each file that could not be read."""
    folder = folder or templates_dir()
    if language != "en":
        folder = folder / language
    found, problems = [], []
    for path in sorted(folder.glob("*.json")):
        template_id = BUILT_IN + path.stem if language == "en" else f"{BUILT_IN}{language}/{path.stem}"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                data.setdefault("language", language)
            found.append(parse_template(data, template_id))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(_("The template {name} cannot be read: {reason}").format(name=path.name, reason=error))
        except TemplateRefused as error:
            problems.append(_("The template {name} is not right: {reason}").format(name=path.name, reason=error.problems[0]))
    found.sort(key=lambda t: t.name.casefold())
    return found, problems


def saved_templates(library: Library) -> list[Template]:
    """The templates the facilitator saved in this library (unreadable ones are skipped)."""
    found = []
    for template_id, document in library.template_documents():
        try:
            found.append(parse_template(json.loads(document), template_id))
        except (json.JSONDecodeError, TemplateRefused):
            continue
    return found


def save_template(library: Library, template: Template) -> Template:
    """Keep a template in the library. One that could not be read back is refused (``TemplateRefused``)."""
    parse_template(template_document(template), template.id)
    library.add_template(template.id, template.name, json.dumps(template_document(template), ensure_ascii=False))
    return template


def template_from_workshop(workshop: Workshop, name: str, about: str = "", keep_notes: bool = False) -> Template:
    """A template of a workshop's agenda. People, decisions, actions, pronunciations (mostly of people's
    names) and who leads each item are left out."""
    agenda = _fresh_copies(workshop.agenda)
    for item in agenda:
        item.led_by = ""  # a person's name: not kept in a template (what to bring is)
        if not keep_notes:
            item.notes = ""
    return Template(name=name.strip(), about=about.strip(), title=workshop.title, purpose=workshop.purpose, agenda=agenda,
                    language=workshop.language)


def workshop_from_template(template: Template, **details) -> Workshop:
    """A new workshop with the template's agenda (every item new). ``details`` sets date, place..."""
    agenda = _fresh_copies(template.agenda)
    return Workshop(**{"title": template.title, "purpose": template.purpose, "language": template.language, **details,
                       "agenda": agenda})


def _fresh_copies(items: list[AgendaItem]) -> list[AgendaItem]:
    """Copies of agenda items, each with a new id, sharing nothing with the originals."""
    copies = copy.deepcopy(items)
    for item in copies:
        item.id = new_id()
    return copies
