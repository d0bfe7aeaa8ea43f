"""The user's calendar: their timezone, the days they work, their public holidays.

"Seven days after the interview" is counted on this calendar, never in UTC.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from nextsteps.playbook.humandates import weekday_name

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONDAY_TO_FRIDAY = frozenset(range(5))
WEEKEND = frozenset({5, 6})

# A date-level step ("follow up on the 13th") is placed at this local time, the
# start of an ordinary working morning.
MORNING = time(9, 0)


def parse_working_days(text: str) -> frozenset[int]:
    """`"mon,tue,wed"` -> {0, 1, 2}; raises ValueError with a sentence for the user."""
    names = [part.strip().lower()[:3] for part in text.split(",") if part.strip()]
    unknown = [n for n in names if n not in WEEKDAY_NAMES]
    if unknown or not names:
        raise ValueError(
            f"Working days must be a comma list of {', '.join(WEEKDAY_NAMES)}; got {text!r}."
        )
    return frozenset(WEEKDAY_NAMES.index(n) for n in names)


def format_working_days(days: frozenset[int]) -> str:
    return ",".join(WEEKDAY_NAMES[d] for d in sorted(days))


def public_holidays(
    country: str, subdivision: str = "", years: Iterable[int] | None = None
) -> Container[date]:
    """The public holidays of a country (ISO 3166-1) and subdivision (ISO 3166-2 part),
    of every year or of those given.

    Raises ValueError naming the code when the holidays library does not know it.
    """
    if not country:
        return frozenset()
    # Imported here, by a command that plans: the library takes some 20 ms to load.
    import holidays
    from holidays.registry import EntityLoader

    code = country.upper()
    # The registry knows every code (aliases such as UK among them) without loading
    # the calendar of each country, as list_supported_countries() would (60 ms).
    if code not in set(EntityLoader.get_country_codes()):
        raise ValueError(f"nextsteps knows no public holidays for country {country!r}.")
    try:
        return holidays.country_holidays(code, subdiv=subdivision.upper() or None, years=years)
    except NotImplementedError as exc:  # how the library says "no such subdivision"
        raise ValueError(
            f"nextsteps knows no public holidays for {country!r} subdivision {subdivision!r}."
        ) from exc


def holidays_of_year(country: str, subdivision: str, year: int) -> Mapping[date, str]:
    """One year of a country's public holidays by day, each day's name as the holidays
    library gives it."""
    calendar = public_holidays(country, subdivision, [year])
    if not isinstance(calendar, Mapping):
        return {}
    return {day: str(name) for day, name in calendar.items() if day.year == year}


YearOfHolidays = Callable[[str, str, int], Mapping[date, str]]


class PublicHolidays(Container[date]):
    """A country's public holidays, read a year at a time through `year_of` when a day
    of that year is first looked up: loading the holidays library's calendars takes
    some 80 ms, which a command that asks about no day (today's list) need not pay,
    and which the shell may spare the others by keeping the years it has read. For a
    country and subdivision that were checked when they were set."""

    def __init__(
        self, country: str, subdivision: str = "", year_of: YearOfHolidays = holidays_of_year
    ) -> None:
        self.country = country
        self.subdivision = subdivision
        self.year_of = year_of
        self.years: dict[int, Mapping[date, str]] = {}

    def _year(self, year: int) -> Mapping[date, str]:
        if year not in self.years:
            self.years[year] = self.year_of(self.country, self.subdivision, year)
        return self.years[year]

    def __contains__(self, day: object) -> bool:
        return bool(self.country) and isinstance(day, date) and day in self._year(day.year)

    def __getitem__(self, day: date) -> str:
        """The day's name; KeyError when it is no holiday."""
        return self._year(day.year)[day]


@dataclass(frozen=True)
class Workdays:
    timezone: ZoneInfo
    working_days: frozenset[int] = MONDAY_TO_FRIDAY
    holidays: Container[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.working_days and day not in self.holidays

    def on_or_after(self, day: date) -> date:
        """The first working day on or after `day`."""
        for offset in range(366):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError("The calendar has no working day in a whole year.")

    def on_or_before(self, day: date) -> date:
        """The last working day on or before `day`."""
        for offset in range(366):
            candidate = day - timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError("The calendar has no working day in a whole year.")

    def day_off(self, day: date) -> str | None:
        """What `day` is when it is not a working day ("Christmas Day", "a Saturday"),
        the way a step's reason says why it moved; None for a working day."""
        if self.is_working_day(day):
            return None
        if day in self.holidays:
            if not isinstance(self.holidays, Mapping | PublicHolidays):
                return "a public holiday"
            # The holidays library names a day with two holidays "A; B".
            return " and ".join(str(self.holidays[day]).split("; "))
        if day.weekday() in WEEKEND:
            return f"a {weekday_name(day)}"
        return f"a {weekday_name(day)}, not one of your working days"

    def after(self, day: date) -> date:
        """The first working day strictly after `day`."""
        return self.on_or_after(day + timedelta(days=1))

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.timezone).date()

    def at(self, day: date, clock: time = MORNING) -> datetime:
        """A wall-clock time on the user's calendar, as an aware datetime."""
        return datetime.combine(day, clock, tzinfo=self.timezone)

    def end_of_day(self, day: date) -> datetime:
        return self.at(day, time(23, 59))
