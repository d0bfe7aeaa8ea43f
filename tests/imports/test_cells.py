"""What a cell says, as a table: days in the ways trackers and spreadsheets write
them, statuses in their words, and the events a row stands for."""

from __future__ import annotations

from datetime import date

import pytest

from nextsteps.imports.cells import (
    DayOrder,
    Reached,
    RowRefused,
    day_order,
    events_of,
    parse_day,
    reached,
)
from nextsteps.imports.columns import key

MONTH, DAY = DayOrder.MONTH_FIRST, DayOrder.DAY_FIRST
TODAY = date(2026, 11, 16)


@pytest.mark.parametrize(
    ("cell", "order", "day"),
    [
        ("2026-03-23", DAY, date(2026, 3, 23)),
        ("2026/03/23", MONTH, date(2026, 3, 23)),
        ("2026-03-23T14:05:00.000Z", DAY, date(2026, 3, 23)),
        ("2026-03-23 14:05", DAY, date(2026, 3, 23)),
        ("23.03.2026", MONTH, date(2026, 3, 23)),
        ("03/04/2026", DAY, date(2026, 4, 3)),
        ("03/04/2026", MONTH, date(2026, 3, 4)),
        ("3-4-2026", MONTH, date(2026, 3, 4)),
        ("Mar 23, 2026", DAY, date(2026, 3, 23)),
        ("23 March 2026", MONTH, date(2026, 3, 23)),
        ("Mon, Mar 23, 2026", DAY, date(2026, 3, 23)),
        ("N/A", DAY, None),
        ("  ", DAY, None),
    ],
    ids=lambda value: str(value),
)
def test_a_day_as_trackers_write_it(cell: str, order: DayOrder, day: date | None) -> None:
    assert parse_day(cell, "The date applied", order) == day


@pytest.mark.parametrize("cell", ["2026-02-30", "13/45/2026", "next week", "March 2026", "45930"])
def test_what_is_no_day_is_refused_naming_the_column(cell: str) -> None:
    with pytest.raises(RowRefused, match=r"^The date applied .* is not a day: write it as"):
        parse_day(cell, "The date applied", DAY)


@pytest.mark.parametrize(
    ("cells", "month_first_country", "order"),
    [
        (["03/04/2026", "25/10/2026"], True, DAY),
        (["03/04/2026", "10/25/2026"], False, MONTH),
        (["03/04/2026"], True, MONTH),
        (["03/04/2026", "2026-10-25"], False, DAY),
    ],
    ids=["a 25 first: days first", "a 25 second: months first", "the country: US",
         "the country: GB"],
)  # fmt: skip
def test_the_file_decides_how_it_writes_days(
    cells: list[str], month_first_country: bool, order: DayOrder
) -> None:
    assert day_order(cells, month_first_country) is order


@pytest.mark.parametrize(
    ("status", "stage"),
    [
        ("Bookmarked", Reached.SAVED),
        ("Wishlist", Reached.SAVED),
        ("Draft", Reached.SAVED),
        ("Applied", Reached.APPLIED),
        ("Phone screen", Reached.REPLIED),
        ("Interviewing", Reached.INTERVIEWED),
        ("Negotiating", Reached.OFFERED),
        ("Offer Accepted", Reached.ACCEPTED),
        ("I Withdrew", Reached.WITHDRAWN),
        ("Not Selected", Reached.REJECTED),
        ("No Response 🔇", Reached.NO_RESPONSE),
        ("no-response", Reached.NO_RESPONSE),
        ("Archived", Reached.CLOSED),
        ("", None),
    ],
)
def test_a_status_in_any_trackers_words(status: str, stage: Reached | None) -> None:
    assert reached(status) is stage


@pytest.mark.parametrize(
    ("header", "written"),
    [("appliedDate", "applied date"), ("Date_Applied", "date applied"),
     ("Max. Salary", "max salary"), ("JobTitle", "job title"), ("  Company  ", "company")],
)  # fmt: skip
def test_a_header_in_any_case_or_spelling(header: str, written: str) -> None:
    assert key(header) == written


OCT_1, OCT_8, OCT_20, NOV_20 = (
    date(2026, 10, 1),
    date(2026, 10, 8),
    date(2026, 10, 20),
    date(2026, 11, 20),
)


@pytest.mark.parametrize(
    ("status", "dates", "events"),
    [
        (None, {}, ""),
        (Reached.SAVED, {"saved_on": OCT_1}, ""),
        (None, {"applied_on": OCT_1}, "applied 10-01"),
        (Reached.APPLIED, {"saved_on": OCT_1, "updated_on": OCT_8}, "applied 10-01"),
        (Reached.INTERVIEWED, {"applied_on": OCT_1, "interview_on": OCT_8},
         "applied 10-01, interview 10-08"),
        (Reached.APPLIED, {"applied_on": OCT_1, "interview_on": NOV_20},
         "applied 10-01, interview-scheduled 11-20"),
        (Reached.REJECTED, {"applied_on": OCT_1, "updated_on": OCT_20},
         "applied 10-01, rejected 10-20"),
        (Reached.OFFERED, {"applied_on": OCT_1, "interview_on": OCT_8},
         "applied 10-01, interview 10-08, offer 10-08"),
        (Reached.CLOSED, {"saved_on": OCT_1}, ""),
        (Reached.CLOSED, {"applied_on": OCT_1}, "applied 10-01, no-response 10-01"),
    ],
    ids=[
        "nothing: saved", "bookmarked: saved", "a day applied: applied",
        "applied, no day: the day it was saved", "an interview's day: held",
        "an interview ahead: booked", "rejected: on the day it last changed",
        "an offer after the interview: that day", "archived, never sent: saved",
        "archived after applying: no answer",
    ],
)  # fmt: skip
def test_a_row_stands_for_events(
    status: Reached | None, dates: dict[str, date], events: str
) -> None:
    values: dict[str, date | None] = {
        "applied_on": None, "saved_on": None, "interview_on": None, "updated_on": None, **dates
    }  # fmt: skip
    found = events_of(status, applied=False, today=TODAY, **values)
    assert ", ".join(f"{kind.value} {day:%m-%d}" for kind, day in found) == events


def test_a_later_event_before_the_day_applied_is_refused() -> None:
    with pytest.raises(
        RowRefused, match="The rejection on 2026-10-01 is before the day you applied"
    ):
        events_of(Reached.REJECTED, applied_on=OCT_8, applied=False, saved_on=None,
                  interview_on=None, updated_on=OCT_1, today=TODAY)  # fmt: skip


def test_a_settled_application_cannot_have_an_interview_ahead() -> None:
    with pytest.raises(RowRefused, match="is still ahead, yet the status says"):
        events_of(Reached.REJECTED, applied_on=OCT_1, applied=False, saved_on=None,
                  interview_on=NOV_20, updated_on=None, today=TODAY)  # fmt: skip
