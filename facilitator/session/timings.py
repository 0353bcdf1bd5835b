"""What the room's real times say about the plan: how long each item really took, and where we stopped."""

from __future__ import annotations

from facilitator.core.model import Workshop

PASSING_SECONDS = 30  # a visit this short was on the way to another item: the item was not presented


def minutes_taken(workshop: Workshop) -> dict[str, int]:
    """For each agenda item that was presented, the whole minutes it took (every visit added up).

    Going past an item on the way to another (a visit of under half a minute)
    does not count, so it never says "it took 0 minutes".
    """
    seconds: dict[str, float] = {}
    for timing in workshop.timings:
        if timing.agenda_item_id is not None and timing.ended is not None and timing.minutes() * 60 >= PASSING_SECONDS:
            seconds[timing.agenda_item_id] = seconds.get(timing.agenda_item_id, 0.0) + timing.minutes() * 60
    return {item_id: round(total / 60) for item_id, total in seconds.items()}


def where_to_go_on(workshop: Workshop, stopped_at: str | None = None) -> int | None:
    """The place to offer going on from when presenting starts again, or None to start at the welcome.

    ``stopped_at`` is the agenda item presenting last stopped on in this run of
    the app ("" when it stopped on the welcome or the end; None when it is not
    known). When it is not known, the room's times say: the item shown last,
    unless it was the last item (the day was over). An item no longer on the
    agenda is never offered.
    """
    ids = [item.id for item in workshop.agenda]
    if stopped_at is not None:
        return ids.index(stopped_at) if stopped_at in ids else None
    shown = [timing for timing in workshop.timings if timing.agenda_item_id in ids]
    if not shown:
        return None
    latest = max(shown, key=lambda timing: (timing.started, timing.ended or timing.started))
    place = ids.index(latest.agenda_item_id)
    return place if place < len(ids) - 1 else None
