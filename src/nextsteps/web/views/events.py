"""Recording what happened on an application, one quick form per kind of event."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect

from nextsteps.fields import FieldRefused
from nextsteps.playbook import InvalidEvent
from nextsteps.playbook.describe import event_name
from nextsteps.tracker import services
from nextsteps.web.event_forms import EVENT_FORMS
from nextsteps.web.views.applications import render_page
from nextsteps.web.views.common import SignedInRequest, application_or_404, clock


@login_required
def log(request: SignedInRequest, application_id: int, form: str) -> HttpResponse:
    """GET: the application page with this form open. POST: record the event."""
    application = application_or_404(request, application_id)
    if form not in EVENT_FORMS:
        raise Http404("No such form.")
    now = clock(request)
    if request.method != "POST":
        return render_page(request, application, now, open_form=form)
    bound = EVENT_FORMS[form](
        request.POST, prefix=form, application=application, zone=now.zone, now=now.now
    )
    if not bound.is_valid() or bound.planned is None:
        return render_page(request, application, now, bound, 400, form)
    try:
        recorded = services.record_event(
            application, bound.planned, bound.checked_note, bound.people()
        )
    except (InvalidEvent, FieldRefused) as exc:
        # A minute later than the form's check, or a new person's details.
        bound.add_error(None, str(exc))
        return render_page(request, application, now, bound, 400, form)
    fact = recorded.event.as_planned()
    messages.success(request, f"Recorded: {event_name(fact.kind, fact.channel, fact.official)}.")
    for warning in recorded.warnings:
        messages.warning(request, f"Note that {warning}")
    return redirect("application", application.id)
