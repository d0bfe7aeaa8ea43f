"""What the message use cases refuse, in one sentence for the user."""

from __future__ import annotations


class Refused(ValueError):
    """Something the user asked for that nextsteps will not do; one sentence why."""
