"""The use cases of messages. The CLI and the web pages call these; nothing is sent
unless the user scheduled that very message here."""

from nextsteps.outreach.services.errors import Refused
from nextsteps.outreach.services.mail_accounts import (
    MAX_DAILY_CAP,
    AccountSettings,
    mail_account_of,
    set_mail_account,
    set_sending_paused,
)
from nextsteps.outreach.services.messages import (
    EVENT_OF_MESSAGE,
    cancel_message,
    check_text,
    draft,
    letter_of,
    message_of,
    outbox_of,
    queue_digest,
    record_sending,
    resolve_uncertain,
    schedule_message,
    scheduled_sends,
)
from nextsteps.outreach.services.wordings import reset_template, save_template, template_names
from nextsteps.tracker.services import NotFound

__all__ = [
    "EVENT_OF_MESSAGE",
    "MAX_DAILY_CAP",
    "AccountSettings",
    "NotFound",
    "Refused",
    "cancel_message",
    "check_text",
    "draft",
    "letter_of",
    "mail_account_of",
    "message_of",
    "outbox_of",
    "queue_digest",
    "record_sending",
    "reset_template",
    "resolve_uncertain",
    "save_template",
    "schedule_message",
    "scheduled_sends",
    "set_mail_account",
    "set_sending_paused",
    "template_names",
]
