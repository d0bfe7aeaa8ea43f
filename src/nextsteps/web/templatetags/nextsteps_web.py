"""Dates as a person says them, and steps in a word, for the templates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import template

from nextsteps.playbook import StepKind
from nextsteps.playbook.humandates import long_day, say_day, say_due, say_moment
from nextsteps.playbook.step import step_name
from nextsteps.tracker.models import NextStep

register = template.Library()


@register.simple_tag(takes_context=True)
def due(context: dict[str, Any], step: NextStep) -> str:
    """ "due tomorrow 11:00" on the user's clock; needs `zone` and `now` in the context."""
    return say_due(step.due, step.all_day, context["zone"], context["now"])


@register.simple_tag(takes_context=True)
def spoken(context: dict[str, Any], value: date | datetime | None) -> str:
    if value is None:
        return ""
    zone, now = context["zone"], context["now"]
    today = now.astimezone(zone).date()
    if isinstance(value, datetime):
        return say_moment(value, zone, today)
    return say_day(value, today)


@register.filter(name="step_name")
def step_name_of(step: NextStep) -> str:
    return step_name(StepKind(step.kind), step.attempt)


@register.filter(name="long_day")
def long_day_of(day: date) -> str:
    """`Friday 6 November`."""
    return long_day(day)
