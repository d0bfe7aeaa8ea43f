"""A user's account and settings, through accounts.services: every setting read as
typed or refused with one sentence, several at once all or none, the digest planned
from the calendar, new accounts, passwords, the command line's first visit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import IntegrityError
from django.test import override_settings

from nextsteps.accounts import services
from nextsteps.accounts.models import Profile
from tests.base import BaseTestCase

# A Monday, 10:00 in London: the day's digest (08:00) has gone.
NOW = datetime(2026, 11, 16, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("name", "  Alice   Smith ", "Alice Smith"),
        ("timezone", "America/New_York", "America/New_York"),
        ("country", "fr", "FR"),
        ("working_days", "Mon, Tue,WED", "mon,tue,wed"),
        ("playbook", "persistent", "persistent"),
        ("weekly_target", "8", 8),
        ("working_hours", "8:30-16:00", "08:30-16:00"),
        ("digest_time", "7:30", "07:30"),
        ("digest_time", "OFF", "off"),
    ],
)
def test_a_setting_is_stored_as_nextsteps_writes_it(
    key: str, typed: str, stored: object, db: None
) -> None:
    profile = services.profile_of(User.objects.create_user("alice"))
    services.change_profile(profile, key, typed)
    assert services.profile_settings(Profile.objects.get(pk=profile.pk))[key] == stored


@pytest.mark.parametrize(
    ("key", "typed", "says"),
    [
        ("timezone", "Mars/Olympus", "Unknown timezone 'Mars/Olympus'"),
        ("country", "XX", "nextsteps knows no public holidays for country 'XX'."),
        ("subdivision", "ZZ", "A subdivision is part of a country: set the country first."),
        ("working_days", "mon,funday", "Working days must be a comma list"),
        ("playbook", "aggressive", "There is no playbook called 'aggressive'"),
        ("weekly_target", "lots", "The weekly target must be a whole number from 0 to 100"),
        ("working_hours", "nine to five", "Working hours must look like 09:00-17:00"),
        ("digest_time", "noon", "The digest time must be a time like 08:00, or off"),
        ("name", "Alice\r\nBcc: x@example.com", "name must be one line, without a line break."),
        ("shoe_size", "9", "Unknown setting 'shoe_size'; use one of: name, timezone"),
    ],
)
def test_a_setting_nextsteps_cannot_use_is_refused_in_one_sentence(
    key: str, typed: str, says: str, db: None
) -> None:
    profile = services.profile_of(User.objects.create_user("alice"))
    before = services.profile_settings(profile)
    with pytest.raises(ValueError, match="^" + says.replace("(", r"\(")) as refused:
        services.change_profile(profile, key, typed)
    assert "\n" not in str(refused.value)
    assert services.profile_settings(Profile.objects.get(pk=profile.pk)) == before


class ProfileTestCase(BaseTestCase):
    def test_every_user_has_one_profile_with_the_digest_planned(self) -> None:
        newcomer = User.objects.create_user("carol")
        with time_machine.travel(NOW, tick=False):
            profile = services.profile_of(newcomer)
        self.assertEqual(services.profile_of(newcomer).pk, profile.pk)
        self.assertEqual(Profile.objects.filter(user=newcomer).count(), 1)
        self.assertEqual(profile.next_digest_at, datetime(2026, 11, 17, 8, tzinfo=UTC))

    def test_the_digest_follows_the_timezone_and_stops_when_off(self) -> None:
        with time_machine.travel(NOW, tick=False):
            services.change_profile(self.profile, "timezone", "America/New_York")
            self.assertEqual(self.profile.next_digest_at, datetime(2026, 11, 16, 13, tzinfo=UTC))
            services.change_profile(self.profile, "digest_time", "off")
        self.assertIsNone(Profile.objects.get(pk=self.profile.pk).next_digest_at)

    def test_a_subdivision_belongs_to_its_country(self) -> None:
        with self.assertRaisesMessage(ValueError, "subdivision 'BY'"):
            services.change_profile(self.profile, "subdivision", "BY")  # Bavaria, not England
        services.change_settings(self.profile, {"country": "DE", "subdivision": "BY"})
        self.assertEqual((self.profile.country, self.profile.subdivision), ("DE", "BY"))


class ChangeSettingsTestCase(BaseTestCase):
    def test_only_what_changed_is_stored_and_said(self) -> None:
        texts = {"timezone": "Europe/London", "country": "GB", "weekly_target": "3"}
        self.assertEqual(services.change_settings(self.profile, texts), ["weekly_target"])
        self.assertEqual(Profile.objects.get(pk=self.profile.pk).weekly_target, 3)

    def test_one_refusal_stores_nothing_and_names_each_setting(self) -> None:
        texts = {"weekly_target": "3", "timezone": "Mars/Olympus", "digest_time": "noon"}
        with self.assertRaises(services.SettingsRejected) as refused:
            services.change_settings(self.profile, texts)
        self.assertEqual(set(refused.exception.errors), {"timezone", "digest_time"})
        stored = Profile.objects.get(pk=self.profile.pk)
        self.assertEqual((stored.weekly_target, stored.timezone), (5, "Europe/London"))
        self.assertEqual(self.profile.weekly_target, 5)  # the caller's copy is reset too

    def test_a_new_country_checks_the_subdivision_again(self) -> None:
        with self.assertRaises(services.SettingsRejected) as refused:
            services.change_settings(self.profile, {"country": "FR", "subdivision": "ENG"})
        self.assertEqual(list(refused.exception.errors), ["subdivision"])
        self.assertEqual(Profile.objects.get(pk=self.profile.pk).country, "GB")


class AccountTestCase(BaseTestCase):
    def test_a_new_account_is_on_its_own_clock_and_signs_with_its_name(self) -> None:
        user = services.create_account("carol", "a-long-password", "Asia/Tokyo", "Carol King")
        profile = services.profile_of(user)
        self.assertEqual((profile.timezone, profile.name), ("Asia/Tokyo", "Carol King"))
        self.assertTrue(user.check_password("a-long-password"))

    def test_a_taken_or_impossible_username_makes_no_account(self) -> None:
        with self.assertRaises(IntegrityError):
            services.create_account("alice", "a-long-password")
        with self.assertRaisesMessage(ValueError, "letters, digits and @ . + - _ only"):
            services.create_account("bad name!", "a-long-password")
        self.assertEqual(User.objects.count(), 2)

    def test_a_password_the_validators_refuse_is_not_set(self) -> None:
        for weak in ("short", "password123", "1234567890"):
            with self.assertRaises(services.PasswordRejected):
                services.set_password(self.alice, weak)
        self.assertTrue(User.objects.get(pk=self.alice.pk).check_password("a-long-password"))
        services.set_password(self.alice, "a much longer passphrase")
        self.assertTrue(
            User.objects.get(pk=self.alice.pk).check_password("a much longer passphrase")
        )

    @override_settings(CLI_USERNAME="me")
    def test_the_command_line_user_waits_for_a_password_until_it_has_one(self) -> None:
        self.assertIsNone(services.command_line_user_without_password())
        me = User.objects.create_user("me")  # as the command line makes it: no password
        self.assertEqual(services.command_line_user_without_password(), me)
        services.set_password(me, "a much longer passphrase")
        self.assertIsNone(services.command_line_user_without_password())
