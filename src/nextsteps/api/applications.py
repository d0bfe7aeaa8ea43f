"""Applications and their timelines."""

# The annotations are read at run time: they make the schema.
from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from nextsteps.api.common import Page, now_of, owner
from nextsteps.api.schemas import (
    ApplicationChange,
    ApplicationIn,
    ApplicationOut,
    EventIn,
    EventOut,
    Id,
    RecordedOut,
    StepOut,
    refusals,
)
from nextsteps.fields import Day
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook.timeline import Stage
from nextsteps.tracker import services
from nextsteps.tracker.models import (
    DUE,
    HAPPENED_ON,
    INTERVIEW_END,
    INTERVIEW_ON,
    Application,
    Contact,
    Event,
    NextStep,
)
from nextsteps.tracker.services.events import AHEAD

router = Router(tags=["applications"])


def _applications(request: HttpRequest) -> QuerySet[Application]:
    return (
        Application.objects.filter(owner=owner(request))
        .select_related("company")
        .prefetch_related("contacts")
    )


@router.get("", response={200: list[ApplicationOut], **refusals()})
@paginate(Page)
def list_applications(request: HttpRequest, stage: Stage | None = None) -> QuerySet[Application]:
    """Your applications, the newest first; with `stage`, those at that stage."""
    rows = _applications(request).order_by("-created", "-id")
    return rows.filter(stage=stage) if stage else rows


@router.post("", response={201: ApplicationOut, **refusals(400)})
def add_application(request: HttpRequest, data: ApplicationIn) -> Status[Application]:
    """Save a job; with `applied_on`, also record that you sent the application."""
    application = services.add_application(
        owner(request),
        data.company,
        data.role,
        applied_on=data.applied_on,
        culture=data.culture,
        posting_url=data.posting_url,
        source=data.source,
        temporary=data.temporary,
    )
    return Status(201, _applications(request).get(pk=application.pk))


@router.get("/{application_id}", response={200: ApplicationOut, **refusals(404)})
def get_application(request: HttpRequest, application_id: Id) -> Application:
    services.application_of(owner(request), application_id)
    return _applications(request).get(pk=application_id)


@router.patch("/{application_id}", response={200: ApplicationOut, **refusals(400, 404)})
def change_application(
    request: HttpRequest, application_id: Id, data: ApplicationChange
) -> Application:
    """Mark it temporary (or contract) work, or a permanent job; the plan follows."""
    application = services.application_of(owner(request), application_id)
    services.change_application(application, temporary=data.temporary)
    return _applications(request).get(pk=application_id)


@router.get("/{application_id}/events", response={200: list[EventOut], **refusals(404)})
@paginate(Page)
def list_events(request: HttpRequest, application_id: Id) -> QuerySet[Event]:
    """The application's timeline, the earliest first."""
    application = services.application_of(owner(request), application_id)
    return application.events.order_by("at", "id")


@router.post("/{application_id}/events", response={201: RecordedOut, **refusals(400, 404)})
def record_event(
    request: HttpRequest, application_id: Id, data: EventIn
) -> Status[services.Recorded]:
    """Record what happened; the application's plan is made again from it."""
    user = owner(request)
    application = services.application_of(user, application_id)
    now = now_of(user)
    planned = PlannedEvent(
        kind=data.kind,
        at=_on_clock(data.at, now, INTERVIEW_ON if data.kind in AHEAD else HAPPENED_ON) or now,
        end=_on_clock(data.end, now, INTERVIEW_END),
        decision_by=data.decision_by,
        wait_until=data.wait_until,
        contact_on=data.contact_on,
        due=_on_clock(data.due, now, DUE),
        channel=data.channel,
        official=data.official,
    )
    people = list(Contact.objects.filter(owner=user, id__in=data.contact_ids))
    missing = sorted(set(data.contact_ids) - {contact.id for contact in people})
    if missing:
        raise services.NotFound(f"There is no contact {missing[0]}.")
    return Status(201, services.record_event(application, planned, data.note, people))


def _on_clock(moment: datetime | None, now: datetime, rule: Day) -> datetime | None:
    """A moment on the user's clock; one given without an offset is read on it."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=now.tzinfo)
    try:
        return moment.astimezone(now.tzinfo)
    except OverflowError:  # the first or last hours of the calendar: no day to keep
        rule.clean(moment.date(), now.date())
        raise


@router.get("/{application_id}/steps", response={200: list[StepOut], **refusals(404)})
@paginate(Page)
def list_application_steps(request: HttpRequest, application_id: Id) -> QuerySet[NextStep]:
    """The application's steps, open and closed, in the order they are due."""
    application = services.application_of(owner(request), application_id)
    return application.steps.select_related("application__company").order_by("due", "id")
