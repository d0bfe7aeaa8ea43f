"""The playbook engine: pure functions from an application's events to its next steps.

No Django, no I/O beyond reading the shipped playbooks, no clock: `today` and the
user's calendar are arguments.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nextsteps.playbook.book import DEFAULT_PLAYBOOK, PLAYBOOK_NAMES, Playbook, load_playbook
    from nextsteps.playbook.drafting import MessageKind
    from nextsteps.playbook.plan import keep_searching, next_step, plan
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
    "next_step",
    "parse_working_days",
    "plan",
    "public_holidays",
]

# The module of each name in __all__. A name is imported on first use, so that
# whoever needs one module (the command line's --help reads the event kinds) does
# not load the plans, the tone rules and the holidays of every country with it.
_MODULES = {
    "book": ("DEFAULT_PLAYBOOK", "PLAYBOOK_NAMES", "Playbook", "load_playbook"),
    "drafting": ("MessageKind",),
    "plan": ("keep_searching", "next_step", "plan"),
    "sending": ("SendingCalendar", "WorkingHours", "best_sending_time"),
    "step": ("Step", "StepKind"),
    "timeline": (
        "EMPLOYER_ANSWERS",
        "OUTCOMES",
        "Channel",
        "Culture",
        "Event",
        "EventKind",
        "InvalidEvent",
        "Stage",
        "Timeline",
    ),
    "tone": ("check_tone",),
    "workdays": ("MORNING", "Workdays", "parse_working_days", "public_holidays"),
}
_MODULE_OF = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = _MODULE_OF[name]
    loaded = import_module(f"{__name__}.{module}")
    # All of the module's names at once: importing `plan.py` makes `plan` the module
    # until the function of that name is bound over it.
    globals().update({each: getattr(loaded, each) for each in _MODULES[module]})
    return globals()[name]
