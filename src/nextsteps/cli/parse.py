"""Turning what the user typed into values, or into one sentence saying what is wrong.
What a value may be (its length, its characters, the days it may name) is the
field's rule in nextsteps.fields, applied by the services; here only its form."""

from __future__ import annotations

import sys
from datetime import date, datetime, time, tzinfo
from typing import TextIO


class BadInput(Exception):
    """Something the user typed; the message is the one line they see."""


def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f"{option} must be a date like 2026-11-13, not {_shown(text)}.") from None


WHEN_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M")


def _day_and_clock(text: str, option: str) -> tuple[date, time | None]:
    for fmt in WHEN_FORMATS:
        try:
            moment = datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        return moment.date(), moment.time()
    try:
        return date.fromisoformat(text.strip()), None
    except ValueError:
        raise BadInput(
            f"{option} must look like 2026-11-13 or '2026-11-13 14:30', not {_shown(text)}."
        ) from None


def parse_when(text: str, option: str, zone: tzinfo) -> datetime:
    """A moment ahead or behind, `YYYY-MM-DD HH:MM` on the user's clock; a bare date
    means 09:00 that day."""
    from nextsteps.playbook.workdays import MORNING

    day, clock = _day_and_clock(text, option)
    return datetime.combine(day, clock or MORNING, tzinfo=zone)


def parse_happened(text: str, option: str, now: datetime) -> datetime:
    """When something happened, on the clock of `now`: a bare date means now if it is
    today and 09:00 another day, as on the web's forms."""
    from nextsteps.tracker.services import moment_on

    day, clock = _day_and_clock(text, option)
    return moment_on(day, clock, now)


def _shown(text: str) -> str:
    from nextsteps.fields import shown

    return shown(text)


def text_of(file: TextIO, option: str) -> str:
    """All of a file the user named, which must be text."""
    try:
        return file.read()
    except UnicodeDecodeError:
        raise BadInput(f"{option} must be text in UTF-8.") from None


def password_from_stdin() -> str:
    """The first line of standard input, as a script passes a password."""
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise BadInput("No password on standard input.")
    return password


def read_input(path: str) -> bytes:
    """The file's bytes; `-` is standard input."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError as exc:
        raise BadInput(f"nextsteps cannot read {path}: {exc.strerror or exc}.") from None
    except ValueError:  # a NUL in the name
        raise BadInput(f"There is no file named {path!r}.") from None
