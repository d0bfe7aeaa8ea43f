"""The Settings page's form, made from accounts.services.SETTINGS: a setting added
there appears here by itself, as a text field unless a better one is known."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from django import forms
from django.core.exceptions import FieldDoesNotExist
from holidays.registry import COUNTRIES

from nextsteps.accounts.models import NAME, WEEKLY_TARGET, Profile
from nextsteps.accounts.services import SETTINGS, profile_settings
from nextsteps.formfields import RuleField
from nextsteps.playbook import PLAYBOOK_NAMES, load_playbook
from nextsteps.playbook.workdays import WEEKDAY_NAMES, parse_working_days
from nextsteps.web.forms import long_choice_field, timezone_choices

WEEKDAYS = [
    (name, label)
    for name, label in zip(
        WEEKDAY_NAMES,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
]


@cache
def country_choices() -> list[tuple[str, str]]:
    """Every country the holidays library knows, by name: ("GB", "United Kingdom (GB)")."""
    names = {
        codes[1]: re.sub(r"(?<=[a-z])(?=[A-Z])", " ", codes[0]) for codes in COUNTRIES.values()
    }
    known = sorted((f"{name} ({code})", code) for code, name in names.items())
    return [("", "None: no public holidays"), *((code, label) for label, code in known)]


def playbook_choices() -> list[tuple[str, str]]:
    return [(name, load_playbook(name).title) for name in PLAYBOOK_NAMES]


def _working_days() -> forms.Field:
    return forms.MultipleChoiceField(
        choices=WEEKDAYS, widget=forms.CheckboxSelectMultiple, label="Working days"
    )


# Better fields than a text box for the settings we know; each gives the text
# that accounts.services.change_profile parses.
FIELDS: dict[str, Callable[[], forms.Field]] = {
    "name": lambda: RuleField(
        NAME, label="Your name", help_text="It signs your messages and shows in their From line."
    ),
    "timezone": lambda: long_choice_field(timezone_choices),
    "country": lambda: long_choice_field(
        country_choices,
        required=False,
        label="Country",
        help_text="Its public holidays are not working days.",
    ),
    "subdivision": lambda: forms.CharField(
        max_length=8,
        required=False,
        label="Region",
        help_text="A code such as ENG for England or CA for California; empty for none.",
    ),
    "working_days": _working_days,
    "playbook": lambda: forms.ChoiceField(choices=playbook_choices, label="Playbook"),
    "weekly_target": lambda: RuleField(
        WEEKLY_TARGET,
        required=True,
        label="Applications a week",
        widget=forms.NumberInput(attrs={"min": WEEKLY_TARGET.low, "max": WEEKLY_TARGET.high}),
    ),
    "working_hours": lambda: forms.CharField(
        max_length=11,
        label="Working hours",
        help_text="When scheduled messages may go out, on your working days: 09:00-17:00.",
    ),
    "digest_time": lambda: forms.CharField(
        max_length=5,
        label="Daily digest at",
        help_text="Your steps for the day by e-mail at this time on your working days "
        "(08:00), or off.",
    ),
}


def _initial(key: str, value: object) -> object:
    if key == "working_days":
        return [WEEKDAY_NAMES[d] for d in sorted(parse_working_days(str(value)))]
    return value


def as_text(value: object) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return "" if value is None else str(value)


def _help_text(key: str) -> str:
    try:
        return str(getattr(Profile._meta.get_field(key), "help_text", ""))
    except FieldDoesNotExist:
        return ""


class SettingsForm(forms.Form):
    def __init__(self, *args: Any, profile: Profile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = profile_settings(profile)
        for key in SETTINGS:
            field = FIELDS[key]() if key in FIELDS else forms.CharField(required=False)
            if field.label is None:
                field.label = key.replace("_", " ").capitalize()
            if not field.help_text:
                field.help_text = _help_text(key)
            field.initial = _initial(key, current[key])
            self.fields[key] = field

    def texts(self) -> dict[str, str]:
        """What the user chose, as the text each setting is typed as."""
        return {key: as_text(self.cleaned_data[key]) for key in SETTINGS}
