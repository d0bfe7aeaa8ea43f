"""Reading the user's mailbox over IMAP: connect, secure the connection, log in.

TLS is verified against the system's certificate authorities, as for sending.
What the sync does once logged in lives in the inbox app; this module only gets
it a logged-in session, or one sentence saying why not.
"""

from __future__ import annotations

import imaplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, IMAPClientError, LoginError

from nextsteps.outreach.connections import Cause, Server, network_failure


class ImapFailure(Exception):
    """The mailbox could not be read; `reason` says why in a sentence."""

    def __init__(self, cause: Cause, reason: str) -> None:
        super().__init__(reason)
        self.cause = cause
        self.reason = reason


# What talking to the server can fail with; anything else is a bug of ours.
FAILURES = (OSError, IMAPClientError, imaplib.IMAP4.error)


@contextmanager
def session(server: Server, timeout: float) -> Iterator[IMAPClient]:
    """A connection secured as the settings ask and logged in, logged out at the end.
    Raises ImapFailure for anything the server or the network does."""
    try:
        client = _connect(server, timeout)
    except FAILURES as exc:
        raise _failure(server, exc) from None
    try:
        try:
            _secure_and_log_in(client, server)
        except FAILURES as exc:
            raise _failure(server, exc) from None
        try:
            yield client
        except FAILURES as exc:
            raise _failure(server, exc) from None
    finally:
        _quietly_log_out(client)


def check(server: Server, timeout: float) -> None:
    """Connect and log in as the sync would, and read nothing. Raises ImapFailure."""
    with session(server, timeout) as client:
        client.noop()


def _connect(server: Server, timeout: float) -> IMAPClient:
    if server.security == "tls":
        return IMAPClient(
            server.host,
            server.port,
            ssl=True,
            ssl_context=ssl.create_default_context(),
            timeout=timeout,
        )
    return IMAPClient(server.host, server.port, ssl=False, timeout=timeout)


def _secure_and_log_in(client: IMAPClient, server: Server) -> None:
    if server.security == "starttls":
        try:
            client.starttls(ssl.create_default_context())
        except CapabilityError:
            raise ImapFailure(
                Cause.MISMATCH,
                f"{server.where} does not offer a secure connection (STARTTLS), "
                "which your mail settings ask for.",
            ) from None
    if client.has_capability("LOGINDISABLED"):
        raise ImapFailure(
            Cause.MISMATCH,
            f"{server.where} accepts a login only over a secure connection: "
            "choose starttls or tls.",
        )
    try:
        client.login(server.username, server.password)
    except LoginError as exc:
        raise ImapFailure(
            Cause.LOGIN_REFUSED,
            f"{server.host} refused the login for {server.username} ({_said(exc)}).",
        ) from None


def _failure(server: Server, exc: Exception) -> ImapFailure:
    if isinstance(exc, ImapFailure):
        return exc
    if isinstance(exc, OSError):
        return ImapFailure(*network_failure(server, exc))
    if isinstance(exc, imaplib.IMAP4.abort):
        return ImapFailure(
            Cause.UNREACHABLE, f"{server.where} closed the connection ({_said(exc)})."
        )
    return ImapFailure(Cause.REFUSED, f"{server.host} refused a command ({_said(exc)}).")


def _said(exc: Exception) -> str:
    """The server's words, on one line, without imaplib's quoting of bytes."""
    text = str(exc)
    if text.startswith("b'") or text.startswith('b"'):
        text = text[2:-1]
    return " ".join(text.split()) or type(exc).__name__


def _quietly_log_out(client: IMAPClient) -> None:
    try:
        client.logout()
    except FAILURES:
        with suppress(OSError):
            client.shutdown()
