"""A user's public holidays, kept in the data directory a year to a file: a command
reads the file instead of loading the holidays library's calendars."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from django.contrib.auth.models import User
from django.test import TestCase, override_settings

from nextsteps.accounts import holidays
from nextsteps.accounts.models import Profile


class StoredHolidaysTestCase(TestCase):
    def setUp(self) -> None:
        self.new_process()
        self.addCleanup(self.new_process)
        self.data_dir = Path(self.enterContext(tempfile.TemporaryDirectory()))
        self.enterContext(override_settings(DATA_DIR=self.data_dir))
        user = User.objects.create_user("ada")
        self.profile = Profile.objects.create(user=user, country="GB", subdivision="SCT")

    def new_process(self) -> None:
        """What a process keeps, forgotten: as a new command starts."""
        holidays._folder.cache_clear()
        holidays.stored_holidays_of_year.cache_clear()

    def stored(self) -> Path:
        [path] = self.data_dir.glob("holidays-*/GB-SCT-2026.json")
        return path

    def test_the_first_look_writes_the_year_and_the_next_reads_it(self) -> None:
        self.assertEqual(self.profile.workdays().day_off(date(2026, 11, 30)), "Saint Andrew's Day")
        self.assertEqual(json.loads(self.stored().read_text())["2026-11-30"], "Saint Andrew's Day")
        self.assertEqual(self.stored().stat().st_mode & 0o777, 0o600)  # like every file there
        # What the file says is what a later command believes.
        self.stored().write_text(json.dumps({"2026-12-01": "A day of our own"}))
        self.new_process()
        workdays = self.profile.workdays()
        self.assertEqual(workdays.day_off(date(2026, 12, 1)), "A day of our own")
        self.assertTrue(workdays.is_working_day(date(2026, 11, 30)))

    def test_a_damaged_file_is_read_again_from_the_library(self) -> None:
        self.profile.workdays().is_working_day(date(2026, 11, 30))
        self.stored().write_text('["not", "a", "year"]')
        self.new_process()
        self.assertFalse(self.profile.workdays().is_working_day(date(2026, 11, 30)))
        self.assertIn("2026-11-30", json.loads(self.stored().read_text()))

    def test_a_data_directory_it_cannot_write_still_gives_the_holidays(self) -> None:
        (self.data_dir / f"holidays-{holidays.version('holidays')}").write_text(
            "a file, not a folder"
        )
        self.assertEqual(self.profile.workdays().day_off(date(2026, 11, 30)), "Saint Andrew's Day")

    def test_a_process_reads_each_year_once(self) -> None:
        self.profile.workdays().is_working_day(date(2026, 11, 30))
        self.stored().unlink()
        self.assertFalse(self.profile.workdays().is_working_day(date(2026, 11, 30)))
        self.assertEqual(list(self.data_dir.glob("holidays-*/*.json")), [])
