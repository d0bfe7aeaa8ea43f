"""The user's calendar: working days, public holidays, and local days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from nextsteps.playbook import MORNING, Workdays, parse_working_days, public_holidays
from nextsteps.playbook.workdays import PublicHolidays, format_working_days, holidays_of_year

from .timelines import ENGLAND, LOS_ANGELES, UNITED_STATES, nov


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon,tue,wed,thu,fri", {0, 1, 2, 3, 4}),
        ("Sunday, Monday, Tuesday, Wednesday, Thursday", {6, 0, 1, 2, 3}),
        (" sat ", {5}),
    ],
)
def test_parse_working_days(text: str, days: set[int]) -> None:
    assert parse_working_days(text) == days


@pytest.mark.parametrize("text", ["", "mon,fun", ",,"])
def test_parse_working_days_refuses_nonsense_in_one_sentence(text: str) -> None:
    with pytest.raises(ValueError, match="Working days must be"):
        parse_working_days(text)


def test_format_working_days_round_trips() -> None:
    assert format_working_days(parse_working_days("fri,mon,wed")) == "mon,wed,fri"


@pytest.mark.parametrize(
    ("workdays", "day", "on_or_after", "after"),
    [
        pytest.param(ENGLAND, nov(6), nov(6), nov(9), id="Friday -> Friday, Monday"),
        pytest.param(ENGLAND, nov(7), nov(9), nov(9), id="Saturday -> Monday"),
        pytest.param(
            UNITED_STATES, nov(26), nov(27), nov(27), id="Thanksgiving -> the Friday after"
        ),
        pytest.param(
            ENGLAND,
            nov(25, month=12),
            nov(29, month=12),
            nov(29, month=12),
            id="Christmas Day -> past Boxing Day (observed on Mon 28) to Tue 29",
        ),
    ],
)
def test_next_working_day(workdays: Workdays, day: date, on_or_after: date, after: date) -> None:
    assert workdays.on_or_after(day) == on_or_after
    assert workdays.after(day) == after


def test_a_calendar_without_working_days_is_refused() -> None:
    with pytest.raises(ValueError, match="no working day"):
        Workdays(UTC, working_days=frozenset()).on_or_after(nov(6))  # type: ignore[arg-type]


def test_no_country_means_no_holidays() -> None:
    assert nov(25, month=12) not in public_holidays("")


@pytest.mark.parametrize(
    ("country", "subdivision", "message"),
    [
        ("XX", "", "country 'XX'"),
        ("US", "ZZ", "subdivision 'ZZ'"),
    ],
)
def test_unknown_holidays_are_named(country: str, subdivision: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        public_holidays(country, subdivision)


def test_subdivisions_have_their_own_holidays() -> None:
    # St Andrew's Day (observed Mon 30 Nov 2026) is a bank holiday in Scotland only.
    assert nov(30) in public_holidays("GB", "SCT")
    assert nov(30) not in public_holidays("gb", "eng")


def test_local_date_and_times_are_on_the_users_calendar() -> None:
    workdays = Workdays(LOS_ANGELES)
    late_evening = datetime(2026, 11, 7, 7, 30, tzinfo=UTC)

    assert workdays.local_date(late_evening) == nov(6)
    assert workdays.at(nov(6)) == datetime(2026, 11, 6, 17, 0, tzinfo=UTC)
    assert workdays.at(nov(6)).time() == MORNING
    assert workdays.end_of_day(nov(6)).time() == time(23, 59)


def test_a_calendar_reads_a_year_at_a_time_and_names_its_days() -> None:
    asked: list[int] = []

    def year_of(country: str, subdivision: str, year: int) -> dict[date, str]:
        asked.append(year)
        return holidays_of_year(country, subdivision, year)

    london = Workdays(ZoneInfo("Europe/London"), holidays=PublicHolidays("GB", "ENG", year_of))
    assert london.day_off(date(2026, 12, 28)) == "Boxing Day (observed)"
    assert london.on_or_after(date(2026, 12, 25)) == date(2026, 12, 29)
    assert london.day_off(date(2027, 1, 1)) == "New Year's Day"
    assert asked == [2026, 2027]


def test_a_holiday_observed_the_year_before_is_in_that_years_calendar() -> None:
    # 1 January 2022 was a Saturday: the United States observed it on Friday 31 December.
    assert holidays_of_year("US", "", 2021)[date(2021, 12, 31)] == "New Year's Day (observed)"
    assert date(2021, 12, 31) not in holidays_of_year("US", "", 2022)
