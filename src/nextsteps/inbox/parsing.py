"""A raw RFC 5322 mail as an IncomingMail, whatever its bytes hold.

A mailbox receives what anyone sends: broken headers, unknown charsets, bytes that
are not text, parts nested a thousand deep, attachments of megabytes. None of it
may stop a sync, so nothing here raises on what a mail holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import re
from datetime import UTC, datetime
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser, HeaderParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from nextsteps.playbook.inbox import TEXT_CHARS, IncomingMail

# Only the start of a mail is read: the headers, the first words and a delivery
# report all come early; a huge attachment is never parsed.
MAX_PARSED_BYTES = 256 * 1024
MAX_ID_CHARS = 255
MAX_HEADER_CHARS = 998
MAX_NAME_CHARS = 200
MAX_ADDRESSES = 50
# A mail dated before this (or with a date nobody can read) takes its arrival time.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)

MESSAGE_ID = re.compile(r"<[^<>\s]{1,253}>")
ADDRESS = re.compile(r"[^@\s<>()\[\],;:\"]{1,64}@[^@\s<>()\[\],;:\"]{1,253}")
QUOTE_INTRO = re.compile(
    r"^(on .{0,200}(wrote|schrieb|a écrit|escribió|ha scritto|schreef):?"
    r"|-{2,} ?(original message|ursprüngliche nachricht|message d'origine) ?-{2,}"
    r"|from: .*|von: .*|de: .*)\s*$",
    re.IGNORECASE,
)
INVISIBLE_HTML = re.compile(r"<(style|script|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]*>")

# The Python parser has raised on hostile headers (IndexError, ValueError, ...) and
# on deep nesting (RecursionError) over the years: a mail it cannot read is taken
# as far as it could be read.
PARSER_ERRORS = Exception


def incoming_mail(raw: bytes, received_at: datetime | None = None) -> IncomingMail:
    """The mail in `raw` as the rules read it. `received_at` (the server's arrival
    time) stands in for a missing or unreadable Date header."""
    head = raw[:MAX_PARSED_BYTES]
    try:
        message = BytesParser(policy=policy.default).parsebytes(head)
    except PARSER_ERRORS:
        message = BytesHeaderParser(policy=policy.default).parsebytes(head)
    headers = Headers(message)
    report_type = _report_type(message)
    return IncomingMail(
        message_id=_message_id(headers, raw),
        sent_at=_sent_at(headers, received_at),
        from_address=_address(headers.raw("From")),
        from_name=_name(headers.raw("From")),
        to_addresses=_addresses(headers, "To", "Cc"),
        subject=headers.text("Subject"),
        in_reply_to=_first_id(headers.raw("In-Reply-To")),
        references=tuple(MESSAGE_ID.findall(headers.raw("References")))[-MAX_ADDRESSES:],
        auto_submitted=headers.raw("Auto-Submitted"),
        x_autoreply=headers.raw("X-Autoreply"),
        x_autorespond=headers.raw("X-Autorespond"),
        precedence=headers.raw("Precedence"),
        report_type=report_type,
        text=_own_words(message),
        failed_recipients=_failed_recipients(message, headers) if report_type else (),
        original_message_id=_original_message_id(message) if report_type else "",
    )


# What a header may not hold once read: control characters, the surrogates that
# stand for bytes that were not UTF-8, and line and paragraph separators.
NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _one_line(text: str, limit: int = MAX_HEADER_CHARS) -> str:
    """Printable text on one line, its spaces collapsed, at most `limit` characters."""
    return " ".join(NOT_ONE_LINE.sub(" ", text[: limit * 4]).split())[:limit]


def _as_utf8(value: str) -> str:
    """A raw header's bytes that were not ASCII (kept as surrogates) read as UTF-8."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class Headers:
    """A mail's headers, the first of each name, read once and as written: the few
    that may carry encoded words are decoded on the way out. (policy.default parses
    every header it is asked for into an object, which was most of a sync's time
    and has raised on hostile headers.)"""

    def __init__(self, message: Message) -> None:
        self.values: dict[str, str] = {}
        for name, value in message.raw_items():
            self.values.setdefault(name.lower(), str(value))

    def raw(self, name: str) -> str:
        return _one_line(_as_utf8(self.values.get(name.lower(), "")))

    def text(self, name: str, limit: int = MAX_HEADER_CHARS) -> str:
        """The header with its RFC 2047 encoded words decoded."""
        return _decoded(self.raw(name), limit)


def _decoded(value: str, limit: int = MAX_HEADER_CHARS) -> str:
    # An unknown charset or a broken encoded word: as written.
    with contextlib.suppress(PARSER_ERRORS):
        value = str(make_header(decode_header(value)))
    return _one_line(value, limit)


def _first_id(value: str) -> str:
    found = MESSAGE_ID.search(value)
    return found.group(0) if found else ""


def _message_id(headers: Headers, raw: bytes) -> str:
    """Its Message-ID; a mail without one gets a stable stand-in made from its
    headers, so taking it in twice is still recognised."""
    found = _first_id(headers.raw("Message-ID"))
    if found:
        return found
    written = raw[:MAX_PARSED_BYTES].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return f"<{hashlib.sha256(written).hexdigest()[:40]}@nextsteps.invalid>"


def _sent_at(headers: Headers, received_at: datetime | None) -> datetime:
    fallback = received_at or EARLIEST
    try:
        sent = parsedate_to_datetime(headers.raw("Date"))
    except (ValueError, TypeError, OverflowError, IndexError):
        return fallback
    if sent.tzinfo is None:  # "-0000": the sender did not know its zone
        sent = sent.replace(tzinfo=UTC)
    return sent if sent >= EARLIEST else fallback


def _address(value: str) -> str:
    try:
        address = parseaddr(value)[1]
    except PARSER_ERRORS:
        address = ""
    found = ADDRESS.fullmatch(address.strip().lower())
    return found.group(0) if found else ""


def _name(value: str) -> str:
    try:
        name = parseaddr(value)[0]
    except PARSER_ERRORS:
        name = ""
    return _decoded(name, MAX_NAME_CHARS)


def _addresses(headers: Headers, *names: str) -> tuple[str, ...]:
    values = [headers.raw(name) for name in names]
    try:
        pairs = getaddresses([v for v in values if v])
    except PARSER_ERRORS:
        pairs = []
    found = (ADDRESS.fullmatch(address.strip().lower()) for _, address in pairs)
    return tuple(dict.fromkeys(m.group(0) for m in found if m))[:MAX_ADDRESSES]


def _report_type(message: Message) -> str:
    try:
        if message.get_content_type() != "multipart/report":
            return ""
        return _one_line(str(message.get_param("report-type") or ""), 40).lower()
    except PARSER_ERRORS:
        return ""


def _parts(message: Message) -> list[Message]:
    try:
        return list(message.walk())
    except PARSER_ERRORS:
        return [message]


def _own_words(message: Message) -> str:
    """The start of what the sender wrote: the plain text (else the HTML without its
    tags), without the quoted mail it answers, on one line."""
    try:
        if isinstance(message, EmailMessage):
            body = message.get_body(preferencelist=("plain", "html"))
        else:
            body = None
        if body is None:
            return ""
        content = body.get_content()
    except PARSER_ERRORS:
        return ""
    if not isinstance(content, str):
        return ""
    content = content[: TEXT_CHARS * 20]
    if body.get_content_subtype() == "html":
        content = html.unescape(TAG.sub(" ", INVISIBLE_HTML.sub(" ", content)))
    own: list[str] = []
    length = 0
    for line in content.splitlines():
        stripped = line.strip()
        if QUOTE_INTRO.match(stripped) or length > TEXT_CHARS:
            break
        if stripped and not stripped.startswith(">"):
            own.append(stripped)
            length += len(stripped) + 1
    return _one_line(" ".join(own), TEXT_CHARS)


def _failed_recipients(message: Message, headers: Headers) -> tuple[str, ...]:
    """Whom a delivery status report says the mail did not reach (RFC 3464: the
    Final-Recipient of each block whose Action is failed), and Exim's header."""
    failed = [_address(a) for a in headers.raw("X-Failed-Recipients").split(",")]
    for part in _parts(message):
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        for block in blocks if isinstance(blocks, list) else []:
            if not isinstance(block, Message):
                continue
            fields = Headers(block)
            if fields.raw("Action").lower().startswith("failed"):
                recipient = fields.raw("Final-Recipient") or fields.raw("Original-Recipient")
                failed.append(_address(recipient.partition(";")[2]))
    return tuple(dict.fromkeys(a for a in failed if a))[:MAX_ADDRESSES]


def _original_message_id(message: Message) -> str:
    """The Message-ID of the mail a report is about, from the copy or the headers it
    returns (RFC 6522: message/rfc822 or text/rfc822-headers)."""
    for part in _parts(message)[1:]:
        kind = part.get_content_type()
        try:
            if kind == "message/rfc822":
                inner = part.get_payload()
                original = inner[0] if isinstance(inner, list) and inner else None
            elif kind == "text/rfc822-headers":
                text = part.get_payload(decode=True)
                if not isinstance(text, bytes):
                    continue
                original = HeaderParser().parsestr(text.decode("utf-8", "replace"))
            else:
                continue
        except PARSER_ERRORS:
            continue
        if isinstance(original, Message):
            found = _first_id(Headers(original).raw("Message-ID"))
            if found:
                return found
    return ""
