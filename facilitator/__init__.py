"""facilitator: plan, run and write up co-production workshops in easy read."""

__version__ = "0.1.0"
