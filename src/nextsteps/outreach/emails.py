"""A message as e-mail: the MIME message the outbox sends, the .eml a user can
open in their own mail program, and the mailto: link."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr, parseaddr
from urllib.parse import quote


@dataclass(frozen=True)
class Letter:
    from_address: str
    to_name: str
    to_address: str
    subject: str
    body: str


def new_message_id(from_address: str) -> str:
    """A Message-ID in the sender's own domain, so replies are matched on it later."""
    domain = parseaddr(from_address)[1].rpartition("@")[2] or "nextsteps.invalid"
    return f"<{secrets.token_hex(16)}@{domain}>"


def build_email(
    letter: Letter,
    *,
    message_id: str | None = None,
    in_reply_to: str = "",
    references: str = "",
    date: datetime | None = None,
) -> EmailMessage:
    mail = EmailMessage(policy=SMTP)
    mail["From"] = letter.from_address
    mail["To"] = formataddr((letter.to_name, letter.to_address))
    mail["Subject"] = letter.subject
    if date is not None:
        mail["Date"] = format_datetime(date)
    if message_id:
        mail["Message-ID"] = message_id
    if in_reply_to:
        mail["In-Reply-To"] = in_reply_to
    if references:
        mail["References"] = references
    mail.set_content(letter.body)
    return mail


def as_eml(letter: Letter) -> bytes:
    """An unsent message: mail programs open it as a draft ready to send."""
    mail = build_email(letter)
    mail["X-Unsent"] = "1"
    return mail.as_bytes()


def mailto_link(letter: Letter) -> str:
    address = Address(addr_spec=letter.to_address).addr_spec if letter.to_address else ""
    query = f"subject={quote(letter.subject)}&body={quote(letter.body)}"
    return f"mailto:{quote(address, safe='@')}?{query}"


def envelope_sender(from_address: str) -> str:
    """The bare address of `Name <address>`, for MAIL FROM."""
    return parseaddr(from_address)[1]
