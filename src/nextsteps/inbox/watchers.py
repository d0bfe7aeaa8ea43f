"""Reading an inbox as soon as a mail arrives, where its server says so (IMAP IDLE).

A worker listens to at most settings.IDLE_INBOXES inboxes, each in a thread with a
connection of its own (inbox.idle), and syncs one the moment its server announces
a mail. The sync itself is the queue's (inbox.queue): claimed, and due every 5
minutes whatever happens here, so an inbox nobody listens to, a server without
IDLE and a connection that dropped unnoticed are all read within 5 minutes still.

Which worker listens to which inbox is claimed like a sync, on the folder the sync
reads (inbox.Folder, known once the inbox was read): a compare-and-set UPDATE of
`watched_until`. A watch lasts WATCH on one connection, then lets go and is
claimed afresh (a new login takes changed settings); a worker that died frees its
inboxes when their watch runs out.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from nextsteps.inbox import idle, queue
from nextsteps.inbox.models import Folder
from nextsteps.outreach import imap, services
from nextsteps.outreach.crypto import KeyMismatch

log = logging.getLogger("nextsteps.inbox")

WATCH = timedelta(minutes=25)
# The claim outlives the watch by this much: the watch's last sync has time to end.
WATCH_MARGIN = timedelta(minutes=2)
# How often a worker looks for inboxes nobody listens to.
LOOK_EVERY_SECONDS = 60
# How often a watch makes sure its folder is still its own (a disconnect, new settings).
RECHECK_SECONDS = 60


@dataclass(frozen=True)
class Watch:
    folder_id: int
    account_id: int
    owner: User
    # What the claim was made on: a folder read anew elsewhere is another watch's.
    mailbox: str
    folder_name: str
    until: datetime


def claim_watches(now: datetime, most: int) -> list[Watch]:
    """Up to `most` inboxes nobody listens to, this worker's to listen to from now on:
    connected, last read without a problem, on a server not known to lack IDLE."""
    free = (
        Folder.objects.filter(
            Q(watched_until__isnull=True) | Q(watched_until__lte=now),
            account__next_sync_at__isnull=False,
            account__sync_failures=0,
        )
        .exclude(has_idle=False)
        .exclude(role=Folder.Role.SENT)  # the user's own mail can wait for the poll
        .order_by("id")
    )
    until = now + WATCH + WATCH_MARGIN
    claimed = [
        row["id"]
        for row in free.values("id", "watched_until")[:most]
        # Another worker that claimed it between our read and our update wins.
        if Folder.objects.filter(pk=row["id"], watched_until=row["watched_until"]).update(
            watched_until=until
        )
    ]
    return [
        Watch(f.id, f.account_id, f.account.owner, f.mailbox, f.name, until)
        for f in Folder.objects.filter(pk__in=claimed).select_related("account__owner")
    ]


def listen(watch: Watch, stop: threading.Event) -> None:
    """Listen to the watched folder and sync the inbox whenever a mail arrives, until
    the watch ends, `stop` is set, or the folder is no longer this watch's."""
    free_from: datetime | None = None  # at once
    try:
        account = services.mail_account_of(watch.owner)
        if account is None or account.pk != watch.account_id or not account.reads_inbox:
            return
        with idle.listening(services.imap_server_of(account), watch.folder_name) as listener:
            _ours(watch).update(has_idle=listener is not None)
            while listener is not None and not stop.is_set():
                left = (watch.until - WATCH_MARGIN - timezone.now()).total_seconds()
                if left <= 0:
                    break
                heard = listener.next_mail(min(RECHECK_SECONDS, left), stop)
                if heard and queue.sync_now(watch.owner, timezone.now()) is None:
                    break  # the inbox was disconnected
                if not _ours(watch).exists():
                    break
    except (imap.ImapFailure, KeyMismatch) as exc:
        # The sync says what is wrong, on the account; listening waits for its turn.
        log.info("inbox of account %s: not listening for new mail: %s", watch.account_id, exc)
        free_from = timezone.now() + timedelta(seconds=queue.every())
    except Exception:
        log.exception("inbox of account %s: listening for new mail failed", watch.account_id)
        free_from = timezone.now() + timedelta(seconds=queue.every())
    finally:
        _ours(watch).update(watched_until=free_from)


def wait_for_mail(owner: User, seconds: float, stop: threading.Event) -> bool:
    """Wait `seconds`, less when the server says a mail arrived in the folder the sync
    reads (True), or until `stop` is set: the command line's `sync` between two syncs
    (it claims no watch: a worker may listen too, which does no harm)."""
    deadline = time.monotonic() + seconds
    folder = (
        Folder.objects.filter(account__owner=owner, account__next_sync_at__isnull=False)
        .exclude(has_idle=False)
        .exclude(role=Folder.Role.SENT)
        .select_related("account")
        .first()
    )
    if folder is not None:
        try:
            with idle.listening(services.imap_server_of(folder.account), folder.name) as listener:
                Folder.objects.filter(pk=folder.pk).update(has_idle=listener is not None)
                if listener is not None:
                    return listener.next_mail(seconds, stop)
        except (imap.ImapFailure, KeyMismatch):
            pass  # the next sync says what is wrong
    stop.wait(max(0.0, deadline - time.monotonic()))
    return False


class Watchers:
    """The inboxes one worker listens to, a thread each."""

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop
        self.threads: list[threading.Thread] = []
        self.next_look = 0.0

    def look(self, now: datetime) -> None:
        """Claim inboxes nobody listens to, up to settings.IDLE_INBOXES, once a minute."""
        if time.monotonic() < self.next_look:
            return
        self.next_look = time.monotonic() + LOOK_EVERY_SECONDS
        self.threads = [t for t in self.threads if t.is_alive()]
        room = settings.IDLE_INBOXES - len(self.threads)
        if room <= 0:
            return
        for watch in claim_watches(now, room):
            thread = threading.Thread(
                target=self._listen, args=(watch,), name=f"inbox-{watch.account_id}"
            )
            thread.start()
            self.threads.append(thread)

    def _listen(self, watch: Watch) -> None:
        try:
            listen(watch, self.stop)
        finally:
            connection.close()  # the thread's own

    def join(self) -> None:
        """Wait for the threads, once `stop` is set: each lets go within a second."""
        for thread in self.threads:
            thread.join()


def _ours(watch: Watch) -> QuerySet[Folder]:
    return Folder.objects.filter(
        pk=watch.folder_id,
        watched_until=watch.until,
        mailbox=watch.mailbox,
        name=watch.folder_name,
    )
