"""`nextsteps mail-account set --imap-host ...`: where replies are read from, and
`mail-account test` logging in to send and to read (a real IMAP server, dovecot)."""

from __future__ import annotations

from tests.cli.conftest import PASSWORD, Run
from tests.dovecot import Mailbox
from tests.outreach.smtpd import running_sink

SENDING = ("mail-account", "set", "--host", "127.0.0.1", "--port", "2525", "--security", "none",
           "--from", "alice@example.com", "--username", "alice")  # fmt: skip


def test_the_inbox_reuses_the_sending_login_unless_told(nextsteps: Run) -> None:
    shown = nextsteps(*SENDING, "--password-stdin", "--imap-host", "imap.example.com",
                      stdin=PASSWORD + "\n").stdout  # fmt: skip
    assert "imap_server = imap.example.com:993 (tls)\n" in shown
    assert "imap_username = alice\nimap_password = the SMTP one\n" in shown
    shown = nextsteps(*SENDING, "--imap-host", "imap.example.com", "--imap-port", "143",
                      "--imap-security", "starttls", "--imap-username", "alice@example.com",
                      "--imap-password-stdin", stdin="app-password\n").stdout  # fmt: skip
    assert "imap_server = imap.example.com:143 (starttls)\n" in shown
    assert "imap_username = alice@example.com\nimap_password = its own\n" in shown
    assert "app-password" not in shown
    assert "password = set\n" in shown  # the sending one, kept


def test_both_passwords_on_standard_input_one_line_each(nextsteps: Run) -> None:
    nextsteps(*SENDING, "--password-stdin", "--imap-host", "127.0.0.1", "--imap-security",
              "none", "--imap-password-stdin", stdin=f"{PASSWORD}\nsecond\n")  # fmt: skip
    from nextsteps.outreach.models import MailAccount
    from nextsteps.outreach.services import imap_server_of, server_of

    account = MailAccount.objects.get()
    assert (server_of(account).password, imap_server_of(account).password) == (PASSWORD, "second")


def test_imap_options_without_a_host_or_breaking_a_rule_write_nothing(nextsteps: Run) -> None:
    for extra in (
        ("--imap-port", "143"),
        ("--imap-host", "imap example"),
        ("--imap-host", "imap.example.com", "--imap-security", "ssl"),
        ("--imap-host", "imap.example.com", "--imap-port", "70000"),
        ("--imap-host", "imap.example.com", "--imap-security", "none"),
    ):
        refused = nextsteps(*SENDING, "--password-stdin", *extra, stdin=PASSWORD + "\n",
                            check=False)  # fmt: skip
        assert refused.returncode == 2, extra
        assert refused.stderr.startswith("error: "), extra
        assert refused.stderr.count("\n") == 1, extra
    assert "No mail account yet" in nextsteps("mail-account", "show").stdout


def test_mail_account_test_checks_sending_and_reading(
    nextsteps: Run, imap_mailbox: Mailbox
) -> None:
    tls_port = str(imap_mailbox.server.tls_port)
    with running_sink() as (_, port):
        nextsteps("mail-account", "set", "--host", "127.0.0.1", "--port", str(port),
                  "--security", "none", "--from", "alice@example.com", "--username", "alice",
                  "--password-stdin", "--imap-host", "localhost", "--imap-port", tls_port,
                  "--imap-username", imap_mailbox.username, "--imap-password-stdin",
                  stdin=f"{PASSWORD}\n{imap_mailbox.password}\n")  # fmt: skip
        checked = nextsteps("mail-account", "test")
        assert checked.stdout.splitlines() == [
            f"Connected to 127.0.0.1:{port} and logged in as alice: nextsteps can send from "
            "this account.",
            f"Connected to localhost:{tls_port} and logged in as {imap_mailbox.username}: "
            "nextsteps can read this account's mail.",
        ]
        nextsteps("mail-account", "set", "--host", "127.0.0.1", "--port", str(port),
                  "--security", "none", "--from", "alice@example.com", "--username", "alice",
                  "--imap-host", "localhost", "--imap-port", tls_port,
                  "--imap-username", imap_mailbox.username, "--imap-password-stdin",
                  stdin="wrong\n")  # fmt: skip
        refused = nextsteps("mail-account", "test", check=False)
    assert refused.returncode == 1
    assert refused.stdout.splitlines()[1].endswith("Check the username and the password.")
    assert "wrong" not in refused.stdout + refused.stderr
