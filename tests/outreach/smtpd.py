"""A real SMTP server on loopback (aiosmtpd) that records what it receives and can be
told to misbehave: answer 421 or 550, stall after taking the message, or hold a
message until the test lets it go."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    mail_from: str
    rcpt_to: list[str]
    message: Message
    at: float

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


@dataclass
class Sink:
    """The handler. `answers` is consumed one per message: "421 ...", "550 ...",
    "stall" (take it, then say nothing for `stall_seconds`) or "hold" (take it,
    then wait for `release`). `refuse_logins` answers every login with 535."""

    answers: list[str] = field(default_factory=list)
    refuse_logins: bool = False
    stall_seconds: float = 5.0
    received: list[Received] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    holding: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            answer = self.answers.pop(0) if self.answers else "250"
        if answer[:1] in "45":
            return answer
        with self.lock:
            self.received.append(
                Received(
                    mail_from=envelope.mail_from,
                    rcpt_to=list(envelope.rcpt_tos),
                    message=message_from_bytes(envelope.original_content or envelope.content),
                    at=time.time(),
                )
            )
        if answer == "stall":
            await asyncio.sleep(self.stall_seconds)
        if answer == "hold":
            self.holding.set()
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 30)
        return "250 2.0.0 Queued"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        if isinstance(data, LoginPassword):
            self.logins.append((data.login.decode(), data.password.decode()))
            # handled=False: aiosmtpd answers a refusal with 535 itself.
            return AuthResult(success=not self.refuse_logins, handled=False)
        return AuthResult(success=False, handled=False)

    def message_ids(self) -> list[str]:
        with self.lock:
            return [r.message_id for r in self.received]


@contextmanager
def silent_server() -> Iterator[int]:
    """A port that takes the connection and never says a word: a server that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield int(listener.getsockname()[1])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_sink(sink: Sink | None = None, **smtp_options: Any) -> Iterator[tuple[Sink, int]]:
    sink = sink or Sink()
    port = free_port()
    controller = Controller(
        sink,
        hostname="127.0.0.1",
        port=port,
        authenticator=sink.authenticate,
        auth_require_tls=False,
        **smtp_options,
    )
    controller.start()
    try:
        yield sink, port
    finally:
        sink.release.set()
        controller.stop()
