"""Personal API tokens: each lets a program act as its owner through the API."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from nextsteps.fields import Text

TOKEN_NAME = Text("The token's name", 100, required=True)


class ApiToken(models.Model):
    """A token as stored: its SHA-256 digest, never the token itself, which is shown
    once when it is made. A token is random enough that a slow hash would add
    nothing but time to every request."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    name = models.CharField(max_length=TOKEN_NAME.max_length)
    digest = models.CharField(max_length=64, unique=True)
    # The token's first characters, so the user can tell their tokens apart.
    prefix = models.CharField(max_length=12)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
