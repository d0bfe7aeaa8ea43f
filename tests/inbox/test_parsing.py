"""A raw mail read as the rules need it; hostile bytes never stop a sync."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from nextsteps.inbox.parsing import EARLIEST, incoming_mail
from nextsteps.playbook.inbox import SNIPPET_CHARS, TEXT_CHARS, IncomingMail
from tests.inbox import mails

ARRIVED = datetime(2026, 11, 12, 10, 31, tzinfo=UTC)


def test_a_reply_in_a_thread() -> None:
    raw = mails.reply(
        in_reply_to="<sent-2@example.com>",
        references="<sent-1@example.com>\r\n <sent-2@example.com>",
        body="Hi Alice,\n\nCould you come in on Tuesday?\n\nOn Thu, Jane wrote:\n> Thank you",
    )
    mail = incoming_mail(raw)
    assert mail.message_id == "<reply-1@acme.example>"
    assert mail.from_address == "jane@acme.example"
    assert mail.from_name == "Jane Doe"
    assert mail.to_addresses == ("alice@example.com",)
    assert mail.subject == "Re: Thank you for today"
    assert mail.sent_at == datetime(2026, 11, 12, 10, 30, tzinfo=UTC)
    assert mail.thread_ids == ("<sent-2@example.com>", "<sent-1@example.com>")
    assert mail.text == "Hi Alice, Could you come in on Tuesday?"
    assert mail.report_type == ""


def test_an_out_of_office_keeps_its_headers() -> None:
    raw = mails.reply(
        subject="Automatic reply: Following up",
        headers="Auto-Submitted: auto-replied\r\nX-Autoreply: yes\r\nPrecedence: auto_reply\r\n",
    )
    mail = incoming_mail(raw)
    assert (mail.auto_submitted, mail.x_autoreply, mail.precedence) == (
        "auto-replied",
        "yes",
        "auto_reply",
    )


def test_a_bounce_names_the_failed_recipient_and_the_original() -> None:
    mail = incoming_mail(mails.bounce())
    assert mail.report_type == "delivery-status"
    assert mail.failed_recipients == ("jane@acme.example",)
    assert mail.original_message_id == "<sent-1@example.com>"
    assert "<sent-1@example.com>" in mail.thread_ids


def test_encoded_words_and_latin_1() -> None:
    raw = (
        b"From: =?iso-8859-1?q?J=FCrgen_M=FCller?= <J.Mueller@Firma.example>\r\n"
        b"Subject: =?utf-8?b?QWJ3ZXNlbmhlaXRzbm90aXo=?=\r\n"
        b"Date: Thu, 12 Nov 2026 11:30:00 +0100\r\nMessage-ID: <x@firma.example>\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\n\r\n"
        b"Ich bin bis zum 20.11. abwesend. Gr\xfc\xdfe\r\n"
    )
    mail = incoming_mail(raw)
    assert mail.from_name == "Jürgen Müller"
    assert mail.from_address == "j.mueller@firma.example"
    assert mail.subject == "Abwesenheitsnotiz"
    assert mail.text == "Ich bin bis zum 20.11. abwesend. Grüße"


def test_raw_utf8_headers_and_unknown_charsets() -> None:
    raw = (
        "From: Zoë Müller <zoe@firma.example>\r\nSubject: Grüße aus Köln\r\n"
        "Message-ID: <u@firma.example>\r\n\r\nHallo\r\n"
    ).encode()
    mail = incoming_mail(raw, ARRIVED)
    assert (mail.from_name, mail.subject) == ("Zoë Müller", "Grüße aus Köln")
    unknown = b"From: a@b.example\r\nSubject: =?x-unknown?q?Hallo?=\r\n\r\nHi\r\n"
    assert incoming_mail(unknown, ARRIVED).subject == "=?x-unknown?q?Hallo?="


def test_html_only_mail_gives_its_words_without_tags() -> None:
    raw = (
        b"From: jobs@acme.example\r\nMessage-ID: <h@acme.example>\r\n"
        b"Date: Thu, 12 Nov 2026 10:30:00 +0000\r\nContent-Type: text/html\r\n\r\n"
        b"<html><head><style>p{color:red}</style></head><body><p>We are pleased"
        b" to offer you&nbsp;the role.</p></body></html>\r\n"
    )
    assert incoming_mail(raw).text == "We are pleased to offer you the role."


def test_no_date_takes_the_arrival_time_and_no_message_id_a_stable_one() -> None:
    raw = b"From: someone@acme.example\r\nSubject: hello\r\n\r\nhi\r\n"
    first, second = incoming_mail(raw, ARRIVED), incoming_mail(raw, ARRIVED)
    assert first.sent_at == ARRIVED
    assert first.message_id == second.message_id
    assert first.message_id.endswith("@nextsteps.invalid>")
    assert incoming_mail(raw).sent_at == EARLIEST


def test_a_long_body_is_cut_and_the_snippet_shorter() -> None:
    raw = mails.reply(body="word " * 100_000)
    mail = incoming_mail(raw)
    assert len(mail.text) <= TEXT_CHARS
    assert len(mail.snippet) <= SNIPPET_CHARS
    assert mail.snippet.endswith("…")


def test_a_header_cannot_carry_a_line_break_or_a_control_character() -> None:
    raw = mails.reply(subject="Hello =?utf-8?q?a=0D=0AX-Evil:_1=07?=")
    mail = incoming_mail(raw)
    assert not set("\r\n\x07") & set(mail.subject)


def test_nesting_deeper_than_python_recurses_is_read_as_far_as_it_goes() -> None:
    opening = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
        for i in range(150)
    )
    raw = b"From: a@b.example\r\nMessage-ID: <deep@b.example>\r\n" + opening
    # A shallow stack stands in for a mail nested thousands deep, which is slow to make.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_depth() + 100)
    try:
        mail = incoming_mail(raw, ARRIVED)
    finally:
        sys.setrecursionlimit(limit)
    assert (mail.message_id, mail.from_address) == ("<deep@b.example>", "a@b.example")


def _depth() -> int:
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1  # type: ignore[assignment]
    return depth


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4000))
def test_any_bytes_make_a_mail(raw: bytes) -> None:
    assert isinstance(incoming_mail(raw, ARRIVED), IncomingMail)


HEADER_NAMES = st.sampled_from(
    [
        "From",
        "To",
        "Cc",
        "Date",
        "Message-ID",
        "In-Reply-To",
        "References",
        "Subject",
        "Content-Type",
        "Auto-Submitted",
        "Content-Transfer-Encoding",
        "X-Failed-Recipients",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(HEADER_NAMES, st.text(max_size=200)), max_size=12),
    st.text(max_size=500),
)
def test_any_headers_make_a_mail(headers: list[tuple[str, str]], body: str) -> None:
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    raw = (head + "\r\n" + body).encode("utf-8", "surrogatepass")
    mail = incoming_mail(raw, ARRIVED)
    for value in (mail.subject, mail.from_name, mail.message_id, mail.auto_submitted):
        assert not any(c in value for c in "\r\n\x00")
    assert mail.sent_at.tzinfo is not None
