"""Momentum activities (learning, networking, temporary work) and the days each was
done. Only `activities.services` writes them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from nextsteps.fields import Day, Text, WholeNumber
from nextsteps.playbook.habits import HABITS, ActivityKind

# Each field's rule, once: the service applies them, the form and the command line
# show their sentences.
WHAT = Text("What you do", 200, required=True, if_empty="Say in a few words what you do.")
EVERY_DAYS = WholeNumber("The days between two times", 1, 365)
DUE_ON = Day("The activity's day")
DONE_ON = Day("The day you did it", past_only=True)


class Activity(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    kind = models.CharField(
        max_length=24, choices=[(k.value, HABITS[k].name) for k in ActivityKind]
    )
    what = models.CharField(max_length=WHAT.max_length)
    # None: done once. Otherwise it is due again this many days after it was done.
    every_days = models.PositiveSmallIntegerField(null=True, blank=True)
    # The day it is for; None once a one-off is done or the activity was removed.
    due = models.DateField(null=True, blank=True)
    # A removed activity plans nothing more, but what was done stays in the report.
    removed = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "activities"
        indexes = [
            # Today's "what is due by tonight?" reads only the activities still planned.
            models.Index(
                fields=["owner", "due"], condition=Q(due__isnull=False), name="activity_due"
            ),
            models.Index(fields=["owner", "removed"], name="activity_owner_kept"),
        ]

    def __str__(self) -> str:
        return f"{HABITS[ActivityKind(self.kind)].name}: {self.what}"


class ActivityDone(models.Model):
    """One day the activity was done: what the weekly review and the report count."""

    activity = models.ForeignKey(Activity, models.CASCADE, related_name="done")
    # The owner is copied from the activity so a week's or a report's range is one index range.
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    on = models.DateField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "on"], name="activitydone_owner_on")]

    def __str__(self) -> str:
        return f"{self.activity} on {self.on}"
