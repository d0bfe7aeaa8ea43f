"""The user's mail account: setting it up, checking it and pausing it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from nextsteps.fields import FieldRefused, is_loopback, shown
from nextsteps.outreach import failures, imap, smtp
from nextsteps.outreach.connections import Server
from nextsteps.outreach.crypto import KeyMismatch, decrypt_password, encrypt_password
from nextsteps.outreach.models import (
    DAILY_CAP,
    FROM_ADDRESS,
    IMAP_HOST,
    IMAP_PORT,
    IMAP_USERNAME,
    MAIL_HOST,
    MAIL_PORT,
    MAIL_USERNAME,
    MailAccount,
)
from nextsteps.outreach.services.errors import Refused

MAX_DAILY_CAP = DAILY_CAP.high


@dataclass(frozen=True)
class AccountSettings:
    host: str
    port: int
    security: str
    from_address: str
    username: str = ""
    daily_cap: int | None = None


@dataclass(frozen=True)
class InboxSettings:
    """Where nextsteps reads the user's mail. An empty username is the SMTP login;
    a password of None keeps the stored one, or else the SMTP password."""

    host: str
    port: int = 993
    security: str = MailAccount.Security.TLS
    username: str = ""
    password: str | None = field(default=None, repr=False)


def set_mail_account(
    owner: User,
    details: AccountSettings,
    password: str | None = None,
    inbox: InboxSettings | None = None,
) -> MailAccount:
    """Create or change the user's mail account, and where its mail is read when
    `inbox` is given (None keeps that as it is). A password of None keeps the
    stored one.

    Raises Refused (one sentence) for a setting that breaks its rule, and for a
    password that would cross the network in clear text."""
    account = MailAccount.objects.filter(owner=owner).first() or MailAccount(owner=owner)
    try:
        host = MAIL_HOST.clean(details.host)
        port = MAIL_PORT.clean(details.port)
        from_address = FROM_ADDRESS.clean(details.from_address)
        username = MAIL_USERNAME.clean(details.username)
        daily_cap = DAILY_CAP.clean(details.daily_cap) if details.daily_cap is not None else None
    except FieldRefused as exc:
        raise Refused(str(exc)) from None
    _check_security("Security", details.security)
    account.host = host
    account.port = port
    account.security = details.security
    account.from_address = from_address
    account.username = username
    if daily_cap is not None:
        account.daily_cap = daily_cap
    if password is not None:
        account.password_encrypted = encrypt_password(password) if password else ""
    if inbox is not None:
        _apply_inbox(account, inbox)
    _check_inbox_login(account)
    _refuse_clear_text(account)
    account.save()
    return account


def set_inbox(owner: User, inbox: InboxSettings) -> MailAccount:
    """Read the user's mail from this IMAP server, with the account's login unless
    another is given. The first sync is due at once."""
    account = mail_account_of(owner)
    if account is None:
        raise Refused("Set up the mail account first: nextsteps reads the mail it sends from.")
    _apply_inbox(account, inbox)
    _check_inbox_login(account)
    _refuse_clear_text(account)
    account.save()
    return account


def _apply_inbox(account: MailAccount, inbox: InboxSettings) -> None:
    try:
        host = IMAP_HOST.clean(inbox.host)
        port = IMAP_PORT.clean(inbox.port)
        username = IMAP_USERNAME.clean(inbox.username)
    except FieldRefused as exc:
        raise Refused(str(exc)) from None
    _check_security("The IMAP security", inbox.security)
    where = (host, port, inbox.security, username)
    moved = where != (
        account.imap_host,
        account.imap_port,
        account.imap_security,
        account.imap_username,
    )
    account.imap_host, account.imap_port, account.imap_security, account.imap_username = where
    if inbox.password is not None:
        account.imap_password_encrypted = encrypt_password(inbox.password) if inbox.password else ""
    if moved or inbox.password is not None or account.next_sync_at is None:
        # New settings: try them at once, and forget what the old ones ran into.
        account.next_sync_at = timezone.now()
        account.sync_problem = ""
        account.sync_failures = 0


def forget_inbox(owner: User) -> MailAccount | None:
    """Stop reading the user's mail: the IMAP settings and the sync's schedule go.
    (The inbox app forgets what it read; see inbox.sync.disconnect_inbox.)"""
    account = mail_account_of(owner)
    if account is None:
        return None
    blank = MailAccount(owner=owner)
    forgotten = [
        "imap_host",
        "imap_port",
        "imap_security",
        "imap_username",
        "imap_password_encrypted",
        "next_sync_at",
        "synced_at",
        "sync_problem",
        "sync_failures",
    ]
    for name in forgotten:
        setattr(account, name, getattr(blank, name))
    account.save(update_fields=forgotten)
    return account


def _check_security(label: str, security: str) -> None:
    if security not in MailAccount.Security.values:
        choices = ", ".join(MailAccount.Security.values)
        raise Refused(f"{label} must be one of {choices}, not {shown(security)}.")


def _check_inbox_login(account: MailAccount) -> None:
    if account.reads_inbox and not account.imap_login:
        raise Refused(
            "The IMAP login cannot be empty: give one, or a login for sending, "
            "which reading then uses too."
        )


def _refuse_clear_text(account: MailAccount) -> None:
    """Without TLS a password crosses the network readable by anyone on the way,
    unless the server is this very computer."""
    has_password = bool(account.password_encrypted)
    servers = [(account.host, account.security, has_password)]
    if account.reads_inbox:
        imap_password = has_password or bool(account.imap_password_encrypted)
        servers.append((account.imap_host, account.imap_security, imap_password))
    for host, security, password in servers:
        if password and security == MailAccount.Security.NONE and not is_loopback(host):
            raise Refused(
                "Without starttls or tls the password would cross the network in clear "
                f"text to {host}: choose starttls or tls (only a server on this computer, "
                "such as 127.0.0.1, may go without)."
            )


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


def server_of(account: MailAccount) -> Server:
    """The account as the SMTP client needs it; raises KeyMismatch when the stored
    password cannot be decrypted here."""
    password = decrypt_password(account.password_encrypted) if account.password_encrypted else ""
    return Server(
        host=account.host,
        port=account.port,
        security=account.security,
        username=account.username,
        password=password,
    )


def imap_server_of(account: MailAccount) -> Server:
    """Where the account's mail is read, and its login (the SMTP password unless it
    has one of its own); raises KeyMismatch when that cannot be decrypted here."""
    token = account.imap_password_encrypted or account.password_encrypted
    return Server(
        host=account.imap_host,
        port=account.imap_port,
        security=account.imap_security,
        username=account.imap_login,
        password=decrypt_password(token) if token else "",
    )


@dataclass(frozen=True)
class AccountCheck:
    works: bool
    sentence: str  # that it works, or what went wrong and what to look at


def check_mail_account(owner: User) -> list[AccountCheck]:
    """Connect and log in as sending would, then as reading the inbox would when
    the account reads it, without sending or reading anything: sending's check
    first."""
    account = mail_account_of(owner)
    if account is None:
        raise Refused("There is no mail account to check: set one up first.")
    checks = [_check_sending(account)]
    if account.reads_inbox:
        checks.append(_check_reading(account))
    return checks


def _check_sending(account: MailAccount) -> AccountCheck:
    try:
        server = server_of(account)
    except KeyMismatch as exc:
        return AccountCheck(False, str(exc))
    outcome = smtp.check(server, timeout=settings.SMTP_TIMEOUT_SECONDS)
    return AccountCheck(outcome.result is smtp.Result.SENT, failures.account_check(outcome, server))


def _check_reading(account: MailAccount) -> AccountCheck:
    try:
        server = imap_server_of(account)
        imap.check(server, timeout=settings.IMAP_TIMEOUT_SECONDS)
    except KeyMismatch as exc:
        return AccountCheck(False, str(exc))
    except imap.ImapFailure as exc:
        return AccountCheck(False, failures.inbox_check(exc.cause, exc.reason))
    return AccountCheck(True, failures.inbox_works(server))
