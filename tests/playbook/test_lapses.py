"""Steps nobody did stop being worth doing: each kind's window, from the playbook."""

from __future__ import annotations

from datetime import datetime

import pytest

from nextsteps.playbook import Culture, Event, EventKind, StepKind, load_playbook, next_step

from .timelines import (
    ENGLAND,
    event,
    followed_up,
    held,
    moment,
    nov,
    only,
    scheduled,
    steps_for,
    thanked,
)

LAPSE_CASES = [
    pytest.param(
        [held(nov(6))],
        StepKind.REFLECT,
        moment(nov(9), "00:00"),
        id="002 immediately after the interview -> the reflection lapses two days on",
    ),
    pytest.param(
        [held(nov(6)), thanked(nov(6), "17:00")],
        StepKind.REFLECT,
        moment(nov(6), "17:00"),
        id="002 the thank-you has gone -> the reflection lapses with it",
    ),
    pytest.param(
        [held(nov(6), end=moment(nov(6), "11:00"))],
        StepKind.THANK_YOU,
        moment(nov(10), "11:00"),
        id="001 within 24 hours, late beats never for a while -> lapses three days after",
    ),
    pytest.param(
        [held(nov(6))],
        StepKind.HANDWRITTEN_NOTE,
        moment(nov(18), "00:00"),
        id="001 a handwritten note a few days later -> lapses a week after its window",
    ),
    pytest.param(
        [scheduled(nov(10), "14:00")],
        StepKind.PREPARE_INTERVIEW,
        moment(nov(10), "14:00"),
        id="the interview checklist lapses when the interview starts",
    ),
    pytest.param(
        [event(EventKind.REJECTED, nov(16), "14:00")],
        StepKind.REPLY_TO_REJECTION,
        moment(nov(30), "00:00"),
        id="001 handle rejection graciously -> lapses two weeks after the rejection",
    ),
    pytest.param(
        [event(EventKind.MATERIALS_REQUESTED, nov(10), "16:00")],
        StepKind.SEND_MATERIALS,
        None,
        id="001 send follow-up material when requested -> never lapses, it was promised",
    ),
    pytest.param(
        [held(nov(6))],
        StepKind.FOLLOW_UP,
        None,
        id="001 following up shows your continued interest -> never lapses",
    ),
]


@pytest.mark.parametrize(("events", "kind", "lapses"), LAPSE_CASES)
def test_each_kind_of_step_lapses_after_its_window(
    events: list[Event], kind: StepKind, lapses: datetime | None
) -> None:
    step = only(kind, steps_for(*events, culture=Culture.TRADITIONAL))

    assert step.lapses == lapses


def test_every_kind_has_a_window_or_never_in_every_playbook() -> None:
    for name in ("seven-day", "persistent"):
        assert set(load_playbook(name).lapse_days) == set(StepKind)


def test_a_stale_reflection_no_longer_hides_the_follow_up() -> None:
    """002: the best time to analyse is "immediately after the interview"; a week on,
    the application's next step is its follow-up."""
    steps = steps_for(held(nov(6)))
    on_the_7th, on_the_13th = next_step(steps, moment(nov(7))), next_step(steps, moment(nov(13)))

    assert on_the_7th is not None
    assert on_the_7th.kind == StepKind.REFLECT
    assert on_the_13th is not None
    assert on_the_13th.kind == StepKind.FOLLOW_UP


def test_a_lapsed_step_says_so_and_an_open_one_does_not() -> None:
    step = only(StepKind.THANK_YOU, steps_for(held(nov(6))))

    assert not step.lapsed(moment(nov(10), "10:59"))
    assert step.lapsed(moment(nov(10), "11:00"))


def test_nothing_left_worth_doing_is_no_next_step() -> None:
    steps = steps_for(held(nov(6)), followed_up(nov(13)))
    worth = [s for s in steps if s.lapses is None]

    assert next_step([s for s in steps if s not in worth], moment(nov(30))) is None
    assert next_step(steps, ENGLAND.at(nov(30))) == worth[0]
