"""The background loop: queue the digests that are due, read the inboxes whose
sync is due, then send what is due in the outbox; meanwhile, threads listen to
inboxes whose server announces new mail (inbox.watchers).

Run as many as you like (`nextsteps worker` on several machines against one
PostgreSQL database, or `nextsteps serve`, which runs one in-process): the
claims in `outreach.outbox` and `inbox.queue` let only one of them take each
message and each inbox. Stopping
(SIGTERM, or the `stop` event) lets the message in hand finish first.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from nextsteps.backups import copies
from nextsteps.inbox import queue as inbox_queue
from nextsteps.inbox import watchers as inbox_watchers
from nextsteps.outreach import outbox
from nextsteps.outreach.delivery import deliver
from nextsteps.reminders.digests import queue_due_digests

log = logging.getLogger("nextsteps.worker")
DIGESTS_AT_A_TIME = 20


def new_worker_id() -> str:
    """Names the worker in each claim: which machine and process holds a message."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def run_once(stop: threading.Event | None = None, worker_id: str | None = None) -> int:
    """Handle everything due now, then return how many messages were handled."""
    worker_id = worker_id or new_worker_id()
    try:
        copies.keep_daily_copy(timezone.now())
    except Exception:
        # Sending must not wait for a copy; the claim's lease makes it due again.
        log.exception("worker %s: the daily copy of the database failed", worker_id)
    outbox.mark_abandoned(timezone.now())
    handled = 0
    while stop is None or not stop.is_set():
        # Digests a batch at a time between messages: a thousand falling due at
        # 08:00 must not hold up a thank-you with a deadline.
        more_digests = queue_due_digests(timezone.now(), DIGESTS_AT_A_TIME) == DIGESTS_AT_A_TIME
        # An inbox before a message: a reply read now stops a follow-up about to go.
        synced = inbox_queue.sync_next(timezone.now(), stop) is not None
        # And the inbox of a follow-up's owner once more, read a minute ago at most.
        synced = inbox_queue.sync_before_chasing(timezone.now()) is not None or synced
        message = outbox.claim_next(worker_id, timezone.now())
        if message is None:
            if more_digests or synced:
                continue
            break
        try:
            deliver(message, worker_id)
        except Exception:
            # The claim stays; its lease runs out and the message shows as uncertain.
            log.exception("message %s: unexpected error while sending", message.pk)
        handled += 1
    return handled


def run_forever(stop: threading.Event) -> None:
    """Poll the outbox until `stop` is set, and listen to inboxes for new mail. Safe to
    run in a thread of the web server."""
    worker_id = new_worker_id()
    watchers = inbox_watchers.Watchers(stop)
    log.info("worker %s started", worker_id)
    try:
        while not stop.is_set():
            close_old_connections()
            try:
                run_once(stop, worker_id)
            except Exception:
                log.exception("worker %s: the outbox could not be read; trying again", worker_id)
            try:
                watchers.look(timezone.now())
            except Exception:
                log.exception("worker %s: no inbox could be listened to; trying again", worker_id)
            stop.wait(settings.WORKER_POLL_SECONDS)
    finally:
        watchers.join()
        connection.close()
        log.info("worker %s stopped", worker_id)
