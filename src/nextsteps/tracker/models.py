"""What a job seeker keeps: companies, contacts, applications, their timelines and
the plan nextsteps made from them.

Only `tracker.services` writes Event and NextStep rows.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q

from nextsteps.fields import Day, EmailAddress, Mailbox, Text, WebAddress
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, StepKind
from nextsteps.playbook.step import is_overdue, title
from nextsteps.playbook.timeline import Channel, Culture, Stage

# Each field's rule, once: the services apply them, the forms and the command line
# show their sentences. The lengths are the columns' own.
COMPANY_NAME = Text("The company's name", 200, required=True)
ROLE = Text("The role", 200, required=True)
POSTING_URL = WebAddress("The job posting's address", 500)
SOURCE = Text("Where you found the job", 100)
CONTACT_NAME = Text("The person's name", 200, required=True)
CONTACT_EMAIL = EmailAddress("The e-mail address", 254)
PHONE = Text("The phone number", 40)
JOB_TITLE = Text("The job title", 200)
# A contact's name and address typed as one line, as the command line takes them.
CONTACT = Mailbox("The contact", person=True)
NOTE = Text("The note", 10_000, multiline=True)
SKIP_REASON = Text(
    "The reason to skip it", 200, required=True, if_empty="Say in a few words why you skip it."
)
APPLIED_ON = Day("The date you applied", past_only=True)
HAPPENED_ON = Day("The day it happened", past_only=True)
INTERVIEW_ON = Day("The interview's day")
DECISION_BY = Day("The decision date")
WAIT_UNTIL = Day("The day they asked you to wait until")
CONTACT_ON = Day("The day they asked you to get in touch")
DUE = Day("The day you promised the material by")
INTERVIEW_END = Day("The interview's end")
# The day an agenda or a digest is asked for.
AGENDA_DAY = Day("The day")


def _choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]


class Company(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    name = models.CharField(max_length=COMPANY_NAME.max_length)
    website = models.CharField(max_length=200, blank=True)
    culture = models.CharField(max_length=16, choices=_choices(Culture), default=Culture.MODERN)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="company_name_per_owner")
        ]
        verbose_name_plural = "companies"

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    company = models.ForeignKey(Company, models.SET_NULL, null=True, blank=True)
    name = models.CharField(max_length=CONTACT_NAME.max_length)
    email = models.EmailField(max_length=CONTACT_EMAIL.max_length, blank=True)
    phone = models.CharField(max_length=PHONE.max_length, blank=True)
    title = models.CharField(max_length=JOB_TITLE.max_length, blank=True)

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


class Application(models.Model):
    class Kind(models.TextChoices):
        PERMANENT = "permanent"
        TEMPORARY = "temporary"
        CONTRACT = "contract"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    company = models.ForeignKey(Company, models.PROTECT, related_name="applications")
    role = models.CharField(max_length=ROLE.max_length)
    posting_url = models.URLField(max_length=POSTING_URL.max_length, blank=True)
    source = models.CharField(max_length=SOURCE.max_length, blank=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PERMANENT)
    contacts = models.ManyToManyField(Contact, blank=True, related_name="applications")
    created = models.DateTimeField(auto_now_add=True)
    # Derived from the events by services.replan(), stored for the board and the
    # keep-searching nudge; never typed by hand.
    stage = models.CharField(max_length=16, choices=_choices(Stage), default=Stage.SAVED)
    applied_on = models.DateField(null=True, blank=True)
    ends_search = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["owner", "stage"], name="application_owner_stage"),
            models.Index(fields=["owner", "applied_on"], name="application_owner_applied"),
            # "Has this user accepted an official offer?" without reading the rest.
            models.Index(
                fields=["owner"], condition=Q(ends_search=True), name="application_search_over"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} at {self.company.name}"


class Event(models.Model):
    """One fact on an application's timeline. Append-only."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=_choices(EventKind))
    at = models.DateTimeField()
    end = models.DateTimeField(null=True, blank=True)
    decision_by = models.DateField(null=True, blank=True)
    wait_until = models.DateField(null=True, blank=True)
    contact_on = models.DateField(null=True, blank=True)
    due = models.DateTimeField(null=True, blank=True)
    channel = models.CharField(max_length=16, choices=_choices(Channel), blank=True)
    official = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    # The user's timezone when they recorded it: the event's dates were checked
    # on that clock, and a later change of timezone must not make it invalid.
    timezone = models.CharField(max_length=64)
    contacts = models.ManyToManyField(Contact, blank=True, related_name="events")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["application", "at"], name="event_application_at")]

    def __str__(self) -> str:
        return f"{self.kind} on {self.at:%Y-%m-%d}"

    def as_planned(self) -> PlannedEvent:
        """The fact for the planner, on the clock it was recorded on."""
        zone = ZoneInfo(self.timezone)
        return PlannedEvent(
            kind=EventKind(self.kind),
            at=self.at.astimezone(zone),
            end=self.end and self.end.astimezone(zone),
            decision_by=self.decision_by,
            wait_until=self.wait_until,
            contact_on=self.contact_on,
            due=self.due and self.due.astimezone(zone),
            channel=Channel(self.channel) if self.channel else None,
            official=self.official,
        )


def to_do_at(now: datetime) -> Q:
    """Open steps still worth doing at `now`. A step whose window passed is hidden
    by its stored `lapses_at` at once, before any replan writes it lapsed."""
    return (Q(lapses_at__isnull=True) | Q(lapses_at__gt=now)) & Q(state="open")


def missed_at(now: datetime) -> Q:
    """Steps nobody did in their window: lapsed, or open past their lapse time."""
    return Q(state="lapsed") | Q(state="open", lapses_at__lte=now)


class NextStepQuerySet(models.QuerySet["NextStep"]):
    def to_do(self, now: datetime) -> NextStepQuerySet:
        return self.filter(to_do_at(now))

    def missed(self, now: datetime) -> NextStepQuerySet:
        return self.filter(missed_at(now))


class NextStep(models.Model):
    """The plan, materialised: one row per step, indexed by when it can be acted on."""

    class State(models.TextChoices):
        OPEN = "open"
        DONE = "done"
        SKIPPED = "skipped"
        CANCELLED = "cancelled"
        # Its window in the playbook passed: doing it now would no longer help.
        LAPSED = "lapsed"

    # The owner is copied from the application so the agenda is one index range.
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    application = models.ForeignKey(Application, models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=24, choices=_choices(StepKind))
    attempt = models.PositiveSmallIntegerField(null=True, blank=True)
    not_before = models.DateTimeField()
    due = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    why = models.TextField()
    sources = models.JSONField(default=list)
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    # When it stops being worth doing (the playbook's window for its kind); None: never.
    lapses_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Why the user chose not to do it; a skipped step stays skipped across replans.
    skip_reason = models.CharField(max_length=SKIP_REASON.max_length, blank=True)
    # Raised whenever a replan moves the step, so a calendar app that already
    # shows it replaces it (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)

    objects = NextStepQuerySet.as_manager()

    class Meta:
        indexes = [
            # "What can I act on by tonight?" touches open steps only, however
            # many closed ones the user (or anyone else) has. It is the only
            # partial index on open steps, so PostgreSQL's planner cannot prefer
            # another one when one user holds most of the closed rows.
            models.Index(
                fields=["owner", "not_before"],
                condition=Q(state="open"),
                name="nextstep_open_agenda",
            ),
            # The calendar feed's version: the user's latest change to any step.
            models.Index(fields=["owner", "updated"], name="nextstep_owner_updated"),
            # An application's next step, for each row of the table sorted by it: its
            # open steps in due order, past its closed ones. Not partial: PostgreSQL's
            # planner would take a partial one on open steps for the agenda's.
            models.Index(fields=["application", "state", "due"], name="nextstep_application_state"),
            # The feed's version also changes when an open step's window passes,
            # which writes nothing: "the latest lapse so far" reads only these.
            models.Index(
                fields=["owner", "lapses_at"],
                condition=Q(state="open", lapses_at__isnull=False),
                name="nextstep_open_lapses",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} due {self.due:%Y-%m-%d %H:%M}"

    def is_overdue(self, now: datetime, zone: tzinfo) -> bool:
        return is_overdue(self.due, self.all_day, now, zone)

    def title(self) -> str:
        """What to do, in a few words; reads the application and its company."""
        application = self.application
        return title(StepKind(self.kind), application.company.name, application.role, self.attempt)
