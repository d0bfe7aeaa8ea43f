"""How many wrong passwords a login takes before it waits, counted in the database so
that every web process on every machine sees the same count.

django-axes counts the failures of one account from one address and holds that pair
back: a flood against one account locks out no other user of the address. Axes has
one failure limit for all it counts, so the count per address alone, with its own
higher limit, is added here from axes' own rows (one per account, address and
browser, deleted by axes once their cool-off has passed)."""

from __future__ import annotations

from ipaddress import ip_address
from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def failures_from_address(request: HttpRequest) -> int:
    """The failed logins from the request's address against any accounts in the
    last cool-off (an account tried again within it brings its earlier failures
    along, as axes counts them)."""
    recent = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,  # type: ignore[attr-defined]
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return recent.aggregate(failures=Sum("failures_since_start"))["failures"] or 0


def address_is_flooding(request: HttpRequest) -> bool:
    return failures_from_address(request) >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS


class AccountAndAddressLimits(AxesDatabaseHandler):  # type: ignore[misc]  # axes has no types
    """Axes' limit per account and address, and the limit per address alone."""

    def is_locked(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> bool:
        return super().is_locked(request, credentials) or address_is_flooding(request)

    def user_login_failed(
        self,
        sender: Any,
        credentials: dict[str, Any],
        request: HttpRequest | None = None,
        **kwargs: Any,
    ) -> None:
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or request.axes_locked_out:  # type: ignore[attr-defined]
            return
        if address_is_flooding(request):
            request.axes_locked_out = True  # type: ignore[attr-defined]
            request.axes_credentials = credentials  # type: ignore[attr-defined]
            user_locked_out.send(
                "axes",
                request=request,
                username=credentials.get("username"),
                ip_address=request.axes_ip_address,  # type: ignore[attr-defined]
            )


def client_address(request: HttpRequest) -> str | None:
    """The address a login is counted against. Behind NEXTSTEPS_TRUSTED_PROXIES
    proxies, the one the outermost of them saw: each proxy appends the address it
    was reached from to X-Forwarded-For, so that is the entry as many places from
    the end as there are proxies; anything before it the client could have written.
    Without trusted proxies the header is ignored, as anyone can send it."""
    connected_from: str | None = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXIES
    if not proxies:
        return connected_from
    forwarded_for = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded_for) < proxies:
        # Fewer hops than proxies: the request skipped one; count it at its own address.
        return connected_from
    candidate = forwarded_for[-proxies].strip()
    try:
        return str(ip_address(candidate))
    except ValueError:
        return connected_from
