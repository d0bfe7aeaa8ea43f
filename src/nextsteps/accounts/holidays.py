"""Public holidays kept in the data directory, a small file per country, subdivision
and year: loading the holidays library's calendars costs a command about a tenth of
a second, more than its own work. The library's version is in the file's name, as a
new version may know other holidays."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path
from types import MappingProxyType

from django.conf import settings

from nextsteps.playbook.workdays import holidays_of_year
from nextsteps.private_files import private_folder, write_private


@lru_cache(maxsize=1024)
def stored_holidays_of_year(country: str, subdivision: str, year: int) -> Mapping[date, str]:
    """`holidays_of_year`, read from its file when an earlier process wrote it, and
    kept for the process: a worker plans for many users."""
    path = _folder() / f"{country}-{subdivision}-{year}.json"
    try:
        stored = json.loads(path.read_text())
        return MappingProxyType({date.fromisoformat(day): name for day, name in stored.items()})
    except (OSError, ValueError, AttributeError):  # none yet, or not one of ours
        pass
    days = holidays_of_year(country, subdivision, year)
    try:
        private_folder(path.parent)
        write_private(
            path, json.dumps({day.isoformat(): name for day, name in days.items()}).encode()
        )
    except OSError:  # a data directory it cannot write: read from the library each time
        pass
    return MappingProxyType(days)


@cache
def _folder() -> Path:
    return Path(settings.DATA_DIR) / f"holidays-{version('holidays')}"
