"""The field rules every surface shares: what a name, an address, a day, a number
or a timezone may be, and the one sentence each refusal says."""

from __future__ import annotations

import re
from datetime import date

import pytest

from nextsteps.fields import (
    Day,
    DayRange,
    EmailAddress,
    FieldRefused,
    HostName,
    Mailbox,
    Text,
    Timezone,
    WebAddress,
    WholeNumber,
    is_loopback,
)

NAME = Text("The company's name", 200, required=True)
NOTE = Text("The note", 10_000, multiline=True)
CONTACT = Mailbox("The contact", person=True)
SENDER = Mailbox("The From address")
TODAY = date(2026, 11, 16)


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("Jane\r\nBcc: x@example.com", "must be one line, without a line break"),
        ("Acme\u2028Co", "must be one line, without a line break"),
        ("\x1b]0;owned\x07Acme", r"cannot hold a control character such as '\x1b'"),
        ("Ac\x00me", r"cannot hold a control character such as '\x00'"),
        ("\udcff\udcfeAcme", "holds bytes that are not text (UTF-8)"),
        ("x" * 102_400, "may be at most 200 characters long, not 102,400"),
        (" \t ", "control character"),
        ("   ", "cannot be empty"),
    ],
    ids=[
        "a line break could add a header",
        "a Unicode line separator is a line break too",
        "an escape sequence could retitle a terminal",
        "a NUL byte",
        "bytes that were not UTF-8",
        "100 KB",
        "a tab",
        "only spaces",
    ],
)
def test_a_one_line_field_refuses_with_one_sentence(typed: str, sentence: str) -> None:
    with pytest.raises(FieldRefused, match=re.escape(sentence)):
        NAME.clean(typed)


def test_a_one_line_field_keeps_its_words_with_single_spaces() -> None:
    assert NAME.clean("  Acme   Data\u00a0Co ") == "Acme Data Co"


def test_a_note_keeps_its_lines_and_tabs_but_no_escape_sequence() -> None:
    assert NOTE.clean("First\r\nSecond\n\tindented\n") == "First\nSecond\n\tindented"
    with pytest.raises(FieldRefused, match="control character"):
        NOTE.clean("red \x1b[31m text")


@pytest.mark.parametrize(
    ("typed", "name", "address"),
    [
        ("Jane Doe <jane@acme.example>", "Jane Doe", "jane@acme.example"),
        ("Jane Doe", "Jane Doe", ""),
        ("Jane", "Jane", ""),
        ('"Lee, Ann" <ann@acme.example>', "Lee, Ann", "ann@acme.example"),
    ],
)
def test_a_contact_is_a_name_with_or_without_an_address(
    typed: str, name: str, address: str
) -> None:
    assert CONTACT.split(typed) == (name, address)


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("jane@acme.example", "needs the person's name too"),
        ("<nobody>", "must look like 'Jane Doe <jane@example.com>'"),
        ("Jane <jane at acme>", "must look like 'Jane Doe <jane@example.com>'"),
        ("Jane\r\nBcc: x@example.com <jane@example.com>", "must be one line"),
    ],
    ids=[
        "an address alone is not a name",
        "nobody",
        "not an address",
        "a header smuggled in the name",
    ],
)
def test_a_contact_that_is_not_one_is_refused(typed: str, sentence: str) -> None:
    with pytest.raises(FieldRefused, match=sentence):
        CONTACT.split(typed)


def test_a_sender_may_be_a_bare_address_and_is_stored_quoted_when_needed() -> None:
    assert SENDER.split("ann@example.com") == ("", "ann@example.com")
    assert SENDER.clean("Lee, Ann <ann@example.com>") == '"Lee, Ann" <ann@example.com>'
    assert SENDER.split(SENDER.clean("Lee, Ann <ann@example.com>")) == (
        "Lee, Ann",
        "ann@example.com",
    )
    with pytest.raises(FieldRefused, match="From address must look like"):
        SENDER.split("Ann Lee")


def test_an_email_address_and_a_web_address() -> None:
    assert EmailAddress("The e-mail").clean(" jane@acme.example ") == "jane@acme.example"
    with pytest.raises(FieldRefused, match=r"must look like jane@example\.com"):
        EmailAddress("The e-mail").clean("jane at acme")
    posting = WebAddress("The posting", 500)
    assert posting.clean("acme.example/jobs/1") == "https://acme.example/jobs/1"
    with pytest.raises(FieldRefused, match="must be a web address"):
        posting.clean("javascript:alert(1)")


@pytest.mark.parametrize(
    "host", ["smtp.example.com", "localhost", "127.0.0.1", "[::1]", "mail-1.example."]
)
def test_a_mail_server_is_a_host_name_or_an_address(host: str) -> None:
    HostName("The mail server").clean(host)


@pytest.mark.parametrize("host", ["smtp example.com", "smtp.example.com\r\n", "a_b.example", "-x"])
def test_anything_else_is_not_a_mail_server(host: str) -> None:
    with pytest.raises(FieldRefused):
        HostName("The mail server").clean(host)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("smtp.example.com", False),
        ("10.0.0.1", False),
        ("localhost.example.com", False),
    ],
)
def test_which_hosts_are_this_computer(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_whole_number_in_ascii_digits_only() -> None:
    target = WholeNumber("weekly_target", 0, 100)
    assert target.clean(" 8 ") == 8
    for typed in ("²", "٣", "-1", "101", "1e3", "9" * 4000, ""):
        with pytest.raises(FieldRefused, match="must be a whole number from 0 to 100"):
            target.clean(typed)


def test_days_lie_between_1970_and_two_years_ahead() -> None:
    ahead = Day("The decision date")
    assert ahead.clean(date(2028, 11, 16), TODAY) == date(2028, 11, 16)
    with pytest.raises(FieldRefused, match="within two years from today, not 9999-12-31"):
        ahead.clean(date(9999, 12, 31), TODAY)
    with pytest.raises(FieldRefused, match="cannot be before 1970"):
        ahead.clean(date(1, 1, 1), TODAY)
    with pytest.raises(FieldRefused, match="The date you applied cannot be in the future"):
        Day("The date you applied", past_only=True).clean(date(2026, 11, 17), TODAY)


RANGE = DayRange(Day("The report's first day"), Day("The report's last day"))


@pytest.mark.parametrize(
    ("first", "last", "sentence"),
    [
        pytest.param(
            "2026-11-13",
            "2026-11-01",
            "The report's last day (2026-11-01) comes before the report's first day (2026-11-13).",
            id="the wrong way round",
        ),
        pytest.param(
            "13/11/2026",
            "2026-11-16",
            "The report's first day must be a date like 2026-11-13, not '13/11/2026'.",
            id="not a date as nextsteps writes them",
        ),
        pytest.param(
            "2026-11-01",
            "",
            "The report's last day is missing: give a date like 2026-11-13.",
            id="left empty",
        ),
        pytest.param(
            "1969-12-31",
            "2026-11-16",
            "The report's first day cannot be before 1970, and 1969-12-31 is.",
            id="before 1970",
        ),
        pytest.param(
            "2026-11-01",
            "9999-12-31",
            "The report's last day must be within two years from today, not 9999-12-31.",
            id="years ahead",
        ),
    ],
)
def test_a_range_of_days_is_refused_in_one_sentence(first: str, last: str, sentence: str) -> None:
    with pytest.raises(FieldRefused) as refused:
        RANGE.clean(first, last, TODAY)
    assert str(refused.value) == sentence


def test_a_range_of_days_as_typed_or_as_dates() -> None:
    assert RANGE.clean(" 2026-11-02 ", date(2026, 11, 2), TODAY) == (
        date(2026, 11, 2),
        date(2026, 11, 2),
    )


def test_a_timezone_is_an_iana_name() -> None:
    assert Timezone().clean("Europe/London") == "Europe/London"
    for typed in ("Mars/Olympus", "../../etc/passwd", "", "x" * 100_000):
        with pytest.raises(FieldRefused, match="Unknown timezone"):
            Timezone().clean(typed)
