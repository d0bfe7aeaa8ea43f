"""What every view needs: the signed-in user's clock, their objects or a 404, and
where to go back to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from nextsteps.accounts.models import Profile
from nextsteps.accounts.services import profile_of
from nextsteps.tracker import services
from nextsteps.tracker.models import Application, Contact, NextStep


class SignedInRequest(HttpRequest):
    user: User


@dataclass(frozen=True)
class Clock:
    profile: Profile
    now: datetime  # on the user's clock

    @property
    def zone(self) -> ZoneInfo:
        return self.profile.zone


def clock(request: SignedInRequest) -> Clock:
    profile = profile_of(request.user)
    return Clock(profile, timezone.now().astimezone(profile.zone))


def application_or_404(request: SignedInRequest, application_id: int) -> Application:
    try:
        return services.application_of(request.user, application_id)
    except services.NotFound:
        raise Http404("No such application.") from None


def step_or_404(request: SignedInRequest, step_id: int) -> NextStep:
    try:
        return services.step_of(request.user, step_id)
    except services.NotFound:
        raise Http404("No such step.") from None


def contact_or_404(request: SignedInRequest, contact_id: int) -> Contact:
    try:
        return services.contact_of(request.user, contact_id)
    except services.NotFound:
        raise Http404("No such contact.") from None


def back_to(request: HttpRequest, default: str) -> str:
    """The page a form came from (its `next` field), when it is one of ours: a path
    on this site (a bare word would be taken for a view's name) that a Location
    header can hold."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    ours = (
        target.startswith("/")
        and target.isprintable()
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    )
    return target if ours else default
