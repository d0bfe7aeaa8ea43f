"""A raw RFC 5322 mail as an IncomingMail, whatever its bytes hold.

A mailbox receives what anyone sends: broken headers, unknown charsets, bytes that
are not text, parts nested a thousand deep, attachments of megabytes. None of it
may stop a sync, so nothing here raises on what a mail holds.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from datetime import UTC, datetime
from email import policy
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
    report_type = _report_type(message)
    return IncomingMail(
        message_id=_message_id(message, raw),
        sent_at=_sent_at(message, received_at),
        from_address=_address(_header(message, "From")),
        from_name=_name(_header(message, "From")),
        to_addresses=_addresses(message, "To", "Cc"),
        subject=_header(message, "Subject"),
        in_reply_to=_first_id(_header(message, "In-Reply-To")),
        references=tuple(MESSAGE_ID.findall(_header(message, "References")))[-MAX_ADDRESSES:],
        auto_submitted=_header(message, "Auto-Submitted"),
        x_autoreply=_header(message, "X-Autoreply"),
        x_autorespond=_header(message, "X-Autorespond"),
        precedence=_header(message, "Precedence"),
        report_type=report_type,
        text=_own_words(message),
        failed_recipients=_failed_recipients(message) if report_type else (),
        original_message_id=_original_message_id(message) if report_type else "",
    )


def _one_line(text: str, limit: int = MAX_HEADER_CHARS) -> str:
    """Printable text on one line: control characters, and the surrogates that stand
    for bytes that were not UTF-8, become spaces."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") else char for char in text
    )
    return " ".join(cleaned.split())[:limit]


def _header(message: Message, name: str) -> str:
    try:
        value = str(message.get(name) or "")
    except PARSER_ERRORS:
        value = next((str(v) for k, v in message.raw_items() if k.lower() == name.lower()), "")
    return _one_line(value)


def _first_id(value: str) -> str:
    found = MESSAGE_ID.search(value)
    return found.group(0) if found else ""


def _message_id(message: Message, raw: bytes) -> str:
    """Its Message-ID; a mail without one gets a stable stand-in made from its
    headers, so taking it in twice is still recognised."""
    found = _first_id(_header(message, "Message-ID"))
    if found:
        return found
    headers = raw[:MAX_PARSED_BYTES].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return f"<{hashlib.sha256(headers).hexdigest()[:40]}@nextsteps.invalid>"


def _sent_at(message: Message, received_at: datetime | None) -> datetime:
    fallback = received_at or EARLIEST
    try:
        sent = parsedate_to_datetime(_header(message, "Date"))
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
    return _one_line(name, MAX_NAME_CHARS)


def _addresses(message: Message, *names: str) -> tuple[str, ...]:
    values = [_header(message, name) for name in names]
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
    own = []
    for line in content.splitlines():
        stripped = line.strip()
        if QUOTE_INTRO.match(stripped):
            break
        if not stripped.startswith(">"):
            own.append(stripped)
    return _one_line(" ".join(own), TEXT_CHARS)


def _failed_recipients(message: Message) -> tuple[str, ...]:
    """Whom a delivery status report says the mail did not reach (RFC 3464: the
    Final-Recipient of each block whose Action is failed), and Exim's header."""
    failed = [_address(a) for a in _header(message, "X-Failed-Recipients").split(",")]
    for part in _parts(message):
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        for block in blocks if isinstance(blocks, list) else []:
            if not isinstance(block, Message):
                continue
            if _header(block, "Action").lower().startswith("failed"):
                recipient = _header(block, "Final-Recipient") or _header(
                    block, "Original-Recipient"
                )
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
            found = _first_id(_header(original, "Message-ID"))
            if found:
                return found
    return ""
