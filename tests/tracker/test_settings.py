"""Saving settings: all or none, and the plan follows the calendar and the playbook,
whichever surface saved them (the web's Settings and `nextsteps config set`)."""

from __future__ import annotations

from datetime import date

from nextsteps.accounts.services import SettingsRejected, profile_of
from nextsteps.playbook import StepKind
from nextsteps.tracker import services
from tests.base import BaseTestCase

APPLIED = date(2026, 11, 2)  # a Monday: the check-in is due Monday the 9th


class SaveSettingsTestCase(BaseTestCase):
    def check_in_day(self) -> date:
        (step,) = [s for s in services.open_steps(self.application) if s.kind == StepKind.CHECK_IN]
        return step.due.astimezone(profile_of(self.alice).zone).date()

    def setUp(self) -> None:
        super().setUp()
        self.application = self.add(applied_on=APPLIED)

    def test_new_working_days_move_the_planned_steps(self) -> None:
        self.assertEqual(self.check_in_day(), date(2026, 11, 9))
        changed = services.save_settings(self.alice, {"working_days": "tue,wed,thu,fri"})
        self.assertEqual(changed, ["working_days"])
        self.assertEqual(self.check_in_day(), date(2026, 11, 10))

    def test_a_holiday_of_the_new_country_moves_them_too(self) -> None:
        self.application = self.add(applied_on=date(2026, 11, 19))  # check-in on the 26th
        services.save_settings(
            self.alice, {"timezone": "America/New_York", "country": "US", "subdivision": ""}
        )
        self.assertEqual(self.check_in_day(), date(2026, 11, 27))  # not on Thanksgiving

    def test_one_refused_setting_saves_nothing_and_moves_nothing(self) -> None:
        with self.assertRaises(SettingsRejected) as refused:
            services.save_settings(
                self.alice, {"working_days": "tue,wed,thu,fri", "timezone": "Mars/Olympus"}
            )
        self.assertEqual(list(refused.exception.errors), ["timezone"])
        profile = profile_of(self.alice)
        self.assertEqual((profile.working_days, profile.timezone), (
            "mon,tue,wed,thu,fri", "Europe/London"
        ))  # fmt: skip
        self.assertEqual(self.check_in_day(), date(2026, 11, 9))

    def test_what_did_not_change_is_not_saved_again(self) -> None:
        changed = services.save_settings(
            self.alice, {"timezone": "Europe/London", "weekly_target": "8"}
        )
        self.assertEqual(changed, ["weekly_target"])
        self.assertEqual(profile_of(self.alice).weekly_target, 8)
