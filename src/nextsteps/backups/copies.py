"""A copy of the SQLite database each day, kept a week, so that a laptop install does
not depend on its user remembering to back up.

The worker (`nextsteps worker`, or the one `nextsteps serve` runs) asks on every
turn whether a copy is due. The first to claim the schedule's row makes it with
SQLite's online backup, which reads one consistent state of the database while the
pages and the outbox go on writing (WAL), into `daily-copies/nextsteps-DAY.sqlite3`
in the data directory, readable by its owner only. The seven latest are kept.
On PostgreSQL there is nothing to copy: its server has its own backups.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection

from nextsteps.backups.models import CopySchedule
from nextsteps.private_files import PRIVATE_FILE, PRIVATE_FOLDER, private_folder, tighten

log = logging.getLogger("nextsteps.backups")

KEPT = 7
# A worker that dies while copying leaves its claim: another copies an hour later.
LEASE = timedelta(hours=1)
COPY_NAME = re.compile(r"^nextsteps-(\d{4}-\d{2}-\d{2})\.sqlite3$")


def copies_folder() -> Path:
    return Path(settings.DATA_DIR) / "daily-copies"


@dataclass(frozen=True)
class Copy:
    day: date
    path: Path
    size: int  # bytes


def copies() -> list[Copy]:
    """The daily copies there are, the latest first."""
    found = []
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(copies_folder()):
            if (name := COPY_NAME.match(entry.name)) and entry.is_file():
                found.append(
                    Copy(date.fromisoformat(name[1]), Path(entry.path), entry.stat().st_size)
                )
    return sorted(found, key=lambda copy: copy.day, reverse=True)


def database_file() -> Path | None:
    """The SQLite file the database is, or None (PostgreSQL, or SQLite in memory)."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():  # type: ignore[attr-defined]
        return None
    return Path(connection.settings_dict["NAME"])


def keep_daily_copy(now: datetime) -> Path | None:
    """Make today's copy if it is due and this worker wins the claim; the copy made."""
    if database_file() is None or not claim(now):
        return None
    connection.ensure_connection()
    made = copy_database(connection.connection, copies_folder(), now.date())
    CopySchedule.objects.filter(pk=1).update(next_copy_at=_next_day(now))
    prune(KEPT)
    log.info("copied the database to %s", made)
    return made


def claim(now: datetime) -> bool:
    """Whether the copy is due and this worker now holds it (for a lease): a
    compare-and-set on the schedule's one row, so two workers never both copy."""
    schedule, _ = CopySchedule.objects.get_or_create(pk=1, defaults={"next_copy_at": now})
    if schedule.next_copy_at > now:
        return False
    return bool(
        CopySchedule.objects.filter(pk=1, next_copy_at=schedule.next_copy_at).update(
            next_copy_at=now + LEASE
        )
    )


def copy_database(source: sqlite3.Connection, folder: Path, day: date) -> Path:
    """Copy the database `source` reads into the day's file in `folder`, as one
    consistent state. A day's copy is made once."""
    private_folder(folder)
    tighten(folder, PRIVATE_FOLDER)
    final = folder / f"nextsteps-{day.isoformat()}.sqlite3"
    if final.exists():
        return final
    partial = folder / f".{final.name}.{os.getpid()}.partial"
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE))
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            # The copy is one file, without the WAL the database runs in.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        os.replace(partial, final)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    return final


def prune(kept: int) -> None:
    """Delete all but the `kept` latest copies."""
    for old in copies()[kept:]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()


def _next_day(now: datetime) -> datetime:
    """The start of the next day (UTC): the first turn of a worker after it copies."""
    return datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=now.tzinfo)
