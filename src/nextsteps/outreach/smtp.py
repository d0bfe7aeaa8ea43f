"""One SMTP conversation, and what its outcome means for the message.

The conversation is split where the guarantee changes: until the message body
has been handed over, any failure means nothing was delivered and a retry is
safe; once the body is sent, a lost connection or a silent server leaves it
uncertain, and nextsteps never sends it again by itself.
"""

from __future__ import annotations

import re
import smtplib
import ssl
import time
from dataclasses import dataclass
from enum import StrEnum

from nextsteps.outreach.connections import ACCOUNT_CAUSES, Cause, Server, network_failure


class Result(StrEnum):
    SENT = "sent"
    TEMPORARY = "temporary"  # nothing was delivered; try again later
    PERMANENT = "permanent"  # retrying would not help: the settings or the server said no
    UNCERTAIN = "uncertain"  # handed over, but no answer: maybe delivered


@dataclass(frozen=True)
class Outcome:
    """How the conversation ended; `reason` says what happened, in a sentence."""

    result: Result
    reason: str = ""
    cause: Cause | None = None


class _Refused(Exception):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(code, text)
        self.code = code
        self.text = text


# What a conversation can fail with before the message is handed over (ssl.SSLError
# and socket errors are OSErrors); anything else is a bug of ours, and propagates.
FAILURES = (OSError, smtplib.SMTPException, _Refused)


def send(
    server: Server,
    mail_from: str,
    rcpt_to: str,
    payload: bytes,
    timeout: float,
    hand_over_by: float | None = None,
) -> Outcome:
    """Deliver `payload` (an RFC 5322 message with CRLF line ends) to one recipient.

    `hand_over_by` (a time.time() value) is when the caller's claim on the message
    runs out: the body is only handed over if the server's answer can still come
    back before then.
    """
    try:
        client = _connect(server, timeout)
    except FAILURES as exc:
        return _failure(server, exc)
    try:
        return _converse(client, server, mail_from, rcpt_to, payload, timeout, hand_over_by)
    finally:
        _quietly_quit(client)


def check(server: Server, timeout: float) -> Outcome:
    """Connect and log in as sending would, then leave without sending anything.
    SENT here means the account works."""
    try:
        client = _connect(server, timeout)
    except FAILURES as exc:
        return _failure(server, exc)
    try:
        _secure_and_log_in(client, server)
    except FAILURES as exc:
        return _failure(server, exc)
    finally:
        _quietly_quit(client)
    return Outcome(Result.SENT)


def _converse(
    client: smtplib.SMTP,
    server: Server,
    mail_from: str,
    rcpt_to: str,
    payload: bytes,
    timeout: float,
    hand_over_by: float | None,
) -> Outcome:
    try:
        _secure_and_log_in(client, server)
        _expect(client.mail(mail_from), 250)
        _expect(client.rcpt(rcpt_to), 250, 251)
        if hand_over_by is not None and time.time() + 2 * timeout > hand_over_by:
            return Outcome(
                Result.TEMPORARY, "nextsteps ran out of time before handing it over.", Cause.TIMEOUT
            )
        _expect(client.docmd("DATA"), 354)
    except FAILURES as exc:
        return _failure(server, exc)
    # From here on the server may have the message.
    try:
        client.send(_dot_stuffed(payload))
        code, text = client.getreply()
    except (OSError, smtplib.SMTPException) as exc:
        return Outcome(
            Result.UNCERTAIN,
            f"The connection was lost after the message was handed over ({exc}): it may "
            "or may not have been delivered.",
            Cause.LOST,
        )
    if code == 250:
        return Outcome(Result.SENT)
    return _answer(server, code, text.decode(errors="replace"))


def _failure(server: Server, exc: Exception) -> Outcome:
    """What went wrong before the message was handed over, in words. Nothing was
    delivered, so the only question is whether trying again could help."""
    if isinstance(exc, _Refused):
        return _answer(server, exc.code, exc.text)
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return Outcome(
            Result.PERMANENT,
            f"{server.host} refused the login for {server.username} "
            f"({_said_of(exc.smtp_code, _said(exc))}).",
            Cause.LOGIN_REFUSED,
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        offer = "a secure connection (STARTTLS)" if "STARTTLS" in str(exc) else "a login"
        return Outcome(
            Result.PERMANENT,
            f"{server.where} does not offer {offer}, which your mail settings ask for.",
            Cause.MISMATCH,
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        return _answer(server, exc.smtp_code, _said(exc))
    cause, reason = network_failure(server, exc)
    result = Result.PERMANENT if cause in ACCOUNT_CAUSES else Result.TEMPORARY
    return Outcome(result, reason, cause)


def _connect(server: Server, timeout: float) -> smtplib.SMTP:
    try:
        if server.security == "tls":
            context = ssl.create_default_context()
            return smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=context)
        return smtplib.SMTP(server.host, server.port, timeout=timeout)
    except smtplib.SMTPConnectError as exc:
        raise _Refused(exc.smtp_code, _said(exc)) from None


def _secure_and_log_in(client: smtplib.SMTP, server: Server) -> None:
    client.ehlo_or_helo_if_needed()
    if server.security == "starttls":
        client.starttls(context=ssl.create_default_context())
        client.ehlo()
    if server.username:
        client.login(server.username, server.password)


def _expect(reply: tuple[int, bytes], *accepted: int) -> None:
    code, text = reply
    if code not in accepted:
        raise _Refused(code, text.decode(errors="replace"))


def _answer(server: Server, code: int, text: str) -> Outcome:
    """A refusal in the server's own words: 4xx is "later", 5xx is "no"."""
    said = _said_of(code, text)
    if 400 <= code < 500 or code < 0:
        return Outcome(Result.TEMPORARY, f"{server.host} asked to try later ({said}).", Cause.BUSY)
    return Outcome(Result.PERMANENT, f"{server.host} refused it ({said}).", Cause.REFUSED)


def _said_of(code: int, text: str) -> str:
    return f"{code} {' '.join(text.split())}".strip()


def _said(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error
    return text.decode(errors="replace") if isinstance(text, bytes) else str(text)


def _dot_stuffed(payload: bytes) -> bytes:
    """RFC 5321 4.5.2: a line starting with a dot gets another; then the end marker."""
    stuffed = re.sub(rb"(?m)^\.", b"..", payload)
    if not stuffed.endswith(b"\r\n"):
        stuffed += b"\r\n"
    return stuffed + b".\r\n"


def _quietly_quit(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()
