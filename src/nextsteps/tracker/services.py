"""The use cases of the tracker. The CLI, the web pages and the API call these and
never write Event or NextStep rows themselves."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import PLAN_INPUTS, profile_of
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, Step, StepKind, Timeline, keep_searching, plan
from nextsteps.playbook.step import COMPLETING_EVENT, completed_by
from nextsteps.playbook.timeline import OUTCOMES, Culture, Stage
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
    phone: str = ""
    title: str = ""


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
        application.contacts.add(_new_contact(owner, contact, company))
    if applied_on is not None:
        workdays = profile_of(owner).workdays()
        record_event(application, PlannedEvent(EventKind.APPLIED, workdays.at(applied_on)))
    return application


@dataclass
class Recorded:
    event: Event
    warnings: list[str] = field(default_factory=list)


def record_event(
    application: Application,
    planned: PlannedEvent,
    note: str = "",
    people: Sequence[Contact | ContactDetails] = (),
) -> Recorded:
    """Append the event and replace the application's open steps with a fresh plan,
    in one transaction: the plan never disagrees with the timeline.

    `planned` is on the user's clock (its dates were checked against that day).
    `people` were part of it (the interviewers, say): existing contacts of the
    owner, or details of new ones; they also join the application's contacts.
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
        if any(isinstance(p, Contact) and p.owner_id != application.owner_id for p in people):
            raise NotFound("There is no such contact.")
        if people:
            contacts = [
                p
                if isinstance(p, Contact)
                else _new_contact(application.owner, p, application.company)
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

    kept = [NextStep.State.OPEN, NextStep.State.SKIPPED]
    rows = list(application.steps.filter(state__in=kept).order_by("due", "id"))
    leftovers = _not_skipped(fresh, [r for r in rows if r.state == NextStep.State.SKIPPED])
    for row in (r for r in rows if r.state == NextStep.State.OPEN):
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


def _not_skipped(fresh: Iterable[Step], skipped: Iterable[NextStep]) -> list[Step]:
    """The planned steps less those the user skipped: a step proposed again unchanged
    (same kind, attempt and due time) stays skipped. One that moved is a new step."""
    gone = {(row.kind, row.attempt, row.due.timestamp()) for row in skipped}
    return [s for s in fresh if (s.kind.value, s.attempt, s.due.timestamp()) not in gone]


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


def agenda(owner: User, day: date, ahead_days: int = 0) -> Agenda:
    """Every open step the user can act on by the end of `day`, overdue ones included,
    and with `ahead_days` those they can act on in the days after it."""
    profile = profile_of(owner)
    workdays = profile.workdays()
    until = workdays.at(day + timedelta(days=1 + ahead_days), datetime.min.time())
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
        active_applications=int(has_active_applications(owner)),
        search_over=mine.filter(ends_search=True).exists(),
        last_applied=last.applied_on if last else None,
        today=day,
        playbook=profile.chosen_playbook(),
        workdays=profile.workdays(),
    )


def has_active_applications(owner: User) -> bool:
    """Whether any application is still going: applied, interviewing or offered."""
    return Application.objects.filter(owner=owner, stage__in=ACTIVE_STAGES).exists()


def open_steps(application: Application) -> list[NextStep]:
    return list(application.steps.filter(state=NextStep.State.OPEN).order_by("due", "id"))


def applied_since(owner: User, day: date) -> int:
    """How many applications the user has sent since `day` (their weekly target's count)."""
    return Application.objects.filter(owner=owner, applied_on__gte=day).count()


class StepRefused(ValueError):
    """The step cannot be done or skipped like that; the message is one sentence for the user."""


# Steps whose event needs more than a click: the interview's time and what was said.
NEEDS_A_FORM = frozenset({StepKind.PREPARE_INTERVIEW, StepKind.KEEP_SEARCHING})


def step_of(owner: User, step_id: int) -> NextStep:
    try:
        return NextStep.objects.select_related("application__company").get(pk=step_id, owner=owner)
    except NextStep.DoesNotExist:
        raise NotFound(f"There is no step {step_id}.") from None


def _lock_open(step: NextStep) -> NextStep:
    """The step, re-read under its application's lock; refuses one already closed."""
    Application.objects.select_for_update().filter(pk=step.application_id).first()
    step.refresh_from_db()
    if step.state != NextStep.State.OPEN:
        raise StepRefused(f"That step is already {step.get_state_display().lower()}.")
    return step


def can_start(step: NextStep, now: datetime) -> bool:
    """Whether the step can be done at `now` (on the user's clock): a step for a day
    can be done all that day, a timed one from its moment."""
    if step.all_day:
        return step.not_before.astimezone(now.tzinfo).date() <= now.date()
    return step.not_before <= now


def complete_step(step: NextStep, now: datetime) -> Recorded:
    """Mark a step done by recording the event that does it: "thank-you sent" is an
    event, not a checkbox. `now` is on the user's clock."""
    kind = StepKind(step.kind)
    if kind in NEEDS_A_FORM:
        raise StepRefused("That step is done by filling in its form.")
    with transaction.atomic():
        step = _lock_open(step)
        if not can_start(step, now):
            raise StepRefused("That step cannot be done yet.")
        event_kind, channel = COMPLETING_EVENT[kind]
        return record_event(step.application, PlannedEvent(event_kind, now, channel=channel))


def skip_step(step: NextStep, reason: str, now: datetime) -> None:
    """Set a step aside for a reason; replans do not bring it back unchanged."""
    reason = " ".join(reason.split())
    if not reason:
        raise StepRefused("Say in a few words why you skip it.")
    with transaction.atomic():
        step = _lock_open(step)
        step.state = NextStep.State.SKIPPED
        step.skip_reason = reason[: NextStep._meta.get_field("skip_reason").max_length]
        step.closed_at = now
        step.save(update_fields=["state", "skip_reason", "closed_at", "updated"])


def replan_for_settings(owner: User, changed: Iterable[str]) -> None:
    """After settings changed: replan everything if the plan is made with one of them."""
    if PLAN_INPUTS.intersection(changed):
        replan_all(owner)


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


def _new_contact(owner: User, details: ContactDetails, company: Company | None) -> Contact:
    return Contact.objects.create(
        owner=owner,
        company=company,
        name=details.name.strip(),
        email=details.email.strip(),
        phone=details.phone.strip(),
        title=details.title.strip(),
    )


def _company_named(owner_id: int, name: str) -> Company | None:
    name = name.strip()
    return Company.objects.get_or_create(owner_id=owner_id, name=name)[0] if name else None


def contact_of(owner: User, contact_id: int) -> Contact:
    try:
        return Contact.objects.select_related("company").get(pk=contact_id, owner=owner)
    except Contact.DoesNotExist:
        raise NotFound(f"There is no contact {contact_id}.") from None


@transaction.atomic
def add_contact(
    owner: User,
    details: ContactDetails,
    company_name: str = "",
    application: Application | None = None,
) -> Contact:
    """A new person; with `application`, one of its contacts (and of its company)."""
    company = application.company if application else _company_named(owner.pk, company_name)
    contact = _new_contact(owner, details, company)
    if application is not None:
        application.contacts.add(contact)
    return contact


@transaction.atomic
def change_contact(contact: Contact, details: ContactDetails, company_name: str = "") -> None:
    contact.company = _company_named(contact.owner_id, company_name)
    contact.name = details.name.strip()
    contact.email = details.email.strip()
    contact.phone = details.phone.strip()
    contact.title = details.title.strip()
    contact.save()


def link_contact(application: Application, contact: Contact) -> None:
    """An existing contact of the same owner joins the application."""
    if contact.owner_id != application.owner_id:
        raise NotFound(f"There is no contact {contact.id}.")
    application.contacts.add(contact)


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
