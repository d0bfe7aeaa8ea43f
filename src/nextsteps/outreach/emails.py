"""A message as e-mail: the MIME message the outbox sends, the .eml a user can
open in their own mail program, and the mailto: link."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from urllib.parse import quote

from nextsteps.fields import FieldRefused
from nextsteps.outreach.models import FROM_ADDRESS, SUBJECT, TO_ADDRESS, TO_NAME


class CannotBuild(ValueError):
    """A message that cannot be written as an e-mail; the message says why, in one
    sentence for the user."""


@dataclass(frozen=True)
class Letter:
    from_address: str
    to_name: str
    to_address: str
    subject: str
    body: str


def new_message_id(from_address: str) -> str:
    """A Message-ID in the sender's own domain, so replies are matched on it later."""
    domain = envelope_sender(from_address).rpartition("@")[2] or "nextsteps.invalid"
    return f"<{secrets.token_hex(16)}@{domain}>"


def build_email(
    letter: Letter,
    *,
    message_id: str | None = None,
    in_reply_to: str = "",
    references: str = "",
    date: datetime | None = None,
) -> EmailMessage:
    """The letter as an e-mail; CannotBuild when a header field breaks its rule
    (a line break in a name, a From address that is not one)."""
    try:
        mail = EmailMessage(policy=SMTP)
        # A draft to open in a mail program may lack either; the outbox checks both.
        if letter.from_address:
            from_name, from_address = FROM_ADDRESS.split(letter.from_address)
            mail["From"] = Address(from_name, addr_spec=from_address)
        if letter.to_address:
            to_address = TO_ADDRESS.clean(letter.to_address)
            mail["To"] = Address(TO_NAME.clean(letter.to_name), addr_spec=to_address)
        mail["Subject"] = SUBJECT.clean(letter.subject)
        if date is not None:
            mail["Date"] = format_datetime(date)
        if message_id:
            mail["Message-ID"] = message_id
        if in_reply_to:
            mail["In-Reply-To"] = in_reply_to
        if references:
            mail["References"] = references
        mail.set_content(letter.body)
    except FieldRefused as exc:
        raise CannotBuild(str(exc)) from None
    except (ValueError, TypeError, IndexError, MessageError) as exc:
        raise CannotBuild(f"The message cannot be written as an e-mail: {exc}.") from None
    return mail


def as_eml(letter: Letter) -> bytes:
    """An unsent message: mail programs open it as a draft ready to send."""
    mail = build_email(letter)
    mail["X-Unsent"] = "1"
    return mail.as_bytes()


def mailto_link(letter: Letter) -> str:
    try:
        address = TO_ADDRESS.clean(letter.to_address) if letter.to_address else ""
    except FieldRefused:
        address = ""
    query = f"subject={quote(letter.subject)}&body={quote(letter.body)}"
    return f"mailto:{quote(address, safe='@')}?{query}"


def envelope_sender(from_address: str) -> str:
    """The bare address of `Name <address>`, for MAIL FROM; empty if it is not one."""
    try:
        return FROM_ADDRESS.split(from_address)[1]
    except FieldRefused:
        return ""
