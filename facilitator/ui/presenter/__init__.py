"""Presenting a workshop: the participant view on the projector and the console on the laptop."""
