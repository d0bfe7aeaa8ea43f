"""Messages: the user's mail account, their own templates, and the outbox.

Only `outreach.services` and `outreach.outbox` write these rows, and the inbox
sync's queue (`inbox.queue`) the account's sync schedule.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from nextsteps.fields import EmailAddress, HostName, Mailbox, Text, WholeNumber
from nextsteps.playbook.drafting import MessageKind
from nextsteps.tracker.models import Application, NextStep

# A template's text, and the message rendered from it (outreach.templating stops a
# render that would make more).
MAX_TEMPLATE_CHARS = 10_000
MAX_OUTPUT_CHARS = 20_000

# Each field's rule, once (see nextsteps.fields); the lengths are the columns' own.
MAIL_HOST = HostName("The mail server", 255)
MAIL_PORT = WholeNumber("The port", 1, 65535)
FROM_ADDRESS = Mailbox("The From address", 320)
MAIL_USERNAME = Text("The login", 320)
IMAP_HOST = HostName("The IMAP server", 255, example="imap.example.com")
IMAP_PORT = WholeNumber("The IMAP port", 1, 65535)
IMAP_USERNAME = Text("The IMAP login", 320)
DAILY_CAP = WholeNumber("The daily cap", 1, 1000)
SUBJECT = Text("The subject", 500, required=True)
BODY = Text("The message", MAX_OUTPUT_CHARS, required=True, multiline=True)
TO_NAME = Text("The contact's name", 200)
TO_ADDRESS = EmailAddress("The contact's e-mail address", 254, required=True)
TEMPLATE_SUBJECT = Text("The template's subject", 500, required=True)
TEMPLATE_BODY = Text("The template", MAX_TEMPLATE_CHARS, required=True, multiline=True)


class MailAccount(models.Model):
    """The user's own mailbox, which nextsteps sends through over SMTP and, when the
    user connects it, reads the employers' answers from over IMAP."""

    class Security(models.TextChoices):
        NONE = "none"
        STARTTLS = "starttls"
        TLS = "tls"

    class Auth(models.TextChoices):
        # How nextsteps logs in to both servers. An OAuth token is the next kind: it
        # takes the passwords' place, and the columns below stay as they are.
        PASSWORD = "password"

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="mail_account"
    )
    host = models.CharField(max_length=MAIL_HOST.max_length)
    port = models.PositiveIntegerField()
    security = models.CharField(max_length=8, choices=Security.choices)
    from_address = models.CharField(max_length=FROM_ADDRESS.max_length)
    username = models.CharField(max_length=MAIL_USERNAME.max_length, blank=True)
    # Fernet token of the password (settings.ENCRYPTION_KEYS); never shown back.
    password_encrypted = models.TextField(blank=True)
    daily_cap = models.PositiveIntegerField(default=20)
    sending_paused = models.BooleanField(default=False)
    auth = models.CharField(max_length=16, choices=Auth.choices, default=Auth.PASSWORD)

    # Reading the inbox: no IMAP server, no reading.
    imap_host = models.CharField(max_length=IMAP_HOST.max_length, blank=True)
    imap_port = models.PositiveIntegerField(default=993)
    imap_security = models.CharField(max_length=8, choices=Security.choices, default=Security.TLS)
    # Empty: the SMTP login, and the SMTP password, are the IMAP ones too.
    imap_username = models.CharField(max_length=IMAP_USERNAME.max_length, blank=True)
    imap_password_encrypted = models.TextField(blank=True)

    # The inbox sync's schedule: when the next sync is due (None: no inbox to read),
    # when the last one worked, and what went wrong since.
    next_sync_at = models.DateTimeField(null=True, blank=True)
    synced_at = models.DateTimeField(null=True, blank=True)
    sync_problem = models.TextField(blank=True)
    sync_failures = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [
            # The worker's question, "whose inbox is due?", reads connected inboxes only.
            models.Index(
                fields=["next_sync_at"],
                condition=Q(next_sync_at__isnull=False),
                name="mail_account_sync_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_address} via {self.host}:{self.port}"

    def __repr__(self) -> str:
        # Keeps the encrypted password out of tracebacks and debug output too.
        return f"<MailAccount {self.pk} {self}>"

    @property
    def reads_inbox(self) -> bool:
        return bool(self.imap_host)

    @property
    def imap_login(self) -> str:
        return self.imap_username or self.username


class MessageTemplate(models.Model):
    """A user's own wording for one kind of message, replacing the shipped one."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    kind = models.CharField(max_length=24, choices=[(k.value, k.value) for k in MessageKind])
    subject = models.CharField(max_length=TEMPLATE_SUBJECT.max_length)
    body = models.TextField()
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "kind"], name="template_kind_per_owner")
        ]

    def __str__(self) -> str:
        return f"{self.kind} template of {self.owner_id}"


class SavedDraft(models.Model):
    """The user's own text for a step's message, saved from the editor or the command
    line. The editor shows it and sending sends it, instead of a fresh draft.

    Not a Message: a draft has no send time, recipient or Message-ID, and the outbox
    is a queue whose every row is due at some moment. It hangs on the step, which
    keeps its row across replans, and outlives a cancelled message: the text comes
    back in the editor.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    step = models.ForeignKey(NextStep, models.CASCADE, related_name="saved_drafts")
    kind = models.CharField(max_length=24, choices=[(k.value, k.value) for k in MessageKind])
    subject = models.CharField(max_length=SUBJECT.max_length)
    body = models.TextField()
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["step", "kind"], name="one_saved_draft_per_step")
        ]

    def __str__(self) -> str:
        return f"saved {self.kind} for step {self.step_id}"


# The kind of the daily digest, which the user's account sends to the user.
DIGEST = "digest"


class Message(models.Model):
    """One e-mail the user chose to send or schedule, or their daily digest (which
    belongs to no application): a row in the outbox queue.

    scheduled -> sending -> sent, and from sending: back to scheduled (a temporary
    failure, retried later), failed (the server refused it), uncertain (the
    worker lost track mid-conversation: never re-sent automatically). A scheduled
    message can also be cancelled, by the user or by the last check before sending.
    """

    class State(models.TextChoices):
        SCHEDULED = "scheduled"
        SENDING = "sending"
        SENT = "sent"
        FAILED = "failed"
        CANCELLED = "cancelled"
        UNCERTAIN = "uncertain"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    application = models.ForeignKey(
        Application, models.CASCADE, null=True, blank=True, related_name="messages"
    )
    step = models.ForeignKey(
        NextStep, models.SET_NULL, null=True, blank=True, related_name="messages"
    )
    kind = models.CharField(
        max_length=24, choices=[*((k.value, k.value) for k in MessageKind), (DIGEST, DIGEST)]
    )
    to_name = models.CharField(max_length=TO_NAME.max_length, blank=True)
    to_address = models.EmailField(max_length=TO_ADDRESS.max_length)
    subject = models.CharField(max_length=SUBJECT.max_length)
    body = models.TextField()

    state = models.CharField(max_length=16, choices=State.choices, default=State.SCHEDULED)
    scheduled_at = models.DateTimeField()
    send_at = models.DateTimeField()
    # The last moment sending may start (the thank-you's 24 h, or a day of retries).
    send_by = models.DateTimeField()
    # The thank-you's 24 hours after the interview: past it, the user decides.
    deadline = models.DateTimeField(null=True, blank=True)
    # False for "send now": the user chose the moment, working hours or not.
    within_hours = models.BooleanField(default=True)

    # Set by the claim, before the SMTP conversation starts.
    message_id = models.CharField(max_length=255, null=True, blank=True, unique=True)
    in_reply_to = models.CharField(max_length=255, blank=True)
    references = models.TextField(blank=True)
    claimed_by = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    # The user's day a digest is for: one digest a day, whatever a worker does.
    digest_for = models.DateField(null=True, blank=True)

    sent_at = models.DateTimeField(null=True, blank=True)
    # Why it was cancelled, failed, is uncertain, or is waiting to retry.
    reason = models.TextField(blank=True)

    # A step's message that may still go out, or may have: never a second one.
    LIVE_STATES = (State.SCHEDULED, State.SENDING, State.UNCERTAIN, State.SENT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["step"],
                condition=Q(state__in=["scheduled", "sending", "uncertain", "sent"]),
                name="one_live_message_per_step",
            ),
            models.UniqueConstraint(
                fields=["owner", "digest_for"],
                condition=Q(digest_for__isnull=False),
                name="one_digest_per_day",
            ),
        ]
        indexes = [
            # The worker's question, "what is due?", reads scheduled rows only.
            models.Index(fields=["send_at"], condition=Q(state="scheduled"), name="message_due"),
            # ... and "whose worker went silent?", sending rows only.
            models.Index(
                fields=["lease_until"], condition=Q(state="sending"), name="message_claimed"
            ),
            models.Index(fields=["owner", "send_at"], name="message_owner_outbox"),
            models.Index(fields=["application", "sent_at"], name="message_thread"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to_address} ({self.state})"

    @property
    def is_digest(self) -> bool:
        return self.kind == DIGEST
