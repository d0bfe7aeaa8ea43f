"""The people of an application."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from nextsteps.tracker.models import Application, Company, Contact
from nextsteps.tracker.services.errors import NotFound


@dataclass(frozen=True)
class ContactDetails:
    name: str
    email: str = ""
    phone: str = ""
    title: str = ""


def new_contact(owner: User, details: ContactDetails, company: Company | None) -> Contact:
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
    contact = new_contact(owner, details, company)
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
