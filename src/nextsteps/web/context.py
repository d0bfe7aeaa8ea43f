"""What every page's navigation shows."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from nextsteps.outreach.services import how_many_need_the_user


def outbox(request: HttpRequest) -> dict[str, Any]:
    """How many messages need the signed-in user (a failure, an uncertain send), for
    the outbox link; counted only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"outbox_needs_you": SimpleLazyObject(lambda: how_many_need_the_user(user))}
