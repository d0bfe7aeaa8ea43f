"""The mail account page: sending's settings, where replies are read from, and the
button that checks both. Passwords go in and never come back out."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from nextsteps.accounts.services import profile_of
from nextsteps.outreach import services
from nextsteps.outreach.forms import InboxForm, MailAccountForm
from nextsteps.outreach.models import MailAccount
from nextsteps.web.views.common import SignedInRequest


@login_required
def mail_account(request: SignedInRequest) -> HttpResponse:
    """The account messages go out from."""
    account = services.mail_account_of(request.user)
    form = MailAccountForm(request.POST or None, initial=_sending_initial(account))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        details = services.AccountSettings(
            host=data["host"],
            port=data["port"],
            security=data["security"],
            from_address=data["from_address"],
            username=data["username"],
            daily_cap=data["daily_cap"],
        )
        try:
            services.set_mail_account(request.user, details, data["password"] or None)
        except services.Refused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Mail account saved.")
            return redirect("mail-account")
    return _page(request, account, form, InboxForm(initial=_reading_initial(account)))


@login_required
@require_POST
def inbox(request: SignedInRequest) -> HttpResponse:
    """Where replies are read from, over IMAP."""
    account = services.mail_account_of(request.user)
    form = InboxForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        settings = services.InboxSettings(
            host=data["imap_host"],
            port=data["imap_port"],
            security=data["imap_security"],
            username=data["imap_username"],
            password=data["imap_password"] or None,
        )
        try:
            services.set_inbox(request.user, settings)
        except services.Refused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Saved: nextsteps reads your replies from now on.")
            return redirect("mail-account")
    return _page(request, account, MailAccountForm(initial=_sending_initial(account)), form)


@login_required
@require_POST
def check_account(request: SignedInRequest) -> HttpResponse:
    """The Test button: connect and log in as sending and reading would, and do neither."""
    try:
        checks = services.check_mail_account(request.user)
    except services.Refused as exc:
        messages.error(request, str(exc))
    else:
        for checked in checks:
            (messages.success if checked.works else messages.error)(request, checked.sentence)
    return redirect("mail-account")


@login_required
@require_POST
def disconnect_inbox(request: SignedInRequest) -> HttpResponse:
    """Stop reading the user's mail, and forget what was read."""
    from nextsteps.inbox.sync import disconnect_inbox as disconnect

    if disconnect(request.user):
        messages.success(
            request, "Your inbox is no longer read, and what nextsteps kept of it is deleted."
        )
    return redirect("mail-account")


def _page(
    request: SignedInRequest,
    account: MailAccount | None,
    sending: MailAccountForm,
    reading: InboxForm,
) -> HttpResponse:
    context = {
        "form": sending,
        "inbox_form": reading,
        "account": account,
        "password_stored": bool(account and account.password_encrypted),
        "has_account": account is not None,
        "zone": profile_of(request.user).zone,
        "now": timezone.now(),
    }
    refused = bool(sending.errors or reading.errors)
    return render(request, "outreach/mail_account.html", context, status=400 if refused else 200)


def _sending_initial(account: MailAccount | None) -> dict[str, object]:
    if account is None:
        return {}
    return {
        "host": account.host,
        "port": account.port,
        "security": account.security,
        "from_address": account.from_address,
        "username": account.username,
        "daily_cap": account.daily_cap,
    }


def _reading_initial(account: MailAccount | None) -> dict[str, object]:
    if account is None or not account.reads_inbox:
        return {}
    return {
        "imap_host": account.imap_host,
        "imap_port": account.imap_port,
        "imap_security": account.imap_security,
        "imap_username": account.imap_username,
    }
