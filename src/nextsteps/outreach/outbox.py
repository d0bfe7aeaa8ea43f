"""The outbox as a queue in the database.

A worker claims one due message with a compare-and-set UPDATE (`WHERE state =
'scheduled'`), which only one worker can win; on PostgreSQL the candidate row
is first picked with FOR UPDATE SKIP LOCKED so workers do not queue behind each
other. The claim gives the message its Message-ID and a lease; a `sending`
message whose lease ran out had a worker that died, and becomes `uncertain`.
Every later write is conditional on `claimed_by` still being this worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

from nextsteps.accounts.services import profile_of
from nextsteps.outreach.emails import new_message_id
from nextsteps.outreach.models import DIGEST, MailAccount, Message
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.sending import next_day_opening, sending_window_end

State = Message.State
COUNTED_TOWARDS_CAP = (State.SENDING, State.SENT, State.UNCERTAIN)
ABANDONED = (
    "The worker sending it stopped in the middle of the conversation with the mail "
    "server: it may or may not have been delivered. Check your Sent folder; nextsteps "
    "will not send it again by itself."
)


def lease() -> timedelta:
    return timedelta(seconds=settings.SENDING_LEASE_SECONDS)


def mark_abandoned(now: datetime) -> int:
    """`sending` messages whose worker went silent become uncertain: never re-sent."""
    return Message.objects.filter(state=State.SENDING, lease_until__lt=now).update(
        state=State.UNCERTAIN, reason=ABANDONED
    )


@dataclass(frozen=True)
class Candidate:
    id: int
    owner_id: int
    from_address: str
    daily_cap: int
    timezone: str
    kind: str


def claim_next(worker_id: str, now: datetime) -> Message | None:
    """Claim the most overdue message that may go now, or None when none is due.

    Over the daily cap, a message is moved to the next working morning instead
    (or cancelled when that is past its sending window) and the next one is tried.
    """
    while True:
        with transaction.atomic():
            candidate = _next_due(now)
            if candidate is None:
                return None
            if _over_cap(candidate, now):
                _postpone_for_cap(candidate, now)
                continue
            claimed = Message.objects.filter(pk=candidate.id, state=State.SCHEDULED).update(
                state=State.SENDING,
                claimed_by=worker_id,
                claimed_at=now,
                lease_until=now + lease(),
                message_id=_message_id_for(candidate),
            )
        if claimed:
            return Message.objects.select_related("owner", "application__company").get(
                pk=candidate.id
            )
        # Another worker took it between our read and our update: try the next one.


def _next_due(now: datetime) -> Candidate | None:
    due = (
        Message.objects.filter(state=State.SCHEDULED, send_at__lte=now)
        .exclude(owner__mail_account__sending_paused=True)
        .order_by("send_at", "id")
    )
    if connection.vendor == "postgresql":
        due = due.select_for_update(skip_locked=True, of=("self",))
    row = due.values(
        "id",
        "owner_id",
        "owner__mail_account__from_address",
        "owner__mail_account__daily_cap",
        "owner__profile__timezone",
        "kind",
    ).first()
    if row is None:
        return None
    return Candidate(
        id=row["id"],
        owner_id=row["owner_id"],
        from_address=row["owner__mail_account__from_address"] or "",
        daily_cap=row["owner__mail_account__daily_cap"] or 0,
        timezone=row["owner__profile__timezone"] or "UTC",
        kind=row["kind"],
    )


def _message_id_for(candidate: Candidate) -> Coalesce:
    """Keep the Message-ID of an earlier try: the server refused that one outright."""
    return Coalesce(F("message_id"), Value(new_message_id(candidate.from_address)))


def _over_cap(candidate: Candidate, now: datetime) -> bool:
    """Whether the account has used today's cap, today being the user's day.

    The cap keeps the user from flooding employers; their own digest neither counts
    towards it nor waits for it (tomorrow it would be stale)."""
    if not candidate.daily_cap:
        return False  # no account: the send will fail and say so
    if candidate.kind == DIGEST:
        return False
    if connection.vendor == "postgresql":
        # Claims for one account take turns, so two workers cannot both take the last one.
        MailAccount.objects.select_for_update().filter(owner_id=candidate.owner_id).first()
    zone = ZoneInfo(candidate.timezone)
    midnight = datetime.combine(now.astimezone(zone).date(), datetime.min.time(), tzinfo=zone)
    today = Message.objects.filter(
        owner_id=candidate.owner_id, state__in=COUNTED_TOWARDS_CAP, claimed_at__gte=midnight
    ).exclude(kind=DIGEST)
    return today.count() >= candidate.daily_cap


def _postpone_for_cap(candidate: Candidate, now: datetime) -> None:
    message = Message.objects.select_related("owner").get(pk=candidate.id)
    calendar = profile_of(message.owner).sending_calendar()
    tomorrow = next_day_opening(now, calendar)
    local = tomorrow.astimezone(calendar.workdays.timezone)
    cap = f"Today's cap of {candidate.daily_cap} messages was reached"
    if message.deadline is not None and tomorrow > message.deadline:
        update: dict[str, object] = {
            "state": State.CANCELLED,
            "reason": f"Not sent: {cap}, and the next working morning is too late for it.",
        }
    else:
        # Moved by nextsteps, not by a failure: the message gets a fresh window.
        update = {
            "send_at": tomorrow,
            "send_by": sending_window_end(tomorrow, message.deadline),
            "reason": f"{cap}; it goes {day_label(local.date())} at {local:%H:%M}.",
        }
    Message.objects.filter(pk=candidate.id, state=State.SCHEDULED).update(**update)


def mine(message: Message, worker_id: str, *states: str) -> Q:
    return Q(pk=message.pk, claimed_by=worker_id, state__in=states or (State.SENDING,))


def release(message: Message, worker_id: str, send_at: datetime, reason: str = "") -> bool:
    """Back to the queue for later; nothing was handed to the server."""
    return bool(
        Message.objects.filter(mine(message, worker_id)).update(
            state=State.SCHEDULED,
            send_at=send_at,
            claimed_by="",
            lease_until=None,
            reason=reason,
        )
    )


def settle(message: Message, worker_id: str, state: str, reason: str) -> bool:
    """Cancelled, failed or uncertain, with the reason the user will see."""
    return bool(
        Message.objects.filter(mine(message, worker_id)).update(
            state=state, reason=reason, lease_until=None
        )
    )


def mark_sent(message: Message, worker_id: str, sent_at: datetime) -> bool:
    """Sent. Also from `uncertain`: a slow worker whose lease ran out knows better."""
    return bool(
        Message.objects.filter(mine(message, worker_id, State.SENDING, State.UNCERTAIN)).update(
            state=State.SENT, sent_at=sent_at, reason="", lease_until=None
        )
    )


def count_attempt(message: Message, worker_id: str) -> int:
    Message.objects.filter(mine(message, worker_id)).update(attempts=F("attempts") + 1)
    message.refresh_from_db(fields=["attempts"])
    return message.attempts


def set_thread(message: Message, worker_id: str, in_reply_to: str, references: str) -> None:
    Message.objects.filter(mine(message, worker_id)).update(
        in_reply_to=in_reply_to, references=references
    )
    message.in_reply_to, message.references = in_reply_to, references


def previous_in_thread(message: Message) -> Message | None:
    """The application's last message that went out before this one (a digest
    belongs to no application, and to no thread)."""
    if message.application_id is None:
        return None
    return (
        Message.objects.filter(application_id=message.application_id, state=State.SENT)
        .exclude(pk=message.pk)
        .exclude(message_id=None)
        .order_by("-sent_at", "-id")
        .first()
    )
