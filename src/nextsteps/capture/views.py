"""The capture page: a posting's address or page in, the Add form filled in from
it out; the user checks it and saves it with a POST from this page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from nextsteps.capture import services
from nextsteps.capture.bookmarklet import bookmarklet
from nextsteps.capture.fetching import PageRefused
from nextsteps.capture.forms import CaptureForm, FindForm
from nextsteps.capture.posting import Posting
from nextsteps.playbook.timeline import Culture
from nextsteps.web import queries
from nextsteps.web.views.common import SignedInRequest, clock

NOTHING_FOUND = f"{services.NOTHING_FOUND} Add the application by hand."


@login_required
def capture(request: SignedInRequest) -> HttpResponse:
    """The form that finds the posting; what the bookmarklet sends is read at once
    (nothing is fetched until the user asks)."""
    if request.method == "POST":
        find = FindForm(request.POST)
        if not find.is_valid():
            return _find_page(request, find, status=400)
        address, html = find.cleaned_data["address"].strip(), find.cleaned_data["page"]
        try:
            posting = services.posting_in(html, address) if html else services.posting_at(address)
        except PageRefused as exc:
            find.add_error("page" if html else "address", str(exc))
            return _find_page(request, find, status=400)
        if not posting:
            find.add_error(None, NOTHING_FOUND)
            return _find_page(request, find, status=400)
        return _filled_page(request, posting)
    address, sent = request.GET.get("address", ""), request.GET.get("page", "")
    if sent:
        try:
            posting = services.posting_in(sent, address)
        except PageRefused:
            posting = Posting()
        if posting:
            return _filled_page(request, posting)
    return _find_page(request, FindForm(initial={"address": address}))


@login_required
@require_POST
def save(request: SignedInRequest) -> HttpResponse:
    form = CaptureForm(request.POST, today=clock(request).now.date())
    if not form.is_valid():
        return _render(request, {"form": form}, status=400)
    data = form.cleaned_data
    application = services.add_captured(
        request.user,
        data["company"],
        data["role"],
        location=data["location"],
        salary=data["salary"],
        posted_on=data["posted_on"],
        posting_url=data["posting_url"],
        applied_on=data["applied_on"],
        culture=Culture(data["culture"]) if data["culture"] else None,
        contact=form.details(),
        temporary=data["temporary"],
    )
    messages.success(request, f"Added {application}.")
    return redirect("application", application.id)


def _find_page(request: SignedInRequest, find: FindForm, status: int = 200) -> HttpResponse:
    link = bookmarklet(request.build_absolute_uri(reverse("capture")))
    return _render(request, {"find": find, "bookmarklet": link}, status)


def _filled_page(request: SignedInRequest, posting: Posting) -> HttpResponse:
    form = CaptureForm.filled(posting, today=clock(request).now.date())
    return _render(request, {"form": form, "found_in": " and ".join(posting.found_in)})


def _render(request: SignedInRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    companies = queries.company_names(request.user) if "form" in context else []
    context = {**context, "companies": companies}
    return render(request, "capture/capture.html", context, status=status)
