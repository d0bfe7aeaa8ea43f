"""The use cases of the inbox. The sync calls take_in() with each mail it fetched; the
web pages and the command line list what was matched and settle what waits."""

from nextsteps.inbox.services.errors import Refused
from nextsteps.inbox.services.settling import (
    NEEDS_A_DAY,
    Glance,
    bounced,
    confirm,
    dismiss,
    glance,
    inbox_of,
    mails_of,
    matched_mail_of,
    purge,
    waiting_for,
)
from nextsteps.inbox.services.taking import take_in, take_in_many

__all__ = [
    "NEEDS_A_DAY",
    "Glance",
    "Refused",
    "bounced",
    "confirm",
    "dismiss",
    "glance",
    "inbox_of",
    "mails_of",
    "matched_mail_of",
    "purge",
    "take_in",
    "take_in_many",
    "waiting_for",
]
