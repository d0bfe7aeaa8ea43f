from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from nextsteps.reminders import services
from nextsteps.tracker.models import Event

ICS = "text/calendar; charset=utf-8"


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The secret calendar address. A wrong or revoked token is a plain 404."""
    profile = services.owner_of_token(token)
    if profile is None:
        raise Http404
    now = timezone.now()
    etag = f'"{services.feed_version(profile, now)}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(services.feed(profile, now), content_type=ICS)
    response["ETag"] = etag
    # The address is the key to the user's plans: no cache between keeps a copy.
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def rotate(request: HttpRequest) -> HttpResponse:
    services.rotate_feed(request.user)  # type: ignore[arg-type]
    messages.success(
        request,
        "Your calendar has a new address: the old one no longer works. Subscribe to the "
        "new one in your calendar app.",
    )
    return redirect("settings")


@login_required
@require_GET
def interview(request: HttpRequest, event_id: int) -> HttpResponse:
    """One interview as an .ics file: "add to my calendar"."""
    event = get_object_or_404(
        Event.objects.select_related("application__company", "application__owner"),
        pk=event_id,
        application__owner=request.user,
        kind__in=services.INTERVIEWS,
    )
    response = HttpResponse(services.interview_file(event), content_type=ICS)
    response["Content-Disposition"] = f'attachment; filename="interview-{event.pk}.ics"'
    return response
