"""Playbooks: the numbers of the etiquette, as data.

A playbook is a TOML file in `playbooks/`; see `seven-day.toml` for the schema,
one commented key per number. Nothing in the rules hard-codes a number.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from importlib import resources

from nextsteps.playbook import sources
from nextsteps.playbook.step import StepKind

# The first one is the default.
PLAYBOOK_NAMES = ("seven-day", "persistent")
DEFAULT_PLAYBOOK = PLAYBOOK_NAMES[0]

_SECTIONS: dict[str, frozenset[str]] = {
    "interview": frozenset({"length_minutes", "prepare_days_before"}),
    "thank_you": frozenset({"within_hours"}),
    "handwritten_note": frozenset({"from_days", "by_days"}),
    "materials": frozenset({"by_working_days"}),
    "follow_up": frozenset({"after_days", "every_days", "attempts", "how"}),
    "move_on": frozenset({"after_days"}),
    "check_in": frozenset({"after_days", "attempts"}),
    "rejection": frozenset({"reply_within_days"}),
    "keep_searching": frozenset({"every_days"}),
    "offer": frozenset({"in_writing_within_working_days", "answer_within_working_days"}),
    "out_of_office": frozenset({"pause_days"}),
    "lapses": frozenset(kind.value for kind in StepKind),
}
_OPTIONAL = frozenset({("follow_up", "attempts"), ("move_on", "after_days")})
_TOP_LEVEL = frozenset({"name", "title", "description", "follows"})
NEVER = "never"


@dataclass(frozen=True)
class Playbook:
    """One playbook, as parsed from its TOML file. Each number is one TOML key:
    `follow_up_after_days` is `[follow_up] after_days`, `note_from_days` is
    `[handwritten_note] from_days`; `from_toml` holds the whole mapping."""

    name: str
    title: str
    description: str
    follows: str  # the title of the article whose follow-up cadence this applies
    interview_minutes: int
    prepare_days_before: int
    thank_you_hours: int
    note_from_days: int
    note_by_days: int
    materials_working_days: int
    follow_up_after_days: int
    follow_up_every_days: int
    follow_up_attempts: int | None  # None: until an outcome
    follow_up_how: str
    move_on_after_days: int | None  # None: never tell the user to give up
    check_in_after_days: int
    check_in_attempts: int
    rejection_reply_days: int
    keep_searching_days: int
    offer_in_writing_working_days: int
    offer_answer_working_days: int
    out_of_office_days: int
    # How long after its due time each kind of step is still worth doing; None:
    # however late. See [lapses] in seven-day.toml.
    lapse_days: Mapping[StepKind, int | None] = field(hash=False)

    def lapse_window(self, kind: StepKind) -> timedelta | None:
        days = self.lapse_days[kind]
        return None if days is None else timedelta(days=days)

    @classmethod
    def from_toml(cls, text: str) -> Playbook:
        """Parse and check a playbook; raises ValueError with one sentence on bad data."""
        data = tomllib.loads(text)
        _refuse_unknown_keys(data)
        table = _Table(data)
        playbook = cls(
            name=table.text("", "name"),
            title=table.text("", "title"),
            description=table.text("", "description"),
            follows=table.text("", "follows"),
            interview_minutes=table.number("interview", "length_minutes", least=1),
            prepare_days_before=table.number("interview", "prepare_days_before"),
            thank_you_hours=table.number("thank_you", "within_hours", least=1),
            note_from_days=table.number("handwritten_note", "from_days"),
            note_by_days=table.number("handwritten_note", "by_days"),
            materials_working_days=table.number("materials", "by_working_days", least=1),
            follow_up_after_days=table.number("follow_up", "after_days", least=1),
            follow_up_every_days=table.number("follow_up", "every_days", least=1),
            follow_up_attempts=table.optional_number("follow_up", "attempts", least=1),
            follow_up_how=table.text("follow_up", "how"),
            move_on_after_days=table.optional_number("move_on", "after_days", least=1),
            check_in_after_days=table.number("check_in", "after_days", least=1),
            check_in_attempts=table.number("check_in", "attempts"),
            rejection_reply_days=table.number("rejection", "reply_within_days", least=1),
            keep_searching_days=table.number("keep_searching", "every_days", least=1),
            offer_in_writing_working_days=table.number(
                "offer", "in_writing_within_working_days", least=1
            ),
            offer_answer_working_days=table.number("offer", "answer_within_working_days", least=1),
            out_of_office_days=table.number("out_of_office", "pause_days", least=1),
            lapse_days={kind: table.days_or_never("lapses", kind.value) for kind in StepKind},
        )
        playbook._check_consistency()
        return playbook

    def _check_consistency(self) -> None:
        if self.follows not in sources.ALL:
            raise ValueError(f"Playbook {self.name!r} follows an unknown article {self.follows!r}.")
        if self.note_by_days < self.note_from_days:
            raise ValueError(f"Playbook {self.name!r}: the note's by_days is before from_days.")
        if self.move_on_after_days is not None and self.follow_up_attempts is None:
            raise ValueError(
                f"Playbook {self.name!r} has [move_on] but no follow_up.attempts to move on after."
            )


def load_playbook(name: str) -> Playbook:
    """One of the shipped playbooks by name; ValueError naming them for any other."""
    if name not in PLAYBOOK_NAMES:
        raise ValueError(
            f"There is no playbook called {name!r}; choose one of {', '.join(PLAYBOOK_NAMES)}."
        )
    return _load_shipped(name)


@cache
def _load_shipped(name: str) -> Playbook:
    text = (
        resources.files("nextsteps.playbook")
        .joinpath("playbooks", f"{name}.toml")
        .read_text(encoding="utf-8")
    )
    playbook = Playbook.from_toml(text)
    if playbook.name != name:
        raise ValueError(f"The file {name}.toml holds a playbook named {playbook.name!r}.")
    return playbook


def _refuse_unknown_keys(data: Mapping[str, object]) -> None:
    """A misspelt key would otherwise silently keep a number out of the plan."""
    for key, value in data.items():
        if key in _TOP_LEVEL:
            continue
        if key not in _SECTIONS or not isinstance(value, dict):
            raise ValueError(f"A playbook has no setting called {key!r}.")
        unknown = sorted(set(value) - _SECTIONS[key])
        if unknown:
            raise ValueError(f"A playbook's [{key}] has no setting called {unknown[0]!r}.")


@dataclass(frozen=True)
class _Table:
    data: Mapping[str, object]

    def _value(self, section: str, key: str) -> object:
        table: object = self.data if not section else self.data.get(section, {})
        if not isinstance(table, Mapping):
            raise ValueError(f"A playbook's {section!r} must be a table.")
        return table.get(key)

    def text(self, section: str, key: str) -> str:
        value = self._value(section, key)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"A playbook needs {_where(section, key)} as a non-empty string.")
        return value

    def number(self, section: str, key: str, least: int = 0) -> int:
        value = self.optional_number(section, key, least)
        if value is None:
            raise ValueError(f"A playbook needs {_where(section, key)}.")
        return value

    def optional_number(self, section: str, key: str, least: int = 0) -> int | None:
        value = self._value(section, key)
        if value is None and (section, key) in _OPTIONAL:
            return None
        # bool is an int in Python, but `true` is not a number of days.
        if not isinstance(value, int) or isinstance(value, bool) or value < least:
            raise ValueError(
                f"A playbook needs {_where(section, key)} as a whole number of at least {least}."
            )
        return value

    def days_or_never(self, section: str, key: str) -> int | None:
        value = self._value(section, key)
        if value == NEVER:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(
                f'A playbook needs {_where(section, key)} as a whole number of days or "{NEVER}".'
            )
        return value


def _where(section: str, key: str) -> str:
    return f"{section}.{key}" if section else key
