"""The playbook engine: pure functions from an application's events to its next steps.

No Django, no I/O beyond reading the shipped playbooks, no clock: `today` and the
user's calendar are arguments.
"""

from nextsteps.playbook.book import DEFAULT_PLAYBOOK, PLAYBOOK_NAMES, Playbook, load_playbook
from nextsteps.playbook.drafting import MessageKind
from nextsteps.playbook.plan import keep_searching, plan
from nextsteps.playbook.sending import SendingCalendar, WorkingHours, best_sending_time
from nextsteps.playbook.step import Step, StepKind
from nextsteps.playbook.timeline import (
    EMPLOYER_ANSWERS,
    OUTCOMES,
    Channel,
    Culture,
    Event,
    EventKind,
    InvalidEvent,
    Stage,
    Timeline,
)
from nextsteps.playbook.tone import check_tone
from nextsteps.playbook.workdays import MORNING, Workdays, parse_working_days, public_holidays

__all__ = [
    "DEFAULT_PLAYBOOK",
    "EMPLOYER_ANSWERS",
    "MORNING",
    "OUTCOMES",
    "PLAYBOOK_NAMES",
    "Channel",
    "Culture",
    "Event",
    "EventKind",
    "InvalidEvent",
    "MessageKind",
    "Playbook",
    "SendingCalendar",
    "Stage",
    "Step",
    "StepKind",
    "Timeline",
    "Workdays",
    "WorkingHours",
    "best_sending_time",
    "check_tone",
    "keep_searching",
    "load_playbook",
    "parse_working_days",
    "plan",
    "public_holidays",
]
