"""What a mail means: a bounce, an out-of-office and when they are back, or a
person's reply and what it is proposed as; and which application it belongs to."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from nextsteps.playbook import sources
from nextsteps.playbook.inbox import (
    IncomingMail,
    MailKind,
    Match,
    Proposal,
    Prospect,
    company_domains,
    match,
    read_mail,
)

from .timelines import nov

THURSDAY = nov(12)
WEEK = 7


def mail(text: str = "", subject: str = "Re: Following up", **fields: object) -> IncomingMail:
    values: dict[str, object] = {
        "message_id": "<m@acme.example>",
        "sent_at": datetime(2026, 11, 12, 10, 30, tzinfo=UTC),
        "from_address": "jane@acme.example",
        "from_name": "Jane Doe",
        "subject": subject,
        "text": text,
        **fields,
    }
    return IncomingMail(**values)  # type: ignore[arg-type]


OUT_OF_OFFICE_CASES = [
    pytest.param(
        mail(subject="Automatic reply: Following up", auto_submitted="auto-replied"),
        nov(19),
        id="Auto-Submitted: auto-replied, no date -> a week",
    ),
    pytest.param(
        mail("I am out of the office until Monday 23 November with limited access to e-mail."),
        nov(23),
        id="out of the office until Monday 23 November -> back on the 23rd",
    ),
    pytest.param(
        mail("Thank you for your message. I'm on annual leave through Friday, November 20."),
        nov(21),
        id="on leave through Friday 20 November -> back the day after",
    ),
    pytest.param(
        mail("Ich bin bis einschließlich 20.11. abwesend.", subject="Abwesenheitsnotiz"),
        nov(21),
        id="German: bis einschließlich 20.11. abwesend -> the 21st",
    ),
    pytest.param(
        mail("Je suis absent jusqu'au 3 décembre.", subject="Réponse automatique"),
        nov(3, month=12),
        id="French: absent jusqu'au 3 décembre -> the 3rd",
    ),
    pytest.param(
        mail("Estoy fuera de la oficina hasta el lunes.", precedence="auto_reply"),
        nov(16),
        id="Spanish, Precedence: auto_reply, hasta el lunes -> Monday the 16th",
    ),
    pytest.param(
        mail("Away from the office from 10 November to 2026-11-24.", x_autoreply="yes"),
        nov(24),
        id="X-Autoreply, from the 10th to the 24th -> the 24th",
    ),
    pytest.param(
        mail("I am on parental leave until 1 March 2030.", x_autorespond="1"),
        nov(19),
        id="a return years away is not believed -> a week",
    ),
]


@pytest.mark.parametrize(("incoming", "back"), OUT_OF_OFFICE_CASES)
def test_an_out_of_office_is_waited_out_until_they_are_back(
    incoming: IncomingMail, back: date
) -> None:
    meaning = read_mail(incoming, THURSDAY, WEEK)
    assert meaning.kind is MailKind.OUT_OF_OFFICE
    assert meaning.day == back
    assert meaning.proposal is None
    assert meaning.sources == (sources.BEST_PRACTICES,)


REPLY_CASES = [
    pytest.param(
        mail("Thanks Alice, we are still interviewing and will be in touch."),
        None,
        None,
        id="a plain reply -> proposes nothing",
    ),
    pytest.param(
        mail("We regret to inform you that we have decided to move forward with other candidates."),
        Proposal.REJECTION,
        None,
        id="001 rejection -> proposed as rejected",
    ),
    pytest.param(
        mail(
            "Thank you for interviewing with us. Unfortunately you were unsuccessful on this "
            "occasion; we would like to invite you to apply again."
        ),
        Proposal.REJECTION,
        None,
        id="a rejection that mentions the interview -> still a rejection",
    ),
    pytest.param(
        mail("We would like to invite you to a second interview on Tuesday 17 November at 14:00."),
        Proposal.INTERVIEW_INVITATION,
        nov(17),
        id="invitation to a second interview on Tuesday 17 November",
    ),
    pytest.param(
        mail("We would like to offer you an interview. Could we meet on the 18th of November?"),
        Proposal.INTERVIEW_INVITATION,
        nov(18),
        id="offer you an interview -> an invitation, not an offer",
    ),
    pytest.param(
        mail("We are delighted to offer you the position. Please reply by 2026-11-20."),
        Proposal.OFFER,
        nov(20),
        id="000 an offer of the position",
    ),
    pytest.param(
        mail("Could you let me know your availability next week for a call with the team?"),
        Proposal.AVAILABILITY,
        None,
        id="asks for your availability",
    ),
    pytest.param(
        mail("Before we decide, could you send a list of references by Friday?"),
        Proposal.MATERIAL_REQUEST,
        nov(13),
        id="001 asks for a list of references by Friday",
    ),
    pytest.param(
        mail("Vielen Dank. Wir möchten Sie zu einem Vorstellungsgespräch am 19.11. einladen."),
        Proposal.INTERVIEW_INVITATION,
        nov(19),
        id="German invitation to a Vorstellungsgespräch on the 19th",
    ),
    pytest.param(
        mail("Thanks! We will make a decision by Friday 20 November and let you know."),
        Proposal.DECISION_DATE,
        nov(20),
        id="001 they will decide by Friday 20 November",
    ),
    pytest.param(
        mail("Lovely to hear from you. Please give me a call on Monday 16 November."),
        Proposal.CONTACT_DATE,
        nov(16),
        id="001 they ask you to call on Monday",
    ),
    pytest.param(
        mail("Thanks for your note of 3 November; I passed it to the team."),
        None,
        None,
        id="a date in the past named -> proposes nothing",
    ),
]


@pytest.mark.parametrize(("incoming", "proposal", "day"), REPLY_CASES)
def test_a_persons_reply_is_proposed_as_what_it_says(
    incoming: IncomingMail, proposal: Proposal | None, day: date | None
) -> None:
    meaning = read_mail(incoming, THURSDAY, WEEK)
    assert meaning.kind is MailKind.REPLY
    assert (meaning.proposal, meaning.day) == (proposal, day)
    assert meaning.sources


def test_a_delivery_status_report_is_a_bounce() -> None:
    bounce = mail(
        "Your message could not be delivered.",
        from_address="mailer-daemon@mx.example.com",
        auto_submitted="auto-replied",
        report_type="delivery-status",
        failed_recipients=("jane@acme.example",),
    )
    assert read_mail(bounce, THURSDAY, WEEK).kind is MailKind.BOUNCE


def test_auto_generated_is_a_notification_not_an_out_of_office() -> None:
    notice = mail("We regret to inform you ...", auto_submitted="auto-generated")
    assert read_mail(notice, THURSDAY, WEEK).kind is MailKind.REPLY


ACME = Prospect(
    1, "Acme Ltd", frozenset({"acme.example"}), frozenset({"jane@acme.example"}), active=True
)
ACME_OLD = Prospect(2, "Acme Ltd", frozenset({"acme.example"}), frozenset(), active=False)
GLOBEX = Prospect(3, "Globex GmbH", frozenset({"globex.example"}), frozenset({"hr@globex.example"}))

MATCH_CASES = [
    pytest.param(mail(), [GLOBEX], 7, (7, Match.THREAD), id="answers our message -> thread"),
    pytest.param(mail(), [GLOBEX, ACME], None, (1, Match.CONTACT), id="from a contact"),
    pytest.param(
        mail(from_address="bob@mail.acme.example"),
        [ACME_OLD, ACME],
        None,
        (1, Match.COMPANY_DOMAIN),
        id="another person at the company's domain -> weak, the active application",
    ),
    pytest.param(
        mail(from_address="bob@acme.example"),
        [ACME_OLD],
        None,
        None,
        id="the company's domain, only a closed application -> nothing",
    ),
    pytest.param(
        mail("Thank you for applying to Globex.", from_address="no-reply@us.greenhouse-mail.io"),
        [ACME, GLOBEX],
        None,
        (3, Match.APPLICANT_TRACKING),
        id="Greenhouse naming Globex -> weak",
    ),
    pytest.param(
        mail("Thank you for applying to Initech.", from_address="no-reply@hire.lever.co"),
        [ACME, GLOBEX],
        None,
        None,
        id="Lever naming another company -> nothing",
    ),
    pytest.param(
        mail(from_address="jane@acme.example.evil.test"),
        [ACME],
        None,
        None,
        id="a look-alike domain -> nothing",
    ),
    pytest.param(
        mail(
            from_address="mailer-daemon@mx.example.com",
            report_type="delivery-status",
            failed_recipients=("hr@globex.example",),
        ),
        [ACME, GLOBEX],
        None,
        (3, Match.CONTACT),
        id="a bounce for a contact's address -> that contact's application",
    ),
    pytest.param(
        mail(report_type="delivery-status", auto_submitted="auto-replied"),
        [ACME],
        7,
        None,
        id="a delivery delayed, about our message -> nothing, not an out-of-office",
    ),
    pytest.param(
        mail(report_type="disposition-notification"),
        [ACME],
        None,
        None,
        id="a read receipt from a contact -> nothing",
    ),
    pytest.param(
        mail(from_address="news@acme.example", precedence="bulk"),
        [ACME],
        None,
        None,
        id="the company's newsletter -> nothing to propose",
    ),
    pytest.param(
        mail(from_address="bob@acme.example", auto_submitted="auto-replied"),
        [ACME],
        None,
        None,
        id="an out-of-office from someone else at the company -> nothing to propose",
    ),
]


@pytest.mark.parametrize(("incoming", "prospects", "threaded", "expected"), MATCH_CASES)
def test_a_mail_belongs_to_the_strongest_match(
    incoming: IncomingMail,
    prospects: list[Prospect],
    threaded: int | None,
    expected: tuple[int, Match] | None,
) -> None:
    assert match(incoming, prospects, threaded) == expected


def test_strong_matches_act_and_weak_ones_are_proposed() -> None:
    assert [m for m in Match if m.strong] == [Match.THREAD, Match.CONTACT]


@pytest.mark.parametrize(
    ("website", "addresses", "domains"),
    [
        ("https://www.acme.example/jobs", ["jane@acme.example"], {"acme.example"}),
        ("", ["jane@gmail.com", "bob@globex.example"], {"globex.example"}),
        ("not a site", [], set()),
    ],
)
def test_a_companys_domains_leave_free_mail_out(
    website: str, addresses: list[str], domains: set[str]
) -> None:
    assert company_domains(website, addresses) == domains


def test_an_unaware_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        replace(mail(), sent_at=datetime(2026, 11, 12, 10, 30))
