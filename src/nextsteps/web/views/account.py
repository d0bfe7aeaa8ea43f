"""Signing up, signing in, settings and the password."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import LoginView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from nextsteps.accounts import services as accounts
from nextsteps.reminders.digests import digest_status
from nextsteps.reminders.services import feed_url
from nextsteps.tracker import services
from nextsteps.web.forms import SignupForm
from nextsteps.web.settings_form import SettingsForm
from nextsteps.web.views.common import SignedInRequest
from nextsteps.web.views.first_visit import from_this_computer


def signup(request: HttpRequest) -> HttpResponse:
    if not settings.SIGNUP_OPEN:
        raise Http404("Sign-up is closed on this server.")
    if request.user.is_authenticated:
        return redirect("today")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = accounts.create_account(
            form.cleaned_data["username"],
            form.cleaned_data["password1"],
            form.cleaned_data["timezone"],
            form.cleaned_data["name"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome! Add the first job you applied for, or saved.")
        return redirect("add-application")
    return render(request, "web/signup.html", {"form": form}, status=400 if form.is_bound else 200)


class Login(LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "signup_open": settings.SIGNUP_OPEN,
            # On a laptop install, the account the command line uses, to log in as.
            "command_line_user": settings.CLI_USERNAME if from_this_computer(self.request) else "",
        }


login_view = Login.as_view()


@login_required
def settings_page(request: SignedInRequest) -> HttpResponse:
    profile = accounts.profile_of(request.user)
    form = SettingsForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.save_settings(request.user, form.texts())
        except accounts.SettingsRejected as exc:
            for key, message in exc.errors.items():
                form.add_error(key, message)
        else:
            messages.success(request, "Settings saved." if changed else "Nothing changed.")
            return redirect("settings")
    context = {
        "form": form,
        "calendar_url": feed_url(request.user),
        "digest": digest_status(request.user, profile),
    }
    return render(request, "web/settings.html", context, status=400 if form.is_bound else 200)


@login_required
def password(request: SignedInRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        messages.success(request, "Password changed.")
        return redirect("settings")
    return render(
        request, "web/password.html", {"form": form}, status=400 if form.is_bound else 200
    )
