"""Applications: finding and adding them."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from nextsteps.accounts.services import profile_of
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind
from nextsteps.playbook.timeline import Culture
from nextsteps.tracker.models import (
    APPLIED_ON,
    COMPANY_NAME,
    NOTE,
    POSTING_URL,
    ROLE,
    SOURCE,
    Application,
    Company,
)
from nextsteps.tracker.services.contacts import ContactDetails, new_contact
from nextsteps.tracker.services.errors import owned
from nextsteps.tracker.services.events import moment_on, record_event, replan


def application_of(owner: User, application_id: int) -> Application:
    return owned(
        Application.objects.select_related("company"), owner, application_id, "application"
    )


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
    temporary: bool = False,
    note: str = "",
) -> Application:
    """Save a job; with `applied_on`, also record that the application was sent,
    with `note` (what the job's page said that has no field of its own).
    `temporary`: temporary or contract work, whose acceptance keeps the search going.
    Raises FieldRefused (one sentence) for a field that breaks its rule, before
    anything is written."""
    now = timezone.now().astimezone(profile_of(owner).zone)
    company_name = COMPANY_NAME.clean(company_name)
    role = ROLE.clean(role)
    posting_url = POSTING_URL.clean(posting_url)
    source = SOURCE.clean(source)
    note = NOTE.clean(note)
    contact = contact.cleaned() if contact is not None else None
    if applied_on is not None:
        APPLIED_ON.clean(applied_on, now.date())
    company, _ = Company.objects.get_or_create(owner=owner, name=company_name)
    if culture is not None and company.culture != culture:
        company.culture = culture
        company.save(update_fields=["culture"])
    application = Application.objects.create(
        owner=owner,
        company=company,
        role=role,
        posting_url=posting_url,
        source=source,
        kind=Application.Kind.TEMPORARY if temporary else Application.Kind.PERMANENT,
    )
    if contact is not None:
        application.contacts.add(new_contact(owner, contact, company))
    if applied_on is not None:
        at = moment_on(applied_on, None, now)
        record_event(application, PlannedEvent(EventKind.APPLIED, at), note, now=now)
    return application


def change_application(application: Application, *, temporary: bool) -> None:
    """Mark a job temporary (or contract) work, or permanent, and replan: 003's
    "taking temporary assignments in the meantime" keeps the search going after a yes."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().select_related("company", "owner")
        application = locked.get(pk=application.pk)
        if temporary == (application.kind != Application.Kind.PERMANENT):
            return  # contract work stays contract work
        application.kind = Application.Kind.TEMPORARY if temporary else Application.Kind.PERMANENT
        application.save(update_fields=["kind"])
        replan(application, profile_of(application.owner))
