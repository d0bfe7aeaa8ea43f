"""What the user reads when a message could not go out, or their mail account does
not work: what happened, then what they can do about it, in one or two sentences."""

from __future__ import annotations

from datetime import datetime

from nextsteps.outreach.connections import ACCOUNT_CAUSES, Cause, Server
from nextsteps.outreach.smtp import Outcome, Result
from nextsteps.playbook.humandates import clock, day_label

FIX_ACCOUNT = "Fix your mail account, then retry it, or send it yourself."
CHECK_ADDRESS = "Check the address it goes to, then retry it, or send it yourself."
RETRY = "Retry it, or send it yourself."
# The digest is not retried: tomorrow's comes anyway.
DIGEST_FIX_ACCOUNT = "Fix your mail account: the next digest goes out through it."
DIGEST_LOST = "The next digest comes as usual."


def not_sent(outcome: Outcome, digest: bool = False) -> str:
    """A message that failed for good."""
    return f"Not sent: {outcome.reason} {_advice(outcome.cause, digest)}"


def gave_up(outcome: Outcome, attempts: int, digest: bool = False) -> str:
    """A message whose temporary failures outlasted its sending window."""
    tries = f"{attempts} tr{'y' if attempts == 1 else 'ies'}"
    return f"Not sent after {tries}: {outcome.reason} {_advice(outcome.cause, digest)}"


def retrying(outcome: Outcome, local_retry: datetime) -> str:
    """A temporary failure: when nextsteps tries again, on the user's clock."""
    return (
        f"Not sent yet: {outcome.reason} nextsteps tries again "
        f"{day_label(local_retry.date())} at {clock(local_retry)}."
    )


def no_account(digest: bool = False) -> str:
    advice = DIGEST_FIX_ACCOUNT if digest else FIX_ACCOUNT
    return f"Not sent: there is no mail account. {advice.replace('Fix', 'Set up', 1)}"


def cannot_decrypt(problem: str, digest: bool = False) -> str:
    return f"Not sent: {problem} {DIGEST_FIX_ACCOUNT if digest else FIX_ACCOUNT}"


def cannot_build(problem: str) -> str:
    """A message whose headers cannot be written (one stored before nextsteps checked
    them): nothing was sent, and sending it again as it is would fail again."""
    return f"Not sent: {problem} Correct it, then write the message again, or send it yourself."


def _advice(cause: Cause | None, digest: bool) -> str:
    if digest:
        return DIGEST_FIX_ACCOUNT if cause in ACCOUNT_CAUSES else DIGEST_LOST
    if cause in ACCOUNT_CAUSES:
        return FIX_ACCOUNT
    if cause is Cause.REFUSED:
        return CHECK_ADDRESS
    return RETRY


# The account check: what to look at for each cause; {ports} says which port goes
# with which security, for sending or for reading.
CHECK_ADVICE: dict[Cause, str] = {
    Cause.UNKNOWN_HOST: "Check the server's name.",
    Cause.UNREACHABLE: "Check the port, and that this computer is online.",
    Cause.TIMEOUT: "Check the port, and that this computer is online.",
    Cause.INSECURE: "Check the port and the security ({ports}).",
    Cause.MISMATCH: "Check the port and the security ({ports}).",
    Cause.LOGIN_REFUSED: "Check the username and the password.",
    Cause.BUSY: "Try again in a few minutes.",
    Cause.REFUSED: "Check these settings with your mail provider.",
}
SMTP_PORTS = "587 goes with starttls, 465 with tls"
IMAP_PORTS = "993 goes with tls, 143 with starttls"


def account_check(outcome: Outcome, server: Server) -> str:
    """The result of connecting and logging in without sending, in one sentence."""
    if outcome.result is Result.SENT:
        login = f" and logged in as {server.username}" if server.username else ""
        return (
            f"Connected to {server.host}:{server.port}{login}: nextsteps can send from "
            "this account."
        )
    return _with_advice(outcome.reason, outcome.cause, SMTP_PORTS)


def inbox_works(server: Server) -> str:
    return (
        f"Connected to {server.where} and logged in as {server.username}: nextsteps can "
        "read this account's mail."
    )


def inbox_check(cause: Cause, reason: str) -> str:
    """Why the inbox cannot be read, and what to look at."""
    return _with_advice(reason, cause, IMAP_PORTS)


def _with_advice(reason: str, cause: Cause | None, ports: str) -> str:
    advice = CHECK_ADVICE.get(cause, "").format(ports=ports) if cause else ""
    return f"{reason} {advice}".strip()
