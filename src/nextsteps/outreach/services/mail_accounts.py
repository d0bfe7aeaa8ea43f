"""The user's mail account: setting it up, checking it and pausing it."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from nextsteps.outreach import failures, smtp
from nextsteps.outreach.crypto import KeyMismatch, decrypt_password, encrypt_password
from nextsteps.outreach.emails import envelope_sender
from nextsteps.outreach.models import MailAccount
from nextsteps.outreach.services.errors import Refused

MAX_DAILY_CAP = 1000


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
    """Create or change the user's mail account. A password of None keeps the stored one."""
    _check_account(details)
    account = MailAccount.objects.filter(owner=owner).first() or MailAccount(owner=owner)
    account.host = details.host.strip()
    account.port = details.port
    account.security = details.security
    account.from_address = details.from_address.strip()
    account.username = details.username.strip()
    if details.daily_cap is not None:
        account.daily_cap = details.daily_cap
    if password is not None:
        account.password_encrypted = encrypt_password(password) if password else ""
    account.save()
    return account


def _check_account(details: AccountSettings) -> None:
    if not details.host.strip() or any(c.isspace() for c in details.host.strip()):
        raise Refused(f"The mail server must be a host name, not {details.host!r}.")
    if not 0 < details.port < 65536:
        raise Refused(f"The port must be a number from 1 to 65535, not {details.port}.")
    if details.security not in MailAccount.Security.values:
        choices = ", ".join(MailAccount.Security.values)
        raise Refused(f"Security must be one of {choices}, not {details.security!r}.")
    try:
        validate_email(envelope_sender(details.from_address))
    except ValidationError:
        raise Refused(
            f"The From address must look like 'Ann Lee <ann@example.com>', "
            f"not {details.from_address!r}."
        ) from None
    cap = details.daily_cap
    if cap is not None and not 1 <= cap <= MAX_DAILY_CAP:
        raise Refused(f"The daily cap must be from 1 to {MAX_DAILY_CAP}, not {cap}.")


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


def server_of(account: MailAccount) -> smtp.Server:
    """The account as the SMTP client needs it; raises KeyMismatch when the stored
    password cannot be decrypted here."""
    password = decrypt_password(account.password_encrypted) if account.password_encrypted else ""
    return smtp.Server(
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
