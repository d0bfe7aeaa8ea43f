"""What every endpoint shares: who the token stands for, their clock, and pages."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Schema
from ninja.pagination import PaginationBase
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from nextsteps.accounts.services import profile_of
from nextsteps.api import tokens

# A page holds at most this many objects: a request costs the same whatever the
# account holds.
MAX_PAGE = 100


class TokenAuth(HttpBearer):
    """A personal API token, and nothing else: no session cookie is read, so a page
    open in the browser cannot be made to call the API."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return tokens.owner_of(token, timezone.now())


class RequestsPerMinute(BaseThrottle):
    """At most API_REQUESTS_PER_MINUTE requests for one account in each minute of the
    clock, counted in the web process's own cache. Every thread shares this object,
    so it keeps nothing of a request."""

    def allow_request(self, request: HttpRequest) -> bool:
        key = f"api-requests:{owner(request).pk}:{int(time.time() // 60)}"
        cache.add(key, 0, timeout=120)
        return bool(cache.incr(key) <= settings.API_REQUESTS_PER_MINUTE)

    def wait(self) -> float:
        """Seconds until the next minute begins, and the count with it."""
        return 60 - time.time() % 60


def owner(request: HttpRequest) -> User:
    user: User = request.auth  # type: ignore[attr-defined]
    return user


def now_of(user: User) -> datetime:
    """Now, on the user's clock: what they record is checked against their day."""
    return timezone.now().astimezone(profile_of(user).zone)


class Page(PaginationBase):
    """`limit` objects from `offset`, and how many there are in all."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_PAGE, description="How many, at most.")
        offset: int = Field(0, ge=0, le=10**9, description="How many to pass over first.")

    class Output(Schema):
        items: list[Any]
        count: int

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        start = pagination.offset
        return {"items": queryset[start : start + pagination.limit], "count": queryset.count()}
