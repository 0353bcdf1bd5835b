"""Running a workshop in the room: the session, its timer, what the projector shows, themes."""
