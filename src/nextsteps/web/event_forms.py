"""The quick forms of the application page: each records one event through
tracker.services.record_event. A form checks what the user typed and builds the
event on their clock; the view only records it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from datetime import time as Clock
from typing import Any, ClassVar

from django import forms

from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, InvalidEvent
from nextsteps.playbook.describe import CHANNEL_WORDS, EVENT_NAMES
from nextsteps.playbook.timeline import Channel
from nextsteps.playbook.workdays import MORNING
from nextsteps.tracker.models import Application, Contact
from nextsteps.tracker.services import ContactDetails
from nextsteps.web.forms import DAY

CLOCK = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TEXT = forms.Textarea(attrs={"rows": 3})
# A clock a little ahead of ours must not make "just now" look like the future.
SLACK = timedelta(minutes=5)


class EventForm(forms.Form):
    """The day and time something happened, and a note."""

    kind: ClassVar[EventKind]
    title: ClassVar[str]
    future: ClassVar[str] = "That is in the future: record it once it has happened."

    day = forms.DateField(widget=DAY)
    time = forms.TimeField(
        widget=CLOCK, required=False, help_text="Leave it empty for now (or 09:00 another day)."
    )

    def __init__(
        self, *args: Any, application: Application, zone: tzinfo, now: datetime, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.application = application
        self.zone = zone
        self.now = now.astimezone(zone)
        self.fields["day"].initial = self.now.date()
        self.planned: PlannedEvent | None = None

    def moment(self, day: date, clock: Clock | None) -> datetime:
        if clock is None:
            if day == self.now.date():
                return self.now.replace(second=0, microsecond=0)
            clock = MORNING
        return datetime.combine(day, clock, tzinfo=self.zone)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        at = self.moment(data["day"], data.get("time"))
        if at > self.now + SLACK and self.too_late(data):
            raise forms.ValidationError(self.too_late(data))
        try:
            self.planned = self.event(data, at)
        except InvalidEvent as exc:
            raise forms.ValidationError(str(exc)) from None
        return data

    def too_late(self, data: dict[str, Any]) -> str:
        """Why the event cannot be in the future; empty when it can."""
        return self.future

    def event(self, data: dict[str, Any], at: datetime) -> PlannedEvent:
        return PlannedEvent(self.kind, at)

    def note_text(self) -> str:
        return str(self.cleaned_data.get("note", "")).strip()

    def people(self) -> list[Contact | ContactDetails]:
        return []


class InterviewHeldForm(EventForm):
    kind = EventKind.INTERVIEW_HELD
    title = "Interview held"
    future = "An interview cannot be held in the future: record it as booked instead."

    time = forms.TimeField(widget=CLOCK, label="Started at")
    end = forms.TimeField(widget=CLOCK, required=False, label="Ended at")
    interviewers = forms.ModelMultipleChoiceField(
        queryset=Contact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="With",
    )
    new_name = forms.CharField(max_length=200, required=False, label="With someone new: name")
    new_email = forms.EmailField(required=False, label="Their e-mail")
    decision_by = forms.DateField(
        widget=DAY, required=False, label="You will hear back by", help_text="The day they gave."
    )
    wait_until = forms.DateField(
        widget=DAY,
        required=False,
        label="They asked you to wait until",
        help_text="Only if they asked you not to contact them before a date.",
    )
    note = forms.CharField(widget=TEXT, required=False, label="What they said about the next steps")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interviewers"].queryset = self.application.contacts.all()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        if self.data.get(self.add_prefix("new_email")) and not self.data.get(
            self.add_prefix("new_name")
        ):
            self.add_error("new_name", "Give the new person's name.")
        return super().clean()

    def event(self, data: dict[str, Any], at: datetime) -> PlannedEvent:
        end = datetime.combine(at.date(), data["end"], tzinfo=self.zone) if data["end"] else None
        return PlannedEvent(
            self.kind,
            at,
            end=end,
            decision_by=data["decision_by"],
            wait_until=data["wait_until"],
        )

    def people(self) -> list[Contact | ContactDetails]:
        data = self.cleaned_data
        known: list[Contact | ContactDetails] = list(data["interviewers"])
        if data["new_name"]:
            known.append(ContactDetails(data["new_name"], data["new_email"]))
        return known


class InterviewBookedForm(EventForm):
    kind = EventKind.INTERVIEW_SCHEDULED
    title = "Interview booked"
    future = ""  # the interview is usually ahead

    time = forms.TimeField(widget=CLOCK, label="Starts at")
    note = forms.CharField(widget=TEXT, required=False, label="Where, with whom")


class ReflectionForm(EventForm):
    """Article 002: analyse the interview right after it, while it is fresh."""

    kind = EventKind.REFLECTED
    title = "How the interview went"

    strong_points = forms.CharField(widget=TEXT, required=False, label="Your strong points")
    to_improve = forms.CharField(widget=TEXT, required=False, label="What you could improve")
    topics = forms.CharField(
        widget=TEXT, required=False, label="Topics to bring up in your next messages"
    )
    field_order = ["strong_points", "to_improve", "topics", "day", "time"]

    def note_text(self) -> str:
        parts = [
            (self.fields[name].label, self.cleaned_data[name].strip())
            for name in ("strong_points", "to_improve", "topics")
        ]
        return "\n".join(f"{label}: {text}" for label, text in parts if text)


class ReplyForm(EventForm):
    kind = EventKind.EMPLOYER_REPLIED
    title = "They replied"

    decision_by = forms.DateField(widget=DAY, required=False, label="They will decide by")
    wait_until = forms.DateField(widget=DAY, required=False, label="They asked you to wait until")
    note = forms.CharField(widget=TEXT, required=False, label="What they said")

    def event(self, data: dict[str, Any], at: datetime) -> PlannedEvent:
        return PlannedEvent(
            self.kind, at, decision_by=data["decision_by"], wait_until=data["wait_until"]
        )


class MaterialsForm(EventForm):
    kind = EventKind.MATERIALS_REQUESTED
    title = "They asked for material"

    note = forms.CharField(
        widget=TEXT, label="What they asked for", help_text="References, a portfolio, a test..."
    )
    due_day = forms.DateField(widget=DAY, required=False, label="You promised it by")
    due_time = forms.TimeField(widget=CLOCK, required=False, label="At")

    def event(self, data: dict[str, Any], at: datetime) -> PlannedEvent:
        due = None
        if data["due_day"]:
            due = datetime.combine(data["due_day"], data["due_time"] or MORNING, self.zone)
        return PlannedEvent(self.kind, at, due=due)


OUTCOMES = [
    (EventKind.OFFER_RECEIVED.value, "They offered me the job"),
    (EventKind.OFFER_ACCEPTED.value, "I accepted the offer"),
    (EventKind.OFFER_DECLINED.value, "I declined the offer"),
    (EventKind.REJECTED.value, "They turned me down"),
    (EventKind.WITHDRAWN.value, "I withdrew"),
]


class OutcomeForm(EventForm):
    title = "Outcome"

    outcome = forms.ChoiceField(choices=OUTCOMES, widget=forms.RadioSelect)
    official = forms.BooleanField(
        required=False, label="The offer is in writing", help_text="Until then it is verbal."
    )
    note = forms.CharField(widget=TEXT, required=False)
    field_order = ["outcome", "official", "day", "time", "note"]

    def event(self, data: dict[str, Any], at: datetime) -> PlannedEvent:
        return PlannedEvent(EventKind(data["outcome"]), at, official=data["official"])


class OtherEventForm(EventForm):
    title = "Something else"

    what = forms.ChoiceField(choices=[(k.value, EVENT_NAMES[k]) for k in EventKind], label="What")
    channel = forms.ChoiceField(
        choices=[("", "—"), *((c.value, CHANNEL_WORDS[c].capitalize()) for c in Channel)],
        required=False,
        label="How",
    )
    note = forms.CharField(widget=TEXT, required=False)
    field_order = ["what", "day", "time", "channel", "note"]

    def too_late(self, data: dict[str, Any]) -> str:
        return "" if data["what"] == EventKind.INTERVIEW_SCHEDULED else self.future

    def event(self, data: dict[str, Any], at: datetime) -> PlannedEvent:
        channel = Channel(data["channel"]) if data["channel"] else None
        return PlannedEvent(EventKind(data["what"]), at, channel=channel)


# The URL's name for each form, in the order the application page offers them.
EVENT_FORMS: dict[str, type[EventForm]] = {
    "reflection": ReflectionForm,
    "interview": InterviewHeldForm,
    "reply": ReplyForm,
    "materials": MaterialsForm,
    "outcome": OutcomeForm,
    "booked": InterviewBookedForm,
    "event": OtherEventForm,
}
