"""Applications: finding and adding them."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from nextsteps.accounts.services import profile_of
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind
from nextsteps.playbook.timeline import Culture
from nextsteps.tracker.models import Application, Company
from nextsteps.tracker.services.contacts import ContactDetails, new_contact
from nextsteps.tracker.services.errors import NotFound
from nextsteps.tracker.services.events import record_event


def application_of(owner: User, application_id: int) -> Application:
    try:
        return Application.objects.select_related("company").get(pk=application_id, owner=owner)
    except Application.DoesNotExist:
        raise NotFound(f"There is no application {application_id}.") from None


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
        application.contacts.add(new_contact(owner, contact, company))
    if applied_on is not None:
        workdays = profile_of(owner).workdays()
        record_event(application, PlannedEvent(EventKind.APPLIED, workdays.at(applied_on)))
    return application
