"""Settling a matched mail from Today or the application page: confirm records what
it was proposed as, dismiss leaves it aside. Each parses, calls a service, and goes
back to the page it came from."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from nextsteps.inbox import services
from nextsteps.inbox.forms import ConfirmForm
from nextsteps.inbox.models import MatchedMail
from nextsteps.inbox.wording import what_was_done
from nextsteps.playbook import InvalidEvent
from nextsteps.tracker.services import NotFound
from nextsteps.web.views.common import SignedInRequest, back_to, clock


def _mail_or_404(request: SignedInRequest, mail_id: int) -> MatchedMail:
    try:
        return services.matched_mail_of(request.user, mail_id)
    except NotFound:
        raise Http404("No such mail.") from None


def _refused(request: SignedInRequest, row: MatchedMail, message: str) -> HttpResponse:
    """A refusal the user can fix, or a second click on a mail already settled."""
    if row.state == MatchedMail.State.WAITING:
        return render(request, "web/refused.html", {"message": message}, status=400)
    messages.info(request, message)
    return redirect(back_to(request, reverse("today")))


@login_required
@require_POST
def confirm(request: SignedInRequest, mail_id: int) -> HttpResponse:
    row = _mail_or_404(request, mail_id)
    now = clock(request)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        errors = [e for field_errors in form.errors.values() for e in field_errors]
        return render(request, "web/refused.html", {"message": errors[0]}, status=400)
    try:
        row = services.confirm(
            request.user, row.id, now.now, form.cleaned_data["day"], form.cleaned_data["time"]
        )
    except (services.Refused, InvalidEvent) as exc:
        return _refused(request, row, str(exc))
    messages.success(request, f"{row.application}: {what_was_done(row, now.now.date())}")
    return redirect(back_to(request, reverse("today")))


@login_required
@require_POST
def dismiss(request: SignedInRequest, mail_id: int) -> HttpResponse:
    row = _mail_or_404(request, mail_id)
    try:
        services.dismiss(request.user, row.id, clock(request).now)
    except services.Refused as exc:
        return _refused(request, row, str(exc))
    messages.success(request, f"{row.application}: dismissed, nothing changed.")
    return redirect(back_to(request, reverse("today")))
