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


class Result(StrEnum):
    SENT = "sent"
    TEMPORARY = "temporary"  # nothing was delivered; try again later
    PERMANENT = "permanent"  # the server refused it for good
    UNCERTAIN = "uncertain"  # handed over, but no answer: maybe delivered


@dataclass(frozen=True)
class Outcome:
    result: Result
    reason: str = ""


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    security: str  # "none", "starttls" or "tls"
    username: str = ""
    password: str = ""

    def __repr__(self) -> str:
        return f"Server({self.host!r}, {self.port}, {self.security!r})"


class _Refused(Exception):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(code, text)
        self.code = code
        self.text = text


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
    except _Refused as refused:
        return _refusal(refused.code, refused.text)
    except ssl.SSLError as exc:
        return Outcome(Result.PERMANENT, f"The secure connection failed: {exc}.")
    except (OSError, smtplib.SMTPException) as exc:
        return Outcome(Result.TEMPORARY, f"Could not reach {server.host}:{server.port}: {exc}.")
    try:
        return _converse(client, server, mail_from, rcpt_to, payload, timeout, hand_over_by)
    finally:
        _quietly_quit(client)


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
        _before_the_body(client, server, mail_from, rcpt_to)
        if hand_over_by is not None and time.time() + 2 * timeout > hand_over_by:
            return Outcome(Result.TEMPORARY, "Ran out of time before handing the message over.")
        _expect(client.docmd("DATA"), 354)
    except _Refused as refused:
        return _refusal(refused.code, refused.text)
    except smtplib.SMTPAuthenticationError as exc:
        return Outcome(Result.PERMANENT, f"The server refused the login: {_said(exc)}")
    except smtplib.SMTPResponseException as exc:
        return _refusal(exc.smtp_code, _said(exc))
    except (smtplib.SMTPNotSupportedError, ssl.SSLError) as exc:
        # A setting that does not match the server: retrying would not help.
        return Outcome(Result.PERMANENT, f"The server and your mail settings disagree: {exc}.")
    except (OSError, smtplib.SMTPException) as exc:
        return Outcome(Result.TEMPORARY, f"The connection failed before sending: {exc}.")
    # From here on the server may have the message.
    try:
        client.send(_dot_stuffed(payload))
        code, text = client.getreply()
    except (OSError, smtplib.SMTPException) as exc:
        return Outcome(
            Result.UNCERTAIN,
            f"The connection was lost after the message was handed over ({exc}): it may "
            "or may not have been delivered.",
        )
    if code == 250:
        return Outcome(Result.SENT)
    return _refusal(code, text.decode(errors="replace"))


def _connect(server: Server, timeout: float) -> smtplib.SMTP:
    try:
        if server.security == "tls":
            context = ssl.create_default_context()
            return smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=context)
        return smtplib.SMTP(server.host, server.port, timeout=timeout)
    except smtplib.SMTPConnectError as exc:
        raise _Refused(exc.smtp_code, _said(exc)) from None


def _before_the_body(client: smtplib.SMTP, server: Server, mail_from: str, rcpt_to: str) -> None:
    client.ehlo_or_helo_if_needed()
    if server.security == "starttls":
        client.starttls(context=ssl.create_default_context())
        client.ehlo()
    if server.username:
        client.login(server.username, server.password)
    _expect(client.mail(mail_from), 250)
    _expect(client.rcpt(rcpt_to), 250, 251)


def _expect(reply: tuple[int, bytes], *accepted: int) -> None:
    code, text = reply
    if code not in accepted:
        raise _Refused(code, text.decode(errors="replace"))


def _refusal(code: int, text: str) -> Outcome:
    said = f"{code} {' '.join(text.split())}".strip()
    if 400 <= code < 500 or code < 0:
        return Outcome(Result.TEMPORARY, f"The server said: {said}")
    return Outcome(Result.PERMANENT, f"The server refused it: {said}")


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
