"""Article 003's other habits: when an activity is due again, and how its days read."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextsteps.playbook import Workdays, public_holidays, sources
from nextsteps.playbook.habits import HABITS, ActivityKind, next_due, plan_label

LONDON = Workdays(ZoneInfo("Europe/London"), holidays=public_holidays("GB", "ENG"))


@pytest.mark.parametrize(
    ("done_on", "every_days", "expected"),
    [
        pytest.param(date(2026, 11, 2), 7, date(2026, 11, 9), id="course on Monday -> next Monday"),
        pytest.param(
            date(2026, 11, 6), 14, date(2026, 11, 20), id="coffee on Friday -> a fortnight on"
        ),
        pytest.param(
            date(2026, 11, 5), 2, date(2026, 11, 9), id="due on Saturday -> the Monday after"
        ),
        pytest.param(
            date(2026, 12, 18), 7, date(2026, 12, 29), id="due on Boxing Day -> after the holidays"
        ),
        pytest.param(date(2026, 11, 6), None, None, id="done once -> over"),
    ],
)
def test_next_due(done_on: date, every_days: int | None, expected: date | None) -> None:
    assert next_due(done_on, every_days, LONDON) == expected


@given(
    done_on=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    every_days=st.integers(1, 365),
)
def test_next_due_is_a_working_day_after_the_interval_and_not_much_later(
    done_on: date, every_days: int
) -> None:
    due = next_due(done_on, every_days, LONDON)
    assert due is not None
    assert LONDON.is_working_day(due)
    earliest = done_on + timedelta(days=every_days)
    # The longest run of days off in England: Christmas to the day after Boxing Day
    # over a weekend, four days.
    assert earliest <= due <= earliest + timedelta(days=4)


@pytest.mark.parametrize(
    ("due", "every_days", "last_done", "label"),
    [
        (date(2026, 11, 6), 7, None, "every 7 days, next today"),
        (date(2026, 11, 7), 1, None, "every day, next tomorrow"),
        (date(2026, 11, 2), None, None, "once, Mon 2 Nov (late)"),
        (None, None, date(2026, 11, 5), "done yesterday"),
    ],
)
def test_plan_label(
    due: date | None, every_days: int | None, last_done: date | None, label: str
) -> None:
    assert plan_label(due, every_days, last_done, date(2026, 11, 6)) == label


def test_each_habit_quotes_article_003() -> None:
    quoted = {
        ActivityKind.LEARNING: "enhance your marketable skills while you are waiting",
        ActivityKind.NETWORKING: "now is the time to step things up",
        ActivityKind.TEMPORARY_WORK: "working and earning by taking temporary assignments",
    }
    for kind, habit in HABITS.items():
        assert quoted[kind] in habit.why
        # The article is named under the reason, by its title; a number means nothing to a reader.
        assert "003" not in habit.why
        assert habit.sources == (sources.DONT_ASSUME,)
