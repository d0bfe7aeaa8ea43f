from __future__ import annotations

from datetime import time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q

from nextsteps.accounts.holidays import stored_holidays_of_year
from nextsteps.fields import Text, Timezone, Username, WholeNumber
from nextsteps.playbook import DEFAULT_PLAYBOOK, Playbook, Workdays, load_playbook
from nextsteps.playbook.digest import DEFAULT_DIGEST_TIME, format_digest_time, parse_digest_time
from nextsteps.playbook.sending import SendingCalendar, WorkingHours
from nextsteps.playbook.workdays import PublicHolidays, parse_working_days

USERNAME = Username()
# One line: it goes in the From header of every message.
NAME = Text("Your name", 100)
TIMEZONE = Timezone()
WEEKLY_TARGET = WholeNumber("The weekly target", 0, 100)


class Profile(models.Model):
    """How a user's calendar works and which playbook plans their steps."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, related_name="profile")
    # How the user signs their messages and appears in their From line.
    name = models.CharField(max_length=NAME.max_length, blank=True)
    timezone = models.CharField(max_length=64, default="UTC")
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1, for holidays")
    subdivision = models.CharField(max_length=8, blank=True, help_text="ISO 3166-2 part")
    working_days = models.CharField(max_length=32, default="mon,tue,wed,thu,fri")
    playbook = models.CharField(max_length=32, default=DEFAULT_PLAYBOOK)
    weekly_target = models.PositiveSmallIntegerField(default=5)
    # When scheduled messages may go out, on the working days: "09:00-17:00".
    working_hours = models.CharField(max_length=11, default="09:00-17:00")
    # The local time of the daily digest on working days, or "off".
    digest_time = models.CharField(max_length=5, default=format_digest_time(DEFAULT_DIGEST_TIME))
    # The moment of the next digest (None: off). Set by accounts.services whenever
    # the calendar or the hour changes, and by the worker after each digest.
    next_digest_at = models.DateTimeField(null=True, blank=True)
    # The user's day whose digest went out last: never two on one day.
    last_digest_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            # The worker's "whose digest is due?" reads the users who get one.
            models.Index(
                fields=["next_digest_at"],
                condition=Q(next_digest_at__isnull=False),
                name="profile_digest_due",
            )
        ]

    def __str__(self) -> str:
        return f"profile of {self.user}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def workdays(self) -> Workdays:
        return Workdays(
            timezone=self.zone,
            working_days=parse_working_days(self.working_days),
            holidays=PublicHolidays(self.country, self.subdivision, stored_holidays_of_year),
        )

    def sending_calendar(self) -> SendingCalendar:
        return SendingCalendar(self.workdays(), WorkingHours.parse(self.working_hours))

    def digest_clock(self) -> time | None:
        return parse_digest_time(self.digest_time)

    def chosen_playbook(self) -> Playbook:
        return load_playbook(self.playbook)
