"""Making, finding and revoking personal API tokens. The Settings page and
`nextsteps token` call these."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db.models import QuerySet

from nextsteps.api.models import TOKEN_NAME, ApiToken
from nextsteps.tracker.services import NotFound, owned

# Every token starts so, which tells a reader (or a secret scanner) what it is.
MARK = "nst_"
# The last-used time is written at most this often, not on every request.
USE_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown to the user once, never stored


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(owner: User, name: str) -> NewToken:
    """A new token for `owner`; FieldRefused for a name that breaks its rule."""
    name = TOKEN_NAME.clean(name)
    secret = MARK + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        owner=owner, name=name, digest=digest_of(secret), prefix=secret[: len(MARK) + 6]
    )
    return NewToken(token, secret)


def tokens_of(owner: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(owner=owner).order_by("-created", "-id")


def revoke_token(owner: User, token_id: int) -> ApiToken:
    """Delete the owner's token: a program using it is refused from its next request."""
    token = owned(ApiToken.objects.all(), owner, token_id, "token")
    token.delete()
    return token


def owner_of(secret: str, now: datetime) -> User | None:
    """The user a token stands for, or None for no such token; notes when it was used."""
    token = ApiToken.objects.select_related("owner").filter(digest=digest_of(secret)).first()
    if token is None or not token.owner.is_active:
        return None
    if token.last_used is None or now - token.last_used >= USE_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.owner


__all__ = ["NotFound", "create_token", "owner_of", "revoke_token", "tokens_of"]
