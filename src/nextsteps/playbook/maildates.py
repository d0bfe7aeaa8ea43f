"""The days a mail's words name: "back on Monday 23 November", "bis zum 20.11.",
"jusqu'au 3 décembre", "by 2026-11-20".

Employers and their mail systems write in many languages and formats; nextsteps
reads the common ones and takes a day only when it is sure which one is meant
(3/4 could be March or April: it is left alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# Month and weekday names and their usual abbreviations: English, German, French, Spanish,
# Dutch and Italian; abbreviations that are also common words ("set", "ago", "sat",
# "mon") are left out.
_MONTH_WORDS = (
    "january jan januar janvier janv enero januari gennaio",
    "february feb februar février fevrier févr fevr febrero februari febbraio",
    "march mar märz maerz mars marzo maart",
    "april apr avril avr abril aprile",
    "may mai mayo mei maggio",
    "june jun juni juin junio giugno",
    "july jul juli juillet juil julio luglio",
    "august aug août aout agosto augustus",
    "september sep sept septembre septiembre settembre",
    "october oct okt oktober octobre octubre ottobre",
    "november nov novembre noviembre",
    "december dec dez dezember décembre decembre déc diciembre dicembre",
)
MONTHS = {word: number for number, words in enumerate(_MONTH_WORDS, 1) for word in words.split()}

_WEEKDAY_WORDS = (
    "monday montag lundi lunes maandag lunedì lunedi",
    "tuesday tue tues dienstag mardi martes dinsdag martedì martedi",
    "wednesday mittwoch mercredi miércoles miercoles woensdag mercoledì mercoledi",
    "thursday thu thurs donnerstag jeudi jueves donderdag giovedì giovedi",
    "friday fri freitag vendredi viernes vrijdag venerdì venerdi",
    "saturday samstag samedi sábado sabado zaterdag sabato",
    "sunday sonntag dimanche domingo zondag domenica",
)
WEEKDAYS = {word: number for number, words in enumerate(_WEEKDAY_WORDS) for word in words.split()}

_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th|er|e|\.|º)?"

ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# 20.11. / 20.11.2026 / 20/11/2026 / 11/20/26 / 20-11-2026: with a year, or the
# German closing dot; "3.12", "24/7" and "10-11" are versions, hours and ranges.
NUMERIC = re.compile(r"\b(\d{1,2})(?:([./-])(\d{1,2})\2(\d{4}|\d{2})\b|(\.)(\d{1,2})\.)")
DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}}){_ORDINAL}(?:\s+(?:of|de|di))?\s+({_MONTH})\.?(?:,?\s+(\d{{4}}))?\b",
    re.IGNORECASE,
)
# Month and weekday names are found word by word (one long alternation tried at
# every character is slow on a page of text); what follows a month is matched there.
WORD = re.compile(r"[^\W\d_]+")
AFTER_MONTH = re.compile(rf"\.?\s+(\d{{1,2}}){_ORDINAL}(?![\d:])(?:,?\s+(\d{{4}}))?")
TOMORROW = re.compile(r"\b(tomorrow|demain|mañana|domani)\b", re.IGNORECASE)

# How far ahead a day named without a year may lie: "5 January" written in
# December is next year's, "3 November" written on the 10th is this year's.
BACKWARDS_DAYS = 31


@dataclass(frozen=True)
class NamedDay:
    """A day the words name, where it starts in the text, and whether it was named
    by its weekday alone."""

    day: date
    at: int
    by_weekday: bool = False


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_year(month: int, day: int, year: str | None, written: date) -> date | None:
    if year:
        number = int(year)
        return _day(number + 2000 if number < 100 else number, month, day)
    found = _day(written.year, month, day)
    if found is None:
        return None
    if found < written - timedelta(days=BACKWARDS_DAYS):
        return _day(written.year + 1, month, day)
    return found


def _numeric(match: re.Match[str], written: date) -> date | None:
    first = int(match.group(1))
    if match.group(5):  # "20.11.": German, Dutch, ... always day.month
        return _with_year(int(match.group(6)), first, None, written)
    separator, second, year = match.group(2), int(match.group(3)), match.group(4)
    if separator == "." or first > 12 >= second:
        return _with_year(second, first, year, written)
    if second > 12 >= first:
        return _with_year(first, second, year, written)
    return None  # 3/4/2026: March or April, nobody can tell


def _next_weekday(weekday: int, written: date) -> date:
    ahead = (weekday - written.weekday()) % 7 or 7
    return written + timedelta(days=ahead)


def named_days(text: str, written: date) -> list[NamedDay]:
    """Every day `text` names, in the order it names them. `written` is the day the
    mail was written: a day without a year, or a weekday alone, is the next one."""
    found: list[NamedDay] = []
    taken: list[range] = []

    def add(start: int, end: int, day: date | None, by_weekday: bool = False) -> None:
        span = range(start, end)
        if day is None or any(span.start in t or t.start in span for t in taken):
            return
        taken.append(span)
        found.append(NamedDay(day, start, by_weekday))

    for match in ISO.finditer(text):
        add(*match.span(), _day(*map(int, match.groups())))
    for match in DAY_MONTH.finditer(text):
        month = MONTHS[match.group(2).lower()]
        add(*match.span(), _with_year(month, int(match.group(1)), match.group(3), written))
    for word in WORD.finditer(text):
        name = word.group(0).lower()
        if name in MONTHS:
            after = AFTER_MONTH.match(text, word.end())
            if after:
                day = _with_year(MONTHS[name], int(after.group(1)), after.group(2), written)
                add(word.start(), after.end(), day)
    for match in NUMERIC.finditer(text):
        add(*match.span(), _numeric(match, written))
    for word in WORD.finditer(text):
        name = word.group(0).lower()
        # A weekday right before a date is that date's ("Monday 23 November").
        if name in WEEKDAYS and not any(word.end() < d.at <= word.end() + 2 for d in found):
            weekday = _next_weekday(WEEKDAYS[name], written)
            add(*word.span(), weekday, by_weekday=True)
    for match in TOMORROW.finditer(text):
        add(*match.span(), written + timedelta(days=1))
    return sorted(found, key=lambda d: d.at)
