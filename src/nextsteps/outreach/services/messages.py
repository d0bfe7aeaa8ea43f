"""Messages: drafting, scheduling, cancelling and resolving them; nothing is sent
unless the user scheduled that very message here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Case, Q, QuerySet, When
from django.utils import timezone

from nextsteps.accounts.services import profile_of
from nextsteps.fields import FieldRefused
from nextsteps.outreach import drafts
from nextsteps.outreach.emails import CannotBuild, Letter, build_email
from nextsteps.outreach.models import (
    BODY,
    DIGEST,
    FROM_ADDRESS,
    SUBJECT,
    MailAccount,
    Message,
    SavedDraft,
)
from nextsteps.outreach.services.errors import Refused
from nextsteps.outreach.services.mail_accounts import mail_account_of
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind
from nextsteps.playbook.drafting import (
    EMAILED,
    MessageKind,
    placeholders_in,
)
from nextsteps.playbook.humandates import say_sending
from nextsteps.playbook.sending import (
    CannotSchedule,
    best_sending_time,
    check_requested_time,
    sending_window_end,
)
from nextsteps.playbook.timeline import Channel
from nextsteps.tracker.models import Application, Contact, Event, NextStep
from nextsteps.tracker.services import NotFound, owned, record_event


def _check_owner(owner: User, step: NextStep) -> None:
    """The same answer for another user's step as for no step at all."""
    if step.owner_id != owner.pk:
        raise NotFound(f"There is no step {step.pk}.")


def draft(owner: User, step: NextStep, kind: MessageKind, now: datetime) -> drafts.Draft:
    _check_owner(owner, step)
    return drafts.draft_for_step(owner, step, kind, now)


def check_text(
    owner: User,
    step: NextStep,
    kind: MessageKind,
    subject: str,
    body: str,
    now: datetime,
    send_at: datetime | None = None,
) -> drafts.Draft:
    """The user's edited text, with its flags and placeholders, for the editor."""
    _check_owner(owner, step)
    profile = profile_of(owner)
    return drafts.finish_draft(
        step,
        kind,
        subject,
        body,
        now,
        profile,
        mail_account_of(owner),
        drafts.contact_of(step.application),
        send_at=send_at,
    )


def save_draft(
    owner: User, step: NextStep, kind: MessageKind, subject: str, body: str, now: datetime
) -> drafts.Draft:
    """Keep the user's text for an open step's message: the editor shows it and
    sending sends it from now on. Returns it as a draft, with its flags."""
    _check_owner(owner, step)
    try:
        subject, body = SUBJECT.clean(subject), BODY.clean(body) + "\n"
    except FieldRefused as exc:
        raise Refused(str(exc)) from None
    if step.state != NextStep.State.OPEN:
        raise Refused("This step is no longer open.")
    SavedDraft.objects.update_or_create(
        owner=owner, step=step, kind=kind, defaults={"subject": subject, "body": body}
    )
    return drafts.draft_for_step(owner, step, kind, now)


def discard_draft(owner: User, step: NextStep, kind: MessageKind) -> bool:
    """Forget the user's saved text for the step's message, so that it is drafted
    afresh. Returns whether there was one."""
    _check_owner(owner, step)
    deleted, _ = SavedDraft.objects.filter(owner=owner, step=step, kind=kind).delete()
    return deleted > 0


def schedule_message(
    owner: User,
    step: NextStep,
    kind: MessageKind,
    subject: str,
    body: str,
    *,
    send_at: datetime | None = None,
    send_now: bool = False,
    now: datetime | None = None,
) -> Message:
    """Put the user's message for an open step in the outbox.

    `send_now` sends at the next turn of the worker, working hours or not (the user
    chose the moment); a `send_at` must be in working hours, unless it is a
    thank-you inside its 24 hours; with neither, the step's best sending time.
    Raises Refused with the reason it cannot go.
    """
    _check_owner(owner, step)
    now = now or timezone.now()
    account = mail_account_of(owner)
    contact = drafts.contact_of(step.application)
    _check_sendable(step, kind, subject, body, account, contact)
    assert contact is not None
    assert account is not None
    subject, body = SUBJECT.clean(subject), BODY.clean(body) + "\n"
    calendar = profile_of(owner).sending_calendar()
    window = drafts.window_of(step, kind)
    try:
        if send_now:
            check_requested_time(now, window, now, calendar, in_hours=False)
            send_at = now
        elif send_at is not None:
            check_requested_time(send_at, window, now, calendar)
        else:
            send_at = best_sending_time(window, now, calendar)
    except CannotSchedule as exc:
        raise Refused(str(exc)) from None
    try:
        with transaction.atomic():
            return Message.objects.create(
                owner=owner,
                application=step.application,
                step=step,
                kind=kind,
                to_name=contact.name,
                to_address=contact.email,
                subject=subject,
                body=body,
                scheduled_at=now,
                send_at=send_at,
                send_by=sending_window_end(send_at, window.deadline),
                deadline=window.deadline,
                # A thank-you's 24 hours come before the user's working hours.
                within_hours=not send_now and window.deadline is None,
            )
    except IntegrityError:
        raise Refused(_already_has_message(step)) from None


def _check_sendable(
    step: NextStep,
    kind: MessageKind,
    subject: str,
    body: str,
    account: MailAccount | None,
    contact: Contact | None,
) -> None:
    if kind not in EMAILED:
        raise Refused(f"A {kind.value.replace('_', ' ')} is not sent by e-mail.")
    if step.state != NextStep.State.OPEN:
        raise Refused("This step is no longer open.")
    if account is None:
        raise Refused("Set up your mail account first: nextsteps mail-account set ...")
    if contact is None or not contact.email:
        raise Refused("The application's contact has no e-mail address to send to.")
    if not subject.strip() or not body.strip():
        raise Refused("The message needs a subject and a body.")
    missing = placeholders_in(f"{subject}\n{body}")
    if missing:
        raise Refused(f"Fill in {', '.join(missing)} before sending.")
    try:
        # Whatever cannot be written as an e-mail is refused now, not found out
        # by the worker after it claimed the message.
        BODY.clean(body)
        build_email(Letter(account.from_address, contact.name, contact.email, subject, body))
    except (FieldRefused, CannotBuild) as exc:
        raise Refused(str(exc)) from None
    live = step.messages.filter(state__in=Message.LIVE_STATES).exists()
    if live:
        raise Refused(_already_has_message(step))


def _already_has_message(step: NextStep) -> str:
    return (
        "This step already has a message in the outbox (scheduled, sending, sent or "
        "uncertain): cancel or resolve that one first."
    )


def queue_digest(
    owner: User, day: date, subject: str, body: str, now: datetime, send_by: datetime
) -> Message | None:
    """The user's digest in the outbox, to their own address, to go at once and at
    any hour (they chose it); None when they have no mail account to send it with."""
    account = mail_account_of(owner)
    if account is None:
        return None
    address = FROM_ADDRESS.split(account.from_address)[1]
    return Message.objects.create(
        owner=owner,
        kind=DIGEST,
        digest_for=day,
        to_name=drafts.sender_name(profile_of(owner), account),
        to_address=address,
        subject=subject,
        body=body,
        scheduled_at=now,
        send_at=now,
        send_by=send_by,
        within_hours=False,
    )


def message_of(owner: User, message_id: int) -> Message:
    return owned(
        Message.objects.select_related("application__company"), owner, message_id, "message"
    )


def cancel_message(owner: User, message_id: int) -> Message:
    """Take a scheduled message out of the queue; one being sent cannot be stopped."""
    message = message_of(owner, message_id)
    cancelled = Message.objects.filter(pk=message.pk, state=Message.State.SCHEDULED).update(
        state=Message.State.CANCELLED, reason="You cancelled it."
    )
    message.refresh_from_db()
    if not cancelled:
        raise Refused(f"Only a scheduled message can be cancelled; this one is {message.state}.")
    return message


def retry_message(owner: User, message_id: int, now: datetime | None = None) -> Message:
    """A failed message back in the queue, to go as it was scheduled: at once if the
    user chose "now", else at the next moment in their working hours. Refused when
    its step is closed or its window has passed."""
    now = now or timezone.now()
    message = message_of(owner, message_id)
    if message.is_digest:
        raise Refused("A digest is not sent again: the next one comes as usual.")
    if message.state != Message.State.FAILED:
        raise Refused(f"Only a message that failed can be retried; this one is {message.state}.")
    if mail_account_of(owner) is None:
        raise Refused("Set up your mail account first: nextsteps mail-account set ...")
    step = message.step
    if step is None or step.state != NextStep.State.OPEN:
        raise Refused("Its step is no longer open, so there is nothing to retry.")
    calendar = profile_of(owner).sending_calendar()
    window = drafts.window_of(step, MessageKind(message.kind))
    send_at = calendar.next_open(now) if message.within_hours else now
    try:
        check_requested_time(send_at, window, now, calendar, in_hours=message.within_hours)
    except CannotSchedule as exc:
        raise Refused(str(exc)) from None
    try:
        with transaction.atomic():
            Message.objects.filter(pk=message.pk, state=Message.State.FAILED).update(
                state=Message.State.SCHEDULED,
                send_at=send_at,
                send_by=sending_window_end(send_at, window.deadline),
                attempts=0,
                reason="",
                claimed_by="",
                lease_until=None,
            )
    except IntegrityError:
        raise Refused(_already_has_message(step)) from None
    message.refresh_from_db()
    return message


def resolve_uncertain(
    owner: User, message_id: int, went_out: bool, reason: str | None = None
) -> Message:
    """The answer for an uncertain message: it went out (the user found it in their
    Sent folder, or the employer answered it, or the inbox sync found it there), or
    it did not. `reason` says who answered; by default, the user."""
    message = message_of(owner, message_id)
    if reason is None:
        reason = "You said it went out." if went_out else "You said it did not go out."
    with transaction.atomic():
        resolved = Message.objects.filter(pk=message.pk, state=Message.State.UNCERTAIN).update(
            state=Message.State.SENT if went_out else Message.State.CANCELLED,
            reason=reason,
            sent_at=(message.claimed_at or message.send_at) if went_out else None,
        )
        if resolved and went_out:
            message.refresh_from_db()
            record_sending(message)
    message.refresh_from_db()
    if not resolved:
        raise Refused(f"Only an uncertain message can be resolved; this one is {message.state}.")
    return message


# Messages still to go out: the outbox lists them first, the next to go at the top.
_TO_GO = Q(state__in=[Message.State.SCHEDULED, Message.State.SENDING])


def outbox_of(owner: User) -> list[Message]:
    """The user's messages: those still to go, the next first; then the rest, the
    latest first."""
    to_go = Case(When(_TO_GO, then="send_at"))
    gone = Case(When(~_TO_GO, then="send_at"))
    return list(
        Message.objects.filter(owner=owner)
        .select_related("application__company")
        .order_by(to_go.asc(nulls_last=True), gone.desc(nulls_last=True), "-id")
    )


@dataclass(frozen=True)
class StepSend:
    """A step's message in the outbox, as the step tells it: going, gone wrong, or
    in doubt. A sent message completes its step, so it is not one of these."""

    message_id: int
    state: str
    send_at: datetime
    attempts: int
    reason: str

    @property
    def needs_you(self) -> bool:
        return self.state in (Message.State.FAILED, Message.State.UNCERTAIN)

    def sentence(self, zone: tzinfo, today: date) -> str:
        """What the user must know before doing the step by hand: it is going (do not
        send it twice), or it did not go (and what to do)."""
        if self.needs_you or (self.state == Message.State.SCHEDULED and self.attempts):
            return self.reason
        if self.state == Message.State.SENDING:
            return "nextsteps is sending your message now."
        return say_sending(self.send_at, zone, today)


# The states a step's card speaks of; of several messages, a live one wins.
_TOLD = (Message.State.SCHEDULED, Message.State.SENDING, Message.State.UNCERTAIN)


def step_sends(owner: User, step_ids: list[int]) -> dict[int, StepSend]:
    """Each step's message that is going, in doubt or failed, for the steps that have one."""
    rows = Message.objects.filter(
        owner=owner, step_id__in=step_ids, state__in=[*_TOLD, Message.State.FAILED]
    ).order_by("id")
    sends: dict[int, StepSend] = {}
    for message in rows.only("step_id", "state", "send_at", "attempts", "reason"):
        assert message.step_id is not None
        earlier = sends.get(message.step_id)
        if earlier is None or earlier.state not in _TOLD:
            sends[message.step_id] = StepSend(
                message.id, message.state, message.send_at, message.attempts, message.reason
            )
    return sends


def needing_the_user(owner: User) -> QuerySet[Message]:
    """Messages the user must look at: one that may or may not have gone out, and one
    that failed while its step is still open with no other message on its way."""
    return Message.objects.filter(owner=owner).filter(
        Q(state=Message.State.UNCERTAIN)
        | Q(state=Message.State.FAILED, step__state=NextStep.State.OPEN)
        & ~Q(step__messages__state__in=Message.LIVE_STATES)
    )


def how_many_need_the_user(owner: User) -> int:
    """How many of `needing_the_user`: every page's navigation says it. Most users
    have no failed or doubtful message, and asking that is a fraction of the cost
    of building the whole question."""
    troubled = (Message.State.UNCERTAIN, Message.State.FAILED)
    if not Message.objects.filter(owner=owner, state__in=troubled).exists():
        return 0
    return needing_the_user(owner).count()


# What sending a message means on the application's timeline.
EVENT_OF_MESSAGE: dict[MessageKind, EventKind] = {
    MessageKind.THANK_YOU: EventKind.THANK_YOU_SENT,
    MessageKind.FOLLOW_UP: EventKind.FOLLOW_UP_SENT,
    MessageKind.FOLLOW_UP_AGAIN: EventKind.FOLLOW_UP_SENT,
    MessageKind.CHECK_IN: EventKind.FOLLOW_UP_SENT,
    MessageKind.SEND_MATERIALS: EventKind.MATERIALS_SENT,
    MessageKind.REPLY_TO_REJECTION: EventKind.REJECTION_ANSWERED,
}


def record_sending(message: Message) -> None:
    """Log the sent message on the timeline, which completes its step and replans.
    The digest belongs to no timeline."""
    assert message.sent_at is not None
    if message.application is None:
        return
    zone = profile_of(message.owner).zone
    event = PlannedEvent(
        EVENT_OF_MESSAGE[MessageKind(message.kind)],
        message.sent_at.astimezone(zone),
        channel=Channel.EMAIL,
    )
    record_event(message.application, event, note="Sent by nextsteps.")


def messages_on_timeline(application: Application, events: list[Event]) -> dict[int, int]:
    """The message nextsteps sent for each of these events that records one (event id
    to message id): record_sending logs a message as an event of its kind at the
    moment it was sent."""
    sent = Message.objects.filter(
        application=application, state=Message.State.SENT, sent_at__isnull=False
    ).only("kind", "sent_at")
    by_moment: dict[tuple[str, datetime | None], int] = {
        (EVENT_OF_MESSAGE[MessageKind(m.kind)], m.sent_at): m.id
        for m in sent
        if MessageKind(m.kind) in EVENT_OF_MESSAGE
    }
    return {e.id: by_moment[e.kind, e.at] for e in events if (e.kind, e.at) in by_moment}


def letter_of(draft: drafts.Draft) -> Letter:
    """A draft as a letter, for the .eml download and the mailto: link."""
    return Letter(
        from_address=draft.from_address,
        to_name=draft.to_name,
        to_address=draft.to_address,
        subject=draft.subject,
        body=draft.body,
    )
