"""An activity as Today shows it: what, for which day, why, and its Done button."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from nextsteps.activities.models import Activity
from nextsteps.playbook.habits import HABITS, ActivityKind, plan_label


@dataclass(frozen=True)
class ActivityCard:
    id: int
    title: str
    when: str
    late: bool
    why: str
    sources: tuple[str, ...]
    done_path: str


def activity_cards(due: list[Activity], today: date) -> list[ActivityCard]:
    cards = []
    for activity in due:
        habit = HABITS[ActivityKind(activity.kind)]
        cards.append(
            ActivityCard(
                id=activity.id,
                title=f"{habit.name}: {activity.what}",
                when=plan_label(activity.due, activity.every_days, None, today),
                late=activity.due is not None and activity.due < today,
                why=habit.why,
                sources=habit.sources,
                done_path=reverse("activity-done", args=[activity.id]),
            )
        )
    return cards
