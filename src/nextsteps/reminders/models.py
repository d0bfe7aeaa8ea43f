from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models


def new_token() -> str:
    # 32 random bytes: the URL is the only key to the feed.
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A user's secret calendar address. Rotating the token revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)

    def __str__(self) -> str:
        return f"calendar feed of {self.user}"
