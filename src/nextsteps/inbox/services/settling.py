"""What waits for the user: confirming a proposal records its event, dismissing it
records nothing; and forgetting every matched mail when the user disconnects."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce
from operator import or_

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from nextsteps.accounts.services import profile_of
from nextsteps.inbox.models import MatchedMail
from nextsteps.inbox.services.errors import Refused
from nextsteps.outreach.services import stop_messages
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.inbox import PROPOSED_EVENTS, YOUR_PROPOSALS, MailKind, Proposal
from nextsteps.playbook.timeline import Channel
from nextsteps.tracker.models import Application
from nextsteps.tracker.services import NotFound, moment_on, record_event

State = MatchedMail.State
# Proposals that need a day to be recorded: an interview cannot be booked without one.
NEEDS_A_DAY = frozenset({Proposal.INTERVIEW_INVITATION, Proposal.AVAILABILITY})


def matched_mail_of(owner: User, mail_id: int) -> MatchedMail:
    """The owner's matched mail; another user's is the same as none."""
    try:
        return MatchedMail.objects.select_related("application__company", "contact").get(
            pk=mail_id, owner=owner
        )
    except MatchedMail.DoesNotExist:
        raise NotFound(f"There is no matched mail {mail_id}.") from None


def _waiting(owner: User, mail_id: int) -> MatchedMail:
    row = matched_mail_of(owner, mail_id)
    if row.state != State.WAITING:
        raise Refused(f"Mail {mail_id} waits for nothing: it is {row.state}.")
    return row


def _planned(row: MatchedMail, day: date | None, clock: time | None, now: datetime) -> PlannedEvent:
    """The event a proposal is recorded as, on the user's clock. The day the user
    gives wins over the one the mail named."""
    proposal = Proposal(row.proposal)
    zone = profile_of(row.owner).zone
    written = row.sent_at.astimezone(zone)
    day = day or row.proposed_day
    kind = PROPOSED_EVENTS[proposal]
    if proposal in NEEDS_A_DAY:
        if day is None:
            raise Refused(
                f"Say the interview's day to confirm mail {row.pk}, such as "
                f"{(written.date()).isoformat()}."
            )
        return PlannedEvent(kind, moment_on(day, clock, now.astimezone(zone)))
    fields: dict[str, object] = {"channel": Channel.EMAIL}
    if day is not None:
        if proposal is Proposal.CONTACT_DATE:
            fields["contact_on"] = day
        elif proposal is Proposal.MATERIAL_REQUEST:
            fields["due"] = moment_on(day, clock, now.astimezone(zone))
        elif proposal is not Proposal.REJECTION and proposal not in YOUR_PROPOSALS:
            fields["decision_by"] = day
    return PlannedEvent(kind, written, **fields)  # type: ignore[arg-type]


def confirm(
    owner: User,
    mail_id: int,
    now: datetime,
    day: date | None = None,
    clock: time | None = None,
) -> MatchedMail:
    """Record what the mail was proposed as (on `day` at `clock`, when given), and, for
    a weak match, stop the messages waiting to go: it is their answer. Refuses a
    mail that waits for nothing, an invitation without a day, and an event that
    cannot have happened (InvalidEvent, one sentence)."""
    row = _waiting(owner, mail_id)
    planned = _planned(row, day, clock, now)
    with transaction.atomic():
        settled = MatchedMail.objects.filter(pk=row.pk, state=State.WAITING).update(
            state=State.CONFIRMED, settled_at=now
        )
        if not settled:
            raise Refused(f"Mail {mail_id} was settled meanwhile.")
        people = [row.contact] if row.contact else []
        # The reply nextsteps recorded when the mail came in, now with what the user
        # confirmed it says: one reply on the timeline, not two, for every mail of it.
        replaced = row.event
        sharing: list[int] = []
        if replaced is not None and (replaced.kind, replaced.at) == (planned.kind, planned.at):
            sharing = list(MatchedMail.objects.filter(event=replaced).values_list("pk", flat=True))
            replaced.delete()
        whose = "Your" if row.kind == MailKind.YOURS else "Their"
        note = f"{whose} e-mail: {row.subject}" if row.subject else f"{whose} e-mail."
        row.event = record_event(row.application, planned, note, people, now).event
        MatchedMail.objects.filter(pk__in=sharing).update(event=row.event)
        # The day the user gave wins over the one the mail named, in what it says too.
        row.proposed_day = day or row.proposed_day
        update = ["event", "proposed_day"]
        if not row.match_is_strong:
            who = row.from_name or row.from_address
            written = row.sent_at.astimezone(profile_of(owner).zone)
            row.stopped = stop_messages(
                owner,
                f"Not sent: {who} replied on {day_label(written.date())}.",
                application=row.application,
            )
            update.append("stopped")
        row.save(update_fields=update)
    row.refresh_from_db()
    return row


def dismiss(owner: User, mail_id: int, now: datetime) -> MatchedMail:
    """Leave the timeline as it is: the proposal was wrong."""
    row = _waiting(owner, mail_id)
    MatchedMail.objects.filter(pk=row.pk, state=State.WAITING).update(
        state=State.DISMISSED, settled_at=now
    )
    row.refresh_from_db()
    return row


def waiting_for(owner: User) -> QuerySet[MatchedMail]:
    """What waits for the user's confirm or dismiss, the newest first."""
    return (
        MatchedMail.objects.filter(owner=owner, state=State.WAITING)
        .select_related("application__company")
        .order_by("-sent_at", "-id")
    )


@dataclass(frozen=True)
class Glance:
    """What Today shows of the inbox: what waits (the newest `shown`, and how many
    more), and what nextsteps did on its own lately."""

    waiting: list[MatchedMail]
    waiting_more: int
    lately: list[MatchedMail]


# What nextsteps did on its own shows on Today for this long.
LATELY = timedelta(days=3)


def glance(owner: User, now: datetime, shown: int) -> Glance:
    """One query whatever the owner's mailbox holds: the newest `shown` of what waits
    and of what was done lately, each with how many there are."""
    ordered = [F("sent_at").desc(), F("id").desc()]
    rows = (
        MatchedMail.objects.filter(owner=owner)
        .filter(Q(state=State.WAITING) | Q(state=State.ACTED, taken_at__gte=now - LATELY))
        .annotate(
            place=Window(RowNumber(), partition_by=[F("state")], order_by=ordered),
            of=Window(Count("id"), partition_by=[F("state")]),
        )
        .filter(place__lte=shown)
        .select_related("application__company")
        .order_by(*ordered)
    )
    waiting: list[MatchedMail] = []
    lately: list[MatchedMail] = []
    for row in rows:
        (waiting if row.state == State.WAITING else lately).append(row)
    more = waiting[0].of - len(waiting) if waiting else 0  # type: ignore[attr-defined]
    return Glance(waiting, more, lately)


def inbox_of(owner: User, limit: int = 50) -> list[MatchedMail]:
    """The owner's matched mail, what waits first, then the newest."""
    rows = MatchedMail.objects.filter(owner=owner).select_related("application__company")
    waiting = list(rows.filter(state=State.WAITING).order_by("-sent_at", "-id"))
    rest = rows.exclude(state=State.WAITING).order_by("-sent_at", "-id")[:limit]
    return waiting + list(rest)


def mails_of(application: Application, limit: int = 50) -> list[MatchedMail]:
    """An application's matched mail, what waits first, then the newest."""
    rows = MatchedMail.objects.filter(application=application).order_by("-sent_at", "-id")
    found = list(rows[:limit])
    for row in found:
        row.application = application
    return sorted(found, key=lambda r: r.state != State.WAITING)


def bounced(owner: User, addresses: Iterable[str]) -> dict[str, datetime]:
    """Which of these addresses a mail bounced from, and when it last did (by lower-case
    address): the flag shown beside a contact until their address is changed."""
    wanted = [Q(bounced_address__iexact=a) for a in addresses if a]
    if not wanted:
        return {}
    rows = MatchedMail.objects.filter(reduce(or_, wanted), owner=owner, kind=MailKind.BOUNCE)
    found: dict[str, datetime] = {}
    for address, sent_at in rows.order_by("sent_at").values_list("bounced_address", "sent_at"):
        found[address.casefold()] = sent_at
    return found


def purge(owner: User) -> int:
    """Forget every mail nextsteps matched for the owner (the events it recorded stay on
    the timeline: they are the user's history). Returns how many were forgotten."""
    deleted, _ = MatchedMail.objects.filter(owner=owner).delete()
    return deleted
