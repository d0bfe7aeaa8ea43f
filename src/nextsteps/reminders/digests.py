"""The daily digest: the day's steps in the user's inbox at the hour they chose,
sent through the outbox like any message (never twice, never silently lost).

Each profile keeps the moment of its next digest (`next_digest_at`, partially
indexed). The worker claims a due one with a compare-and-set on that column, in
the same transaction that puts the digest in the outbox: two workers can never
both queue it, and a worker that dies before committing leaves it due. (Two
digests for one user and day are also refused by a unique constraint.)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string

from nextsteps.accounts.models import Profile
from nextsteps.activities.services import times_done_between
from nextsteps.outreach.emails import envelope_sender
from nextsteps.outreach.services import mail_account_of, queue_digest, step_sends
from nextsteps.playbook import EventKind, Step
from nextsteps.playbook.digest import (
    WeekReview,
    digest_subject,
    digest_turn,
    is_review_day,
    review_week,
)
from nextsteps.playbook.humandates import day_label, say_due
from nextsteps.playbook.step import is_overdue, title
from nextsteps.playbook.workdays import Workdays
from nextsteps.reminders.services import site_link, step_url
from nextsteps.tracker.models import Application, Event, NextStep
from nextsteps.tracker.services import agenda, has_active_applications

log = logging.getLogger("nextsteps.digest")


@dataclass(frozen=True)
class Line:
    """One step as the digest lists it."""

    title: str
    when: str
    why: str
    sources: tuple[str, ...]
    link: str
    # What became of the step's message in the outbox: it goes at 09:30 (do not send
    # it twice), or it could not be sent (and what to do).
    sending: str = ""


# An e-mail lists the steps missed most recently; the rest wait on Today.
OVERDUE_LISTED = 10


@dataclass(frozen=True)
class Digest:
    day: date
    overdue: list[Line]  # the latest missed first
    today: list[Line]
    review: WeekReview | None
    today_url: str

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.today or self.review)

    @property
    def subject(self) -> str:
        return digest_subject(self.day, len(self.overdue), len(self.today), bool(self.review))

    @property
    def overdue_listed(self) -> list[Line]:
        return self.overdue[:OVERDUE_LISTED]

    @property
    def overdue_left_out(self) -> int:
        return len(self.overdue) - len(self.overdue_listed)

    @property
    def body(self) -> str:
        return render_to_string("reminders/digest.txt", {"digest": self})


def today_url() -> str:
    return site_link("today")


def compose(user: User, profile: Profile, day: date, now: datetime) -> Digest:
    """The digest for `day`: what is overdue, what is for today, the keep-applying
    nudge, and on the first working day of the week the review of the week before."""
    zone = profile.zone
    planned = agenda(user, day)
    sends = step_sends(user, [step.id for step in planned.steps])
    local_now = now.astimezone(zone)

    def line(step: NextStep) -> Line:
        send = sends.get(step.id)
        return Line(
            title=step.title(),
            when=say_due(step.due, step.all_day, zone, now),
            why=step.why,
            sources=tuple(step.sources),
            link=step_url(step),
            sending=send.sentence(zone, day) if send else "",
        )

    # The agenda ends with `day`: what is not overdue is for today.
    urgency = planned.by_urgency(local_now)
    overdue = [line(step) for step in urgency.overdue]
    for_today = [line(step) for step in urgency.today + urgency.later]
    nudge = planned.keep_searching
    if nudge is not None and is_overdue(nudge.due, nudge.all_day, now, zone):
        # Applying elsewhere leads, however long ago it was due: it is what a seeker
        # who is waiting to hear drops first.
        overdue.insert(0, _nudge_line(nudge, zone, now))
    elif nudge is not None:
        for_today.append(_nudge_line(nudge, zone, now))
    review = None
    workdays = profile.workdays()
    if is_review_day(day, workdays):
        review = week_review(user, profile.weekly_target, day, workdays)
        if not (review.anything_happened or has_active_applications(user)):
            review = None
    return Digest(day, overdue, for_today, review, today_url())


def _nudge_line(nudge: Step, zone: tzinfo, now: datetime) -> Line:
    return Line(
        title=title(nudge.kind),
        when=say_due(nudge.due, nudge.all_day, zone, now),
        why=nudge.why,
        sources=nudge.sources,
        link=today_url(),
    )


# What the review counts, by the event that records it. An answer is the
# employer's word: an invitation, a request, a reply, an offer or a rejection.
COUNTED = {
    EventKind.INTERVIEW_HELD: "interviews",
    EventKind.FOLLOW_UP_SENT: "follow_ups",
    EventKind.INTERVIEW_SCHEDULED: "answers",
    EventKind.MATERIALS_REQUESTED: "answers",
    EventKind.EMPLOYER_REPLIED: "answers",
    EventKind.OFFER_RECEIVED: "answers",
    EventKind.REJECTED: "answers",
}


def week_review(user: User, target: int, day: date, workdays: Workdays) -> WeekReview:
    """Last week (Monday to Sunday on the user's calendar) in three queries."""
    first, last = review_week(day)
    start = workdays.at(first, datetime.min.time())
    end = workdays.at(last + timedelta(days=1), datetime.min.time())
    # An invitation counts in the week it came (was logged), not in the week of
    # the interview it is for.
    happened = Q(at__gte=start, at__lt=end) & ~Q(kind=EventKind.INTERVIEW_SCHEDULED)
    invited = Q(kind=EventKind.INTERVIEW_SCHEDULED, recorded_at__gte=start, recorded_at__lt=end)
    events = (
        Event.objects.filter(application__owner=user, kind__in=list(COUNTED))
        .filter(happened | invited)
        .values("kind")
        .annotate(count=Count("id"))
    )
    counts = {"interviews": 0, "follow_ups": 0, "answers": 0}
    for row in events:
        counts[COUNTED[EventKind(row["kind"])]] += row["count"]
    applications = Application.objects.filter(
        owner=user, applied_on__gte=first, applied_on__lte=last
    ).count()
    return WeekReview(
        first_day=first,
        last_day=last,
        applications=applications,
        target=target,
        activities=times_done_between(user, first, last),
        **counts,
    )


def digest_status(user: User, profile: Profile) -> str:
    """Where and when the next digest goes, or why none will, for Settings."""
    if profile.next_digest_at is None:
        return "The daily digest is off."
    account = mail_account_of(user)
    if account is None:
        return (
            "There is no mail account to send your digest with, so it goes nowhere: "
            "set one up to get it."
        )
    if account.sending_paused:
        return (
            "Sending is paused in the outbox: your digests wait there, and each one "
            "lapses when its day ends."
        )
    local = profile.next_digest_at.astimezone(profile.zone)
    return (
        f"The next digest goes to {envelope_sender(account.from_address)} on "
        f"{day_label(local.date())} at {local:%H:%M}, if there is something to do."
    )


def queue_due_digests(now: datetime, limit: int) -> int:
    """Take the turns of up to `limit` digests due by `now`, putting each that has
    something to say in the outbox. Returns how many turns were taken.

    A digest that cannot be composed (a fault of nextsteps, logged) is skipped for
    the day: it must not hold up the others or the outbox, nor be retried all day.
    """
    taken = 0
    while taken < limit:
        with transaction.atomic():
            profile = _lock_next_due(now)
            if profile is None:
                break
            day = _claim_turn(profile, now)
            taken += 1
            if day is None:
                continue
            try:
                with transaction.atomic():
                    _queue(profile, day, now)
            except Exception:
                log.exception("user %s: the digest for %s is skipped", profile.user_id, day)
    return taken


def _lock_next_due(now: datetime) -> Profile | None:
    due = (
        Profile.objects.filter(next_digest_at__lte=now)
        .select_related("user")
        .order_by("next_digest_at", "id")
    )
    if connection.vendor == "postgresql":
        due = due.select_for_update(skip_locked=True, of=("self",))
    return due.first()


def _claim_turn(profile: Profile, now: datetime) -> date | None:
    """Move the profile's digest on to its next moment, if no other worker did first;
    the day whose digest goes now, or None."""
    assert profile.next_digest_at is not None
    planned = Profile.objects.filter(pk=profile.pk, next_digest_at=profile.next_digest_at)
    clock = profile.digest_clock()
    if clock is None:
        planned.update(next_digest_at=None)
        return None
    turn = digest_turn(
        profile.next_digest_at, now, clock, profile.workdays(), profile.last_digest_on
    )
    claimed = planned.update(
        next_digest_at=turn.look_again_at,
        last_digest_on=turn.send_for or profile.last_digest_on,
    )
    return turn.send_for if claimed else None


def _queue(profile: Profile, day: date, now: datetime) -> None:
    """The day's digest in the outbox, when it has something to say; it may go until
    the day ends, and not after: tomorrow has a digest of its own."""
    digest = compose(profile.user, profile, day, now)
    if not digest.empty:
        end = profile.workdays().end_of_day(day)
        queue_digest(profile.user, day, digest.subject, digest.body, now, send_by=end)
