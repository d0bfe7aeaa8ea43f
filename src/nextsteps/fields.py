"""Each field's rule, written once: how long a text may be, which characters it may
hold, which days a date may name, what a number, an address or a timezone must be.

The services apply these rules to everything they store; the web forms and the
command line only present the sentence a rule refuses with. Header fields (names,
addresses, subjects) are one line: a line break in them could add a header to an
e-mail, so it is refused where it is typed, never discovered when sending.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from zoneinfo import available_timezones

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email


class FieldRefused(ValueError):
    """What was typed breaks a field's rule; the message is one sentence for the user."""


# Characters that move a terminal's cursor, end a header line or are not text at
# all (the surrogates that stand for bytes that were not UTF-8).
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
MULTILINE_ALLOWED = frozenset("\n\t")


def shown(text: str, limit: int = 40) -> str:
    """What the user typed, quoted in a sentence: escaped, and cut if long."""
    return repr(text if len(text) <= limit else f"{text[: limit - 3]}...")


def _bad_character(text: str, allowed: frozenset[str]) -> str | None:
    for char in text:
        if char in allowed:
            continue
        if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp"):
            return char
    return None


def _check_characters(text: str, label: str, allowed: frozenset[str]) -> None:
    char = _bad_character(text, allowed)
    if char is None:
        return
    if unicodedata.category(char) == "Cs":
        raise FieldRefused(f"{label} holds bytes that are not text (UTF-8): type it again.")
    if char in LINE_BREAKS:
        raise FieldRefused(f"{label} must be one line, without a line break.")
    raise FieldRefused(f"{label} cannot hold a control character such as {char!r}.")


@dataclass(frozen=True)
class Text:
    """A text field: one line (a header field, a name) or several (a note, a body)."""

    label: str  # as a sentence names it: "The company's name"
    max_length: int
    required: bool = False
    multiline: bool = False
    if_empty: str = ""  # the sentence for an empty required field, if not the usual

    def clean(self, value: str) -> str:
        """The text as stored: one line's spaces squeezed, a note's line ends made \\n."""
        if self.multiline:
            text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
            _check_characters(text, self.label, MULTILINE_ALLOWED)
        else:
            _check_characters(value, self.label, frozenset())
            text = " ".join(value.split())
        if self.required and not text:
            raise FieldRefused(self.missing)
        if len(text) > self.max_length:
            raise FieldRefused(
                f"{self.label} may be at most {self.max_length:,} characters long, "
                f"not {len(text):,}."
            )
        return text

    @property
    def missing(self) -> str:
        return self.if_empty or f"{self.label} cannot be empty."


def _validated(value: str, validator: object, sentence: str) -> str:
    try:
        validator(value)  # type: ignore[operator]
    except ValidationError:
        raise FieldRefused(sentence) from None
    return value


@dataclass(frozen=True)
class EmailAddress:
    label: str
    max_length: int = 254
    required: bool = False

    def clean(self, value: str) -> str:
        text = Text(self.label, self.max_length, self.required).clean(value)
        if not text:
            return text
        sentence = f"{self.label} must look like jane@example.com, not {shown(text)}."
        return _validated(text, validate_email, sentence)


@dataclass(frozen=True)
class Username:
    label: str = "The username"
    max_length: int = 150

    def clean(self, value: str) -> str:
        text = Text(self.label, self.max_length, required=True).clean(value)
        sentence = f"{self.label} may hold letters, digits and @ . + - _ only, not {shown(text)}."
        return _validated(text, UnicodeUsernameValidator(), sentence)


# "Jane Doe <jane@example.com>", or a bare address.
_MAILBOX = re.compile(r"^(?:(?P<name>[^<>]*?)\s*<(?P<angled>[^<>]*)>|(?P<bare>[^<>\s]+))$")


@dataclass(frozen=True)
class Mailbox:
    """A name and an address typed as one line: `Jane Doe <jane@example.com>`.

    For a person (`person=True`, a contact) the name is what matters: a name alone
    is fine, an address alone is not. For a sender, a bare address is enough.
    """

    label: str
    max_length: int = 320
    person: bool = False

    def clean(self, value: str) -> str:
        """The mailbox as stored: `Jane Doe <jane@example.com>`, or the bare address."""
        return mailbox_line(*self.split(value))

    def split(self, value: str) -> tuple[str, str]:
        """("Jane Doe", "jane@example.com"), or ("Jane Doe", "") for a person's name alone."""
        text = Text(self.label, self.max_length, required=True).clean(value)
        example = f"{self.label} must look like 'Jane Doe <jane@example.com>', not {shown(text)}."
        match = _MAILBOX.match(text)
        if match is None:
            if self.person and not set("<>@") & set(text):
                return _unquoted(text), ""
            raise FieldRefused(example)
        if match["angled"] is not None:
            name, address = _unquoted(match["name"]), match["angled"].strip()
        else:
            name, address = "", match["bare"]
            if self.person and "@" not in address:
                return _unquoted(address), ""  # one word: a name
        _validated(address, validate_email, example)
        if self.person and not name:
            raise FieldRefused(f"{self.label} needs the person's name too: 'Jane Doe <{address}>'.")
        return name, address


def _unquoted(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] == '"':
        return name[1:-1].replace('\\"', '"').replace("\\\\", "\\").strip()
    return name


def mailbox_line(name: str, address: str) -> str:
    """`Jane Doe <jane@example.com>`, the bare address, or the name alone: as typed
    back into a Mailbox field."""
    if not address:
        return name
    return f"{_quoted(name)} <{address}>" if name else address


def _quoted(name: str) -> str:
    """A display name as an address line needs it: quoted when it holds a comma."""
    if re.search(r'[,;:@()\[\]\\"<>]', name):
        return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return name


@dataclass(frozen=True)
class WebAddress:
    label: str
    max_length: int

    def clean(self, value: str) -> str:
        text = Text(self.label, self.max_length).clean(value)
        if not text:
            return text
        if "://" not in text:
            text = f"https://{text}"  # as typed from memory: example.com/job
        sentence = f"{self.label} must be a web address such as https://example.com/job."
        return _validated(text, URLValidator(schemes=["http", "https"]), sentence)


_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST_NAME = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*\.?$")


@dataclass(frozen=True)
class HostName:
    label: str
    max_length: int = 255
    example: str = "smtp.example.com"

    def clean(self, value: str) -> str:
        text = Text(self.label, self.max_length, required=True).clean(value)
        literal = text.removeprefix("[").removesuffix("]")
        try:
            ipaddress.ip_address(literal)
        except ValueError:
            if _HOST_NAME.match(text):
                return text
            raise FieldRefused(
                f"{self.label} must be a host name such as {self.example}, not {shown(text)}."
            ) from None
        return literal


def is_loopback(host: str) -> bool:
    """Whether `host` names this computer: localhost, 127.0.0.1, ::1. (No look-up:
    a name that resolves to a loopback address elsewhere does not count.)"""
    name = host.strip().removeprefix("[").removesuffix("]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class WholeNumber:
    label: str
    low: int
    high: int

    def clean(self, value: int | str) -> int:
        sentence = f"{self.label} must be a whole number from {self.low} to {self.high:,}"
        if isinstance(value, str):
            text = value.strip()
            # isdigit() alone accepts "²", which int() then refuses.
            if not (text.isascii() and text.isdigit() and len(text) <= 9):
                raise FieldRefused(f"{sentence}, not {shown(value)}.")
            value = int(text)
        if not self.low <= value <= self.high:
            raise FieldRefused(f"{sentence}, not {value}.")
        return value


# The days nextsteps can plan with: nothing before 1970, nothing more than two years
# ahead. Every date computation (plans, the calendar, the digest) stays far inside
# what the calendar can count, whatever was typed.
EARLIEST_DAY = date(1970, 1, 1)
DAYS_AHEAD = 2 * 366


def latest_day(today: date) -> date:
    return today + timedelta(days=DAYS_AHEAD)


@dataclass(frozen=True)
class Day:
    """A calendar day: one that has passed (`past_only`), or one up to two years ahead."""

    label: str
    past_only: bool = False

    def clean(self, day: date, today: date) -> date:
        if day < EARLIEST_DAY:
            raise FieldRefused(f"{self.label} cannot be before 1970, and {day} is.")
        if self.past_only and day > today:
            raise FieldRefused(f"{self.label} cannot be in the future.")
        if day > latest_day(today):
            raise FieldRefused(f"{self.label} must be within two years from today, not {day}.")
        return day


@cache
def _timezones() -> frozenset[str]:
    return frozenset(available_timezones())


@dataclass(frozen=True)
class Timezone:
    label: str = "The timezone"

    def clean(self, value: str) -> str:
        name = value.strip()
        if name not in _timezones():
            raise FieldRefused(
                f"Unknown timezone {shown(name)}; use an IANA name such as Europe/London."
            )
        return name


@dataclass(frozen=True)
class DayRange:
    """From one day to another, both included: each a date as typed (2026-11-13) or
    as a date, within a Day's bounds, and the last not before the first."""

    first: Day
    last: Day

    def clean(self, first: date | str, last: date | str, today: date) -> tuple[date, date]:
        start = self.first.clean(_a_day(first, self.first.label), today)
        end = self.last.clean(_a_day(last, self.last.label), today)
        if end < start:
            raise FieldRefused(
                f"{self.last.label} ({end}) comes before {_lowered(self.first.label)} ({start})."
            )
        return start, end


def _a_day(value: date | str, label: str) -> date:
    if isinstance(value, date):
        return value
    if not value.strip():
        raise FieldRefused(f"{label} is missing: give a date like 2026-11-13.")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise FieldRefused(f"{label} must be a date like 2026-11-13, not {shown(value)}.") from None


def _lowered(label: str) -> str:
    return label[:1].lower() + label[1:]
