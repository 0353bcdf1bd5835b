"""What the room's real times say about the plan: how long each item really took."""

from __future__ import annotations

from facilitator.core.model import Workshop


def minutes_taken(workshop: Workshop) -> dict[str, int]:
    """For each agenda item that was presented, the whole minutes it took (every visit added up)."""
    seconds: dict[str, float] = {}
    for timing in workshop.timings:
        if timing.agenda_item_id is not None and timing.ended is not None:
            seconds[timing.agenda_item_id] = seconds.get(timing.agenda_item_id, 0.0) + timing.minutes() * 60
    return {item_id: round(total / 60) for item_id, total in seconds.items()}
