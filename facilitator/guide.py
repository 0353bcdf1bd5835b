"""How to run a workshop with facilitator: the steps and the keys, in plain words, as plain data.

The Help window shows it and ``printing/guide.py`` prints it. Each step names its keys by Qt's
portable names ("F5", "Ctrl+P", "Right"), so a test can check that every key named here is one that
really works: in the main window's menus, or on the presenter's console.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.summary import Entry, Section
from facilitator.i18n import N_, _, language_now, right_to_left

WINDOW = "window"  # a key of the main window's menus
PRESENTING = "presenting"  # a key of the presenter's console and the big screen
LEFT_TO_RIGHT_MARK = "\u200e"

# Keys said in words; the others are written as they are on the keyboard ("F5", "Ctrl+P", "R").
KEY_WORDS = {
    "Right": N_("the right arrow"),
    "Left": N_("the left arrow"),
    "PgDown": N_("Page Down"),
    "PgUp": N_("Page Up"),
    "Space": N_("the Space bar"),
    "Return": N_("Enter"),
}


@dataclass(frozen=True)
class Step:
    words: str  # in English, marked with N_; {keys} is where the keys go
    picture: str  # a word of the picture vocabulary
    keys: tuple[str, ...] = ()
    where: str = WINDOW


@dataclass(frozen=True)
class Part:
    key: str
    heading: str  # in English, marked with N_
    picture: str  # a word of the picture vocabulary
    steps: tuple[Step, ...]


PARTS = (
    Part("guide-plan", N_("1. Plan the workshop"), "plan", (
        Step(N_("Look at the demo workshop first. It shows every part filled in."), "information"),
        Step(N_("Press {keys} to make a workshop from a template."), "list", ("Ctrl+Shift+N",)),
        Step(N_("Write the title, the date, the start time and the place."), "calendar"),
        Step(N_("Press {keys} to add an item to the agenda."), "agenda", ("Ctrl+Shift+A",)),
        Step(N_("Give each item its minutes and a picture."), "clock"),
        Step(N_("The time bar at the top says if the agenda fits the time you have."), "time"),
        Step(N_("A wavy line under a word means it is a hard word. Right-click it to find a plainer one."),
             "easy read"),
        Step(N_("Press {keys} to look up a word."), "find", ("Ctrl+L",)),
        Step(N_("Press {keys} to hear the chosen item read aloud."), "speaker", ("F7",)),
        Step(N_("Press {keys} to stop reading."), "stop", ("F8",)),
        Step(N_("Press {keys} to undo a change."), "again", ("Ctrl+Z",)),
    )),
    Part("guide-people", N_("2. Who is coming"), "people", (
        Step(N_("Add the people on the People tab."), "people"),
        Step(N_("Tick what helps each person take part, like large print or a hearing loop."), "access"),
        Step(N_("Names stay on this computer. Printouts leave them out unless you choose."), "private"),
    )),
    Part("guide-print", N_("3. Print what the room needs"), "printer", (
        Step(N_("Press {keys} to print or save as PDF."), "printer", ("Ctrl+P",)),
        Step(N_("Print the agenda handout. Print picture cards to hold up."), "paper"),
    )),
    Part("guide-present", N_("4. On the day"), "projector", (
        Step(N_("Plug in the projector first."), "projector"),
        Step(N_("Press {keys} to start presenting."), "start", ("F5",)),
        Step(N_("Press {keys} to start from the chosen item."), "next", ("Shift+F5",)),
        Step(N_("The room sees the big screen. You see the console on the laptop, with your notes."), "laptop"),
    )),
    Part("guide-keys", N_("5. Keys while you present"), "laptop", (
        Step(N_("Press {keys} for the next screen."), "next", ("Right", "PgDown"), PRESENTING),
        Step(N_("Press {keys} to go back."), "look back", ("Left", "PgUp"), PRESENTING),
        Step(N_("Press {keys} to pause the timer. Press it again to go on."), "wait", ("Space",), PRESENTING),
        Step(N_("Press {keys} to read the big screen aloud."), "speaker", ("R",), PRESENTING),
        Step(N_("Press {keys} to blank the big screen. Press it again to show it."), "quiet", ("B",), PRESENTING),
        Step(N_("Press {keys} to write down a decision."), "decide", ("D",), PRESENTING),
        Step(N_("Press {keys} when the room agrees the decision as it is written."), "agree", ("Y",), PRESENTING),
        Step(N_("Press {keys} to write down an idea."), "idea", ("I",), PRESENTING),
        Step(N_("Press {keys} to keep a question for later."), "question", ("Q",), PRESENTING),
        Step(N_("Press {keys} to write down an action: who does what."), "action", ("A",), PRESENTING),
        Step(N_("Press {keys} to stop presenting. It asks you first. Press it again to stop."), "stop", ("Esc",),
             PRESENTING),
    )),
    Part("guide-after", N_("6. After the workshop"), "write", (
        Step(N_("Look at the Decisions and actions tab. Put right anything that is wrong."), "check"),
        Step(N_("Press {keys} to print the easy-read summary for everyone."), "summary", ("Ctrl+P",)),
        Step(N_("Press {keys} to plan the group's next meeting."), "calendar", ("Ctrl+Shift+M",)),
        Step(N_("Press {keys} to see what the group decided before."), "look back", ("Ctrl+Shift+D",)),
    )),
    Part("guide-help", N_("Help when you need it"), "help", (
        Step(N_("Press {keys} to read this guide again."), "help", ("F1",)),
        Step(N_("Press {keys} to make all the words bigger."), "large print", ("Ctrl++",)),
        Step(N_("Press {keys} to make them smaller again."), "see", ("Ctrl+-",)),
    )),
)


def guide_title() -> str:
    return _("How to run a workshop with facilitator")


def key_words(key: str) -> str:
    """One key as the guide says it, in the language now; a key kept left to right in a right-to-left one."""
    if key in KEY_WORDS:
        return _(KEY_WORDS[key])
    return f"{LEFT_TO_RIGHT_MARK}{key}{LEFT_TO_RIGHT_MARK}" if right_to_left(language_now()) else key


def step_words(step: Step) -> str:
    """A step as one or two short sentences, in the language now, with its keys in place."""
    keys = _(" or ").join(key_words(key) for key in step.keys)
    return _(step.words).format(keys=keys) if step.keys else _(step.words)


def guide_sections() -> list[Section]:
    """The guide as the printouts' sections: a heading with its picture, then a row for each step."""
    opening = Section("guide-start", guide_title(), "meeting", (
        Entry(_("These are the steps, in order, and the keys that help.")),
    ))
    return [opening] + [
        Section(part.key, _(part.heading), part.picture,
                tuple(Entry(step_words(step), step.picture) for step in part.steps))
        for part in PARTS
    ]
