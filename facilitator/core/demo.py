"""The demo workshop shown the first time the app opens.

``demo_workshop()`` builds a made-up group and one workshop with every part
filled in: people, an agenda, decisions, actions, parked questions and the
group's own words. All the people are invented.

The text is data, not interface text, so it is plain English and not marked
for translation. It follows the project's easy-read rules: short sentences
(15 words at most), plain words, and no words that put staff above everyone else.

The date is worked out from today, so the demo always looks like a workshop
that is coming up soon.
"""

from __future__ import annotations

import datetime as dt

from facilitator.core.model import (
    AccessNeed,
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Decision,
    Facilitator,
    Group,
    GroupWord,
    Idea,
    ItemKind,
    ParkedQuestion,
    Participant,
    Workshop,
)

TUESDAY = 1  # dt.date.weekday() counts Monday as 0


def demo_date(today: dt.date | None = None) -> dt.date:
    """The first Tuesday that is at least 14 days after ``today``."""
    day = (today or dt.date.today()) + dt.timedelta(days=14)
    return day + dt.timedelta(days=(TUESDAY - day.weekday()) % 7)


def demo_workshop(today: dt.date | None = None) -> tuple[Group, Workshop]:
    """A made-up group and a full workshop to try the app with."""
    date = demo_date(today)
    group = Group(
        name="Riverside Co-production Group",
        description=(
            "We are people who go to day centres, carers, families and council staff. "
            "We meet every month. We plan local care and support together, as equals."
        ),
    )

    def item(kind: ItemKind, title: str, minutes: int, picture: str, plain_words: str, notes: str) -> AgendaItem:
        return AgendaItem(
            title=title, plain_words=plain_words, picture=picture, minutes=minutes, kind=kind, notes=notes
        )

    welcome = item(
        ItemKind.WELCOME,
        "Welcome",
        10,
        "welcome",
        "Find a seat and get a drink. We are glad you are here.",
        "Say hello to each person by the name they like to use. "
        "Show where the toilets and fire exits are. Check the hearing loop is on.",
    )
    introductions = item(
        ItemKind.INTRODUCTIONS,
        "Getting to know each other",
        15,
        "people",
        "Say your name, or the name you like to use. Tell us one thing you enjoy.",
        "Marcus goes first to show how short it can be. Anyone can pass. Nobody has to speak.",
    )
    look_back = item(
        ItemKind.LOOK_BACK,
        "What happened since last time",
        15,
        "calendar",
        "We look at what we said we would do. We check what has changed.",
        "Go through the actions one by one. Say plainly if something is stuck, and why. Do not skip the hard ones.",
    )
    good_day = item(
        ItemKind.DISCUSSION,
        "What makes a good day?",
        25,
        "talk",
        "We talk about what you like to do in the day. Every idea is welcome.",
        "Write every idea on the big paper in the words people use. "
        "Read each one back. Ask quieter people in a small group if that helps.",
    )
    tea = item(
        ItemKind.BREAK,
        "Tea break",
        20,
        "tea",
        "Have a drink and a snack. Stretch your legs or have a quiet rest.",
        "Check the interpreter and supporters get a break too. Play the music 2 minutes before the end.",
    )
    rooms = item(
        ItemKind.ACTIVITY,
        "Plan the rooms together",
        25,
        "building",
        "Look at the plan of the new building. Put stickers on the rooms you want.",
        "Have a large print plan and a big table plan. "
        "Green stickers mean want. Red stickers mean do not want. Count them at the end.",
    )
    getting_there = item(
        ItemKind.DISCUSSION,
        "Getting to the new centre",
        20,
        "bus",
        "We talk about buses, the minibus and lifts. How will you get there?",
        "Have the bus times printed out. Ask about the journey home as well.",
    )
    choose = item(
        ItemKind.DECIDE,
        "Choose what matters most",
        20,
        "vote",
        "We choose the 3 most important things. Everyone has a say.",
        "Use the agree, not sure and disagree cards. "
        "Count out loud. If the room is split, write it down as not agreed yet.",
    )
    feedback = item(
        ItemKind.FEEDBACK,
        "How did today go?",
        10,
        "thumbs up",
        "Tell us what was good. Tell us what we can do better next time.",
        "Hold up the thumbs cards, or talk to Marcus or Helen after. Write down what people say, good and bad.",
    )
    goodbye = item(
        ItemKind.CLOSE,
        "Next steps and goodbye",
        10,
        "goodbye",
        "We say what happens next. Thank you for coming and for your ideas.",
        "Say the date of the next meeting. Hand out travel money. Remind people the easy read notes come by post.",
    )
    agenda = [welcome, introductions, look_back, good_day, tea, rooms, getting_there, choose, feedback, goodbye]

    workshop = Workshop(
        title="Planning the new day centre together",
        purpose=(
            "The council is building a new day centre. We want to plan it together. "
            "Today we choose what matters most to us."
        ),
        date=date,
        start_time=dt.time(10, 0),
        room_booked_until=dt.time(13, 0),
        place="Riverside Community Centre, the big room on the ground floor",
        language="en",
        group_id=group.id,
        facilitators=[
            Facilitator(name="Helen Price", role="Works for the council"),
            Facilitator(name="Marcus Reid", role="Co-facilitator. Goes to the day centre now.", lived_experience=True),
        ],
        participants=[
            Participant(
                name="Joan Whitfield",
                access_needs=[AccessNeed.LARGE_PRINT, AccessNeed.HEARING_LOOP],
                other_needs="Wears a hearing aid. Likes to sit near the front.",
            ),
            Participant(
                name="Sunita Patel",
                alias="Sunny",
                access_needs=[AccessNeed.EASY_READ, AccessNeed.SUPPORTER],
                other_needs="Comes with her support worker, Dev.",
            ),
            Participant(
                name="Tariq Hussain",
                access_needs=[AccessNeed.INTERPRETER],
                other_needs="Speaks Urdu. An Urdu interpreter is booked for the whole morning.",
            ),
            Participant(
                name="Bernard Cole",
                alias="Bernie",
                access_needs=[AccessNeed.STEP_FREE, AccessNeed.BREAKS],
                other_needs="Uses a wheelchair. Needs a table he can get under.",
            ),
            Participant(name="Aisha Mensah", other_needs="Cares for her mum. May need to leave at 12:30."),
            Participant(
                name="Peter Doyle",
                alias="Pete",
                access_needs=[AccessNeed.AUDIO, AccessNeed.EASY_READ],
                other_needs="Has low vision. Likes things read out loud.",
            ),
            Participant(
                name="Grace Liu",
                access_needs=[AccessNeed.SUPPORTER, AccessNeed.BREAKS],
                other_needs="Lives with dementia. Her husband Tom comes with her. A quiet seat helps.",
            ),
            Participant(name="Kofi Boateng"),
        ],
        agenda=agenda,
        decisions=[
            Decision(
                text="The new centre will have a quiet room for anyone who needs a rest.",
                agenda_item_id=good_day.id,
                picture="quiet",
                agreement=Agreement.EVERYONE,
                agreed=True,
                suggested_by="Grace and Tom",
            ),
            Decision(
                text="The centre will be open on Saturdays as well.",
                agenda_item_id=choose.id,
                picture="calendar",
                agreement=Agreement.COUNTED,
                agree=6,
                not_sure=2,
                disagree=1,
                agreed=True,
                suggested_by="Bernie",
            ),
            Decision(
                text="The minibus picks people up from home.",
                agenda_item_id=getting_there.id,
                picture="bus",
                agreement=Agreement.NOT_YET,
                suggested_by="Joan",
            ),
        ],
        actions=[
            Action(
                what="Ask the bus company about a stop by the new centre.",
                who="Helen",
                by_when=date - dt.timedelta(days=7),
                status=ActionStatus.DONE,
                agenda_item_id=look_back.id,
            ),
            Action(
                what="Get the building plan in large print and easy read.",
                who="Helen and Marcus",
                by_when=date - dt.timedelta(days=3),
                status=ActionStatus.STUCK,
                agenda_item_id=look_back.id,
            ),
            Action(
                what="Send everyone the easy read notes from today, by post and email.",
                who="Marcus",
                by_when=date + dt.timedelta(days=14),
                status=ActionStatus.TO_DO,
                agenda_item_id=goodbye.id,
            ),
        ],
        ideas=[
            Idea(
                text="A coffee morning to meet the staff before the centre opens.",
                suggested_by="Kofi Boateng",
                agenda_item_id=good_day.id,
            ),
        ],
        parked_questions=[
            ParkedQuestion(
                text="Will the new centre be open in the evenings?", asked_by="Sunny", agenda_item_id=good_day.id
            ),
            ParkedQuestion(text="Can we visit the building before it opens?", asked_by="Bernie"),
        ],
        group_words=[
            GroupWord(
                term="co-production",
                meaning="Working together as equals. Everyone has a say from the start to the end.",
                agreed=True,
            ),
            GroupWord(
                term="personal budget",
                meaning="Money from the council for your care and support. You help choose how it is spent.",
                agreed=True,
            ),
            GroupWord(
                term="day opportunities",
                meaning="Things to do in the day. This can be at a centre or out and about.",
                agreed=True,
            ),
        ],
    )
    return group, workshop
