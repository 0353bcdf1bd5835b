"""What the people coming need, at a glance, so the facilitator can prepare.

``needs_at_a_glance`` sums up the access needs of the people coming in one line
of plain words, in the facilitator's own language (the app's, not the
workshop's): "2 people need large print · 1 person needs an interpreter ·
hearing loop". Needs that each person needs for themselves are counted; things
the room has once for everyone (a hearing loop, step-free access, extra breaks)
are only named. Who is coming follows ``Workshop.people_there``: once anyone is
ticked as came, the needs of those who came.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.core.model import AccessNeed, Workshop
from facilitator.i18n import _, ngettext

SEPARATOR = " · "

# Needs each person has for themselves: how many people to prepare for.
COUNTED: dict[AccessNeed, Callable[[int], str]] = {
    AccessNeed.LARGE_PRINT: lambda n: ngettext("{n} person needs large print", "{n} people need large print", n),
    AccessNeed.EASY_READ: lambda n: ngettext("{n} person needs easy read", "{n} people need easy read", n),
    AccessNeed.AUDIO: lambda n: ngettext("{n} person needs audio", "{n} people need audio", n),
    AccessNeed.INTERPRETER: lambda n: ngettext(
        "{n} person needs an interpreter", "{n} people need an interpreter", n),
    AccessNeed.SUPPORTER: lambda n: ngettext(
        "{n} person comes with a supporter", "{n} people come with a supporter", n),
}
# Things the room has once for everyone: named, not counted.
FOR_THE_ROOM: dict[AccessNeed, Callable[[], str]] = {
    AccessNeed.HEARING_LOOP: lambda: _("hearing loop"),
    AccessNeed.STEP_FREE: lambda: _("step-free access"),
    AccessNeed.BREAKS: lambda: _("extra breaks"),
}


def needs_list(workshop: Workshop) -> list[str]:
    """Each need of the people coming, in words, in the order of ``AccessNeed``, then other needs counted."""
    there = workshop.people_there()
    said = []
    for need in AccessNeed:
        count = sum(1 for person in there if need in person.access_needs)
        if not count:
            continue
        said.append(COUNTED[need](count).format(n=count) if need in COUNTED else FOR_THE_ROOM[need]())
    others = sum(1 for person in there if person.other_needs.strip())
    if others:
        said.append(ngettext("{n} person asked for something else", "{n} people asked for something else",
                             others).format(n=others))
    return said


def needs_at_a_glance(workshop: Workshop) -> str:
    """The needs of the people coming on one line, "" when nobody asked for anything."""
    return SEPARATOR.join(needs_list(workshop))
