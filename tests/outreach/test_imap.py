"""Logging in to a real IMAP server (dovecot) as the inbox sync does: TLS and
STARTTLS verified against the tests' certificate authority, and each way it can
fail said in one sentence."""

from __future__ import annotations

import pytest

from nextsteps.outreach import imap
from nextsteps.outreach.connections import Cause, Server
from tests.dovecot import Mailbox


def server(mailbox: Mailbox, security: str, password: str | None = None) -> Server:
    port = mailbox.server.tls_port if security == "tls" else mailbox.server.starttls_port
    return Server("localhost", port, security, mailbox.username, password or mailbox.password)


@pytest.mark.parametrize("security", ["tls", "starttls", "none"])
def test_logs_in_over_each_kind_of_connection(imap_mailbox: Mailbox, security: str) -> None:
    imap.check(server(imap_mailbox, security), timeout=5)


def test_a_wrong_password_is_a_refused_login(imap_mailbox: Mailbox) -> None:
    with pytest.raises(imap.ImapFailure) as failure:
        imap.check(server(imap_mailbox, "tls", password="wrong"), timeout=5)
    assert failure.value.cause is Cause.LOGIN_REFUSED
    assert failure.value.reason.startswith(
        f"localhost refused the login for {imap_mailbox.username} ("
    )
    assert "wrong" not in failure.value.reason


def test_an_untrusted_certificate_is_refused_before_the_password_goes(
    imap_mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE")
    for security in ("tls", "starttls"):
        with pytest.raises(imap.ImapFailure) as failure:
            imap.check(server(imap_mailbox, security), timeout=5)
        assert failure.value.cause is Cause.INSECURE
        assert failure.value.reason.startswith("The secure connection to localhost:")
    assert f"user=<{imap_mailbox.username}>" not in imap_mailbox.server.log()


def test_tls_against_a_starttls_port_is_a_tls_failure(imap_mailbox: Mailbox) -> None:
    wrong = Server("localhost", imap_mailbox.server.starttls_port, "tls", "a", "b")
    with pytest.raises(imap.ImapFailure) as failure:
        imap.check(wrong, timeout=5)
    assert failure.value.cause is Cause.INSECURE


def test_a_server_name_that_does_not_exist() -> None:
    with pytest.raises(imap.ImapFailure) as failure:
        imap.check(Server("imap.nextsteps.invalid", 993, "tls", "a", "b"), timeout=5)
    assert failure.value.cause is Cause.UNKNOWN_HOST
    assert failure.value.reason == "The mail server imap.nextsteps.invalid does not exist."


def test_nobody_listening() -> None:
    from tests.outreach.smtpd import free_port

    port = free_port()
    with pytest.raises(imap.ImapFailure) as failure:
        imap.check(Server("127.0.0.1", port, "tls", "a", "b"), timeout=5)
    assert failure.value.cause is Cause.UNREACHABLE
    assert failure.value.reason.startswith(f"nextsteps could not reach 127.0.0.1:{port} (")
