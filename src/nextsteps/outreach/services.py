"""The use cases of messages. The CLI and the web pages call these; nothing is sent
unless the user scheduled that very message here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parseaddr

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from nextsteps.accounts.services import profile_of
from nextsteps.outreach import drafts
from nextsteps.outreach.crypto import encrypt_password
from nextsteps.outreach.emails import Letter, envelope_sender
from nextsteps.outreach.models import DIGEST, MailAccount, Message, MessageTemplate
from nextsteps.outreach.templating import TemplateRefused, Wording, render_wording
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind
from nextsteps.playbook.drafting import (
    EMAILED,
    DraftFacts,
    MessageKind,
    placeholders_in,
    template_context,
)
from nextsteps.playbook.sending import (
    CannotSchedule,
    best_sending_time,
    check_requested_time,
    sending_window_end,
)
from nextsteps.playbook.timeline import Channel
from nextsteps.tracker.models import Contact, NextStep
from nextsteps.tracker.services import NotFound, record_event

MAX_DAILY_CAP = 1000


class Refused(ValueError):
    """Something the user asked for that nextsteps will not do; one sentence why."""


@dataclass(frozen=True)
class AccountSettings:
    host: str
    port: int
    security: str
    from_address: str
    username: str = ""
    daily_cap: int | None = None


def set_mail_account(
    owner: User, details: AccountSettings, password: str | None = None
) -> MailAccount:
    """Create or change the user's mail account. A password of None keeps the stored one."""
    _check_account(details)
    account = MailAccount.objects.filter(owner=owner).first() or MailAccount(owner=owner)
    account.host = details.host.strip()
    account.port = details.port
    account.security = details.security
    account.from_address = details.from_address.strip()
    account.username = details.username.strip()
    if details.daily_cap is not None:
        account.daily_cap = details.daily_cap
    if password is not None:
        account.password_encrypted = encrypt_password(password) if password else ""
    account.save()
    return account


def _check_account(details: AccountSettings) -> None:
    if not details.host.strip() or any(c.isspace() for c in details.host.strip()):
        raise Refused(f"The mail server must be a host name, not {details.host!r}.")
    if not 0 < details.port < 65536:
        raise Refused(f"The port must be a number from 1 to 65535, not {details.port}.")
    if details.security not in MailAccount.Security.values:
        choices = ", ".join(MailAccount.Security.values)
        raise Refused(f"Security must be one of {choices}, not {details.security!r}.")
    try:
        validate_email(envelope_sender(details.from_address))
    except ValidationError:
        raise Refused(
            f"The From address must look like 'Ann Lee <ann@example.com>', "
            f"not {details.from_address!r}."
        ) from None
    cap = details.daily_cap
    if cap is not None and not 1 <= cap <= MAX_DAILY_CAP:
        raise Refused(f"The daily cap must be from 1 to {MAX_DAILY_CAP}, not {cap}.")


def mail_account_of(owner: User) -> MailAccount | None:
    return MailAccount.objects.filter(owner=owner).first()


def set_sending_paused(owner: User, paused: bool) -> MailAccount:
    """The "pause all sending" switch: scheduled messages wait while it is on."""
    account = mail_account_of(owner)
    if account is None:
        raise Refused("There is no mail account to pause: set one up first.")
    account.sending_paused = paused
    account.save(update_fields=["sending_paused"])
    return account


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
    chose the moment); a `send_at` must be in working hours; with neither, the
    step's best sending time. Raises Refused with the reason it cannot go.
    """
    _check_owner(owner, step)
    now = now or timezone.now()
    body = body.replace("\r\n", "\n").strip() + "\n"
    account = mail_account_of(owner)
    contact = drafts.contact_of(step.application)
    _check_sendable(step, kind, subject, body, account, contact)
    assert contact is not None
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
                within_hours=not send_now,
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
    if "\n" in subject or "\r" in subject:
        raise Refused("The subject must be one line.")
    missing = placeholders_in(f"{subject}\n{body}")
    if missing:
        raise Refused(f"Fill in {', '.join(missing)} before sending.")
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
    name, address = parseaddr(account.from_address)
    return Message.objects.create(
        owner=owner,
        kind=DIGEST,
        digest_for=day,
        to_name=name,
        to_address=address,
        subject=subject,
        body=body,
        scheduled_at=now,
        send_at=now,
        send_by=send_by,
        within_hours=False,
    )


def message_of(owner: User, message_id: int) -> Message:
    try:
        return Message.objects.select_related("application__company").get(
            pk=message_id, owner=owner
        )
    except Message.DoesNotExist:
        raise NotFound(f"There is no message {message_id}.") from None


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


def resolve_uncertain(owner: User, message_id: int, went_out: bool) -> Message:
    """The user's answer for an uncertain message: it went out (found in their Sent
    folder, or the employer answered it), or it did not."""
    message = message_of(owner, message_id)
    with transaction.atomic():
        resolved = Message.objects.filter(pk=message.pk, state=Message.State.UNCERTAIN).update(
            state=Message.State.SENT if went_out else Message.State.CANCELLED,
            reason="You said it went out." if went_out else "You said it did not go out.",
            sent_at=(message.claimed_at or message.send_at) if went_out else None,
        )
        if resolved and went_out:
            message.refresh_from_db()
            record_sending(message)
    message.refresh_from_db()
    if not resolved:
        raise Refused(f"Only an uncertain message can be resolved; this one is {message.state}.")
    return message


def outbox_of(owner: User) -> list[Message]:
    """The user's messages, the next to go first, then the most recent."""
    return list(
        Message.objects.filter(owner=owner)
        .select_related("application__company")
        .order_by("-send_at", "-id")
    )


def scheduled_sends(owner: User, step_ids: list[int]) -> dict[int, datetime]:
    """When the outbox sends each step's scheduled message, for the steps that have one."""
    scheduled = Message.objects.filter(
        owner=owner, step_id__in=step_ids, state=Message.State.SCHEDULED
    )
    return {step_id: send_at for step_id, send_at in scheduled.values_list("step_id", "send_at")}


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
    record_event(message.application, event, note=f"Sent by nextsteps ({message.message_id}).")


def letter_of(draft: drafts.Draft) -> Letter:
    """A draft as a letter, for the .eml download and the mailto: link."""
    return Letter(
        from_address=draft.from_address,
        to_name=draft.to_name,
        to_address=draft.to_address,
        subject=draft.subject,
        body=draft.body,
    )


def save_template(owner: User, kind: MessageKind, subject: str, body: str) -> MessageTemplate:
    """The user's own wording for a kind of message; refused if it does not render."""
    try:
        render_wording(Wording(subject, body), template_context(DraftFacts()))
    except TemplateRefused as exc:
        raise Refused(str(exc)) from None
    template, _ = MessageTemplate.objects.update_or_create(
        owner=owner, kind=kind, defaults={"subject": subject, "body": body}
    )
    return template


def reset_template(owner: User, kind: MessageKind) -> None:
    MessageTemplate.objects.filter(owner=owner, kind=kind).delete()


def template_names() -> list[str]:
    """The names a message template can use: the facts of `template_context`."""
    return list(template_context(DraftFacts()))
