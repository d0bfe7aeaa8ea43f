from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models

from nextsteps.playbook import DEFAULT_PLAYBOOK, Playbook, Workdays, load_playbook
from nextsteps.playbook.sending import SendingCalendar, WorkingHours
from nextsteps.playbook.workdays import parse_working_days, public_holidays


class Profile(models.Model):
    """How a user's calendar works and which playbook plans their steps."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, related_name="profile")
    timezone = models.CharField(max_length=64, default="UTC")
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1, for holidays")
    subdivision = models.CharField(max_length=8, blank=True, help_text="ISO 3166-2 part")
    working_days = models.CharField(max_length=32, default="mon,tue,wed,thu,fri")
    playbook = models.CharField(max_length=32, default=DEFAULT_PLAYBOOK)
    weekly_target = models.PositiveSmallIntegerField(default=5)
    # When scheduled messages may go out, on the working days: "09:00-17:00".
    working_hours = models.CharField(max_length=11, default="09:00-17:00")

    def __str__(self) -> str:
        return f"profile of {self.user}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def workdays(self) -> Workdays:
        return Workdays(
            timezone=self.zone,
            working_days=parse_working_days(self.working_days),
            holidays=public_holidays(self.country, self.subdivision),
        )

    def sending_calendar(self) -> SendingCalendar:
        return SendingCalendar(self.workdays(), WorkingHours.parse(self.working_hours))

    def chosen_playbook(self) -> Playbook:
        return load_playbook(self.playbook)
