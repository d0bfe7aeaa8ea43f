"""A step knows how to name itself and whether it is overdue."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nextsteps.playbook import StepKind
from nextsteps.playbook.step import STEP_WORDS, is_overdue, step_name, title

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("kind", "attempt", "expected"),
    [
        (StepKind.FOLLOW_UP, 1, "Follow up with Acme about Data Analyst"),
        (StepKind.FOLLOW_UP, 2, "Follow up with Acme about Data Analyst (second follow-up)"),
        (StepKind.THANK_YOU, None, "Thank Acme for the Data Analyst interview"),
        (StepKind.KEEP_SEARCHING, None, "Apply for another job"),
    ],
    ids=[
        "the first follow-up",
        "a later follow-up names its attempt",
        "thank-you names the interview",
        "the nudge",
    ],
)
def test_every_step_has_a_title(kind: StepKind, attempt: int | None, expected: str) -> None:
    assert title(kind, "Acme", "Data Analyst", attempt) == expected
    assert all(title(k, "Acme", "Analyst") for k in StepKind)


def test_a_day_level_step_is_overdue_only_once_its_day_has_passed() -> None:
    due = datetime(2026, 11, 13, 9, tzinfo=LONDON)
    assert not is_overdue(due, True, datetime(2026, 11, 13, 18, tzinfo=LONDON), LONDON)
    assert is_overdue(due, True, datetime(2026, 11, 14, 0, 1, tzinfo=LONDON), LONDON)
    assert is_overdue(due, False, datetime(2026, 11, 13, 9, 1, tzinfo=LONDON), LONDON)


@pytest.mark.parametrize(
    ("kind", "attempt", "expected"),
    [
        (StepKind.THANK_YOU, None, "Thank-you"),
        (StepKind.FOLLOW_UP, 1, "Follow-up"),
        (StepKind.FOLLOW_UP, 2, "Second follow-up"),
        (StepKind.FOLLOW_UP, 12, "12th follow-up"),
        (StepKind.CHECK_IN, None, "Check-in"),
    ],
    ids=["thank-you", "first follow-up", "second follow-up", "a persistent 12th", "check-in"],
)
def test_every_step_has_a_short_name(kind: StepKind, attempt: int | None, expected: str) -> None:
    assert step_name(kind, attempt) == expected


def test_every_kind_of_step_has_its_words() -> None:
    assert set(STEP_WORDS) == set(StepKind)
    assert all(words.name and words.title for words in STEP_WORDS.values())
