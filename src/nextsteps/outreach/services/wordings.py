"""The user's own wording for each kind of message."""

from __future__ import annotations

from django.contrib.auth.models import User

from nextsteps.fields import FieldRefused
from nextsteps.outreach.models import TEMPLATE_BODY, TEMPLATE_SUBJECT, MessageTemplate
from nextsteps.outreach.services.errors import Refused
from nextsteps.outreach.templating import TemplateRefused, Wording, render_wording
from nextsteps.playbook.drafting import (
    DraftFacts,
    MessageKind,
    template_context,
)


def save_template(owner: User, kind: MessageKind, subject: str, body: str) -> MessageTemplate:
    """The user's own wording for a kind of message; refused if it does not render."""
    try:
        subject, body = TEMPLATE_SUBJECT.clean(subject), TEMPLATE_BODY.clean(body)
        render_wording(Wording(subject, body), template_context(DraftFacts()))
    except (FieldRefused, TemplateRefused) as exc:
        raise Refused(str(exc)) from None
    template, _ = MessageTemplate.objects.update_or_create(
        owner=owner, kind=kind, defaults={"subject": subject, "body": body}
    )
    return template


def reset_template(owner: User, kind: MessageKind) -> None:
    MessageTemplate.objects.filter(owner=owner, kind=kind).delete()


def template_names() -> list[str]:
    """The names a message template can use: the facts of `template_context`."""
    return list(template_context(DraftFacts()))
