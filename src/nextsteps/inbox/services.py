"""What a mail from the user's inbox means for their applications, and acting on it.

The sync (inbox transport) calls take_in() with each mail it fetched; the web and
the command line list what was matched and settle what waits for the user.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from nextsteps.inbox.models import MatchedMail
from nextsteps.outreach.models import Message
from nextsteps.playbook.inbox import IncomingMail, MailKind, Match
from nextsteps.tracker.models import Application


def take_in(owner: User, mail: IncomingMail, now: datetime) -> MatchedMail | None:
    """Tie `mail` to one of the owner's applications and keep what it means; None
    when it matches none (and then nothing of it is kept). Taking the same
    Message-ID in twice returns the row kept the first time and does nothing new."""
    kept = MatchedMail.objects.filter(owner=owner, message_id=mail.message_id).first()
    if kept is not None:
        return kept
    application = _thread_match(owner, mail)
    if application is None:
        return None
    try:
        with transaction.atomic():
            return MatchedMail.objects.create(
                owner=owner,
                application=application,
                message_id=mail.message_id,
                in_reply_to=mail.in_reply_to,
                from_address=mail.from_address,
                from_name=mail.from_name,
                subject=mail.subject,
                sent_at=min(mail.sent_at, now),
                snippet=mail.snippet,
                kind=MailKind.REPLY,
                match=Match.THREAD,
                state=MatchedMail.State.WAITING,
                taken_at=now,
            )
    except IntegrityError:
        # Another worker took the same mail in at the same moment.
        return MatchedMail.objects.get(owner=owner, message_id=mail.message_id)


def _thread_match(owner: User, mail: IncomingMail) -> Application | None:
    ids = mail.thread_ids
    if not ids:
        return None
    sent = (
        Message.objects.filter(owner=owner, message_id__in=ids, application__isnull=False)
        .select_related("application")
        .first()
    )
    return sent.application if sent else None
