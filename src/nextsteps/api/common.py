"""What every endpoint shares: who the token stands for, their clock, and pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Schema
from ninja.pagination import PaginationBase
from ninja.security import HttpBearer

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
