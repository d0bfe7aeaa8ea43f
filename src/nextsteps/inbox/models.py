"""Mail from the user's inbox that nextsteps tied to one of their applications.

Only `inbox.services` writes these rows. A row keeps the mail's headers and a
snippet of its words, never the whole body; mail that matched nothing is not kept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from nextsteps.outreach.models import MailAccount
from nextsteps.playbook.inbox import SNIPPET_CHARS, MailKind, Match, Proposal
from nextsteps.tracker.models import Application, Contact, Event


class MatchedMail(models.Model):
    """One mail and what it meant: what nextsteps did at once (a strong match), or
    what it proposes for the user to confirm (a weak match, or what a reply says)."""

    class State(models.TextChoices):
        # Nextsteps acted on it and nothing waits for the user.
        ACTED = "acted"
        # A proposal waits for the user's confirm or dismiss.
        WAITING = "waiting"
        CONFIRMED = "confirmed"
        DISMISSED = "dismissed"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    application = models.ForeignKey(Application, models.CASCADE, related_name="mails")
    # The contact who wrote it, or whose address a bounce is about.
    contact = models.ForeignKey(Contact, models.SET_NULL, null=True, blank=True, related_name="+")
    message_id = models.CharField(max_length=255)
    in_reply_to = models.CharField(max_length=255, blank=True)
    from_address = models.CharField(max_length=320, blank=True)
    from_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=998, blank=True)
    sent_at = models.DateTimeField()
    snippet = models.CharField(max_length=SNIPPET_CHARS, blank=True)
    kind = models.CharField(max_length=16, choices=[(k.value, k.value) for k in MailKind])
    match = models.CharField(max_length=24, choices=[(m.value, m.value) for m in Match])

    # What it is proposed as ("" for nothing), and the day its words name for that:
    # the interview's, the decision's, when to get in touch.
    proposal = models.CharField(
        max_length=24, choices=[(p.value, p.value) for p in Proposal], blank=True
    )
    proposed_day = models.DateField(null=True, blank=True)
    # An out-of-office: no follow-up goes before this day.
    paused_until = models.DateField(null=True, blank=True)
    # A bounce: the address the mail did not reach.
    bounced_address = models.CharField(max_length=320, blank=True)
    # How many scheduled messages it stopped.
    stopped = models.PositiveIntegerField(default=0)
    # The event recorded from it: at once for a strong reply, else on confirmation.
    event = models.ForeignKey(Event, models.SET_NULL, null=True, blank=True, related_name="+")
    state = models.CharField(max_length=16, choices=State.choices)
    taken_at = models.DateTimeField()
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # Taking the same mail in twice does nothing new.
            models.UniqueConstraint(fields=["owner", "message_id"], name="mail_once_per_owner")
        ]
        indexes = [
            models.Index(fields=["application", "sent_at"], name="mail_application_sent"),
            # "What waits for me?" reads waiting rows only, on Today.
            models.Index(
                fields=["owner", "sent_at"], condition=Q(state="waiting"), name="mail_waiting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} from {self.from_address} ({self.state})"

    @property
    def match_is_strong(self) -> bool:
        return Match(self.match).strong


class Folder(models.Model):
    """How far the sync has read one folder of a user's mailbox: mail with a UID up
    to `last_uid` has been read, as long as the folder's UIDVALIDITY is the same
    (when the server changes it, the UIDs start again and the folder is read anew).

    Only `inbox.sync` writes these rows, and `inbox.watchers` who listens to them."""

    class Role(models.TextChoices):
        INBOX = "inbox"
        ALL_MAIL = "all"
        # Read for the mail the user wrote themselves, where there is no All Mail.
        SENT = "sent"

    account = models.ForeignKey(MailAccount, models.CASCADE, related_name="+")
    role = models.CharField(max_length=8, choices=Role.choices)
    # The mailbox and folder it was read in ("login@host", "INBOX"): new settings
    # or a renamed folder mean a folder read anew.
    mailbox = models.CharField(max_length=700)
    name = models.CharField(max_length=1000)
    uidvalidity = models.BigIntegerField()
    last_uid = models.BigIntegerField(default=0)
    # Whether the server announces new mail in the folder (IMAP IDLE): None until a
    # worker has asked it.
    has_idle = models.BooleanField(null=True)
    # A worker listens to the folder for new mail until then (inbox.watchers).
    watched_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "role"], name="folder_role_per_account")
        ]

    def __str__(self) -> str:
        return f"{self.name} up to UID {self.last_uid}"
