"""Contacts: the people at the employers, their applications, and when the user
last reached them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from nextsteps.inbox import services as inbox
from nextsteps.inbox.wording import bounced_here
from nextsteps.tracker import services
from nextsteps.web import queries
from nextsteps.web.forms import ContactForm
from nextsteps.web.views.common import SignedInRequest, back_to, clock, contact_or_404


@login_required
def index(request: SignedInRequest) -> HttpResponse:
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        details = form.details()
        assert details is not None  # the form requires a name
        services.add_contact(request.user, details, form.cleaned_data["company"])
        messages.success(request, f"Added {details.name}.")
        return redirect("contacts")
    now = clock(request)
    people = [(c, queries.last_contacted(c)) for c in queries.contacts(request.user)]
    return render(
        request,
        "web/contacts.html",
        {
            "people": people,
            "form": form,
            "companies": queries.company_names(request.user),
            "zone": now.zone,
            "now": now.now,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
def edit(request: SignedInRequest, contact_id: int) -> HttpResponse:
    contact = contact_or_404(request, contact_id)
    form = ContactForm(request.POST) if request.method == "POST" else ContactForm.of(contact)
    if request.method == "POST" and form.is_valid():
        details = form.details()
        assert details is not None
        services.change_contact(contact, details, form.cleaned_data["company"])
        messages.success(request, f"Saved {details.name}.")
        return redirect(back_to(request, reverse("contacts")))
    now = clock(request)
    bounce = inbox.bounced(request.user, [contact.email]).get(contact.email.casefold())
    return render(
        request,
        "web/contact.html",
        {
            "contact": contact,
            "bounced": bounced_here(bounce, now.zone, now.now.date()) if bounce else "",
            "form": form,
            "applications": contact.applications.select_related("company").order_by("-id"),
            "companies": queries.company_names(request.user),
            "next": back_to(request, ""),
        },
        status=400 if form.is_bound else 200,
    )
