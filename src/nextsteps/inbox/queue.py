"""The inbox syncs as a queue in the database, like the outbox.

A mail account that reads its inbox has a `next_sync_at`. A worker claims a due
account with a compare-and-set UPDATE that moves `next_sync_at` a lease ahead
(only one worker can win it; on PostgreSQL the candidate row is first picked with
FOR UPDATE SKIP LOCKED), syncs it, and writes when the next sync is due: in
SYNC_EVERY_SECONDS (5 minutes), or later and later after failures. A worker that
dies mid-sync leaves the lease, which runs out: the account is due again.

Where the server has IMAP IDLE, a worker also listens for new mail and syncs the
inbox as soon as one arrives (inbox.watchers); this schedule goes on all the same.
And before a follow-up goes, the worker reads its owner's inbox once more
(sync_before_chasing), so that a reply that came since the last sync stops it.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import F, QuerySet

from nextsteps.inbox.sync import Synced, forget_if_disconnected, sync_account
from nextsteps.outreach import failures, imap
from nextsteps.outreach.crypto import KeyMismatch
from nextsteps.outreach.models import MailAccount, Message
from nextsteps.outreach.services import CHASING

log = logging.getLogger("nextsteps.inbox")

LEASE = timedelta(minutes=15)
# A sync stops fetching this long before its lease runs out, and goes on next time.
LEASE_MARGIN_SECONDS = 60
LONGEST_WAIT = timedelta(hours=6)
# A follow-up goes without reading the inbox again when it was read this recently.
READ_JUST_NOW = timedelta(minutes=1)
OUR_ERROR = (
    "nextsteps ran into an error of its own while reading the inbox (it is in the "
    "log); it tries again later."
)


@dataclass(frozen=True)
class Claim:
    account: MailAccount
    lease_until: datetime


@dataclass
class Outcome:
    """A sync's result: what it read, or why it could not read."""

    synced: Synced = field(default_factory=Synced)
    problem: str = ""


def every() -> float:
    """Seconds between two syncs of an inbox that works."""
    return float(settings.SYNC_EVERY_SECONDS)


def sync_next(now: datetime, stop: threading.Event | None = None) -> Outcome | None:
    """Sync the account whose sync is most overdue; None when none is due."""
    claim = claim_next(now)
    return None if claim is None else run(claim, now, stop)


def sync_now(owner: User, now: datetime) -> Outcome | None:
    """Sync the user's inbox now, due or not; None when they have no inbox to read."""
    MailAccount.objects.filter(owner=owner, next_sync_at__isnull=False).update(next_sync_at=now)
    claim = claim_next(now, owner)
    return None if claim is None else run(claim, now)


def sync_before_chasing(now: datetime) -> Outcome | None:
    """Read the inbox of the owner of the most overdue message that chases an answer,
    if it was last read more than a minute ago: a reply that arrived since the last
    sync (on a server that does not announce new mail, up to 5 minutes ago) then
    stops the message before it is claimed, with the reason the outbox shows. None
    when no such inbox is due to be read.

    An inbox never read, or failing, is left alone: the message's last check makes
    it wait for that inbox (playbook.sending), and a first sync is a long one."""
    chasing = (
        Message.objects.filter(
            state=Message.State.SCHEDULED,
            send_at__lte=now,
            kind__in=[kind.value for kind in CHASING],
            owner__mail_account__next_sync_at__isnull=False,
            owner__mail_account__sync_failures=0,
            owner__mail_account__synced_at__lt=now - READ_JUST_NOW,
        )
        .exclude(owner__mail_account__sending_paused=True)
        .order_by("send_at", "id")
        .select_related("owner")
        .only("owner")
        .first()
    )
    return None if chasing is None else sync_now(chasing.owner, now)


def claim_next(now: datetime, owner: User | None = None) -> Claim | None:
    while True:
        with transaction.atomic():
            due = MailAccount.objects.filter(next_sync_at__lte=now)
            if owner is not None:
                due = due.filter(owner=owner)
            if connection.vendor == "postgresql":
                due = due.select_for_update(skip_locked=True)
            row = due.order_by("next_sync_at", "id").values("id", "next_sync_at").first()
            if row is None:
                return None
            lease_until = now + LEASE
            claimed = MailAccount.objects.filter(
                pk=row["id"], next_sync_at=row["next_sync_at"]
            ).update(next_sync_at=lease_until)
        if claimed:
            account = MailAccount.objects.select_related("owner").get(pk=row["id"])
            return Claim(account, lease_until)
        # Another worker took it between our read and our update: try the next one.


def run(claim: Claim, now: datetime, stop: threading.Event | None = None) -> Outcome:
    """Sync the claimed account and write when its next sync is due."""
    account = claim.account
    deadline = time.monotonic() + LEASE.total_seconds() - LEASE_MARGIN_SECONDS

    def keep_going() -> bool:
        if time.monotonic() > deadline or (stop is not None and stop.is_set()):
            return False
        # Changed settings or a disconnect end the claim: stop reading at once.
        return _ours(claim).exists()

    try:
        synced = sync_account(account, now, keep_going)
    except imap.ImapFailure as exc:
        return _failed(claim, now, failures.inbox_check(exc.cause, exc.reason))
    except KeyMismatch as exc:
        return _failed(claim, now, str(exc))
    except Exception:
        log.exception("inbox of account %s: the sync failed", account.pk)
        return _failed(claim, now, OUR_ERROR)
    next_sync = now if not synced.complete else now + timedelta(seconds=every())
    written = _ours(claim).update(
        next_sync_at=next_sync, synced_at=now, sync_problem="", sync_failures=0
    )
    if not written:
        forget_if_disconnected(account.owner)  # what the last batch kept, after a purge
    return Outcome(synced)


def _failed(claim: Claim, now: datetime, problem: str) -> Outcome:
    """Log one line (the settings' sentence: never a password) and wait longer after
    each failure in a row: 10 minutes, 20, 40, ... at most 6 hours."""
    failures_in_a_row = claim.account.sync_failures + 1
    wait = min(
        timedelta(seconds=every()) * 2 ** min(failures_in_a_row, 10),
        LONGEST_WAIT,
    )
    log.warning(
        "inbox of account %s not read (%s in a row), next try in %s: %s",
        claim.account.pk,
        failures_in_a_row,
        wait,
        problem,
    )
    _ours(claim).update(
        next_sync_at=now + wait, sync_problem=problem, sync_failures=F("sync_failures") + 1
    )
    return Outcome(problem=problem)


def _ours(claim: Claim) -> QuerySet[MailAccount]:
    """The account, as long as nothing changed its sync since our claim."""
    return MailAccount.objects.filter(pk=claim.account.pk, next_sync_at=claim.lease_until)
