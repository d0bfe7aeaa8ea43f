"""Adding an application, and its page: the plan with its reasons, the quick forms
for what happened, the timeline and the people."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from nextsteps.inbox import services as inbox
from nextsteps.inbox.cards import mail_card
from nextsteps.inbox.wording import bounced_here
from nextsteps.outreach.services import messages_on_timeline, step_sends
from nextsteps.playbook import StepKind
from nextsteps.playbook.timeline import Culture
from nextsteps.tracker import services
from nextsteps.tracker.models import Application, Contact
from nextsteps.web import queries
from nextsteps.web.cards import card
from nextsteps.web.event_forms import EVENT_FORMS, EventForm
from nextsteps.web.forms import ApplicationForm, PersonForm
from nextsteps.web.timeline import lines
from nextsteps.web.views.common import Clock, SignedInRequest, application_or_404, clock


@login_required
def add(request: SignedInRequest) -> HttpResponse:
    now = clock(request)
    form = ApplicationForm(request.POST or None, today=now.now.date())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        application = services.add_application(
            request.user,
            data["company"],
            data["role"],
            applied_on=data["applied_on"],
            culture=Culture(data["culture"]) if data["culture"] else None,
            contact=form.details(),
            posting_url=data["posting_url"],
            temporary=data["temporary"],
        )
        messages.success(request, f"Added {application}.")
        return redirect("application", application.id)
    return render(
        request,
        "web/add_application.html",
        {"form": form, "companies": queries.company_names(request.user)},
        status=400 if form.is_bound else 200,
    )


@login_required
def page(request: SignedInRequest, application_id: int) -> HttpResponse:
    application = application_or_404(request, application_id)
    return render_page(request, application, clock(request))


def render_page(
    request: SignedInRequest,
    application: Application,
    now: Clock,
    bound: EventForm | PersonForm | None = None,
    status: int = 200,
    open_form: str = "",
) -> HttpResponse:
    """The application page, with `bound` (a form the user sent back with a mistake)
    in place of its empty twin, and `open_form` unfolded."""
    plan = services.plan_of(application, now.now)
    steps = plan.to_do
    reflect_first = any(s.kind == StepKind.REFLECT for s in steps)
    forms: list[tuple[str, EventForm]] = []
    for name, form_class in EVENT_FORMS.items():
        if name == "reflection" and not reflect_first:
            continue
        if isinstance(bound, form_class):
            forms.append((name, bound))
        else:
            forms.append(
                (name, form_class(prefix=name, application=application, zone=now.zone, now=now.now))
            )
    today = now.now.date()
    sends = step_sends(request.user, [s.id for s in steps])
    people = list(application.contacts.order_by("name", "id"))
    bounces = inbox.bounced(request.user, [p.email for p in people])
    events = queries.timeline(application)
    sent = messages_on_timeline(application, events)
    context: dict[str, Any] = {
        "application": application,
        "cards": [card(s, now.zone, now.now, sends.get(s.id)) for s in steps],
        "forms": forms,
        "open_form": open_form or ("reflection" if reflect_first else ""),
        "timeline": lines(events, sent, plan.missed, now.zone, today),
        "skipped": plan.skipped,
        "mails": [mail_card(m, now.zone, now.now) for m in inbox.mails_of(application)],
        "people": people,
        # Each person, and the warning that mail to their address bounced, if it did.
        "people_notes": [
            (p, bounced_here(bounces[p.email.casefold()], now.zone, today))
            if p.email.casefold() in bounces
            else (p, "")
            for p in people
        ],
        "person_form": bound if isinstance(bound, PersonForm) else person_form(request, people),
        "zone": now.zone,
        "now": now.now,
    }
    return render(request, "web/application.html", context, status=status)


def person_form(request: SignedInRequest, people: list[Contact], data: Any = None) -> PersonForm:
    others = Contact.objects.filter(owner=request.user).exclude(id__in=[p.id for p in people])
    return PersonForm(data, prefix="person", choices=others.order_by("name"))


@login_required
@require_POST
def add_person(request: SignedInRequest, application_id: int) -> HttpResponse:
    application = application_or_404(request, application_id)
    people = list(application.contacts.all())
    form = person_form(request, people, request.POST)
    if not form.is_valid():
        return render_page(request, application, clock(request), form, 400, "person")
    known = form.cleaned_data["known"]
    if known is not None:
        services.link_contact(application, known)
        messages.success(request, f"{known.name} is now a contact for this application.")
    else:
        details = form.details()
        assert details is not None  # the form requires a name when nobody is picked
        services.add_contact(request.user, details, application=application)
        messages.success(request, f"Added {details.name}.")
    return redirect("application", application.id)


@login_required
@require_POST
def set_temporary(request: SignedInRequest, application_id: int) -> HttpResponse:
    """Temporary or contract work (003: "taking temporary assignments in the meantime"):
    accepting it keeps the search going. The checkbox's state is the whole answer."""
    application = application_or_404(request, application_id)
    temporary = request.POST.get("temporary") == "on"
    services.change_application(application, temporary=temporary)
    kind = "temporary or contract work" if temporary else "a permanent job"
    messages.success(request, f"{application} is {kind}.")
    return redirect("application", application.id)
