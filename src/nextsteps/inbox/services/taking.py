"""Taking a fetched mail in: which application it belongs to, and acting on it.

A strong match acts at once, through the tracker's and the outbox's services: a
reply is recorded and stops the follow-ups waiting to go, an out-of-office pauses
them until the day its writer is back, a bounce stops what waits for that
address. A weak match, and what a reply's words say, wait for the user.

The user's own mail to an application's contact, written in their mail program,
may be the thank-you or the follow-up nextsteps was about to send: the message
waiting for that step is stopped (never the same thing twice), and the mail is
proposed as that step done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import reduce
from operator import or_

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import profile_of
from nextsteps.inbox.models import MatchedMail
from nextsteps.outreach.emails import envelope_sender
from nextsteps.outreach.models import MailAccount, Message
from nextsteps.outreach.services import CHASING, stop_messages
from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind, InvalidEvent, StepKind
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.inbox import (
    DONE_BY_YOUR_MAIL,
    LOGGED_BY_HAND_AS,
    IncomingMail,
    MailKind,
    Match,
    Meaning,
    Proposal,
    Prospect,
    company_domains,
    could_be_done_by_your_mail,
    could_match,
    is_applicant_tracking,
    is_bounce,
    match,
    read_mail,
)
from nextsteps.playbook.timeline import Channel
from nextsteps.playbook.workdays import MORNING
from nextsteps.tracker.models import Application, Company, Contact, Event, NextStep
from nextsteps.tracker.services import ACTIVE_STAGES, record_event

State = MatchedMail.State


def take_in(owner: User, mail: IncomingMail, now: datetime) -> MatchedMail | None:
    """Tie `mail` to one of the owner's applications, act on it or propose it, and
    keep its headers and snippet; None when it matches none (nothing of it is
    kept), or is the owner's own. Taking the same Message-ID in twice returns the
    row kept the first time and does nothing new."""
    return take_in_many(owner, [mail], now)[0]


def take_in_many(
    owner: User, mails: Sequence[IncomingMail], now: datetime
) -> list[MatchedMail | None]:
    """take_in() for each of `mails`, in order. What the owner's applications are
    known by (their addresses, their domains, nextsteps' own Message-IDs) is read
    once for them all: a mail that can match nothing costs no query of its own,
    which is most of a mailbox."""
    known = _known(owner, mails)
    found: list[MatchedMail | None] = []
    for mail in mails:
        if mail.message_id in known.kept:
            found.append(known.kept[mail.message_id])
            continue
        if mail.message_id in known.ours:
            found.append(None)  # nextsteps sent it (All Mail and Sent hold it)
            continue
        if mail.from_address == known.own_address:
            to_contacts = set(mail.to_addresses) & known.addresses
            found.append(_take_yours(owner, mail, now, to_contacts) if to_contacts else None)
            continue
        threaded = next((known.ours[i] for i in mail.thread_ids if known.ours.get(i)), None)
        if threaded is None and not could_match(mail, known.addresses, known.domains):
            found.append(None)
            continue
        found.append(_take_one(owner, mail, now, threaded))
    return found


@dataclass(frozen=True)
class Known:
    """What the owner's mail is matched against, read once for a batch of mail."""

    own_address: str
    # nextsteps' messages named by the batch (as its Message-IDs or the ones it
    # answers), each with its application (None for a digest).
    ours: dict[str, int | None]
    # The batch's mail already taken in, by Message-ID.
    kept: dict[str, MatchedMail]
    addresses: frozenset[str]
    domains: frozenset[str]


def _known(owner: User, mails: Sequence[IncomingMail]) -> Known:
    """Five queries, however many mails."""
    account = MailAccount.objects.filter(owner=owner).only("from_address").first()
    named = {i for mail in mails for i in (mail.message_id, *mail.thread_ids)}
    sent = Message.objects.filter(owner=owner, message_id__in=named)
    ids = [mail.message_id for mail in mails]
    kept = MatchedMail.objects.filter(owner=owner, message_id__in=ids)
    addresses = [
        a.casefold()
        for a in Contact.objects.filter(owner=owner)
        .exclude(email="")
        .values_list("email", flat=True)
    ]
    websites = (
        Company.objects.filter(owner=owner).exclude(website="").values_list("website", flat=True)
    )
    return Known(
        own_address=envelope_sender(account.from_address).casefold() if account else "",
        ours=dict(sent.values_list("message_id", "application_id")),  # type: ignore[arg-type]
        kept={row.message_id: row for row in kept},
        addresses=frozenset(addresses),
        domains=frozenset().union(*(company_domains(w, ()) for w in websites))
        | company_domains("", addresses),
    )


def _take_one(
    owner: User, mail: IncomingMail, now: datetime, threaded: int | None
) -> MatchedMail | None:
    found = match(mail, [] if threaded else _prospects(owner, mail), threaded)
    if found is None:
        return None
    application_id, how = found
    profile = profile_of(owner)
    written = min(mail.sent_at, now).astimezone(profile.zone)
    meaning = read_mail(mail, written.date(), profile.chosen_playbook().out_of_office_days)
    try:
        with transaction.atomic():
            application = Application.objects.select_related("company").get(pk=application_id)
            row = _kept(owner, application, mail, how, meaning, now)
            if how.strong:
                _act(row, meaning, written, profile)
            return row
    except IntegrityError:
        # Another worker took the same mail in at the same moment.
        return MatchedMail.objects.get(owner=owner, message_id=mail.message_id)


def _take_yours(
    owner: User, mail: IncomingMail, now: datetime, to_contacts: set[str]
) -> MatchedMail | None:
    """The user's mail to contacts of an application under way whose thank-you or
    follow-up was open when they wrote it: the message waiting for that step is
    stopped, and the mail proposed as the step done. None (nothing kept) for any
    other mail of theirs."""
    profile = profile_of(owner)
    sent_at = min(mail.sent_at, now)
    written = sent_at.astimezone(profile.zone)
    open_steps = (
        NextStep.objects.filter(
            owner=owner,
            state=NextStep.State.OPEN,
            kind__in=[kind.value for kind in DONE_BY_YOUR_MAIL],
            not_before__lt=sent_at + timedelta(days=1),
        )
        .filter(reduce(or_, (Q(application__contacts__email__iexact=a) for a in to_contacts)))
        .select_related("application__company")
        .distinct()
        .order_by("due", "id")
    )
    step = next(
        (
            s
            for s in open_steps
            if could_be_done_by_your_mail(StepKind(s.kind), s.not_before, written)
        ),
        None,
    )
    if step is None:
        return None
    application = step.application
    try:
        with transaction.atomic():
            contact = _contact(owner, application, sorted(to_contacts))
            row = MatchedMail.objects.create(
                owner=owner,
                application=application,
                contact=contact,
                message_id=mail.message_id,
                in_reply_to=mail.in_reply_to,
                from_address=mail.from_address,
                from_name=mail.from_name,
                subject=mail.subject,
                sent_at=sent_at,
                snippet=mail.snippet,
                kind=MailKind.YOURS,
                match=Match.CONTACT,
                proposal=DONE_BY_YOUR_MAIL[StepKind(step.kind)],
                state=State.WAITING,
                taken_at=now,
            )
            whom = contact.name if contact else sorted(to_contacts)[0]
            row.stopped = stop_messages(
                owner,
                f"Not sent: you wrote to {whom} yourself on {day_label(written.date())}.",
                application=application,
                steps=[step.pk],
            )
            row.save(update_fields=["stopped"])
            return row
    except IntegrityError:
        return MatchedMail.objects.get(owner=owner, message_id=mail.message_id)


def _parent_domains(domain: str) -> list[str]:
    """`mail.acme.example` -> itself and `acme.example`: a company writes from both."""
    labels = domain.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


def _prospects(owner: User, mail: IncomingMail) -> list[Prospect]:
    """The owner's applications the mail could be about: those of a contact it is from
    (or that bounced), those of a company at its domain, and for an
    applicant-tracking system, those under way. The newest first; match() decides."""
    senders = set(mail.failed_recipients) if is_bounce(mail) else {mail.from_address}
    wanted = [Q(contacts__email__iexact=a) for a in senders if a]
    if is_applicant_tracking(mail.from_domain):
        wanted.append(Q(stage__in=ACTIVE_STAGES))
    elif mail.from_domain:
        for domain in _parent_domains(mail.from_domain):
            wanted.append(Q(contacts__email__iendswith=f"@{domain}"))
            wanted.append(Q(company__website__icontains=domain))
    if not wanted:
        return []
    applications = (
        Application.objects.filter(reduce(or_, wanted), owner=owner)
        .distinct()
        .select_related("company")
        .prefetch_related("contacts")
        .order_by("-created", "-id")
    )
    prospects = []
    for application in applications:
        addresses = [c.email.casefold() for c in application.contacts.all() if c.email]
        prospects.append(
            Prospect(
                application_id=application.pk,
                company=application.company.name,
                domains=company_domains(application.company.website, addresses),
                addresses=frozenset(addresses),
                active=application.stage in ACTIVE_STAGES,
            )
        )
    return prospects


def _kept(
    owner: User,
    application: Application,
    mail: IncomingMail,
    how: Match,
    meaning: Meaning,
    now: datetime,
) -> MatchedMail:
    proposal = meaning.proposal
    if not how.strong and meaning.kind is MailKind.REPLY and proposal is None:
        proposal = Proposal.REPLY
    bounced = [a for a in mail.failed_recipients if meaning.kind is MailKind.BOUNCE]
    return MatchedMail.objects.create(
        owner=owner,
        application=application,
        contact=_contact(owner, application, bounced or [mail.from_address]),
        message_id=mail.message_id,
        in_reply_to=mail.in_reply_to,
        from_address=mail.from_address,
        from_name=mail.from_name,
        subject=mail.subject,
        sent_at=min(mail.sent_at, now),
        snippet=mail.snippet,
        kind=meaning.kind,
        match=how,
        proposal=proposal or "",
        proposed_day=meaning.day if proposal else None,
        bounced_address=bounced[0] if bounced else "",
        state=State.WAITING if proposal else State.ACTED,
        taken_at=now,
    )


def _contact(owner: User, application: Application, addresses: list[str]) -> Contact | None:
    """The application's contact at one of `addresses`, else any of the owner's."""
    wanted = [Q(email__iexact=a) for a in addresses if a]
    if not wanted:
        return None
    contacts = Contact.objects.filter(reduce(or_, wanted), owner=owner)
    return contacts.filter(applications=application).first() or contacts.first()


def _act(row: MatchedMail, meaning: Meaning, written: datetime, profile: Profile) -> None:
    """What a strong match does at once."""
    application = row.application
    who = row.from_name or row.from_address
    if meaning.kind is MailKind.BOUNCE:
        row.stopped = stop_messages(
            row.owner,
            f"Not sent: mail to {row.bounced_address} bounced on {day_label(written.date())}; "
            "check the address.",
            to_addresses=[row.bounced_address],
        )
    elif meaning.kind is MailKind.OUT_OF_OFFICE:
        assert meaning.day is not None
        row.paused_until = meaning.day
        away = PlannedEvent(EventKind.OUT_OF_OFFICE, written, wait_until=meaning.day)
        row.event = _record(row, away)
        row.stopped = stop_messages(
            row.owner,
            f"Not sent: {who} is away until {day_label(meaning.day)}; the follow-up waits "
            "until then.",
            application=application,
            kinds=CHASING,
            before=_morning(meaning.day, profile),
        )
    else:
        # Logged by hand already: what the user scheduled since is what they chose.
        row.event = _answered(row, written)
        if row.event is None:
            reply = PlannedEvent(EventKind.EMPLOYER_REPLIED, written, channel=Channel.EMAIL)
            row.event = _record(row, reply)
            row.stopped = stop_messages(
                row.owner,
                f"Not sent: {who} replied on {day_label(written.date())}.",
                application=application,
            )
    row.save(update_fields=["paused_until", "event", "stopped"])


def _answered(row: MatchedMail, written: datetime) -> Event | None:
    """What a mail is logged as, already on the timeline from that day on: the user
    logged this reply by hand before the inbox found it. (An interview held that
    morning is no such thing.)"""
    day_start = written.replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        row.application.events.filter(kind__in=LOGGED_BY_HAND_AS, at__gte=day_start)
        .order_by("at")
        .first()
    )


def _record(row: MatchedMail, planned: PlannedEvent) -> Event | None:
    """Record the event on the timeline; None if it cannot have happened (a mail dated
    oddly), which leaves the mail matched but the timeline as it was."""
    people = [row.contact] if row.contact else []
    note = f"Their e-mail: {row.subject}" if row.subject else "Their e-mail."
    try:
        return record_event(row.application, planned, note=note, people=people).event
    except InvalidEvent:
        return None


def _morning(day: date, profile: Profile) -> datetime:
    return datetime.combine(day, MORNING, tzinfo=profile.zone)
