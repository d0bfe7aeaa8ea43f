"""Which migrations this nextsteps has, read from the folders: a directory listing
instead of Django's migration loader, which imports every migration."""

from __future__ import annotations

import os


def migrations_on_disk() -> set[tuple[str, str]]:
    """(app label, migration name) of every migration file of every installed app."""
    from django.apps import apps

    return {
        (app.label, name.removesuffix(".py"))
        for app in apps.get_app_configs()
        if os.path.isdir(folder := os.path.join(app.path, "migrations"))
        for name in os.listdir(folder)
        if name.endswith(".py") and name[0] not in "_~"
    }
