"""The use cases of the tracker. The CLI, the web pages and the API call these and
never write Event or NextStep rows themselves."""

from nextsteps.tracker.services.agenda import (
    ACTIVE_STAGES,
    Agenda,
    Urgency,
    agenda,
    applied_since,
    by_urgency,
    first_open_steps,
    has_active_applications,
    open_steps,
    search_nudge,
)
from nextsteps.tracker.services.applications import (
    add_application,
    application_of,
    change_application,
)
from nextsteps.tracker.services.contacts import (
    ContactDetails,
    add_contact,
    change_contact,
    contact_of,
    link_contact,
)
from nextsteps.tracker.services.errors import NotFound, StepRefused
from nextsteps.tracker.services.events import (
    STOPS_MESSAGES,
    Recorded,
    answered_since,
    check_event,
    moment_on,
    record_event,
    replan,
    replan_all,
    save_settings,
    timeline_of,
)
from nextsteps.tracker.services.steps import (
    NEEDS_A_FORM,
    can_start,
    complete_step,
    skip_step,
    step_of,
)

__all__ = [
    "ACTIVE_STAGES",
    "NEEDS_A_FORM",
    "STOPS_MESSAGES",
    "Agenda",
    "ContactDetails",
    "NotFound",
    "Recorded",
    "StepRefused",
    "Urgency",
    "add_application",
    "add_contact",
    "agenda",
    "answered_since",
    "application_of",
    "applied_since",
    "by_urgency",
    "can_start",
    "change_application",
    "change_contact",
    "check_event",
    "complete_step",
    "contact_of",
    "first_open_steps",
    "has_active_applications",
    "link_contact",
    "moment_on",
    "open_steps",
    "record_event",
    "replan",
    "replan_all",
    "save_settings",
    "search_nudge",
    "skip_step",
    "step_of",
    "timeline_of",
]
