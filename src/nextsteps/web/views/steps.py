"""A step's two actions: done (which records its event) and skip (with a reason)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from nextsteps.playbook import StepKind
from nextsteps.playbook.step import STEP_WORDS
from nextsteps.tracker import services
from nextsteps.web.cards import card
from nextsteps.web.forms import SkipForm
from nextsteps.web.views.common import SignedInRequest, back_to, clock, step_or_404


@login_required
@require_POST
def done(request: SignedInRequest, step_id: int) -> HttpResponse:
    step = step_or_404(request, step_id)
    now = clock(request)
    try:
        recorded = services.complete_step(step, now.now)
    except services.StepRefused as exc:
        if step.state == step.State.OPEN:
            return render(request, "web/refused.html", {"message": str(exc)}, status=409)
        messages.info(request, str(exc))  # a second click on the same button
    else:
        application = step.application
        label = STEP_WORDS[StepKind(step.kind)].done
        messages.success(request, f"{label}: recorded for {application}.")
        for warning in recorded.warnings:
            messages.warning(request, f"Note that {warning}")
    return redirect(back_to(request, reverse("today")))


@login_required
def skip(request: SignedInRequest, step_id: int) -> HttpResponse:
    step = step_or_404(request, step_id)
    now = clock(request)
    form = SkipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.skip_step(step, form.cleaned_data["reason"], now.now)
        except services.StepRefused as exc:
            messages.info(request, str(exc))
        else:
            messages.success(request, "Skipped. It won't come back unless the plan changes.")
        return redirect(back_to(request, reverse("today")))
    return render(
        request,
        "web/skip.html",
        {"card": card(step, now.zone, now.now), "form": form, "next": back_to(request, "")},
        status=400 if form.is_bound else 200,
    )
