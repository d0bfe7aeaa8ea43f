"""What SMTP and IMAP share: a server to log in to, and why reaching it failed.

Sending (smtp.py) and reading (imap.py) fail the same way before the first command:
no such server, no answer, a certificate that does not verify. Each protocol adds
its own refusals on top.
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass, field
from enum import StrEnum


class Cause(StrEnum):
    """Why a conversation with a mail server did not end as hoped."""

    UNKNOWN_HOST = "unknown_host"  # no such server name
    UNREACHABLE = "unreachable"  # refused or dropped connection, or offline
    TIMEOUT = "timeout"  # the server went quiet
    INSECURE = "insecure"  # the secure connection failed (certificate, TLS version)
    LOGIN_REFUSED = "login_refused"  # the username or password is wrong
    MISMATCH = "mismatch"  # the server does not offer STARTTLS or a login
    BUSY = "busy"  # a 4xx answer: try later
    REFUSED = "refused"  # a 5xx answer: not this message, not this way
    LOST = "lost"  # the message was handed over, then the answer never came


# The causes the user fixes in their mail account's settings.
ACCOUNT_CAUSES = frozenset(
    {Cause.UNKNOWN_HOST, Cause.INSECURE, Cause.LOGIN_REFUSED, Cause.MISMATCH}
)


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    security: str  # "none", "starttls" or "tls"
    username: str = ""
    password: str = field(default="", repr=False)

    def __repr__(self) -> str:
        return f"Server({self.host!r}, {self.port}, {self.security!r})"

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


# getaddrinfo's answers for a name that does not exist, as opposed to a resolver
# that could not be asked (EAI_AGAIN: offline), which is worth another try.
NO_SUCH_NAME = frozenset(
    code for code in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", None)) if code is not None
)


def network_failure(server: Server, exc: Exception) -> tuple[Cause, str]:
    """Why the server could not be reached, or the connection not secured, in a
    sentence. UNKNOWN_HOST and INSECURE are the settings' fault; the others may pass."""
    if isinstance(exc, ssl.SSLError):
        detail = getattr(exc, "verify_message", "") or getattr(exc, "reason", "") or exc
        return Cause.INSECURE, f"The secure connection to {server.where} failed ({detail})."
    if isinstance(exc, socket.gaierror) and exc.errno in NO_SUCH_NAME:
        return Cause.UNKNOWN_HOST, f"The mail server {server.host} does not exist."
    # Client libraries report a server that went quiet as a closed connection.
    if isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError):
        return Cause.TIMEOUT, f"{server.where} did not answer in time."
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return Cause.UNREACHABLE, f"nextsteps could not reach {server.where} ({detail})."
