"""An offer: get it in writing, answer it by their deadline, and keep searching until
it is official (and after, for temporary work)."""

from __future__ import annotations

from datetime import date

import pytest

from nextsteps.playbook import Channel, Event, EventKind, StepKind, Timeline, sources
from nextsteps.playbook.step import completed_by

from .timelines import event, followed_up, local_day, nov, only, steps_for


def offered(day: date, clock: str = "15:00", **fields: object) -> Event:
    return event(EventKind.OFFER_RECEIVED, day, clock, **fields)


def accepted(day: date, **fields: object) -> Event:
    return event(EventKind.OFFER_ACCEPTED, day, "11:00", **fields)


IN_WRITING_CASES = [
    pytest.param(
        [offered(nov(9))], nov(10), id="000 a spoken offer on Monday -> ask in writing Tue"
    ),
    pytest.param([offered(nov(13))], nov(16), id="a spoken offer on Friday -> ask on Monday"),
    pytest.param(
        [accepted(nov(9))], nov(10), id="000 said yes to a spoken offer -> still get it in writing"
    ),
    pytest.param(
        [offered(nov(24, month=12))],
        nov(29, month=12),
        id="a spoken offer on Christmas Eve -> after Christmas and Boxing Day",
    ),
]


@pytest.mark.parametrize(("events", "day"), IN_WRITING_CASES)
def test_a_spoken_offer_is_asked_for_in_writing_within_a_working_day(
    events: list[Event], day: date
) -> None:
    """000: "You can give up the search once an offer of employment is official." """
    step = only(StepKind.ASK_FOR_WRITTEN_OFFER, steps_for(*events))

    assert local_day(step) == day
    assert step.all_day
    assert step.not_before == events[0].at
    assert step.lapses is None
    assert "keep your search going" in step.why
    assert sources.DID_I_GET_THE_JOB in step.sources


@pytest.mark.parametrize(
    "events",
    [
        pytest.param([offered(nov(9)), followed_up(nov(9), "16:00")], id="asked for it"),
        pytest.param([offered(nov(9)), offered(nov(11), official=True)], id="it came"),
        pytest.param([offered(nov(9), official=True)], id="in writing from the start"),
    ],
)
def test_nothing_to_ask_once_asked_or_official(events: list[Event]) -> None:
    kinds = [s.kind for s in steps_for(*events)]

    assert StepKind.ASK_FOR_WRITTEN_OFFER not in kinds


ANSWER_CASES = [
    pytest.param(
        [offered(nov(9), official=True, decision_by=nov(20))],
        nov(20),
        id="official offer, answer by Friday the 20th -> that Friday",
    ),
    pytest.param(
        [offered(nov(9), official=True, decision_by=nov(22))],
        nov(20),
        id="their deadline is a Sunday -> the Friday before, not after",
    ),
    pytest.param(
        [offered(nov(9)), offered(nov(11), official=True)],
        nov(13),
        id="the written offer came, no deadline -> within two working days",
    ),
    pytest.param(
        [offered(nov(9), official=True, decision_by=nov(9))],
        nov(9),
        id="answer today -> today",
    ),
]


@pytest.mark.parametrize(("events", "day"), ANSWER_CASES)
def test_an_official_offer_is_answered_by_their_deadline(events: list[Event], day: date) -> None:
    (step,) = steps_for(*events)

    assert step.kind == StepKind.ANSWER_OFFER
    assert local_day(step) == day
    assert step.not_before.timestamp() <= step.due.timestamp()
    assert "accept it or decline it" in step.why


@pytest.mark.parametrize(
    "answer", [EventKind.OFFER_ACCEPTED, EventKind.OFFER_DECLINED], ids=["yes", "no"]
)
def test_an_answered_offer_leaves_nothing_and_the_answer_completes_the_step(
    answer: EventKind,
) -> None:
    answered = event(answer, nov(12))

    assert steps_for(offered(nov(9), official=True), answered) == []
    assert completed_by(StepKind.ANSWER_OFFER, answered)


def test_the_written_offer_completes_asking_for_it() -> None:
    assert completed_by(StepKind.ASK_FOR_WRITTEN_OFFER, offered(nov(11), official=True))
    assert completed_by(StepKind.ASK_FOR_WRITTEN_OFFER, followed_up(nov(10)))


@pytest.mark.parametrize(
    ("events", "temporary", "over"),
    [
        pytest.param([accepted(nov(9), official=True)], False, True, id="000 official, accepted"),
        pytest.param([accepted(nov(9))], False, False, id="000 accepted, only spoken"),
        pytest.param(
            [accepted(nov(9), official=True)],
            True,
            False,
            id="003 taking temporary assignments in the meantime -> the search goes on",
        ),
    ],
)
def test_accepting_ends_the_search_except_for_temporary_work(
    events: list[Event], temporary: bool, over: bool
) -> None:
    assert Timeline(tuple(events), temporary=temporary).search_over is over


def test_a_thank_you_card_completes_the_thank_you() -> None:
    """002: "Send a Thank You Email/Card"."""
    card = event(EventKind.THANK_YOU_SENT, nov(6), channel=Channel.CARD)
    assert completed_by(StepKind.THANK_YOU, card)
    assert completed_by(StepKind.HANDWRITTEN_NOTE, card)
