"""The outbox: the messages you scheduled, sent, or that need you."""

# The annotations are read at run time: they make the schema.
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from nextsteps.api.common import Page, owner
from nextsteps.api.schemas import Id, MessageOut, refusals
from nextsteps.outreach import services
from nextsteps.outreach.models import Message

router = Router(tags=["messages"])


@router.get("", response={200: list[MessageOut], **refusals()})
@paginate(Page)
def list_messages(request: HttpRequest, state: Message.State | None = None) -> QuerySet[Message]:
    """Your messages, the latest to go first; with `state`, those in that state."""
    rows = Message.objects.filter(owner=owner(request)).order_by("-send_at", "-id")
    return rows.filter(state=state) if state else rows


@router.get("/{message_id}", response={200: MessageOut, **refusals(404)})
def get_message(request: HttpRequest, message_id: Id) -> Message:
    return services.message_of(owner(request), message_id)


@router.post("/{message_id}/cancel", response={200: MessageOut, **refusals(400, 404)})
def cancel(request: HttpRequest, message_id: Id) -> Message:
    """Take a scheduled message out of the queue; one being sent cannot be stopped."""
    return services.cancel_message(owner(request), message_id)
