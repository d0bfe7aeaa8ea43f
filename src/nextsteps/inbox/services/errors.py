"""What the inbox's use cases refuse, in one sentence for the user."""

from __future__ import annotations


class Refused(ValueError):
    """Something the user asked of a matched mail that nextsteps will not do."""
