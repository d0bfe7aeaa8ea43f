"""The people of your search."""

# The annotations are read at run time: they make the schema.
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from nextsteps.api.common import Page, owner
from nextsteps.api.schemas import ContactIn, ContactOut, Id, NewContactIn, refusals
from nextsteps.tracker import services
from nextsteps.tracker.models import Contact

router = Router(tags=["contacts"])


@router.get("", response={200: list[ContactOut], **refusals()})
@paginate(Page)
def list_contacts(request: HttpRequest) -> QuerySet[Contact]:
    """Your contacts, by name."""
    return (
        Contact.objects.filter(owner=owner(request))
        .select_related("company")
        .order_by("name", "id")
    )


@router.post("", response={201: ContactOut, **refusals(400, 404)})
def add_contact(request: HttpRequest, data: NewContactIn) -> Status[Contact]:
    """A new person; with `application_id`, one of that application's contacts (and
    of its company, whatever `company` says)."""
    user = owner(request)
    application = (
        services.application_of(user, data.application_id) if data.application_id else None
    )
    details = services.ContactDetails(data.name, data.email, data.phone, data.title)
    contact = services.add_contact(user, details, data.company, application)
    return Status(201, services.contact_of(user, contact.id))


@router.get("/{contact_id}", response={200: ContactOut, **refusals(404)})
def get_contact(request: HttpRequest, contact_id: Id) -> Contact:
    return services.contact_of(owner(request), contact_id)


@router.put("/{contact_id}", response={200: ContactOut, **refusals(400, 404)})
def change_contact(request: HttpRequest, contact_id: Id, data: ContactIn) -> Contact:
    """Replace what you know of the person: a field left out is emptied."""
    user = owner(request)
    contact = services.contact_of(user, contact_id)
    details = services.ContactDetails(data.name, data.email, data.phone, data.title)
    services.change_contact(contact, details, data.company)
    return services.contact_of(user, contact_id)
