"""STARTTLS and TLS with a login, against a real server with a certificate the
client verifies (a throwaway CA made for the test, trusted through SSL_CERT_FILE)."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from nextsteps.outreach import smtp
from tests.certificates import self_signed
from tests.outreach.smtpd import Sink, free_port, running_sink

PAYLOAD = b"Subject: hello\r\nMessage-ID: <tls-test@example.com>\r\n\r\nHi.\r\n"


@pytest.fixture
def certificate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ssl.SSLContext:
    cert_file, key_file = self_signed(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return context


@contextmanager
def serve(sink: Sink, context: ssl.SSLContext, implicit: bool) -> Iterator[int]:
    port = free_port()
    options = {"ssl_context": context} if implicit else {"tls_context": context}
    controller = Controller(
        sink,
        hostname="localhost",
        port=port,
        authenticator=sink.authenticate,
        require_starttls=not implicit,
        # aiosmtpd counts only STARTTLS as TLS for AUTH; an implicit-TLS socket is
        # encrypted from the first byte.
        auth_require_tls=not implicit,
        **options,
    )
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_login_and_send_over_a_verified_secure_connection(
    certificate: ssl.SSLContext, security: str
) -> None:
    sink = Sink()
    with serve(sink, certificate, implicit=security == "tls") as port:
        server = smtp.Server("localhost", port, security, "alice", "s3cret")
        outcome = smtp.send(server, "alice@example.com", "jane@acme.example", PAYLOAD, 5)
        assert outcome.result is smtp.Result.SENT, outcome.reason
    assert sink.logins == [("alice", "s3cret")]
    assert sink.message_ids() == ["<tls-test@example.com>"]


def test_a_server_without_starttls_is_a_settings_mismatch_not_a_retry() -> None:
    with running_sink() as (_sink, port):
        server = smtp.Server("127.0.0.1", port, "starttls")
        outcome = smtp.send(server, "alice@example.com", "jane@acme.example", PAYLOAD, 5)
    assert outcome.result is smtp.Result.PERMANENT
    assert outcome.cause is smtp.Cause.MISMATCH
    assert "does not offer a secure connection (STARTTLS)" in outcome.reason


def test_an_untrusted_certificate_is_refused(tmp_path: Path) -> None:
    cert_file, key_file = self_signed(tmp_path)  # not trusted: SSL_CERT_FILE is not set
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    sink = Sink()
    with serve(sink, context, implicit=True) as port:
        server = smtp.Server("localhost", port, "tls", "alice", "s3cret")
        outcome = smtp.send(server, "alice@example.com", "jane@acme.example", PAYLOAD, 5)
    assert outcome.result is smtp.Result.PERMANENT
    assert outcome.cause is smtp.Cause.INSECURE
    assert "The secure connection to localhost" in outcome.reason
    assert sink.logins == []
