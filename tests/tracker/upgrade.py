"""The upgrade that brings dates stored before the field rules within them, run as
`nextsteps migrate` would on the day below."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from importlib import import_module

import time_machine
from django.apps import apps

UPGRADED_ON = date(2026, 11, 16)
_migration = import_module("nextsteps.tracker.migrations.0006_dates_within_bounds")


def upgraded() -> None:
    with time_machine.travel(datetime.combine(UPGRADED_ON, time(3), UTC), tick=False):
        _migration.dates_within_bounds(apps, None)
