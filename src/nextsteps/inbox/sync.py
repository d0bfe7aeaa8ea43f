"""Reading one user's mailbox over IMAP.

New mail of the last 60 days goes to `take_in`, which decides what it means. The
sync reads INBOX and the Sent folder (the user's own thank-yous and follow-ups,
written in their mail program), or All Mail instead where the server has one
(RFC 6154 \\All: it holds both, and also the replies a filter archived). Per
folder it keeps the UIDVALIDITY and the last UID it read (inbox.Folder), so a
later sync asks only for what is new; a folder whose UIDVALIDITY changed is read
anew (take_in keeps a mail once, so reading one twice does no harm). Only the
headers and the first 64 KB of each mail are fetched, never a large body, and with
BODY.PEEK nothing is marked read.

Our own messages the outbox could not be sure about (`uncertain`) are looked for
by their Message-ID in the Sent folder (SPECIAL-USE \\Sent, or a common name): one
found there went out. Searching, rather than remembering the Sent folder's UIDs,
also finds a copy that reached Sent before its message became uncertain.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import DatabaseError, transaction
from imapclient import IMAPClient
from imapclient.imapclient import ALL, SENT

from nextsteps.inbox.models import Folder
from nextsteps.inbox.parsing import incoming_mail
from nextsteps.inbox.services import purge, take_in, take_in_many
from nextsteps.outreach import imap, services
from nextsteps.outreach.models import MailAccount, Message
from nextsteps.playbook.inbox import IncomingMail

log = logging.getLogger("nextsteps.inbox")

DAYS_BACK = 60
BODY_BYTES = 65_536
# Mails fetched in one command: few round trips, and progress kept after each.
BATCH = 100
FETCH = [f"BODY.PEEK[]<0.{BODY_BYTES}>".encode(), b"INTERNALDATE"]
FOUND_IN_SENT = "Found in your Sent folder."


@dataclass
class Synced:
    """What one sync did."""

    read: int = 0  # mails handed to take_in
    matched: int = 0  # of which tied to one of the user's applications
    found_sent: int = 0  # uncertain messages found in the Sent folder
    complete: bool = True  # False: it stopped early, and the rest waits for the next


def sync_account(
    account: MailAccount, now: datetime, keep_going: Callable[[], bool] = lambda: True
) -> Synced:
    """Read what is new in the account's mailbox. `keep_going()` is asked between
    batches; False stops the sync there, its progress kept.

    Raises imap.ImapFailure when the server cannot be read, and KeyMismatch when the
    stored password cannot be decrypted here."""
    server = services.imap_server_of(account)
    synced = Synced()
    with imap.session(server, timeout=settings.IMAP_TIMEOUT_SECONDS) as client:
        client.normalise_times = False  # INTERNALDATE with its zone
        all_mail = client.find_special_folder(ALL)
        sent = client.find_special_folder(SENT)
        folders = (
            [(Folder.Role.ALL_MAIL, all_mail)]
            if all_mail
            else [(Folder.Role.INBOX, "INBOX")] + ([(Folder.Role.SENT, sent)] if sent else [])
        )
        for role, name in folders:
            if synced.complete:
                _read_folder(client, account, role, name, now, synced, keep_going)
        _look_for_uncertain(client, account, sent, synced)
    return synced


def disconnect_inbox(owner: User) -> bool:
    """Stop reading the user's mail and forget what was read: the IMAP settings,
    where the sync got to, and the mail it kept. Sending stays as it is. False
    when there was no mail account."""
    with transaction.atomic():
        account = services.forget_inbox(owner)
        if account is None:
            return False
        _forget_what_was_read(owner)
    return True


def forget_if_disconnected(owner: User) -> None:
    """After a sync that lost its claim: if the user disconnected meanwhile, what
    its last batch kept goes too."""
    if not MailAccount.objects.filter(owner=owner).exclude(imap_host="").exists():
        _forget_what_was_read(owner)


def _forget_what_was_read(owner: User) -> None:
    Folder.objects.filter(account__owner=owner).delete()
    purge(owner)


def _read_folder(
    client: IMAPClient,
    account: MailAccount,
    role: str,
    name: str,
    now: datetime,
    synced: Synced,
    keep_going: Callable[[], bool],
) -> None:
    selected = client.select_folder(name, readonly=True)
    folder = _where_we_were(account, role, name, int(selected[b"UIDVALIDITY"]))
    uid_next = int(selected.get(b"UIDNEXT", 0))
    if uid_next and uid_next - 1 <= folder.last_uid:
        return  # nothing new: one SELECT was enough
    criteria: list[object] = ["SINCE", (now - timedelta(days=DAYS_BACK)).date()]
    if folder.last_uid:
        criteria += ["UID", f"{folder.last_uid + 1}:*"]
    # "UID n:*" names the last mail even when its UID is below n.
    uids = sorted(uid for uid in client.search(criteria) if uid > folder.last_uid)
    for start in range(0, len(uids), BATCH):
        if not keep_going():
            synced.complete = False
            return
        batch = uids[start : start + BATCH]
        fetched = client.fetch(batch, FETCH)
        # A mail deleted since the search is not in `fetched`.
        mails = {uid: _mail_of(fetched[uid]) for uid in batch if uid in fetched}
        _take_in(account, mails, now, synced)
        _advance(folder, batch[-1])
    if uid_next:
        # Every mail below UIDNEXT was there when the folder was selected, and read
        # now, or older than the days read.
        _advance(folder, uid_next - 1)


def _where_we_were(account: MailAccount, role: str, name: str, uidvalidity: int) -> Folder:
    mailbox = f"{account.imap_login}@{account.imap_host}:{account.imap_port}"
    folder = Folder.objects.filter(account=account, role=role).first()
    if folder is None or (folder.mailbox, folder.name, folder.uidvalidity) != (
        mailbox,
        name,
        uidvalidity,
    ):
        folder, _ = Folder.objects.update_or_create(
            account=account,
            role=role,
            defaults={
                "mailbox": mailbox,
                "name": name,
                "uidvalidity": uidvalidity,
                "last_uid": 0,
                # Whoever listened to the old one stops; the new one is free to claim.
                "has_idle": None,
                "watched_until": None,
            },
        )
    return folder


def _advance(folder: Folder, uid: int) -> None:
    """Only forward: a sync running alongside (the command line's) may be further on."""
    Folder.objects.filter(pk=folder.pk, uidvalidity=folder.uidvalidity, last_uid__lt=uid).update(
        last_uid=uid
    )
    folder.last_uid = max(folder.last_uid, uid)


def _mail_of(data: dict[bytes, object]) -> IncomingMail:
    raw = next((v for k, v in data.items() if k.startswith(b"BODY[")), b"")
    arrived = data.get(b"INTERNALDATE")
    return incoming_mail(
        raw if isinstance(raw, bytes) else b"",
        received_at=arrived if isinstance(arrived, datetime) else None,
    )


def _take_in(
    account: MailAccount, mails: dict[int, IncomingMail], now: datetime, synced: Synced
) -> None:
    """The batch in one go (what the owner's applications are known by is read
    once); should it fail, mail by mail, so that only the mail nextsteps cannot
    handle is skipped, and no later sync stops on it again."""
    try:
        matched = take_in_many(account.owner, list(mails.values()), now)
    except DatabaseError:
        raise  # the database is the problem, not a mail: the sync stops
    except Exception:
        matched = []
        for uid, mail in mails.items():
            try:
                matched.append(take_in(account.owner, mail, now))
            except DatabaseError:
                raise
            except Exception:
                log.exception("inbox of account %s: mail with UID %s was skipped", account.pk, uid)
    synced.read += len(matched)
    synced.matched += sum(found is not None for found in matched)


def _look_for_uncertain(
    client: IMAPClient, account: MailAccount, sent: str | None, synced: Synced
) -> None:
    uncertain = list(
        Message.objects.filter(
            owner=account.owner, state=Message.State.UNCERTAIN, message_id__isnull=False
        ).only("id", "message_id", "claimed_at", "send_at")
    )
    if not uncertain or sent is None:
        return
    client.select_folder(sent, readonly=True)
    for message in uncertain:
        since = (message.claimed_at or message.send_at) - timedelta(days=1)
        if not client.search(["SINCE", since.date(), "HEADER", "Message-ID", message.message_id]):
            continue
        try:
            services.resolve_uncertain(account.owner, message.id, True, reason=FOUND_IN_SENT)
        except services.Refused:
            continue  # the user answered in the meantime
        synced.found_sent += 1
