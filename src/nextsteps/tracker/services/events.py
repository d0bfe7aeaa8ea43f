"""Recording what happened, and keeping the stored plan in step with the timeline."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import PLAN_INPUTS, change_settings, profile_of
from nextsteps.fields import FieldRefused
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, InvalidEvent, Playbook, Step, StepKind, Timeline, plan
from nextsteps.playbook.step import completed_by, has_lapsed
from nextsteps.playbook.timeline import OUTCOMES, Culture, Stage
from nextsteps.playbook.workdays import MORNING
from nextsteps.tracker.models import (
    CONTACT_ON,
    DECISION_BY,
    DUE,
    HAPPENED_ON,
    INTERVIEW_END,
    INTERVIEW_ON,
    NOTE,
    WAIT_UNTIL,
    Application,
    Contact,
    Event,
    NextStep,
)
from nextsteps.tracker.services.contacts import ContactDetails, new_contact
from nextsteps.tracker.services.errors import NotFound


@dataclass
class Recorded:
    event: Event
    warnings: list[str] = field(default_factory=list)


# A clock a little ahead of ours must not make "just now" look like the future.
SLACK = timedelta(minutes=5)
# What happened has happened: only a booked interview lies ahead.
AHEAD = frozenset({EventKind.INTERVIEW_SCHEDULED})
IN_THE_FUTURE = {
    EventKind.APPLIED: "The date you applied cannot be in the future.",
    EventKind.INTERVIEW_HELD: (
        "An interview cannot be held in the future: record it as booked instead."
    ),
}
FUTURE = "That is in the future: record it once it has happened."


def moment_on(day: date, clock: time | None, now: datetime) -> datetime:
    """When something happened on `day`, on the clock of `now` (the user's): at
    `clock`; without one, now if `day` is today, and 09:00 on another day."""
    if clock is None:
        if day == now.date():
            return now.replace(second=0, microsecond=0)
        clock = MORNING
    return datetime.combine(day, clock, tzinfo=now.tzinfo)


def check_event(planned: PlannedEvent, note: str, now: datetime) -> str:
    """Refuse an event that cannot have happened yet, or whose dates nextsteps cannot
    plan with (InvalidEvent, one sentence); returns the note as it is stored."""
    today = now.astimezone(planned.at.tzinfo).date()
    try:
        if planned.kind in AHEAD:
            INTERVIEW_ON.clean(planned.at.date(), today)
        elif planned.at > now + SLACK:
            raise InvalidEvent(IN_THE_FUTURE.get(planned.kind, FUTURE))
        else:
            HAPPENED_ON.clean(planned.at.date(), today)
        for rule, day in (
            (INTERVIEW_END, planned.end and planned.end.date()),
            (DECISION_BY, planned.decision_by),
            (WAIT_UNTIL, planned.wait_until),
            (CONTACT_ON, planned.contact_on),
            (DUE, planned.due and planned.due.date()),
        ):
            if day:
                rule.clean(day, today)
        return NOTE.clean(note)
    except FieldRefused as exc:
        raise InvalidEvent(str(exc)) from None


def ended_by_now(planned: PlannedEvent, book: Playbook, now: datetime) -> PlannedEvent:
    """An interview recorded as held at this very minute (the time the command line
    and the form take when none is given) has just ended: it began the playbook's
    usual length before. Taken as its start, now would put its end, and the
    thank-you's 24 hours, an hour into the future."""
    recorded = now.astimezone(planned.at.tzinfo).replace(second=0, microsecond=0)
    if planned.kind is not EventKind.INTERVIEW_HELD or planned.end is not None:
        return planned
    if planned.at.replace(second=0, microsecond=0) != recorded:
        return planned
    began = recorded - timedelta(minutes=book.interview_minutes)
    return replace(planned, at=began, end=recorded)


def record_event(
    application: Application,
    planned: PlannedEvent,
    note: str = "",
    people: Sequence[Contact | ContactDetails] = (),
    now: datetime | None = None,
) -> Recorded:
    """Append the event and replace the application's open steps with a fresh plan,
    in one transaction: the plan never disagrees with the timeline.

    `planned` is on the user's clock (its dates were checked against that day);
    check_event refuses it if it is in the future (InvalidEvent). `people` were
    part of it (the interviewers, say): existing contacts of the owner, or details
    of new ones; they also join the application's contacts.
    """
    now = now or timezone.now()
    profile = profile_of(application.owner)
    planned = ended_by_now(planned, profile.chosen_playbook(), now)
    note = check_event(planned, note, now)
    with transaction.atomic():
        # Serialises replans of one application across processes.
        locked = Application.objects.select_for_update().select_related("company", "owner")
        application = locked.get(pk=application.pk)
        warnings = _early_warnings(application, planned, profile.zone)
        event = Event.objects.create(
            application=application,
            kind=planned.kind,
            at=planned.at,
            end=planned.end,
            decision_by=planned.decision_by,
            wait_until=planned.wait_until,
            contact_on=planned.contact_on,
            due=planned.due,
            channel=planned.channel or "",
            official=planned.official,
            note=note,
            timezone=profile.timezone,
        )
        if any(isinstance(p, Contact) and p.owner_id != application.owner_id for p in people):
            raise NotFound("There is no such contact.")
        if people:
            contacts = [
                p
                if isinstance(p, Contact)
                else new_contact(application.owner, p, application.company)
                for p in people
            ]
            event.contacts.add(*contacts)
            application.contacts.add(*contacts)
        replan(application, profile, completed_by_event=planned)
    return Recorded(event=event, warnings=warnings)


def _early_warnings(application: Application, planned: PlannedEvent, zone: tzinfo) -> list[str]:
    """Article 004: "If you contact them earlier you will be a nuisance." """
    if planned.kind != EventKind.FOLLOW_UP_SENT:
        return []
    day = planned.at.astimezone(zone).date()
    early = application.steps.filter(
        state=NextStep.State.OPEN,
        kind__in=[StepKind.FOLLOW_UP, StepKind.CHECK_IN],
        not_before__gt=planned.at,
    ).order_by("not_before")
    return [
        f"this follow-up on {day.isoformat()} is early: the playbook says not before "
        f"{step.not_before.astimezone(zone).date().isoformat()}. {step.why}"
        for step in early
        if step.not_before.astimezone(zone).date() > day
    ][:1]


def timeline_of(application: Application) -> Timeline:
    return Timeline(
        events=tuple(e.as_planned() for e in application.events.all()),
        culture=Culture(application.company.culture),
        temporary=application.kind != Application.Kind.PERMANENT,
    )


def replan(
    application: Application, profile: Profile, completed_by_event: PlannedEvent | None = None
) -> None:
    """Make the stored plan match the timeline. Must run inside record_event's transaction.

    A step that stays in the plan keeps its row (and id), so a calendar entry made
    from it moves instead of being duplicated. A step that leaves the plan is done
    when the event just recorded completes it, lapsed when its window has passed,
    cancelled otherwise. A step whose window has passed is written lapsed here;
    until a replan, readers hide it by its stored `lapses_at`
    (NextStep.objects.to_do), so no clock has to write it.
    """
    timeline = timeline_of(application)
    fresh = plan(timeline, profile.chosen_playbook(), profile.workdays())
    now = timezone.now()

    kept = [NextStep.State.OPEN, NextStep.State.SKIPPED, NextStep.State.LAPSED]
    rows = list(application.steps.filter(state__in=kept).order_by("due", "id"))
    leftovers = _not_set_aside(fresh, [r for r in rows if r.state != NextStep.State.OPEN])
    if completed_by_event is not None:
        _done_after_all(rows, fresh, completed_by_event, now)
    for row in (r for r in rows if r.state == NextStep.State.OPEN):
        match = next(
            (s for s in leftovers if s.kind == row.kind and s.attempt == row.attempt), None
        )
        if match is None:
            if completed_by_event is not None and completed_by(
                StepKind(row.kind), completed_by_event
            ):
                row.state, row.closed_at = NextStep.State.DONE, now
            elif has_lapsed(row.lapses_at, now):
                row.state, row.closed_at = NextStep.State.LAPSED, row.lapses_at
            else:
                row.state, row.closed_at = NextStep.State.CANCELLED, now
            row.save(update_fields=["state", "closed_at", "updated"])
            continue
        leftovers.remove(match)
        changed = {k: v for k, v in _stored(match, now).items() if getattr(row, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(row, name, value)
            if changed.keys() & {"not_before", "due", "all_day"}:
                row.sequence += 1
            row.save(update_fields=[*changed, "sequence", "updated"])
    NextStep.objects.bulk_create(
        NextStep(owner_id=application.owner_id, application=application, **_stored(step, now))
        for step in leftovers
    )

    applied = timeline.of_kind(EventKind.APPLIED)
    application.stage = timeline.stage
    application.applied_on = applied[0].at.astimezone(profile.zone).date() if applied else None
    application.ends_search = timeline.search_over
    application.save(update_fields=["stage", "applied_on", "ends_search"])


def _done_after_all(
    rows: list[NextStep], fresh: list[Step], event: PlannedEvent, now: datetime
) -> None:
    """A step written lapsed because it was recorded late (an interview logged a week
    after it happened) is done after all when `event` did it within its window: a
    thank-you sent that evening is no missed thank-you. One event does one step:
    of those whose window holds it, the latest to open."""
    planned = {_identity(step.kind.value, step.attempt, step.due) for step in fresh}
    within = [
        row
        for row in rows
        if row.state == NextStep.State.LAPSED
        and _identity(row.kind, row.attempt, row.due) not in planned
        and row.lapses_at is not None
        and row.not_before <= event.at <= row.lapses_at
        and completed_by(StepKind(row.kind), event)
    ]
    if within:
        row = max(within, key=lambda row: row.not_before)
        row.state, row.closed_at = NextStep.State.DONE, now
        row.save(update_fields=["state", "closed_at", "updated"])


def _identity(kind: str, attempt: int | None, due: datetime) -> tuple[str, int | None, float]:
    """A step proposed again unchanged has the same kind, attempt and due time."""
    return (kind, attempt, due.timestamp())


def _not_set_aside(fresh: Iterable[Step], set_aside: Iterable[NextStep]) -> list[Step]:
    """The planned steps less those skipped or lapsed: a step proposed again unchanged
    (same kind, attempt and due time) stays as it was. One that moved is a new step."""
    gone = {_identity(row.kind, row.attempt, row.due) for row in set_aside}
    return [s for s in fresh if _identity(s.kind.value, s.attempt, s.due) not in gone]


def _stored(step: Step, now: datetime) -> dict[str, object]:
    """A planned step as NextStep column values; lapsed already if its window passed."""
    values: dict[str, object] = {
        "kind": step.kind.value,
        "attempt": step.attempt,
        "not_before": step.not_before,
        "due": step.due,
        "all_day": step.all_day,
        "why": step.why,
        "sources": list(step.sources),
        "lapses_at": step.lapses,
    }
    if step.lapsed(now):
        values.update(state=NextStep.State.LAPSED, closed_at=step.lapses)
    return values


@transaction.atomic
def save_settings(owner: User, texts: Mapping[str, str]) -> list[str]:
    """Store the user's settings as typed, all of them or none, and replan every
    application when the plan is made with one that changed: the web's Settings and
    `nextsteps config set` both come here. Returns the keys that changed; raises
    SettingsRejected with one sentence per setting refused."""
    changed = change_settings(profile_of(owner), texts)
    if PLAN_INPUTS.intersection(changed):
        replan_all(owner)
    return changed


def replan_all(owner: User) -> int:
    """Replan every application that still has a plan, after the user's calendar or
    playbook changed. Returns how many were replanned."""
    profile = profile_of(owner)
    live = Application.objects.filter(owner=owner).exclude(stage=Stage.SAVED)
    ids = list(live.values_list("id", flat=True))
    for application_id in ids:
        with transaction.atomic():
            locked = Application.objects.select_for_update().select_related("company", "owner")
            replan(locked.get(pk=application_id), profile)
    return len(ids)


# What stops an outbox message: the employer answered, invited, or the matter settled.
STOPS_MESSAGES = frozenset({EventKind.EMPLOYER_REPLIED, EventKind.INTERVIEW_SCHEDULED} | OUTCOMES)


def answered_since(application: Application, moment: datetime) -> datetime | None:
    """When a reply, an invitation or an outcome was logged for the application after
    `moment` (or happened after it, logged later), or None if none was."""
    after = Q(at__gt=moment) | Q(recorded_at__gt=moment)
    event = (
        Event.objects.filter(after, application=application, kind__in=STOPS_MESSAGES)
        .order_by("recorded_at")
        .first()
    )
    return event.recorded_at if event else None
