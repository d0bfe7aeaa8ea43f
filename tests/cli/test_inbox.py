"""`nextsteps inbox`, `inbox confirm N` and `inbox dismiss N`, as a user types them,
on mail taken in from real RFC 5322 bytes."""

from __future__ import annotations

from datetime import datetime

import pytest

from nextsteps.inbox import services
from nextsteps.inbox.models import MatchedMail
from nextsteps.inbox.parsing import incoming_mail
from nextsteps.tracker.models import Event
from tests.cli.conftest import LONDON, Run, as_json, new_id
from tests.inbox import mails

NOW = datetime(2026, 11, 6, 8, tzinfo=LONDON)
THURSDAY_MAIL = "Thu, 5 Nov 2026 16:00:00 +0000"


@pytest.fixture
def inbox(nextsteps: Run) -> tuple[Run, str]:
    """Application 1 at Acme, with Jane Doe as its contact, applied on Monday."""
    application = new_id(
        nextsteps(
            "add", "Acme", "Data Analyst", "--applied", "2026-11-02",
            "--contact", "Jane Doe <jane@acme.example>",
        )
    )  # fmt: skip
    return nextsteps, application


def taken_in(raw: bytes) -> MatchedMail:
    from django.contrib.auth.models import User

    user = User.objects.get()
    row = services.take_in(user, incoming_mail(raw), NOW)
    assert row is not None
    return row


def test_an_empty_inbox_says_what_will_show(inbox: tuple[Run, str]) -> None:
    nextsteps, _ = inbox
    assert nextsteps("inbox").stdout.startswith("Nothing matched yet")
    assert as_json(nextsteps("inbox", "--json")) == []


def test_the_list_shows_what_was_done_and_what_waits(inbox: tuple[Run, str]) -> None:
    nextsteps, application = inbox
    acted = taken_in(mails.reply(date=THURSDAY_MAIL))
    waiting = taken_in(
        mails.reply(
            message_id="<bob@acme.example>",
            sender="Bob Lee <bob@acme.example>",
            subject="Interview",
            date=THURSDAY_MAIL,
            body="We would like to invite you to an interview on Tuesday 10 November.",
        )
    )
    text = nextsteps("inbox").stdout
    assert f"{waiting.id}  yesterday 16:00  Bob Lee (from the company's domain): " in text
    assert (
        "    Nothing changed yet.\n"
        f"    An invitation to an interview on Tue 10 Nov? nextsteps inbox confirm {waiting.id} | "
        f"dismiss {waiting.id}"
    ) in text
    assert "Jane Doe (from your contact): Data Analyst at Acme" in text
    assert "Recorded as their reply." in text
    assert text.index("Bob Lee") < text.index("Jane Doe")  # what waits comes first
    rows = as_json(nextsteps("inbox", "--json"))
    assert [r["id"] for r in rows] == [waiting.id, acted.id]
    assert rows[0]["proposal"] == "interview-invitation"
    assert rows[0]["proposed_day"] == "2026-11-10"
    assert rows[0]["application_id"] == int(application)
    assert rows[1]["state"] == "acted"
    assert rows[1]["question"] is None
    assert rows[1]["sources"] == ["Getting a Job – How to Follow Up After the Interview"]


def test_confirm_records_the_proposed_event(inbox: tuple[Run, str]) -> None:
    nextsteps, application = inbox
    row = taken_in(
        mails.reply(
            sender="Bob Lee <bob@acme.example>",
            date=THURSDAY_MAIL,
            body="Could you send us a list of references by Tuesday 10 November?",
        )
    )
    done = nextsteps("inbox", "confirm", str(row.id))
    assert done.stdout == f"Mail {row.id}: You confirmed they ask for material by Tue 10 Nov.\n"
    event = Event.objects.get(kind="materials-requested")
    assert event.application_id == int(application)
    assert event.due is not None
    assert event.due.astimezone(LONDON).date().isoformat() == "2026-11-10"
    again = nextsteps("inbox", "confirm", str(row.id), check=False)
    assert (again.returncode, again.stderr) == (
        2,
        f"error: Mail {row.id} waits for nothing: it is confirmed.\n",
    )


def test_an_invitation_without_a_day_asks_for_one(inbox: tuple[Run, str]) -> None:
    nextsteps, _ = inbox
    row = taken_in(
        mails.reply(
            sender="bob@acme.example", date=THURSDAY_MAIL, body="We'd like to invite you in."
        )
    )
    refused = nextsteps("inbox", "confirm", str(row.id), check=False)
    assert refused.returncode == 2
    assert refused.stderr.startswith("error: Say the interview's day to confirm mail")
    assert refused.stderr.count("\n") == 1
    assert not Event.objects.filter(kind="interview-scheduled").exists()
    booked_on = nextsteps("inbox", "confirm", str(row.id), "--on", "2026-11-12", "--at", "14:30")
    assert booked_on.stdout == f"Mail {row.id}: You confirmed an interview on Thu 12 Nov.\n"
    booked = Event.objects.get(kind="interview-scheduled")
    assert booked.at.astimezone(LONDON).isoformat() == "2026-11-12T14:30:00+00:00"


def test_dismiss_records_nothing(inbox: tuple[Run, str]) -> None:
    nextsteps, _ = inbox
    row = taken_in(mails.reply(sender="bob@acme.example", date=THURSDAY_MAIL))
    events = Event.objects.count()
    assert nextsteps("inbox", "dismiss", str(row.id)).stdout == (
        f"Mail {row.id}: dismissed, nothing changed.\n"
    )
    assert Event.objects.count() == events
    assert as_json(nextsteps("inbox", "--json"))[0]["state"] == "dismissed"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("confirm", "999"), "error: There is no matched mail 999.\n"),
        (("dismiss", "999"), "error: There is no matched mail 999.\n"),
        (("confirm", "1", "--on", "Tuesday"), "must be a date like 2026-11-13"),
        (("confirm", "1", "--at", "half past two"), "--at must be a time like 14:30"),
        (("confirm", "x"), "'x' is not a valid integer"),
    ],
)
def test_bad_input_is_one_sentence(
    inbox: tuple[Run, str], args: tuple[str, ...], error: str
) -> None:
    nextsteps, _ = inbox
    refused = nextsteps("inbox", *args, check=False)
    assert refused.returncode == 2
    assert error in refused.stderr
    assert refused.stderr.count("\n") == 1
    assert "Traceback" not in refused.stderr


def test_another_users_mail_is_not_found(inbox: tuple[Run, str]) -> None:
    from django.contrib.auth.models import User

    from nextsteps.tracker.services import ContactDetails, add_application

    nextsteps, _ = inbox
    other = User.objects.create_user("someone-else")
    add_application(other, "Acme", "Analyst", contact=ContactDetails("Jane", "jane@acme.example"))
    theirs = services.take_in(other, incoming_mail(mails.reply(date=THURSDAY_MAIL)), NOW)
    assert theirs is not None
    refused = nextsteps("inbox", "dismiss", str(theirs.id), check=False)
    assert (refused.returncode, refused.stderr) == (
        2,
        f"error: There is no matched mail {theirs.id}.\n",
    )
    assert as_json(nextsteps("inbox", "--json")) == []
