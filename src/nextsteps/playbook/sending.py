"""When a message may go out: the user's working hours, the best moment for a
step, and the check the outbox makes again just before it sends.

The order of promises: never twice, never early, never silently lost. This
module holds "never early" and "not when it no longer makes sense"; the outbox
holds the other two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.workdays import Workdays

# A message whose server keeps failing is retried, waiting longer each time, for
# at most this long after its time; then it fails and the user is shown why.
SENDING_WINDOW = timedelta(hours=24)
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)
# A thank-you with no working moment left in its 24 hours goes this long after the
# interview ended: the same evening, time enough to write it with a clear head.
THANK_YOU_EVENING = timedelta(hours=1)
# A message that chases an answer waits while the user's inbox has not been read
# for this long: the answer may be in it. It is looked at again this often.
STALE_INBOX = timedelta(days=1)
STALE_INBOX_RETRY = timedelta(minutes=30)

_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class WorkingHours:
    start: time = time(9, 0)
    end: time = time(17, 0)

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("Working hours must end after they start, e.g. 09:00-17:00.")

    @classmethod
    def parse(cls, text: str) -> WorkingHours:
        """`09:00-17:00`; ValueError with a sentence for the user otherwise."""
        match = _HOURS.match(text)
        try:
            if not match:
                raise ValueError
            start_h, start_m, end_h, end_m = (int(part) for part in match.groups())
            start, end = time(start_h, start_m), time(end_h, end_m)
        except ValueError:
            raise ValueError(f"Working hours must look like 09:00-17:00, not {text!r}.") from None
        return cls(start, end)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class SendingCalendar:
    """The moments a scheduled message may go out: working hours on working days."""

    workdays: Workdays
    hours: WorkingHours

    def is_open(self, moment: datetime) -> bool:
        local = moment.astimezone(self.workdays.timezone)
        return (
            self.workdays.is_working_day(local.date())
            and self.hours.start <= local.time() < self.hours.end
        )

    def next_open(self, moment: datetime) -> datetime:
        """`moment` if it is in working hours, else the start of the next ones."""
        if self.is_open(moment):
            return moment
        local = moment.astimezone(self.workdays.timezone)
        day = local.date()
        if self.workdays.is_working_day(day) and local.time() < self.hours.start:
            return self.opening(day)
        return self.opening(self.workdays.after(day))

    def opening(self, day: date) -> datetime:
        """The start of working hours on `day`."""
        return self.workdays.at(day, self.hours.start)

    def closing(self, moment: datetime) -> datetime:
        """The end of the working hours on `moment`'s day."""
        return self.workdays.at(self.workdays.local_date(moment), self.hours.end)


class CannotSchedule(ValueError):
    """The message cannot go out in time; the message says why, for the user."""


@dataclass(frozen=True)
class StepWindow:
    """A step's dates: `not_before` and `due` from the plan; `deadline`, when set,
    is a moment after which the message must not go at all (the thank-you's 24 h)."""

    not_before: datetime
    due: datetime
    all_day: bool = False
    deadline: datetime | None = None


def best_sending_time(window: StepWindow, now: datetime, calendar: SendingCalendar) -> datetime:
    """The step's due day at the start of working hours ("on the due date at 09:00"),
    or the first working moment after that once it is past or not yet allowed.

    A thank-you (a window with a deadline) goes at the earliest working moment
    after the interview. When none is left before its 24 hours run out, it goes the
    same evening, an hour after the interview ended (or now, if that has passed):
    001 and 002's 24 hours come before the user's working hours, which are our own
    rule. CannotSchedule only once the 24 hours are over: the user decides.
    """
    if window.deadline is not None:
        return _thank_you_time(window, window.deadline, now, calendar)
    zone = calendar.workdays.timezone
    if window.all_day:
        first_day = window.not_before.astimezone(zone).date()
        earliest = max(calendar.opening(first_day), now, key=_instant)
    else:
        earliest = max(window.not_before, now, key=_instant)
    preferred = calendar.opening(window.due.astimezone(zone).date())
    return calendar.next_open(max(preferred, earliest, key=_instant))


def _thank_you_time(
    window: StepWindow, deadline: datetime, now: datetime, calendar: SendingCalendar
) -> datetime:
    soonest = calendar.next_open(max(window.not_before, now, key=_instant))
    if _instant(soonest) <= _instant(deadline):
        return soonest
    evening = max(window.not_before + THANK_YOU_EVENING, now, key=_instant)
    if _instant(evening) <= _instant(deadline):
        return evening.astimezone(calendar.workdays.timezone)
    raise CannotSchedule(too_late_for_thanks(deadline, calendar))


def sending_note(window: StepWindow, send_at: datetime, calendar: SendingCalendar) -> str:
    """Why a thank-you goes outside the user's working hours, or nothing."""
    if window.deadline is None or calendar.is_open(send_at):
        return ""
    local = window.deadline.astimezone(calendar.workdays.timezone)
    return (
        "Your working hours leave no moment to send this thank-you within 24 hours of the "
        f"interview (by {day_label(local.date())} {local:%H:%M}), so nextsteps sends it "
        "outside them: the 24 hours come first."
    )


def too_late_for_thanks(deadline: datetime, calendar: SendingCalendar) -> str:
    local = deadline.astimezone(calendar.workdays.timezone)
    return (
        "This thank-you can no longer go out within 24 hours of the interview (by "
        f"{day_label(local.date())} {local:%H:%M}), so nextsteps will not send it: copy it "
        "or download it if you still want to send it yourself."
    )


def check_requested_time(
    send_at: datetime,
    window: StepWindow,
    now: datetime,
    calendar: SendingCalendar,
    in_hours: bool = True,
) -> None:
    """A time the user chose: raise CannotSchedule saying what is wrong with it.

    `in_hours=False` is "send now": the user picked the moment themselves, so only
    the playbook's dates apply, not their working hours. Nor do they for a thank-you
    inside its 24 hours: those come first.
    """
    in_hours = in_hours and window.deadline is None
    zone = calendar.workdays.timezone
    local = send_at.astimezone(zone)
    when = f"{day_label(local.date())} {local:%H:%M}"
    if _instant(send_at) < _instant(now) - 60:
        raise CannotSchedule(f"{when} has already passed.")
    first = window.not_before.astimezone(zone)
    early = local.date() < first.date() if window.all_day else send_at < window.not_before
    if early:
        raise CannotSchedule(
            f"{when} is before the playbook's date for this step ({day_label(first.date())}"
            f"{'' if window.all_day else f' {first:%H:%M}'}): nextsteps never sends early."
        )
    if in_hours and not calendar.workdays.is_working_day(local.date()):
        raise CannotSchedule(f"{day_label(local.date())} is not one of your working days.")
    if in_hours and not calendar.is_open(send_at):
        raise CannotSchedule(f"{local:%H:%M} is outside your working hours ({calendar.hours}).")
    if window.deadline is not None and _instant(send_at) > _instant(window.deadline):
        raise CannotSchedule(too_late_for_thanks(window.deadline, calendar))


def sending_window_end(send_at: datetime, deadline: datetime | None) -> datetime:
    """The last moment the outbox may start sending a message due at `send_at`."""
    end = send_at + SENDING_WINDOW
    return end if deadline is None else min(end, deadline, key=_instant)


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4, ... minutes after each temporary failure, at most an hour."""
    doubled: timedelta = FIRST_RETRY * 2 ** max(attempts - 1, 0)
    return min(doubled, LONGEST_RETRY)


@dataclass(frozen=True)
class Recheck:
    """What the outbox knows just before it sends, read fresh from the database.

    `answered_at` is when a reply or outcome was logged (or happened) since the
    message was scheduled; `step_open` is whether its step is still in the plan;
    `step_not_before` is the step's first moment now (the plan may have moved).
    """

    now: datetime
    send_at: datetime
    send_by: datetime
    within_hours: bool
    calendar: SendingCalendar
    answered_at: datetime | None = None
    step_open: bool = True
    step_not_before: datetime | None = None
    step_all_day: bool = False
    deadline: datetime | None = None
    # A message that chases an answer, for a user whose inbox nextsteps reads: when
    # it was last read (None: not yet).
    chases_an_answer: bool = False
    reads_inbox: bool = False
    inbox_read_at: datetime | None = None


@dataclass(frozen=True)
class Verdict:
    """Send now; or cancel with a reason; or wait until `defer_to`, for `waiting`."""

    send: bool = False
    cancel: str = ""
    defer_to: datetime | None = None
    waiting: str = ""


SEND = Verdict(send=True)


def recheck(facts: Recheck) -> Verdict:
    """The last look before a message goes out. The first reason not to send wins."""
    zone = facts.calendar.workdays.timezone
    if _instant(facts.now) < _instant(facts.send_at):
        return Verdict(defer_to=facts.send_at)
    if facts.answered_at is not None:
        answered = facts.answered_at.astimezone(zone)
        return Verdict(
            cancel=f"Not sent: they answered (logged {day_label(answered.date())} "
            f"{answered:%H:%M}) after this message was scheduled."
        )
    if not facts.step_open:
        return Verdict(cancel="Not sent: its step is no longer open (done, or the plan changed).")
    if facts.step_not_before is not None and _moved_later(facts, facts.step_not_before, zone):
        first = facts.step_not_before.astimezone(zone)
        return Verdict(
            cancel=f"Not sent: the plan moved this step to {day_label(first.date())}; "
            "draft it again for the new date."
        )
    if facts.deadline is not None and _instant(facts.now) > _instant(facts.deadline):
        return Verdict(cancel="Not sent: " + too_late_for_thanks(facts.deadline, facts.calendar))
    if _instant(facts.now) > _instant(facts.send_by):
        return Verdict(cancel=_window_closed(facts.send_by, zone))
    if facts.within_hours and not facts.calendar.is_open(facts.now):
        next_open = facts.calendar.next_open(facts.now)
        if _instant(next_open) > _instant(facts.send_by):
            return Verdict(cancel=_window_closed(facts.send_by, zone))
        return Verdict(defer_to=next_open)
    if _inbox_is_stale(facts):
        return _wait_for_the_inbox(facts, zone)
    return SEND


def _inbox_is_stale(facts: Recheck) -> bool:
    if not (facts.chases_an_answer and facts.reads_inbox):
        return False
    read_at = facts.inbox_read_at
    return read_at is None or _instant(facts.now) > _instant(read_at + STALE_INBOX)


def _wait_for_the_inbox(facts: Recheck, zone: tzinfo) -> Verdict:
    """Never chase an employer who may have answered: until the inbox is read
    again, wait, and past the sending window, give up and say why."""
    since = ""
    if facts.inbox_read_at is not None:
        since = f" since {day_label(facts.inbox_read_at.astimezone(zone).date())}"
    unread = f"nextsteps could not read your inbox{since}, so it cannot tell whether they answered"
    retry = facts.now + STALE_INBOX_RETRY
    if _instant(retry) > _instant(facts.send_by):
        return Verdict(cancel=f"Not sent: {unread}. Check your mail account.")
    return Verdict(defer_to=retry, waiting=f"Waiting: {unread} (see your mail account).")


def _moved_later(facts: Recheck, not_before: datetime, zone: tzinfo) -> bool:
    if facts.step_all_day:
        return facts.now.astimezone(zone).date() < not_before.astimezone(zone).date()
    return _instant(facts.now) < _instant(not_before)


def _window_closed(send_by: datetime, zone: tzinfo) -> str:
    local = send_by.astimezone(zone)
    return (
        f"Not sent: its sending window closed {day_label(local.date())} {local:%H:%M} "
        "(nextsteps was not running, or sending was paused). Schedule it again if you "
        "still want it to go."
    )


def next_day_opening(now: datetime, calendar: SendingCalendar) -> datetime:
    """Where a message goes when today's cap is reached: the next working morning."""
    return calendar.opening(calendar.workdays.after(calendar.workdays.local_date(now)))


def _instant(moment: datetime) -> float:
    # Timestamps: aware datetimes sharing a zone compare by wall clock, which is
    # wrong in the repeated hour when the clocks go back.
    return moment.timestamp()
