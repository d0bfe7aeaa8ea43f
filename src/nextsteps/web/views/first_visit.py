"""The first visit to a laptop install: the command line's user has no password yet,
so whoever sits at this computer sets one and sees the same applications in the
browser. Only from the computer itself (a loopback address), and only once."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from nextsteps.accounts import services as accounts
from nextsteps.fields import is_loopback

# Headers a proxy adds: behind one on this computer, everyone's address is loopback.
FORWARDED = ("HTTP_FORWARDED", "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP")


def from_this_computer(request: HttpRequest) -> bool:
    """`nextsteps serve` listens on a loopback address, and the request came to it
    straight from this computer."""
    served_on = urlsplit(settings.LISTENING_ON).hostname or ""
    return (
        is_loopback(served_on)
        and is_loopback(request.META.get("REMOTE_ADDR", ""))
        and not any(header in request.META for header in FORWARDED)
    )


def claimable(request: HttpRequest) -> User | None:
    """The command line's user, when this visitor may set its first password."""
    if not from_this_computer(request):
        return None
    return accounts.command_line_user_without_password()


def set_first_password(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("today")
    user = claimable(request)
    if user is None:
        raise Http404("There is no account here waiting for a password.")
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.set_password(user, form.cleaned_data["new_password1"])
        except accounts.PasswordRejected as exc:
            form.add_error("new_password1", str(exc))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Your password is set. Here is what to do today.")
            return redirect("today")
    context = {"form": form, "username": user.username}
    status = 400 if form.is_bound else 200
    return render(request, "web/first_visit.html", context, status=status)
