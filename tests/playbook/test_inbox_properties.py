"""What holds for every mail, not just the examples: a reading never fails, an
absence is waited out for a believable time, a day written in any of the usual
ways is read back, and a match never leans on less than it found."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from nextsteps.playbook import mailwords
from nextsteps.playbook.humandates import MONTHS, WEEKDAYS
from nextsteps.playbook.inbox import (
    IncomingMail,
    MailKind,
    Match,
    Prospect,
    could_match,
    is_out_of_office,
    match,
    read_mail,
)
from nextsteps.playbook.maildates import named_days

WRITTEN = st.dates(date(2000, 1, 1), date(2090, 12, 31))
ADDRESSES = st.sampled_from(
    ["jane@acme.example", "bob@acme.example", "hr@globex.example", "x@gmail.com", ""]
)
HEADER_VALUES = st.sampled_from(["", "", "auto-replied", "auto-generated", "no", "yes", "bulk"])


@st.composite
def mails(draw: st.DrawFn) -> IncomingMail:
    words = st.sampled_from(
        [
            *mailwords.OUT_OF_OFFICE[:5],
            *mailwords.REJECTION[:5],
            *mailwords.OFFER[:5],
            *mailwords.DECISION[:5],
            "until",
            "through",
            "Monday",
            "20.11.",
            "3 March 2031",
            "2026-02-30",
            "31/12/2026",
            "tomorrow",
            "by",
            "on",
            "the",
            ".",
        ]
    )
    text = " ".join(draw(st.lists(words | st.text(max_size=12), max_size=30)))
    return IncomingMail(
        message_id="<m@x.example>",
        sent_at=datetime(2026, 11, 12, tzinfo=UTC),
        from_address=draw(ADDRESSES),
        subject=draw(st.text(max_size=40)),
        text=text[:2000],
        auto_submitted=draw(HEADER_VALUES),
        precedence=draw(st.sampled_from(["", "bulk", "auto_reply", "list"])),
        report_type=draw(st.sampled_from(["", "delivery-status"])),
        failed_recipients=tuple(draw(st.lists(ADDRESSES, max_size=2))),
    )


@settings(max_examples=150, deadline=None)
@given(mails(), WRITTEN, st.integers(1, 30))
def test_every_mail_has_a_meaning_and_an_absence_ends(
    mail: IncomingMail, written: date, pause_days: int
) -> None:
    meaning = read_mail(mail, written, pause_days)
    if meaning.kind is MailKind.OUT_OF_OFFICE:
        assert meaning.day is not None
        assert written < meaning.day <= written + timedelta(days=mailwords.LONGEST_ABSENCE_DAYS + 1)
        assert meaning.proposal is None
    elif meaning.kind is MailKind.REPLY:
        assert not is_out_of_office(mail)
        assert meaning.day is None or meaning.day > written
    else:
        assert mail.failed_recipients


SHORT_MONTHS = {"May": "May", "June": "Jun", "July": "Jul", "September": "Sept"}


@settings(max_examples=150, deadline=None)
@given(WRITTEN, st.integers(1, 300), st.integers(0, 6))
def test_a_day_written_in_any_usual_way_is_read_back(written: date, ahead: int, style: int) -> None:
    day = written + timedelta(days=ahead)
    month = MONTHS[day.month - 1]
    short = SHORT_MONTHS.get(month, month[:3])
    weekday = WEEKDAYS[day.weekday()]
    text = [
        f"{weekday} {day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        day.isoformat(),
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"the {day.day}th of {short}. {day.year}",
        f"{day.day}/{day.month}/{day.year}" if day.day > 12 else day.isoformat(),
        f"{day.day}. {month} {day.year}",
    ][style]
    found = named_days(f"I am back on {text}, thanks.", written)
    assert [d.day for d in found] == [day]


@settings(max_examples=200, deadline=None)
@given(WRITTEN, st.integers(1, 6))
def test_a_weekday_alone_is_the_next_one(written: date, ahead: int) -> None:
    day = written + timedelta(days=ahead)
    (found,) = named_days(f"until {WEEKDAYS[day.weekday()]}", written)
    assert found.day == day


PROSPECTS = st.lists(
    st.builds(
        Prospect,
        application_id=st.integers(1, 5),
        company=st.sampled_from(["Acme", "Globex GmbH", "X"]),
        domains=st.frozensets(st.sampled_from(["acme.example", "globex.example"]), max_size=2),
        addresses=st.frozensets(ADDRESSES, max_size=2),
        active=st.booleans(),
    ),
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(mails(), PROSPECTS, st.none() | st.integers(1, 5))
def test_a_match_never_leans_on_less_than_it_found(
    mail: IncomingMail, prospects: list[Prospect], threaded: int | None
) -> None:
    found = match(mail, prospects, threaded)
    if mail.report_type and not mail.failed_recipients:
        assert found is None  # a report that is no bounce means nothing
        return
    if threaded is not None:
        assert found == (threaded, Match.THREAD)
        return
    if found is None:
        return
    application_id, how = found
    chosen = [p for p in prospects if p.application_id == application_id]
    assert chosen
    if how is Match.CONTACT:
        senders = set(mail.failed_recipients) | {mail.from_address}
        assert any(senders & p.addresses for p in chosen)
    else:
        assert any(p.active for p in chosen)
        assert mail.report_type == "" or not mail.failed_recipients
        assert not is_out_of_office(mail)


@settings(max_examples=150, deadline=None)
@given(mails(), PROSPECTS)
def test_the_cheap_test_never_loses_a_match(mail: IncomingMail, prospects: list[Prospect]) -> None:
    """A mail the database is spared (no thread of ours) matches nothing anyway."""
    addresses = frozenset().union(*(p.addresses for p in prospects))
    domains = frozenset().union(*(p.domains for p in prospects))
    if not could_match(mail, addresses, domains):
        assert match(mail, prospects) is None
