"""Dates read the same on every machine: nextsteps' own words, never the locale's."""

from __future__ import annotations

import locale
import re
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from nextsteps.playbook.humandates import (
    clock,
    day_label,
    long_day,
    say_day,
    say_due,
    say_moment,
    weekday_name,
)

LONDON = ZoneInfo("Europe/London")
SOURCE = Path(__file__).resolve().parents[2] / "src" / "nextsteps"


@pytest.mark.parametrize(
    ("day", "short", "long"),
    [
        (date(2026, 11, 6), "Fri 6 Nov", "Friday 6 November"),
        (date(2026, 11, 13), "Fri 13 Nov", "Friday 13 November"),
        (date(2027, 1, 4), "Mon 4 Jan", "Monday 4 January"),
        (date(2026, 5, 31), "Sun 31 May", "Sunday 31 May"),
    ],
    ids=["the interview on the 6th", "the follow-up on the 13th", "a Monday", "a Sunday"],
)
def test_a_day_in_short_and_in_a_letter(day: date, short: str, long: str) -> None:
    assert day_label(day) == short
    assert long_day(day) == long
    assert weekday_name(day) == long.split()[0]


@pytest.mark.parametrize(
    ("day", "spoken"),
    [
        (date(2026, 11, 15), "yesterday"),
        (date(2026, 11, 16), "today"),
        (date(2026, 11, 17), "tomorrow"),
        (date(2026, 11, 20), "Fri 20 Nov"),
        (date(2027, 1, 4), "Mon 4 Jan 2027"),
    ],
    ids=["yesterday", "today", "tomorrow", "this year", "another year names it"],
)
def test_a_day_as_a_person_says_it(day: date, spoken: str) -> None:
    assert say_day(day, date(2026, 11, 16)) == spoken


def test_a_moment_has_a_clock_and_a_day_step_has_none() -> None:
    today = date(2026, 11, 16)
    at = datetime(2026, 11, 20, 14, 5, tzinfo=LONDON)
    assert say_moment(at, LONDON, today) == "Fri 20 Nov 14:05"
    assert say_moment(at, LONDON, today, all_day=True) == "Fri 20 Nov"
    assert clock(time(9, 0)) == "09:00"
    now = datetime(2026, 11, 21, 8, tzinfo=LONDON)
    assert say_due(at, False, LONDON, now) == "was due yesterday 14:05"


def test_an_interview_says_when_it_ended_too() -> None:
    began = datetime(2026, 11, 20, 13, 38, tzinfo=LONDON)
    today = date(2026, 11, 20)
    ended = began.replace(hour=14, minute=0)
    assert say_moment(began, LONDON, today, until=ended) == "today 13:38 to 14:00"
    overnight = datetime(2026, 11, 21, 0, 30, tzinfo=LONDON)
    assert say_moment(began, LONDON, today, until=overnight) == ("today 13:38 to tomorrow 00:30")


@pytest.fixture
def other_locale() -> Iterator[str]:
    """The machine speaking another language, where this machine has one."""
    saved = locale.setlocale(locale.LC_TIME)
    for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "es_ES.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        yield name
        locale.setlocale(locale.LC_TIME, saved)
        return
    pytest.skip("no other locale is installed here (the source check below still runs)")


def test_the_machines_language_changes_no_date(other_locale: str) -> None:
    assert day_label(date(2026, 11, 6)) == "Fri 6 Nov"
    assert long_day(date(2026, 11, 6)) == "Friday 6 November"


def test_no_code_names_days_or_months_through_the_locale() -> None:
    """%a, %A, %b, %B (and Django's D, l, M, F) follow the machine's locale."""
    locale_codes = re.compile(r"%[aAbBcxp]|\|date:\"[^\"]*[DlMFNEPA]")
    found = [
        f"{path.relative_to(SOURCE)}: {line.strip()}"
        for path in SOURCE.rglob("*")
        if path.suffix in {".py", ".html", ".txt"} and "migrations" not in path.parts
        for line in path.read_text(encoding="utf-8").splitlines()
        if locale_codes.search(line)
    ]
    assert found == []
