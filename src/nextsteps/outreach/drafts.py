"""Drafts: a step's message written from what nextsteps knows, with its tone flags
and its best sending time."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import profile_of
from nextsteps.fields import FieldRefused
from nextsteps.outreach.models import (
    FROM_ADDRESS,
    MailAccount,
    Message,
    MessageTemplate,
    SavedDraft,
)
from nextsteps.outreach.templating import Wording, render_wording, shipped
from nextsteps.playbook import EventKind, StepKind
from nextsteps.playbook.drafting import (
    EMAILED,
    STEPS_FOR_WORD,
    DraftFacts,
    MessageKind,
    fill_blanks,
    message_kind,
    placeholders_in,
    read_reflection,
    template_context,
)
from nextsteps.playbook.sending import CannotSchedule, StepWindow, best_sending_time, sending_note
from nextsteps.playbook.tone import Flag, Timing, check_tone
from nextsteps.tracker.models import Application, Contact, Event, NextStep
from nextsteps.tracker.services import NotFound, application_of


@dataclass(frozen=True)
class Draft:
    """A message ready to edit, copy, download or schedule.

    `best_time` is when nextsteps would send it, or None with `cannot_schedule`
    saying why (a thank-you too late for its 24 hours, a card, a call script).
    """

    step: NextStep
    kind: MessageKind
    subject: str
    body: str
    to_name: str
    to_address: str
    from_address: str
    flags: list[Flag] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    best_time: datetime | None = None
    cannot_schedule: str = ""
    saved: bool = False  # the user's saved text, not a fresh draft
    sending_note: str = ""  # why the best time is outside the user's working hours

    @property
    def emailed(self) -> bool:
        return self.kind in EMAILED


def open_step_for(owner: User, application_id: int, word: str) -> tuple[NextStep, MessageKind]:
    """The open step a message word (`thank_you`, `call_script`, ...) is for."""
    application = application_of(owner, application_id)
    kinds = STEPS_FOR_WORD[word]
    step = (
        application.steps.to_do(timezone.now()).filter(kind__in=kinds).order_by("due", "id").first()
    )
    if step is None:
        wanted = " or ".join(k.value for k in kinds)
        raise NotFound(f"Application {application_id} has no open {wanted} step.")
    if word == MessageKind.CALL_SCRIPT and not can_call(step):
        raise NotFound(
            f"Application {application_id} has had no interview: a call script is for "
            "following up after one; write to them instead."
        )
    return step, message_kind(word, StepKind(step.kind), step.attempt)


def can_call(step: NextStep) -> bool:
    """A call script fits a follow-up after an interview, and nothing else: it thanks
    them for the interview."""
    return StepKind(step.kind) in STEPS_FOR_WORD[MessageKind.CALL_SCRIPT] and (
        step.application.events.filter(kind=EventKind.INTERVIEW_HELD).exists()
    )


def draft_for_step(owner: User, step: NextStep, kind: MessageKind, now: datetime) -> Draft:
    """The step's message: the text the user saved for it, with the blanks nextsteps
    can fill now filled (their name, a reflection logged since); else written from
    the user's template (or the shipped one)."""
    application = step.application
    profile = profile_of(owner)
    account = MailAccount.objects.filter(owner=owner).first()
    contact = contact_of(application)
    context = template_context(facts_for(application, contact, account, profile))
    saved = SavedDraft.objects.filter(step=step, kind=kind).first()
    if saved is None:
        subject, body = render_wording(wording_for(owner, kind), context)
    else:
        subject, body = fill_blanks(saved.subject, context), fill_blanks(saved.body, context)
    draft = finish_draft(step, kind, subject, body, now, profile, account, contact)
    return replace(draft, saved=saved is not None)


def finish_draft(
    step: NextStep,
    kind: MessageKind,
    subject: str,
    body: str,
    now: datetime,
    profile: Profile,
    account: MailAccount | None,
    contact: Contact | None,
    send_at: datetime | None = None,
) -> Draft:
    """A draft around a given text: the user's edits, checked against the step."""
    best_time, cannot, note = None, "", ""
    calendar = profile.sending_calendar()
    if kind not in EMAILED:
        cannot = "nextsteps drafts this one; it is not sent by e-mail."
    else:
        try:
            best_time = best_sending_time(window_of(step, kind), now, calendar)
            note = sending_note(window_of(step, kind), best_time, calendar)
        except CannotSchedule as exc:
            cannot = str(exc)
    timing = Timing(
        send_at=send_at or best_time or now,
        zone=profile.zone,
        not_before=step.not_before,
        all_day=step.all_day,
        deadline=window_of(step, kind).deadline,
    )
    return Draft(
        step=step,
        kind=kind,
        subject=subject,
        body=body,
        to_name=contact.name if contact else "",
        to_address=contact.email if contact else "",
        from_address=from_line(profile, account),
        flags=check_tone(kind, subject, body, timing),
        placeholders=placeholders_in(f"{subject}\n{body}"),
        best_time=best_time,
        cannot_schedule=cannot,
        sending_note=note,
    )


def window_of(step: NextStep, kind: MessageKind) -> StepWindow:
    """The step's dates; a thank-you's due moment is a hard deadline (24 hours)."""
    deadline = step.due if kind is MessageKind.THANK_YOU else None
    return StepWindow(step.not_before, step.due, step.all_day, deadline)


def wording_for(owner: User, kind: MessageKind) -> Wording:
    mine = MessageTemplate.objects.filter(owner=owner, kind=kind).first()
    return Wording(mine.subject, mine.body) if mine else shipped(kind)


def contact_of(application: Application) -> Contact | None:
    """Who the message is to: the people met at the latest interview, else the
    application's first contact."""
    interview = application.events.filter(kind=EventKind.INTERVIEW_HELD).order_by("-at").first()
    met = interview.contacts.order_by("id").first() if interview else None
    return met or application.contacts.order_by("id").first()


def facts_for(
    application: Application,
    contact: Contact | None,
    account: MailAccount | None,
    profile: Profile,
) -> DraftFacts:
    events = list(application.events.order_by("at", "id"))

    def latest(kind: EventKind) -> Event | None:
        return next((e for e in reversed(events) if e.kind == kind), None)

    interview = latest(EventKind.INTERVIEW_HELD)
    reflection = latest(EventKind.REFLECTED)
    request = latest(EventKind.MATERIALS_REQUESTED)
    decided_by = [e.decision_by for e in events if e.decision_by]
    return DraftFacts(
        sender_name=sender_name(profile, account),
        contact_name=contact.name if contact else None,
        contact_title=contact.title if contact else None,
        company=application.company.name,
        role=application.role,
        interview_day=interview.at.astimezone(profile.zone).date() if interview else None,
        applied_day=application.applied_on,
        decision_by=decided_by[-1] if decided_by else None,
        material=request.note if request else None,
        reflection=read_reflection(reflection.note) if reflection else read_reflection(""),
        thread_subject=thread_subject(application),
    )


def sender_name(profile: Profile, account: MailAccount | None) -> str:
    """The user's name as they gave it, else as their account's From line shows it
    (empty when neither has one)."""
    if profile.name or account is None:
        return profile.name
    try:
        return FROM_ADDRESS.split(account.from_address)[0]
    except FieldRefused:
        return ""


def from_line(profile: Profile, account: MailAccount | None) -> str:
    """The From header: the user's name and their account's address ("" without an
    account; the bare address when the two do not make a valid line)."""
    if account is None:
        return ""
    try:
        address = FROM_ADDRESS.split(account.from_address)[1]
    except FieldRefused:
        return account.from_address  # what the outbox then refuses, in its words
    try:
        return FROM_ADDRESS.clean(f"{sender_name(profile, account)} <{address}>")
    except FieldRefused:
        return address


def thread_subject(application: Application) -> str | None:
    """The subject of the thread's latest message, without its "Re: "."""
    last = (
        application.messages.filter(state__in=Message.LIVE_STATES)
        .order_by("-send_at", "-id")
        .first()
    )
    if last is None:
        return None
    subject = last.subject
    while subject.lower().startswith("re:"):
        subject = subject[3:].strip()
    return subject
