"""What the API reads and writes, as its OpenAPI schema says."""

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Path, Schema

from nextsteps.playbook.timeline import Channel, Culture, EventKind
from nextsteps.tracker.models import Application, Contact, NextStep

# An object's number: a database's 64-bit integer, so a larger one is refused at
# the door rather than by the database.
Id = Annotated[int, Path(ge=1, le=2**63 - 1)]


class Refusal(Schema):
    detail: str = Field(description="Why, in one sentence.")


def refusals(*statuses: int) -> dict[int, type[Refusal]]:
    """What an operation may answer instead, besides 401 (no valid token), 422 (a
    request its schema does not allow) and 429 (too many requests this minute): 400
    (a value a rule refuses, or a body that is not JSON), 404 (nothing of yours by
    that number)."""
    return {status: Refusal for status in (*statuses, 401, 422, 429)}


class ApplicationOut(Schema):
    id: int
    company: str
    role: str
    posting_url: str
    source: str
    kind: str
    stage: str
    applied_on: date | None
    created: datetime
    contact_ids: list[int]

    @staticmethod
    def resolve_company(application: Application) -> str:
        return application.company.name

    @staticmethod
    def resolve_contact_ids(application: Application) -> list[int]:
        return [contact.id for contact in application.contacts.all()]


class ApplicationIn(Schema):
    company: str
    role: str
    applied_on: date | None = Field(None, description="With it, the day you sent it.")
    posting_url: str = ""
    source: str = ""
    temporary: bool = Field(False, description="Temporary or contract work.")
    culture: Culture | None = None


class ApplicationChange(Schema):
    temporary: bool = Field(description="Temporary or contract work, or a permanent job.")


class EventOut(Schema):
    id: int
    application_id: int
    kind: str
    at: datetime
    end: datetime | None
    decision_by: date | None
    wait_until: date | None
    contact_on: date | None
    due: datetime | None
    channel: str
    official: bool
    note: str
    recorded_at: datetime


class EventIn(Schema):
    kind: EventKind
    at: datetime | None = Field(
        None, description="When it happened (default: now); without an offset, on your clock."
    )
    end: datetime | None = None
    decision_by: date | None = None
    wait_until: date | None = None
    contact_on: date | None = None
    due: datetime | None = None
    channel: Channel | None = None
    official: bool = False
    note: str = ""
    contact_ids: list[Annotated[int, Field(ge=1, le=2**63 - 1)]] = Field(
        default_factory=list, max_length=50, description="Your contacts who were part of it."
    )


class RecordedOut(Schema):
    event: EventOut
    warnings: list[str]


class StepOut(Schema):
    id: int
    application_id: int
    kind: str
    title: str
    attempt: int | None
    not_before: datetime
    due: datetime
    all_day: bool
    why: str
    sources: list[str]
    state: str
    skip_reason: str
    closed_at: datetime | None

    @staticmethod
    def resolve_title(step: NextStep) -> str:
        return step.title()


class SkipIn(Schema):
    reason: str


class ContactOut(Schema):
    id: int
    name: str
    email: str
    phone: str
    title: str
    company: str

    @staticmethod
    def resolve_company(contact: Contact) -> str:
        return contact.company.name if contact.company else ""


class ContactIn(Schema):
    name: str
    email: str = ""
    phone: str = ""
    title: str = ""
    company: str = ""


class NewContactIn(ContactIn):
    application_id: Annotated[int, Field(ge=1, le=2**63 - 1)] | None = Field(
        None, description="With it, one of that application's contacts."
    )


class MessageOut(Schema):
    id: int
    application_id: int | None
    step_id: int | None
    kind: str
    to_name: str
    to_address: str
    subject: str
    body: str
    state: str
    send_at: datetime
    sent_at: datetime | None
    reason: str
