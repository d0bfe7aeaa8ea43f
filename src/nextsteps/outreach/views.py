"""The message pages: the draft editor on a step, the outbox and the user's own
templates (the mail account's are in account_views). Each view parses, calls a
service, renders."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from nextsteps.accounts.services import profile_of
from nextsteps.outreach import drafts, services
from nextsteps.outreach.emails import CannotBuild, as_eml, mailto_link
from nextsteps.outreach.forms import MessageForm, TemplateForm
from nextsteps.outreach.models import Message
from nextsteps.outreach.templating import TemplateRefused, shipped
from nextsteps.playbook import StepKind
from nextsteps.playbook.drafting import (
    MESSAGE_NAMES,
    MessageKind,
    message_kind_of_step,
)
from nextsteps.playbook.humandates import say_moment, say_sending
from nextsteps.tracker.models import NextStep
from nextsteps.tracker.services import NotFound
from nextsteps.web.views.common import SignedInRequest, back_to, step_or_404


def _message(request: SignedInRequest, message_id: int) -> Message:
    try:
        return services.message_of(request.user, message_id)
    except NotFound:
        raise Http404("No such message.") from None


def _kind(step: NextStep, asked: str | None) -> MessageKind:
    """The message for the step: its own, or a call script where a call fits."""
    step_kind = StepKind(step.kind)
    if asked == "call_script" and drafts.can_call(step):
        return MessageKind.CALL_SCRIPT
    kind = message_kind_of_step(step_kind, step.attempt)
    if kind is None:
        raise Http404("This step is not a message.")
    return kind


# The editor's buttons: when to send it, or only check the text again.
SEND_BUTTONS = ("best", "now", "at")


def template_refusals(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page whose draft comes from the user's own template: a template that
    cannot render (over its time or size budget, say) is a sentence, not a 500."""

    @functools.wraps(view)
    def wrapped(request: SignedInRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except TemplateRefused as exc:
            message = f"Your template for this message cannot be used: {exc}"
            return render(request, "web/refused.html", {"message": message}, status=400)

    return wrapped


@login_required
@template_refusals
def editor(request: SignedInRequest, step_id: int) -> HttpResponse:
    """The draft of a step's message, its tone flags, and the ways to send it."""
    step = step_or_404(request, step_id)
    kind = _kind(step, request.GET.get("kind"))
    now = timezone.now()
    zone = profile_of(request.user).zone
    if request.method != "POST":
        draft = services.draft(request.user, step, kind, now)
        form = MessageForm(initial={"subject": draft.subject, "body": draft.body})
        return _editor_page(request, step, draft, form)
    action = request.POST.get("action", "check")
    if action == "discard":
        services.discard_draft(request.user, step, kind)
        messages.success(request, "Your saved text is gone: this is nextsteps' draft again.")
        return redirect(_editor_url(request, step, kind))
    form = MessageForm(request.POST, sending_at_a_chosen_time=action == "at")
    if not form.is_valid():
        draft = services.draft(request.user, step, kind, now)
        return _editor_page(request, step, draft, form, status=400)
    subject, body = form.cleaned_data["subject"], form.cleaned_data["body"]
    send_at = form.chosen_time(zone) if action == "at" else None
    draft = services.check_text(request.user, step, kind, subject, body, now, send_at)
    if action == "save":
        return _save_draft(request, step, kind, form, draft)
    if action not in SEND_BUTTONS:
        return _editor_page(request, step, draft, form)
    try:
        message = services.schedule_message(
            request.user, step, kind, subject, body, send_at=send_at, send_now=action == "now"
        )
    except services.Refused as exc:
        form.add_error(None, str(exc))
        return _editor_page(request, step, draft, form, status=409)
    today = now.astimezone(zone).date()
    name = MESSAGE_NAMES[kind].capitalize()
    messages.success(request, f"{name} scheduled: {say_sending(message.send_at, zone, today)}")
    return redirect(back_to(request, reverse("application", args=[step.application_id])))


def _editor_url(request: SignedInRequest, step: NextStep, kind: MessageKind) -> str:
    """The editor again, for the same message and the same way back."""
    query = {"kind": kind.value} if kind == MessageKind.CALL_SCRIPT else {}
    back = back_to(request, "")
    if back:
        query["next"] = back
    path = reverse("message-editor", args=[step.id])
    return f"{path}?{urlencode(query)}" if query else path


def _save_draft(
    request: SignedInRequest,
    step: NextStep,
    kind: MessageKind,
    form: MessageForm,
    draft: drafts.Draft,
) -> HttpResponse:
    """Keep the text as typed: the editor shows it next time and sending sends it."""
    subject, body = form.cleaned_data["subject"], form.cleaned_data["body"]
    try:
        services.save_draft(request.user, step, kind, subject, body, timezone.now())
    except services.Refused as exc:
        form.add_error(None, str(exc))
        return _editor_page(request, step, draft, form, status=409)
    messages.success(request, "Draft saved: it is here when you come back, and sending sends it.")
    return redirect(_editor_url(request, step, kind))


def _editor_page(
    request: SignedInRequest,
    step: NextStep,
    draft: drafts.Draft,
    form: MessageForm,
    status: int = 200,
) -> HttpResponse:
    zone = profile_of(request.user).zone
    letter = services.letter_of(draft)
    application = step.application
    # A message already on its way (or in doubt) for this step: say so, not "Send".
    send = services.step_sends(request.user, [step.id]).get(step.id)
    on_its_way = send if send is not None and send.state != Message.State.FAILED else None
    today = timezone.now().astimezone(zone).date()
    to = draft.to_name or application.company.name
    at_company = f" at {application.company.name}" if draft.to_name else ""
    context: dict[str, Any] = {
        "step": step,
        "application": application,
        "draft": draft,
        "heading": f"{MESSAGE_NAMES[draft.kind].capitalize()} to {to}{at_company}",
        "form": form,
        "best_time": draft.best_time,
        "mailto": mailto_link(letter),
        "has_account": services.mail_account_of(request.user) is not None,
        "contact": drafts.contact_of(application),
        "on_its_way": on_its_way,
        "on_its_way_sentence": on_its_way.sentence(zone, today) if on_its_way else "",
        "call_script": drafts.can_call(step),
        "next": back_to(request, ""),
        "zone": zone,
        "now": timezone.now(),
    }
    template = (
        "outreach/_flags.html" if request.headers.get("HX-Request") else "outreach/editor.html"
    )
    return render(request, template, context, status=status)


@login_required
@template_refusals
def eml(request: SignedInRequest, step_id: int) -> HttpResponse:
    """The message as an .eml file to open in the user's own mail program: the draft,
    or (posted from the editor) the text as edited."""
    step = step_or_404(request, step_id)
    kind = _kind(step, request.GET.get("kind"))
    draft = services.draft(request.user, step, kind, timezone.now())
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not form.is_valid():
            return _cannot_download(request, " ".join(_sentences(form)))
        draft = services.check_text(
            request.user,
            step,
            kind,
            form.cleaned_data["subject"],
            form.cleaned_data["body"],
            timezone.now(),
        )
    try:
        eml = as_eml(services.letter_of(draft))
    except CannotBuild as exc:
        return _cannot_download(request, str(exc))
    response = HttpResponse(eml, content_type="message/rfc822")
    response["Content-Disposition"] = f'attachment; filename="{kind.value}-{step.id}.eml"'
    return response


# Each state in a word, for the outbox's list.
STATE_WORDS = {
    Message.State.SCHEDULED: "Scheduled",
    Message.State.SENDING: "Sending",
    Message.State.SENT: "Sent",
    Message.State.FAILED: "Not sent",
    Message.State.CANCELLED: "Cancelled",
    Message.State.UNCERTAIN: "Perhaps sent",
}


@dataclass(frozen=True)
class OutboxRow:
    message: Message
    state: str
    status: str  # what became of it, and what to do, in words
    what: str  # "Thank-you to Jane Doe", "Your daily digest"


def _status(message: Message, zone: tzinfo, today: date) -> str:
    if message.state == Message.State.SENT and message.sent_at:
        return f"Sent {say_moment(message.sent_at, zone, today)}."
    if message.state == Message.State.CANCELLED:
        return message.reason
    send = services.StepSend(
        message.id, message.state, message.send_at, message.attempts, message.reason
    )
    return send.sentence(zone, today)


def _what(message: Message) -> str:
    if message.is_digest:
        return "Your daily digest"
    name = MESSAGE_NAMES[MessageKind(message.kind)].capitalize()
    return f"{name} to {message.to_name or message.to_address}"


def _sentences(form: MessageForm) -> list[str]:
    return [str(error) for errors in form.errors.values() for error in errors]


def _cannot_download(request: SignedInRequest, reason: str) -> HttpResponse:
    message = f"This message cannot be downloaded as an e-mail: {reason}"
    return render(request, "web/refused.html", {"message": message}, status=400)


def _row(message: Message, zone: tzinfo, today: date) -> OutboxRow:
    return OutboxRow(
        message=message,
        state=STATE_WORDS[Message.State(message.state)],
        status=_status(message, zone, today),
        what=_what(message),
    )


@login_required
def outbox(request: SignedInRequest) -> HttpResponse:
    """Every message with its state in words; those that need the user come first."""
    zone = profile_of(request.user).zone
    today = timezone.now().astimezone(zone).date()
    rows = [_row(m, zone, today) for m in services.outbox_of(request.user)]
    waiting = set(services.needing_the_user(request.user).values_list("id", flat=True))
    needs_you = [r for r in rows if r.message.id in waiting]
    context = {
        "needs_you": needs_you,
        "rows": [r for r in rows if r not in needs_you],
        "account": services.mail_account_of(request.user),
    }
    return render(request, "outreach/outbox.html", context)


@login_required
def message_page(request: SignedInRequest, message_id: int) -> HttpResponse:
    """One message as it was (or will be) sent, what became of it, and what to do."""
    message = _message(request, message_id)
    zone = profile_of(request.user).zone
    today = timezone.now().astimezone(zone).date()
    context = {
        "row": _row(message, zone, today),
        "needs": services.needing_the_user(request.user).filter(id=message.id).exists(),
    }
    return render(request, "outreach/message.html", context)


@login_required
@require_POST
def cancel(request: SignedInRequest, message_id: int) -> HttpResponse:
    message = _message(request, message_id)
    try:
        services.cancel_message(request.user, message.id)
    except services.Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Cancelled: it will not be sent.")
    return redirect(back_to(request, reverse("outbox")))


@login_required
@require_POST
def retry(request: SignedInRequest, message_id: int) -> HttpResponse:
    """A failed message back in the queue, as it was scheduled."""
    message = _message(request, message_id)
    try:
        retried = services.retry_message(request.user, message.id)
    except services.Refused as exc:
        messages.error(request, str(exc))
    else:
        zone = profile_of(request.user).zone
        today = timezone.now().astimezone(zone).date()
        messages.success(request, f"Retrying: {say_sending(retried.send_at, zone, today)}")
    return redirect(back_to(request, reverse("outbox")))


@login_required
@require_POST
def resolve(request: SignedInRequest, message_id: int) -> HttpResponse:
    """The user's answer for an uncertain message, after looking in their Sent folder."""
    message = _message(request, message_id)
    went_out = request.POST.get("went_out") == "yes"
    try:
        services.resolve_uncertain(request.user, message.id, went_out)
    except services.Refused as exc:
        messages.error(request, str(exc))
    return redirect(back_to(request, reverse("outbox")))


@login_required
@require_POST
def pause(request: SignedInRequest) -> HttpResponse:
    """The "pause all sending" switch."""
    paused = request.POST.get("paused") == "yes"
    try:
        services.set_sending_paused(request.user, paused)
    except services.Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Sending is paused." if paused else "Sending is on.")
    return redirect("outbox")


@login_required
def message_template(request: SignedInRequest, kind: str) -> HttpResponse:
    """The user's own wording for one kind of message; runs in a sandbox."""
    try:
        message_kind_ = MessageKind(kind)
    except ValueError:
        raise Http404("No such kind of message.") from None
    own = drafts.wording_for(request.user, message_kind_)
    form = TemplateForm(request.POST or None, initial={"subject": own.subject, "body": own.body})
    if request.method == "POST" and request.POST.get("action") == "reset":
        services.reset_template(request.user, message_kind_)
        messages.success(request, "Back to the wording nextsteps ships.")
        return redirect("message-template", kind=kind)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_template(
                request.user,
                message_kind_,
                form.cleaned_data["subject"],
                form.cleaned_data["body"],
            )
        except services.Refused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Your template is saved.")
            return redirect("message-template", kind=kind)
    context = {
        "form": form,
        "kind": message_kind_,
        "name": MESSAGE_NAMES[message_kind_],
        "kinds": list(MESSAGE_NAMES.items()),
        "shipped": shipped(message_kind_),
        "names": sorted(services.template_names()),
    }
    return render(request, "outreach/template.html", context, status=400 if form.errors else 200)
