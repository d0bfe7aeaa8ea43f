"""The quick forms of the application page: each records one event through
tracker.services.record_event. A form checks what the user typed and builds the
event on their clock; the view only records it."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any, ClassVar

from django import forms

from nextsteps.formfields import RowChoicesField, RuleField
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, InvalidEvent
from nextsteps.playbook.describe import CHANNEL_WORDS, EVENT_NAMES
from nextsteps.playbook.drafting import Reflection, reflection_items, write_reflection
from nextsteps.playbook.timeline import Channel
from nextsteps.playbook.workdays import MORNING
from nextsteps.tracker.models import CONTACT_EMAIL, CONTACT_NAME, NOTE, Application, Contact
from nextsteps.tracker.services import ContactDetails, check_event, moment_on
from nextsteps.web.forms import DAY

CLOCK = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TEXT = forms.Textarea(attrs={"rows": 3})


def note_field(**kwargs: Any) -> RuleField:
    return RuleField(NOTE, widget=TEXT, **kwargs)


class EventForm(forms.Form):
    """The day and time something happened, and a note."""

    kind: ClassVar[EventKind]
    title: ClassVar[str]

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
        self.checked_note = ""

    def clean(self) -> dict[str, Any]:
        """The event, checked by the rule record_event applies (nothing in the future,
        dates nextsteps can plan with, the note's length)."""
        data = super().clean() or {}
        if self.errors:
            return data
        at = moment_on(data["day"], data.get("time"), self.now)
        try:
            planned = self.event(data, at)
            self.checked_note = check_event(planned, self.note_text(), self.now)
        except InvalidEvent as exc:
            raise forms.ValidationError(str(exc)) from None
        self.planned = planned
        return data

    def event(self, data: dict[str, Any], at: datetime) -> PlannedEvent:
        return PlannedEvent(self.kind, at)

    def note_text(self) -> str:
        return str(self.cleaned_data.get("note", ""))

    def people(self) -> list[Contact | ContactDetails]:
        return []


class InterviewHeldForm(EventForm):
    kind = EventKind.INTERVIEW_HELD
    title = "Interview held"

    time = forms.TimeField(widget=CLOCK, label="Started at")
    end = forms.TimeField(widget=CLOCK, required=False, label="Ended at")
    interviewers = RowChoicesField(
        queryset=Contact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="With",
    )
    new_name = RuleField(CONTACT_NAME, label="With someone new: name")
    new_email = RuleField(CONTACT_EMAIL, label="Their e-mail", widget=forms.EmailInput)
    decision_by = forms.DateField(
        widget=DAY, required=False, label="You will hear back by", help_text="The day they gave."
    )
    wait_until = forms.DateField(
        widget=DAY,
        required=False,
        label="They asked you to wait until",
        help_text="Only if they asked you not to contact them before a date.",
    )
    contact_on = forms.DateField(
        widget=DAY,
        required=False,
        label="They asked you to get in touch on",
        help_text="Only if they asked you to call or write on a day, even a day or two later.",
    )
    note = note_field(label="What they said about the next steps")

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
            contact_on=data["contact_on"],
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

    time = forms.TimeField(widget=CLOCK, label="Starts at")
    note = note_field(label="Where, with whom")


class ReflectionForm(EventForm):
    """Article 002: analyse the interview right after it, while it is fresh."""

    kind = EventKind.REFLECTED
    title = "How the interview went"

    strong_points = note_field(label="Your strong points")
    to_improve = note_field(label="What you could improve")
    topics = note_field(label="Topics to bring up in your next messages")
    field_order = ["strong_points", "to_improve", "topics", "day", "time"]

    def note_text(self) -> str:
        """Written as the drafts read it: the thank-you names the topics and strengths."""
        parts = {
            name: reflection_items(self.cleaned_data[name])
            for name in ("strong_points", "to_improve", "topics")
        }
        return write_reflection(Reflection(**parts))


class ReplyForm(EventForm):
    kind = EventKind.EMPLOYER_REPLIED
    title = "They replied"

    decision_by = forms.DateField(widget=DAY, required=False, label="They will decide by")
    wait_until = forms.DateField(widget=DAY, required=False, label="They asked you to wait until")
    contact_on = forms.DateField(
        widget=DAY, required=False, label="They asked you to get in touch on"
    )
    note = note_field(label="What they said")

    def event(self, data: dict[str, Any], at: datetime) -> PlannedEvent:
        return PlannedEvent(
            self.kind,
            at,
            decision_by=data["decision_by"],
            wait_until=data["wait_until"],
            contact_on=data["contact_on"],
        )


class MaterialsForm(EventForm):
    kind = EventKind.MATERIALS_REQUESTED
    title = "They asked for material"

    note = note_field(
        required=True,
        label="What they asked for",
        help_text="References, a portfolio, a test...",
        error_messages={"required": "Say what they asked for."},
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
    decision_by = forms.DateField(
        widget=DAY, required=False, label="They need your answer by", help_text="For an offer."
    )
    note = note_field()
    field_order = ["outcome", "official", "decision_by", "day", "time", "note"]

    def event(self, data: dict[str, Any], at: datetime) -> PlannedEvent:
        return PlannedEvent(
            EventKind(data["outcome"]),
            at,
            official=data["official"],
            decision_by=data["decision_by"],
        )


class OtherEventForm(EventForm):
    title = "Something else"

    what = forms.ChoiceField(choices=[(k.value, EVENT_NAMES[k]) for k in EventKind], label="What")
    channel = forms.ChoiceField(
        choices=[("", "—"), *((c.value, CHANNEL_WORDS[c].capitalize()) for c in Channel)],
        required=False,
        label="How",
    )
    note = note_field()
    field_order = ["what", "day", "time", "channel", "note"]

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
