"""Public holidays kept in the data directory, a small file per country, subdivision
and year: loading the holidays library's calendars costs a command about a tenth of
a second, more than its own work. The library's version is in the file's name, as a
new version may know other holidays."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib.metadata import version
from pathlib import Path

from django.conf import settings

from nextsteps.playbook.workdays import holidays_of_year
from nextsteps.private_files import private_folder, write_private


def stored_holidays_of_year(country: str, subdivision: str, year: int) -> Mapping[date, str]:
    """`holidays_of_year`, read from its file when an earlier process wrote it."""
    path = _folder() / f"{country}-{subdivision}-{year}.json"
    try:
        return {date.fromisoformat(day): name for day, name in json.loads(path.read_text()).items()}
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
    return days


@cache
def _folder() -> Path:
    return Path(settings.DATA_DIR) / f"holidays-{version('holidays')}"
