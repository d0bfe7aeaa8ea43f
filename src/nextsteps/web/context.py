"""What every page's layout shows: its links, its static files, the outbox's count."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.functional import SimpleLazyObject

from nextsteps.outreach.services import how_many_need_the_user

# The pages the navigation links to, by the name the layout gives them.
NAVIGATION = {
    "today": "today",
    "board": "board",
    "add": "add-application",
    "activities": "activities",
    "insights": "insights",
    "contacts": "contacts",
    "outbox": "outbox",
    "settings": "settings",
    "logout": "logout",
}
STATIC_FILES = {
    "style": "nextsteps/style.css",
    "htmx": "nextsteps/htmx.min.js",
    "script": "nextsteps/nextsteps.js",
}


def layout(request: HttpRequest) -> dict[str, Any]:
    """The navigation's paths and the static files' hashed names: asked of Django
    once per process rather than with a tag each on every page."""
    return {"layout": _layout(get_script_prefix())}


@cache
def _layout(prefix: str) -> dict[str, str]:
    return {
        **{key: reverse(name) for key, name in NAVIGATION.items()},
        **{key: static(path) for key, path in STATIC_FILES.items()},
    }


def outbox(request: HttpRequest) -> dict[str, Any]:
    """How many messages need the signed-in user (a failure, an uncertain send), for
    the outbox link; counted only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"outbox_needs_you": SimpleLazyObject(lambda: how_many_need_the_user(user))}
