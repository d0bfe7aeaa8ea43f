"""The activities page: learning, networking and temporary work, kept with their days."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from nextsteps.activities import services
from nextsteps.activities.forms import ActivityForm
from nextsteps.activities.models import Activity
from nextsteps.fields import FieldRefused
from nextsteps.playbook.habits import HABITS, ActivityKind, plan_label
from nextsteps.web.views.common import SignedInRequest, back_to, clock


def _activity_or_404(request: SignedInRequest, activity_id: int) -> Activity:
    try:
        return services.activity_of(request.user, activity_id)
    except services.NotFound:
        raise Http404("No such activity.") from None


@login_required
def index(request: SignedInRequest) -> HttpResponse:
    today = clock(request).now.date()
    form = ActivityForm(request.POST or None, today=today)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        added = services.add_activity(
            request.user, data["kind"], data["what"], data["due"], data["every"] or None
        )
        messages.success(request, f"Saved {added}.")
        return redirect("activities")
    kept = [
        {
            "activity": each.activity,
            "name": HABITS[ActivityKind(each.activity.kind)].name,
            "when": plan_label(each.activity.due, each.activity.every_days, each.last_done, today),
            "late": each.activity.due is not None and each.activity.due < today,
            "times_done": each.times_done,
        }
        for each in services.kept_activities(request.user)
    ]
    return render(
        request,
        "activities/activities.html",
        {"kept": kept, "form": form, "habits": HABITS.values()},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def done(request: SignedInRequest, activity_id: int) -> HttpResponse:
    chosen = _activity_or_404(request, activity_id)
    try:
        services.complete_activity(chosen)
    except FieldRefused as exc:
        messages.info(request, str(exc))  # a second click on a one-off's button
    else:
        messages.success(request, f"Done: {chosen}.")
    return redirect(back_to(request, reverse("activities")))


@login_required
@require_POST
def remove(request: SignedInRequest, activity_id: int) -> HttpResponse:
    chosen = _activity_or_404(request, activity_id)
    services.remove_activity(chosen)
    messages.success(request, f"Removed {chosen}. What you did stays in your report.")
    return redirect("activities")
