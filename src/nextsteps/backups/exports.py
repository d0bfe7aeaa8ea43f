"""The applications as a spreadsheet (CSV) and the contacts as vCards: what the user
takes to a spreadsheet, an address book or another tracker. The whole account, to
bring back into nextsteps, is the JSON backup (backups.backup)."""

from __future__ import annotations

import csv
import io
import uuid

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Prefetch

from nextsteps.accounts.services import profile_of
from nextsteps.fields import mailbox_line
from nextsteps.playbook import StepKind
from nextsteps.playbook.step import title
from nextsteps.playbook.timeline import OUTCOMES
from nextsteps.tracker.models import Application, Contact, Event
from nextsteps.tracker.services import first_open_steps

# The spreadsheet's columns, agreed with the import so that it reads them back
# (the first six are among the generic file's header names).
CSV_HEADERS = (
    "company",
    "role",
    "stage",
    "applied date",
    "url",
    "source",
    "kind",
    "outcome",
    "last event",
    "last event date",
    "next step",
    "next step due",
    "contacts",
)
# What a spreadsheet takes for the start of a formula (or, for tab and carriage
# return, a way to hide one): such a cell gets a quote first, so it shows as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The CSV's encoding: the byte order mark tells Excel the file is UTF-8.
CSV_ENCODING = "utf-8-sig"


def as_text(cell: str) -> str:
    """The cell as a spreadsheet shows it without running it."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def applications_csv(owner: User) -> bytes:
    """Every application of the owner, oldest first, one row each."""
    zone = profile_of(owner).zone
    applications = (
        Application.objects.filter(owner=owner)
        .select_related("company")
        .prefetch_related(Prefetch("contacts", Contact.objects.order_by("name", "id")))
        .order_by("id")
    )
    last_event: dict[int, tuple[str, str]] = {}
    outcome: dict[int, str] = {}
    events = (
        Event.objects.filter(application__owner=owner)
        .order_by("at", "id")
        .values_list("application_id", "kind", "at")
    )
    for application_id, kind, at in events:
        last_event[application_id] = (kind, at.astimezone(zone).date().isoformat())
        if kind in OUTCOMES:
            outcome[application_id] = kind
    next_steps = first_open_steps(owner)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADERS)
    for application in applications:
        step = next_steps.get(application.id)
        kind, day = last_event.get(application.id, ("", ""))
        row = (
            application.company.name,
            application.role,
            application.stage,
            application.applied_on.isoformat() if application.applied_on else "",
            application.posting_url,
            application.source,
            application.kind,
            outcome.get(application.id, ""),
            kind,
            day,
            title(StepKind(step.kind), application.company.name, application.role, step.attempt)
            if step
            else "",
            step.due.astimezone(zone).date().isoformat() if step else "",
            "; ".join(mailbox_line(c.name, c.email) for c in application.contacts.all()),
        )
        writer.writerow([as_text(cell) for cell in row])
    return out.getvalue().encode(CSV_ENCODING)


def contacts_vcard(owner: User) -> bytes:
    """Every contact of the owner as a vCard 3.0 (RFC 2426), which Apple Contacts,
    Google Contacts, Outlook and Thunderbird import, in name order."""
    contacts = (
        Contact.objects.filter(owner=owner)
        .select_related("company")
        .prefetch_related(
            Prefetch(
                "applications",
                Application.objects.select_related("company").order_by("id"),
            )
        )
        .order_by("name", "id")
    )
    return "".join(_card(contact) for contact in contacts).encode()


def _card(contact: Contact) -> str:
    given, _, family = contact.name.rpartition(" ")
    if not given:  # one word: a given name, as most address books file it
        given, family = family, ""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:urn:uuid:{_uid(contact)}",
        f"FN:{_escaped(contact.name)}",
        # Apple Contacts shows the structured name, not FN: the last word as the
        # family name is the best a single name field allows.
        f"N:{_escaped(family)};{_escaped(given)};;;",
    ]
    if contact.company:
        lines.append(f"ORG:{_escaped(contact.company.name)}")
    if contact.title:
        lines.append(f"TITLE:{_escaped(contact.title)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_escaped(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_escaped(contact.phone)}")
    roles = [str(application) for application in contact.applications.all()]
    if roles:
        lines.append(f"NOTE:{_escaped('Applications: ' + '; '.join(roles))}")
    lines.append("CATEGORIES:nextsteps")
    lines.append("END:VCARD")
    return "".join(_folded(line) for line in lines)


def _uid(contact: Contact) -> uuid.UUID:
    """The same for a contact in every export, so that an address book importing
    the file again updates the card instead of adding a second one."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.SITE_URL}/contacts/{contact.pk}")


def _escaped(text: str) -> str:
    """A text value as RFC 2426 writes it: backslash, comma, semicolon and line
    breaks escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _folded(line: str) -> str:
    """The line in pieces of at most 75 octets, each after the first starting with a
    space, never cutting a character's UTF-8 bytes in two."""
    pieces: list[str] = []
    piece, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append(piece)
            piece, size, limit = "", 0, 74  # the continuation's space counts
        piece += char
        size += width
    pieces.append(piece)
    return "\r\n ".join(pieces) + "\r\n"
