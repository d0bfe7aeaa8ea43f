"""Confirming a matched mail: an invitation takes the interview's day and time, which
the mail may have named; the rest confirm with one click."""

from __future__ import annotations

from django import forms

DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ConfirmForm(forms.Form):
    day = forms.DateField(
        widget=DAY,
        required=False,
        label="Interview day",
        error_messages={"invalid": "The day must be a date like 2026-11-13."},
    )
    time = forms.TimeField(
        widget=TIME,
        required=False,
        label="Time",
        error_messages={"invalid": "The time must look like 14:30."},
    )
