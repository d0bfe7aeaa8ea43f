"""Turning what the user typed into values, or into one sentence saying what is wrong."""

from __future__ import annotations

import re
import sys
from datetime import date, datetime, tzinfo

from nextsteps.playbook.workdays import MORNING


class BadInput(Exception):
    """Something the user typed; the message is the one line they see."""


def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f"{option} must be a date like 2026-11-13, not {text!r}.") from None


WHEN_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M")


def parse_when(text: str, option: str, zone: tzinfo) -> datetime:
    """`YYYY-MM-DD HH:MM` on the user's clock; a bare date means 09:00 that day."""
    for fmt in WHEN_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).replace(tzinfo=zone)
        except ValueError:
            continue
    try:
        return datetime.combine(date.fromisoformat(text.strip()), MORNING, tzinfo=zone)
    except ValueError:
        raise BadInput(
            f"{option} must look like 2026-11-13 or '2026-11-13 14:30', not {text!r}."
        ) from None


CONTACT = re.compile(
    r"^\s*(?P<name>[^<>]*?)\s*(?:<(?P<email>[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)>)?\s*$"
)


def parse_contact(text: str) -> tuple[str, str]:
    """`Jane Doe <jane@example.com>` -> ("Jane Doe", "jane@example.com")."""
    match = CONTACT.match(text)
    if not match or not match["name"]:
        raise BadInput(f"--contact must look like 'Jane Doe <jane@example.com>', not {text!r}.")
    return match["name"], match["email"] or ""


def password_from_stdin() -> str:
    """The first line of standard input, as a script passes a password."""
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise BadInput("No password on standard input.")
    return password
