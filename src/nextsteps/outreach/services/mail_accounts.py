"""The user's mail account: setting it up, checking it and pausing it."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User

from nextsteps.fields import FieldRefused, is_loopback, shown
from nextsteps.outreach import failures, smtp
from nextsteps.outreach.connections import Server
from nextsteps.outreach.crypto import KeyMismatch, decrypt_password, encrypt_password
from nextsteps.outreach.models import (
    DAILY_CAP,
    FROM_ADDRESS,
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


def set_mail_account(
    owner: User, details: AccountSettings, password: str | None = None
) -> MailAccount:
    """Create or change the user's mail account. A password of None keeps the stored one.

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
    if details.security not in MailAccount.Security.values:
        choices = ", ".join(MailAccount.Security.values)
        raise Refused(f"Security must be one of {choices}, not {shown(details.security)}.")
    keeps_password = password is None and bool(account.password_encrypted)
    in_clear = details.security == MailAccount.Security.NONE and not is_loopback(host)
    if in_clear and (password or keeps_password):
        raise Refused(
            "Without starttls or tls the password would cross the network in clear "
            f"text to {host}: choose starttls or tls (only a server on this computer, "
            "such as 127.0.0.1, may go without)."
        )
    account.host = host
    account.port = port
    account.security = details.security
    account.from_address = from_address
    account.username = username
    if daily_cap is not None:
        account.daily_cap = daily_cap
    if password is not None:
        account.password_encrypted = encrypt_password(password) if password else ""
    account.save()
    return account


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


@dataclass(frozen=True)
class AccountCheck:
    works: bool
    sentence: str  # that it works, or what went wrong and what to look at


def check_mail_account(owner: User) -> AccountCheck:
    """Connect and log in as sending would, without sending anything."""
    account = mail_account_of(owner)
    if account is None:
        raise Refused("There is no mail account to check: set one up first.")
    try:
        server = server_of(account)
    except KeyMismatch as exc:
        return AccountCheck(False, str(exc))
    outcome = smtp.check(server, timeout=settings.SMTP_TIMEOUT_SECONDS)
    return AccountCheck(outcome.result is smtp.Result.SENT, failures.account_check(outcome, server))
