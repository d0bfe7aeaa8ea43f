"""The form to keep a new activity: it presents the fields' rules of activities.models."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from nextsteps.activities.models import DUE_ON, EVERY_DAYS, WHAT
from nextsteps.formfields import RuleField, clean_day
from nextsteps.playbook.habits import HABITS

DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[(kind.value, habit.name) for kind, habit in HABITS.items()], label="Kind"
    )
    what = RuleField(
        WHAT,
        required=True,
        label="What",
        help_text="A course, a person to stay in touch with, an assignment.",
    )
    due = forms.DateField(
        required=False, widget=DAY, label="On", help_text="Leave empty for today."
    )
    every = RuleField(
        EVERY_DAYS, label="Every (days)", help_text="Leave empty for something you do once."
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["every"].widget.attrs["inputmode"] = "numeric"

    def clean_due(self) -> date | None:
        return clean_day(DUE_ON, self.cleaned_data.get("due"), self.today)
