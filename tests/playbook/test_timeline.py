"""Events are facts: impossible ones are refused; the timeline knows its stage."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nextsteps.playbook import Event, EventKind, InvalidEvent, Stage, Timeline

from .timelines import LOS_ANGELES, applied, event, held, moment, nov, scheduled


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param({"at": datetime(2026, 11, 6, 10)}, "timezone", id="naive time"),
        pytest.param({"end": moment(nov(6), "09:00")}, "end must be after", id="ends before"),
        pytest.param({"end": moment(nov(6), "10:00")}, "end must be after", id="ends at once"),
        pytest.param({"wait_until": nov(4)}, "wait until 2026-11-04", id="wait in the past"),
        pytest.param({"decision_by": nov(4)}, "decision date 2026-11-04", id="decided before"),
        pytest.param({"due": moment(nov(5))}, "due before it was requested", id="due before"),
        pytest.param({"contact_on": nov(5)}, "get in touch on 2026-11-05", id="call yesterday"),
        pytest.param(
            {"contact_on": nov(9), "wait_until": nov(13)},
            "also to wait until 2026-11-13",
            id="call before the wait is over",
        ),
        pytest.param(
            {"kind": EventKind.FOLLOW_UP_SENT, "contact_on": nov(9)},
            "Only an interview or a reply",
            id="001 only they can ask you to call sooner",
        ),
    ],
)
def test_impossible_events_are_refused(fields: dict[str, object], message: str) -> None:
    values: dict[str, object] = {"kind": EventKind.INTERVIEW_HELD, "at": moment(nov(6)), **fields}

    with pytest.raises(InvalidEvent, match=message):
        Event(**values)  # type: ignore[arg-type]


def test_dates_are_checked_against_the_users_day() -> None:
    # 23:30 on Fri 6 Nov in Los Angeles is already Sat 7 Nov in UTC.
    late = datetime(2026, 11, 6, 23, 30, tzinfo=LOS_ANGELES)

    assert Event(EventKind.INTERVIEW_HELD, late, decision_by=nov(6)).decision_by == nov(6)
    with pytest.raises(InvalidEvent, match="before the interview on 2026-11-07"):
        Event(EventKind.INTERVIEW_HELD, late.astimezone(UTC), decision_by=nov(6))


def test_events_are_kept_in_the_order_they_happened() -> None:
    timeline = Timeline((held(nov(6)), applied(nov(1))))

    assert [e.kind for e in timeline.events] == [EventKind.APPLIED, EventKind.INTERVIEW_HELD]
    assert timeline.last(EventKind.APPLIED, EventKind.INTERVIEW_HELD) == held(nov(6))


@pytest.mark.parametrize(
    ("events", "stage"),
    [
        pytest.param([], Stage.SAVED, id="nothing yet"),
        pytest.param([applied(nov(1))], Stage.APPLIED, id="applied"),
        pytest.param([applied(nov(1)), scheduled(nov(6))], Stage.INTERVIEWING, id="invited"),
        pytest.param([held(nov(6))], Stage.INTERVIEWING, id="interviewed"),
        pytest.param(
            [held(nov(6)), event(EventKind.OFFER_RECEIVED, nov(9))], Stage.OFFER, id="offer"
        ),
        pytest.param([event(EventKind.OFFER_ACCEPTED, nov(9))], Stage.OFFER, id="accepted"),
        pytest.param(
            [held(nov(6)), event(EventKind.REJECTED, nov(9))], Stage.CLOSED, id="rejected"
        ),
        pytest.param([event(EventKind.WITHDRAWN, nov(9))], Stage.CLOSED, id="withdrawn"),
        pytest.param([event(EventKind.CLOSED_NO_RESPONSE, nov(9))], Stage.CLOSED, id="no response"),
        pytest.param(
            [event(EventKind.OFFER_RECEIVED, nov(9)), event(EventKind.OFFER_DECLINED, nov(10))],
            Stage.CLOSED,
            id="offer declined",
        ),
    ],
)
def test_stage(events: list[Event], stage: Stage) -> None:
    assert Timeline(tuple(events)).stage == stage


@pytest.mark.parametrize(
    ("events", "over"),
    [
        pytest.param([event(EventKind.OFFER_RECEIVED, nov(9), official=True)], False, id="offered"),
        pytest.param([event(EventKind.OFFER_ACCEPTED, nov(9))], False, id="accepted, not official"),
        pytest.param(
            [event(EventKind.OFFER_ACCEPTED, nov(9), official=True)], True, id="official, accepted"
        ),
        pytest.param(
            [
                event(EventKind.OFFER_RECEIVED, nov(9), official=True),
                event(EventKind.OFFER_ACCEPTED, nov(10)),
            ],
            True,
            id="official offer, then accepted",
        ),
        pytest.param(
            [
                event(EventKind.OFFER_ACCEPTED, nov(9), official=True),
                event(EventKind.WITHDRAWN, nov(12)),
            ],
            False,
            id="accepted, then it fell through",
        ),
        pytest.param(
            [
                event(EventKind.OFFER_ACCEPTED, nov(9)),
                event(EventKind.OFFER_RECEIVED, nov(12), official=True),
            ],
            True,
            id="said yes, then the written offer came",
        ),
        pytest.param(
            [
                event(EventKind.OFFER_ACCEPTED, nov(9)),
                event(EventKind.REJECTED, nov(10), official=True),
            ],
            False,
            id="an official rejection is not an offer",
        ),
    ],
)
def test_the_search_is_over_only_with_an_official_accepted_offer(
    events: list[Event], over: bool
) -> None:
    """Article 000: "You can give up the search once an offer of employment is official." """
    assert Timeline(tuple(events)).search_over is over
