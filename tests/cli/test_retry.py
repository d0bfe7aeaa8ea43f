"""`nextsteps retry MESSAGE`: a message the server refused goes again once the user
fixed what was wrong; the outbox said why it failed, in words."""

from __future__ import annotations

from tests.cli.conftest import Run, account, as_json
from tests.outreach.smtpd import Sink, running_sink


def test_a_refused_message_is_retried_and_sent(interviewed: Run) -> None:
    with running_sink(Sink(answers=["550 5.7.1 Relaying denied"])) as (sink, port):
        account(interviewed, port)
        interviewed("send", "1", "thank_you", "--now")
        interviewed("worker", "--once")
        (failed,) = as_json(interviewed("outbox", "--json"))
        assert failed["state"] == "failed"
        assert failed["reason"] == (
            "Not sent: 127.0.0.1 refused it (550 5.7.1 Relaying denied). Check the address "
            "it goes to, then retry it, or send it yourself."
        )
        listed = interviewed("outbox", columns=80).stdout.splitlines()
        assert listed[0].split() == [
            str(failed["id"]), "failed", "today", *listed[0].split()[3:4],
            "Thank-you", "to", "Jane", "Doe,", "Acme",
        ]  # fmt: skip
        assert listed[1].startswith("    Not sent: 127.0.0.1 refused it (550 5.7.1 Relaying")
        assert all(len(line) <= 80 for line in listed)
        assert "thank_you" in {s["kind"] for s in as_json(interviewed("next", "1", "--json"))}
        retried = interviewed("retry", str(failed["id"]))
        assert retried.stdout.startswith(f"Message {failed['id']} to jane@acme.example goes again")
        interviewed("worker", "--once")
    (sent,) = as_json(interviewed("outbox", "--json"))
    assert sent["state"] == "sent"
    assert sink.message_ids() == [sent["message_id"]]
    assert "thank_you" not in {s["kind"] for s in as_json(interviewed("next", "1", "--json"))}


def test_only_a_failed_message_is_retried(interviewed: Run) -> None:
    account(interviewed, 2525)
    interviewed("send", "1", "thank_you")
    (row,) = as_json(interviewed("outbox", "--json"))
    for message in (str(row["id"]), "999"):
        result = interviewed("retry", message, check=False)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1
