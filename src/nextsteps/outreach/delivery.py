"""Sending one claimed message: the last check, the SMTP conversation, the outcome.

Called by the worker right after it claimed the message; every write here is
conditional on the claim still being this worker's.
"""

from __future__ import annotations

import logging
from datetime import datetime
from email.message import EmailMessage

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from nextsteps.accounts.services import profile_of
from nextsteps.outreach import failures, outbox, smtp
from nextsteps.outreach.connections import Server
from nextsteps.outreach.crypto import KeyMismatch
from nextsteps.outreach.drafts import from_line
from nextsteps.outreach.emails import CannotBuild, Letter, build_email, envelope_sender
from nextsteps.outreach.models import MailAccount, Message
from nextsteps.outreach.services import CHASING, record_sending, server_of
from nextsteps.playbook.sending import Recheck, SendingCalendar, recheck, retry_delay
from nextsteps.playbook.step import has_lapsed
from nextsteps.tracker.models import NextStep
from nextsteps.tracker.services import answered_since

log = logging.getLogger("nextsteps.outbox")
State = Message.State


def deliver(message: Message, worker_id: str) -> str:
    """Send a claimed message, or settle why not. Returns the state it ended in."""
    profile = profile_of(message.owner)
    calendar = profile.sending_calendar()
    account = MailAccount.objects.filter(owner=message.owner).first()
    verdict = recheck(_fresh_facts(message, calendar, timezone.now(), account))
    if verdict.cancel:
        outbox.settle(message, worker_id, State.CANCELLED, verdict.cancel)
        log.info("message %s cancelled before sending: %s", message.pk, verdict.cancel)
        return State.CANCELLED
    if verdict.defer_to is not None:
        waiting = verdict.waiting or "Waiting for your working hours."
        outbox.release(message, worker_id, verdict.defer_to, waiting)
        return State.SCHEDULED
    if account is None:
        outbox.settle(message, worker_id, State.FAILED, failures.no_account(message.is_digest))
        return State.FAILED
    try:
        server = server_of(account)
    except KeyMismatch as exc:
        reason = failures.cannot_decrypt(str(exc), message.is_digest)
        outbox.settle(message, worker_id, State.FAILED, reason)
        log.error("message %s: %s", message.pk, exc)
        return State.FAILED
    _thread(message, worker_id)
    try:
        email = _email_of(message, from_line(profile, account))
    except CannotBuild as exc:
        # Nothing left: the message failed, it is not uncertain.
        outbox.settle(message, worker_id, State.FAILED, failures.cannot_build(str(exc)))
        log.warning("message %s cannot be built: %s", message.pk, exc)
        return State.FAILED
    outcome = _converse(message, account, server, email)
    return _settle(message, worker_id, outcome, calendar)


def _fresh_facts(
    message: Message, calendar: SendingCalendar, now: datetime, account: MailAccount | None
) -> Recheck:
    step = NextStep.objects.filter(pk=message.step_id).first() if message.step_id else None
    return Recheck(
        now=now,
        send_at=message.send_at,
        send_by=message.send_by,
        within_hours=message.within_hours,
        calendar=calendar,
        answered_at=(
            answered_since(message.application, message.scheduled_at)
            if message.application
            else None
        ),
        step_open=step is None
        or (step.state == NextStep.State.OPEN and not has_lapsed(step.lapses_at, now)),
        step_not_before=step.not_before if step else None,
        step_all_day=step.all_day if step else False,
        deadline=message.deadline,
        chases_an_answer=message.kind in CHASING,
        reads_inbox=account is not None and account.reads_inbox,
        inbox_read_at=account.synced_at if account else None,
    )


def _thread(message: Message, worker_id: str) -> None:
    """Follow-ups in one application are one thread, pointing at the last message."""
    previous = outbox.previous_in_thread(message)
    if previous is None or not previous.message_id:
        return
    references = " ".join(filter(None, [previous.references, previous.message_id]))
    outbox.set_thread(message, worker_id, previous.message_id, references)


def _email_of(message: Message, sender: str) -> EmailMessage:
    letter = Letter(
        from_address=sender,
        to_name=message.to_name,
        to_address=message.to_address,
        subject=message.subject,
        body=message.body,
    )
    if not letter.from_address:
        raise CannotBuild("The mail account has no From address.")
    return build_email(
        letter,
        message_id=message.message_id,
        in_reply_to=message.in_reply_to,
        references=message.references,
        date=timezone.now(),
    )


def _converse(
    message: Message, account: MailAccount, server: Server, email: EmailMessage
) -> smtp.Outcome:
    assert message.lease_until is not None
    return smtp.send(
        server,
        envelope_sender(account.from_address),
        message.to_address,
        email.as_bytes(),
        timeout=settings.SMTP_TIMEOUT_SECONDS,
        hand_over_by=message.lease_until.timestamp(),
    )


def _settle(
    message: Message, worker_id: str, outcome: smtp.Outcome, calendar: SendingCalendar
) -> str:
    if outcome.result is smtp.Result.SENT:
        _mark_sent(message, worker_id)
        return State.SENT
    if outcome.result is smtp.Result.UNCERTAIN:
        outbox.settle(message, worker_id, State.UNCERTAIN, outcome.reason)
        log.warning(
            "message %s %s is uncertain: %s", message.pk, message.message_id, outcome.reason
        )
        return State.UNCERTAIN
    if outcome.result is smtp.Result.PERMANENT:
        outbox.settle(
            message, worker_id, State.FAILED, failures.not_sent(outcome, message.is_digest)
        )
        log.warning("message %s failed: %s", message.pk, outcome.reason)
        return State.FAILED
    return _retry_later(message, worker_id, outcome, calendar)


def _mark_sent(message: Message, worker_id: str) -> None:
    # The sent state is committed on its own first: whatever happens to the
    # timeline next, this message must never look unsent.
    if not outbox.mark_sent(message, worker_id, timezone.now()):
        log.error("message %s was sent but its claim was lost", message.pk)
        return
    log.info("message %s sent as %s", message.pk, message.message_id)
    message.refresh_from_db()
    try:
        with transaction.atomic():
            record_sending(message)
    except Exception:
        log.exception("message %s was sent but could not be logged on its timeline", message.pk)


def _retry_later(
    message: Message, worker_id: str, outcome: smtp.Outcome, calendar: SendingCalendar
) -> str:
    """A temporary failure: try again after a growing wait, inside the sending window."""
    attempts = outbox.count_attempt(message, worker_id)
    retry_at = timezone.now() + retry_delay(attempts)
    if message.within_hours:
        retry_at = calendar.next_open(retry_at)
    if retry_at > message.send_by:
        reason = failures.gave_up(outcome, attempts, message.is_digest)
        outbox.settle(message, worker_id, State.FAILED, reason)
        log.warning("message %s failed: %s", message.pk, reason)
        return State.FAILED
    local = retry_at.astimezone(calendar.workdays.timezone)
    outbox.release(message, worker_id, retry_at, failures.retrying(outcome, local))
    log.info("message %s will be retried at %s: %s", message.pk, retry_at, outcome.reason)
    return State.SCHEDULED
