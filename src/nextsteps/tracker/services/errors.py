"""What the tracker's use cases refuse, in one sentence for the user."""

from __future__ import annotations


class NotFound(LookupError):
    """The object does not exist or belongs to somebody else: the same answer for both."""


class StepRefused(ValueError):
    """The step cannot be done or skipped like that; the message is one sentence for the user."""
