"""The use cases of messages. The CLI and the web pages call these; nothing is sent
unless the user scheduled that very message here."""

from nextsteps.outreach.services.errors import Refused
from nextsteps.outreach.services.mail_accounts import (
    MAX_DAILY_CAP,
    AccountCheck,
    AccountSettings,
    check_mail_account,
    mail_account_of,
    server_of,
    set_mail_account,
    set_sending_paused,
)
from nextsteps.outreach.services.messages import (
    EVENT_OF_MESSAGE,
    StepSend,
    cancel_message,
    check_text,
    draft,
    letter_of,
    message_of,
    messages_on_timeline,
    needing_the_user,
    outbox_of,
    queue_digest,
    record_sending,
    resolve_uncertain,
    retry_message,
    save_draft,
    schedule_message,
    step_sends,
)
from nextsteps.outreach.services.wordings import reset_template, save_template, template_names
from nextsteps.tracker.services import NotFound

__all__ = [
    "EVENT_OF_MESSAGE",
    "MAX_DAILY_CAP",
    "AccountCheck",
    "AccountSettings",
    "NotFound",
    "Refused",
    "StepSend",
    "cancel_message",
    "check_mail_account",
    "check_text",
    "draft",
    "letter_of",
    "mail_account_of",
    "message_of",
    "messages_on_timeline",
    "needing_the_user",
    "outbox_of",
    "queue_digest",
    "record_sending",
    "reset_template",
    "resolve_uncertain",
    "retry_message",
    "save_draft",
    "save_template",
    "schedule_message",
    "server_of",
    "set_mail_account",
    "set_sending_paused",
    "step_sends",
    "template_names",
]
