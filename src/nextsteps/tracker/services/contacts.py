"""The people of an application."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from nextsteps.tracker.models import (
    COMPANY_NAME,
    CONTACT,
    CONTACT_EMAIL,
    CONTACT_NAME,
    JOB_TITLE,
    PHONE,
    Application,
    Company,
    Contact,
)
from nextsteps.tracker.services.errors import NotFound, owned


@dataclass(frozen=True)
class ContactDetails:
    name: str
    email: str = ""
    phone: str = ""
    title: str = ""

    @classmethod
    def typed(cls, text: str) -> ContactDetails:
        """`Jane Doe <jane@example.com>`, or just the name, as one line."""
        return cls(*CONTACT.split(text))

    def cleaned(self) -> ContactDetails:
        """The details as stored; raises FieldRefused with the first field's sentence."""
        return ContactDetails(
            name=CONTACT_NAME.clean(self.name),
            email=CONTACT_EMAIL.clean(self.email),
            phone=PHONE.clean(self.phone),
            title=JOB_TITLE.clean(self.title),
        )


def new_contact(owner: User, details: ContactDetails, company: Company | None) -> Contact:
    details = details.cleaned()
    return Contact.objects.create(
        owner=owner,
        company=company,
        name=details.name,
        email=details.email,
        phone=details.phone,
        title=details.title,
    )


def company_named(owner_id: int, name: str) -> Company | None:
    """The owner's company of that name, made if new; None for no name."""
    name = COMPANY_NAME.clean(name) if name.strip() else ""
    return Company.objects.get_or_create(owner_id=owner_id, name=name)[0] if name else None


def contact_of(owner: User, contact_id: int) -> Contact:
    return owned(Contact.objects.select_related("company"), owner, contact_id, "contact")


@transaction.atomic
def add_contact(
    owner: User,
    details: ContactDetails,
    company_name: str = "",
    application: Application | None = None,
) -> Contact:
    """A new person; with `application`, one of its contacts (and of its company)."""
    company = application.company if application else company_named(owner.pk, company_name)
    contact = new_contact(owner, details, company)
    if application is not None:
        application.contacts.add(contact)
    return contact


@transaction.atomic
def change_contact(contact: Contact, details: ContactDetails, company_name: str = "") -> None:
    details = details.cleaned()
    contact.company = company_named(contact.owner_id, company_name)
    contact.name = details.name
    contact.email = details.email
    contact.phone = details.phone
    contact.title = details.title
    contact.save()


def link_contact(application: Application, contact: Contact) -> None:
    """An existing contact of the same owner joins the application."""
    if contact.owner_id != application.owner_id:
        raise NotFound(f"There is no contact {contact.id}.")
    application.contacts.add(contact)
