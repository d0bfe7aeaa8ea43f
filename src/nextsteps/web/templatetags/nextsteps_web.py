"""Dates as a person says them, and steps in a word, for the templates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import template

from nextsteps.humandates import say_day, say_due, say_moment
from nextsteps.tracker.models import NextStep
from nextsteps.web.cards import short_label

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


@register.filter
def step_label(step: NextStep) -> str:
    return short_label(step.kind, step.attempt)
