"""What the tracker's use cases refuse, in one sentence for the user."""

from __future__ import annotations

from typing import TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet

Row = TypeVar("Row", bound=Model)


class NotFound(LookupError):
    """The object does not exist or belongs to somebody else: the same answer for both."""


def owned(rows: QuerySet[Row], owner: User, pk: int, noun: str) -> Row:
    """The owner's row `pk` among `rows`; NotFound ("There is no step 7.") when it is
    somebody else's or nobody's."""
    try:
        return rows.get(pk=pk, owner=owner)
    except ObjectDoesNotExist:
        raise NotFound(f"There is no {noun} {pk}.") from None


class StepRefused(ValueError):
    """The step cannot be done or skipped like that; the message is one sentence for the user."""
