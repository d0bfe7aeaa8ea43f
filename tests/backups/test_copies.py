"""The daily copies of the SQLite database: one consistent state while another
connection writes, private, made once a day by one worker, the seven latest kept."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from django.test import TestCase, override_settings

from nextsteps.backups import copies

MORNING = datetime(2026, 11, 6, 7, 0, tzinfo=UTC)


def database_in_use(path: Path) -> tuple[sqlite3.Connection, sqlite3.Connection]:
    """A database in WAL mode, as nextsteps runs it, with 100 rows committed, and a
    second connection in the middle of writing 100 more."""
    source = sqlite3.connect(path)
    source.execute("PRAGMA journal_mode=WAL")
    source.execute("CREATE TABLE applications (role TEXT)")
    source.executemany("INSERT INTO applications VALUES (?)", [("Analyst",)] * 100)
    source.commit()
    writer = sqlite3.connect(path)
    writer.execute("BEGIN IMMEDIATE")
    writer.executemany("INSERT INTO applications VALUES (?)", [("Half-written",)] * 100)
    return source, writer


def test_a_copy_is_one_consistent_state_while_another_connection_writes(tmp_path: Path) -> None:
    source, writer = database_in_use(tmp_path / "nextsteps.sqlite3")
    made = copies.copy_database(source, tmp_path / "daily-copies", date(2026, 11, 6))
    writer.commit()

    assert made == tmp_path / "daily-copies" / "nextsteps-2026-11-06.sqlite3"
    copy = sqlite3.connect(made)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*), min(role) FROM applications").fetchone() == (
        100,
        "Analyst",
    )
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    copy.close()
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name], "one file, no WAL"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700


def test_a_days_copy_is_made_once(tmp_path: Path) -> None:
    source, writer = database_in_use(tmp_path / "nextsteps.sqlite3")
    writer.commit()
    first = copies.copy_database(source, tmp_path / "copies", date(2026, 11, 6))
    first_bytes = first.read_bytes()
    source.execute("DELETE FROM applications")
    source.commit()
    assert copies.copy_database(source, tmp_path / "copies", date(2026, 11, 6)) == first
    assert first.read_bytes() == first_bytes


def test_the_seven_latest_copies_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "daily-copies"
    folder.mkdir()
    days = [date(2026, 10, 20) + timedelta(days=n * 3) for n in range(9)]  # gaps: days off
    for day in days:
        (folder / f"nextsteps-{day}.sqlite3").write_bytes(b"")
    (folder / "notes.txt").write_text("the user's own")
    with override_settings(DATA_DIR=tmp_path):
        copies.prune(copies.KEPT)
        kept = [copy.day for copy in copies.copies()]
    assert kept == sorted(days, reverse=True)[:7]
    assert (folder / "notes.txt").exists()


class ClaimTest(TestCase):
    def test_one_worker_copies_then_none_until_the_next_day(self) -> None:
        self.assertTrue(copies.claim(MORNING))
        self.assertFalse(copies.claim(MORNING), "a second worker finds it taken")
        self.assertFalse(copies.claim(MORNING + copies.LEASE - timedelta(seconds=1)))
        self.assertTrue(copies.claim(MORNING + copies.LEASE), "a dead worker's claim runs out")

    def test_a_database_that_is_no_file_has_nothing_to_copy(self) -> None:
        """The tests' SQLite in memory, or PostgreSQL: not even a query."""
        with self.assertNumQueries(0):
            self.assertIsNone(copies.keep_daily_copy(MORNING))
