"""The use cases of the tracker. The CLI, the web pages and the API call these and
never write Event or NextStep rows themselves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import profile_of
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, Step, StepKind, Timeline, keep_searching, plan
from nextsteps.playbook.step import completed_by
from nextsteps.playbook.timeline import Culture, Stage
from nextsteps.tracker.models import Application, Company, Contact, Event, NextStep

ACTIVE_STAGES = (Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER)


class NotFound(LookupError):
    """The object does not exist or belongs to somebody else: the same answer for both."""


def application_of(owner: User, application_id: int) -> Application:
    try:
        return Application.objects.select_related("company").get(pk=application_id, owner=owner)
    except Application.DoesNotExist:
        raise NotFound(f"There is no application {application_id}.") from None


@dataclass(frozen=True)
class ContactDetails:
    name: str
    email: str = ""


@transaction.atomic
def add_application(
    owner: User,
    company_name: str,
    role: str,
    *,
    applied_on: date | None = None,
    culture: Culture | None = None,
    contact: ContactDetails | None = None,
    posting_url: str = "",
    source: str = "",
    kind: str = Application.Kind.PERMANENT,
) -> Application:
    """Save a job; with `applied_on`, also record that the application was sent."""
    company, _ = Company.objects.get_or_create(owner=owner, name=company_name.strip())
    if culture is not None and company.culture != culture:
        company.culture = culture
        company.save(update_fields=["culture"])
    application = Application.objects.create(
        owner=owner,
        company=company,
        role=role.strip(),
        posting_url=posting_url,
        source=source,
        kind=kind,
    )
    if contact is not None:
        application.contacts.add(
            Contact.objects.create(
                owner=owner, company=company, name=contact.name, email=contact.email
            )
        )
    if applied_on is not None:
        workdays = profile_of(owner).workdays()
        record_event(application, PlannedEvent(EventKind.APPLIED, workdays.at(applied_on)))
    return application


@dataclass
class Recorded:
    event: Event
    warnings: list[str] = field(default_factory=list)


def record_event(application: Application, planned: PlannedEvent, note: str = "") -> Recorded:
    """Append the event and replace the application's open steps with a fresh plan,
    in one transaction: the plan never disagrees with the timeline.

    `planned` is on the user's clock (its dates were checked against that day).
    """
    with transaction.atomic():
        # Serialises replans of one application across processes.
        locked = Application.objects.select_for_update().select_related("company", "owner")
        application = locked.get(pk=application.pk)
        profile = profile_of(application.owner)
        warnings = _early_warnings(application, planned, profile.zone)
        event = Event.objects.create(
            application=application,
            kind=planned.kind,
            at=planned.at,
            end=planned.end,
            decision_by=planned.decision_by,
            wait_until=planned.wait_until,
            due=planned.due,
            channel=planned.channel or "",
            official=planned.official,
            note=note,
            timezone=profile.timezone,
        )
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
    )


def replan(
    application: Application, profile: Profile, completed_by_event: PlannedEvent | None = None
) -> None:
    """Make the stored plan match the timeline. Must run inside record_event's transaction.

    A step that stays in the plan keeps its row (and id), so a calendar entry made
    from it moves instead of being duplicated. A step that leaves the plan is done
    when the event just recorded completes it, cancelled otherwise.
    """
    timeline = timeline_of(application)
    fresh = plan(timeline, profile.chosen_playbook(), profile.workdays())
    now = timezone.now()

    leftovers: list[Step] = list(fresh)
    for row in application.steps.filter(state=NextStep.State.OPEN).order_by("due", "id"):
        match = next(
            (s for s in leftovers if s.kind == row.kind and s.attempt == row.attempt), None
        )
        if match is None:
            done = completed_by_event is not None and completed_by(
                StepKind(row.kind), completed_by_event
            )
            row.state = NextStep.State.DONE if done else NextStep.State.CANCELLED
            row.closed_at = now
            row.save(update_fields=["state", "closed_at", "updated"])
            continue
        leftovers.remove(match)
        changed = {k: v for k, v in _stored(match).items() if getattr(row, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(row, name, value)
            if changed.keys() & {"not_before", "due", "all_day"}:
                row.sequence += 1
            row.save(update_fields=[*changed, "sequence", "updated"])
    NextStep.objects.bulk_create(
        NextStep(owner_id=application.owner_id, application=application, **_stored(step))
        for step in leftovers
    )

    applied = timeline.of_kind(EventKind.APPLIED)
    application.stage = timeline.stage
    application.applied_on = applied[0].at.astimezone(profile.zone).date() if applied else None
    application.ends_search = timeline.search_over
    application.save(update_fields=["stage", "applied_on", "ends_search"])


def _stored(step: Step) -> dict[str, object]:
    """A planned step as NextStep column values."""
    return {
        "kind": step.kind.value,
        "attempt": step.attempt,
        "not_before": step.not_before,
        "due": step.due,
        "all_day": step.all_day,
        "why": step.why,
        "sources": list(step.sources),
    }


@dataclass(frozen=True)
class Agenda:
    steps: list[NextStep]
    keep_searching: Step | None


def agenda(owner: User, day: date) -> Agenda:
    """Every open step the user can act on by the end of `day`, overdue ones included."""
    profile = profile_of(owner)
    workdays = profile.workdays()
    until = workdays.at(day + timedelta(days=1), datetime.min.time())
    steps = list(
        NextStep.objects.filter(owner=owner, state=NextStep.State.OPEN, not_before__lt=until)
        .select_related("application__company")
        .order_by("due", "id")
    )
    return Agenda(steps=steps, keep_searching=search_nudge(owner, profile, day))


def search_nudge(owner: User, profile: Profile, day: date) -> Step | None:
    """Articles 000, 002, 003: keep applying while you wait. Three index lookups."""
    mine = Application.objects.filter(owner=owner)
    last = mine.filter(applied_on__isnull=False).order_by("-applied_on").first()
    return keep_searching(
        active_applications=int(mine.filter(stage__in=ACTIVE_STAGES).exists()),
        search_over=mine.filter(ends_search=True).exists(),
        last_applied=last.applied_on if last else None,
        today=day,
        playbook=profile.chosen_playbook(),
        workdays=profile.workdays(),
    )


def open_steps(application: Application) -> list[NextStep]:
    return list(application.steps.filter(state=NextStep.State.OPEN).order_by("due", "id"))
