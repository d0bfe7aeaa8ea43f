"""Stopping messages that should no longer go out, because of what came back: the
employer answered, is away, or an address bounced."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from functools import reduce
from operator import or_

from django.contrib.auth.models import User
from django.db.models import Q

from nextsteps.outreach.models import Message
from nextsteps.playbook.drafting import MessageKind
from nextsteps.tracker.models import Application

# The messages that chase an employer for an answer.
CHASING = (MessageKind.FOLLOW_UP, MessageKind.FOLLOW_UP_AGAIN, MessageKind.CHECK_IN)


def stop_messages(
    owner: User,
    reason: str,
    *,
    application: Application | None = None,
    kinds: Collection[MessageKind] = (),
    to_addresses: Collection[str] = (),
    before: datetime | None = None,
    steps: Collection[int] = (),
) -> int:
    """Take the owner's scheduled messages out of the queue, with the reason the outbox
    shows: those of `application`, of `kinds`, to `to_addresses` (any case), due
    before `before`, for the steps with ids `steps`, as given. One being sent is not
    stopped here: the last check before sending reads the same facts. Returns how
    many were stopped."""
    rows = Message.objects.filter(owner=owner, state=Message.State.SCHEDULED)
    if application is not None:
        rows = rows.filter(application=application)
    if kinds:
        rows = rows.filter(kind__in=[MessageKind(k).value for k in kinds])
    if to_addresses:
        rows = rows.filter(reduce(or_, (Q(to_address__iexact=a) for a in to_addresses)))
    if before is not None:
        rows = rows.filter(send_at__lt=before)
    if steps:
        rows = rows.filter(step_id__in=steps)
    return rows.update(state=Message.State.CANCELLED, reason=reason)
