"""The message pages: the draft editor on a step, the outbox, the mail account and
the user's own templates. Each view parses, calls a service, renders."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from nextsteps.accounts.services import profile_of
from nextsteps.outreach import drafts, services
from nextsteps.outreach.emails import as_eml, mailto_link
from nextsteps.outreach.forms import MailAccountForm, MessageForm, TemplateForm
from nextsteps.outreach.models import Message
from nextsteps.outreach.templating import shipped
from nextsteps.playbook import StepKind
from nextsteps.playbook.drafting import STEPS_FOR_WORD, MessageKind, message_kind_of_step
from nextsteps.playbook.humandates import day_label
from nextsteps.tracker.models import NextStep
from nextsteps.tracker.services import NotFound
from nextsteps.web.views.common import SignedInRequest, step_or_404


def _message(request: SignedInRequest, message_id: int) -> Message:
    try:
        return services.message_of(request.user, message_id)
    except NotFound:
        raise Http404("No such message.") from None


def _kind(step: NextStep, asked: str | None) -> MessageKind:
    """The message for the step: its own, or a call script where a call fits."""
    step_kind = StepKind(step.kind)
    if asked == "call_script" and step_kind in STEPS_FOR_WORD["call_script"]:
        return MessageKind.CALL_SCRIPT
    kind = message_kind_of_step(step_kind, step.attempt)
    if kind is None:
        raise Http404("This step is not a message.")
    return kind


@login_required
def editor(request: SignedInRequest, step_id: int) -> HttpResponse:
    """The draft of a step's message, its tone flags, and the schedule controls."""
    step = step_or_404(request, step_id)
    kind = _kind(step, request.GET.get("kind"))
    now = timezone.now()
    zone = profile_of(request.user).zone
    if request.method != "POST":
        draft = services.draft(request.user, step, kind, now)
        form = MessageForm(initial={"subject": draft.subject, "body": draft.body})
        return _editor_page(request, step, draft, form)
    form = MessageForm(request.POST)
    if not form.is_valid():
        draft = services.draft(request.user, step, kind, now)
        return _editor_page(request, step, draft, form, status=400)
    subject, body = form.cleaned_data["subject"], form.cleaned_data["body"]
    send_at = form.chosen_time(zone)
    draft = services.check_text(request.user, step, kind, subject, body, now, send_at)
    if request.POST.get("action") != "schedule":
        return _editor_page(request, step, draft, form)
    try:
        message = services.schedule_message(
            request.user,
            step,
            kind,
            subject,
            body,
            send_at=send_at,
            send_now=form.cleaned_data["when"] == "now",
        )
    except services.Refused as exc:
        form.add_error(None, str(exc))
        return _editor_page(request, step, draft, form, status=409)
    local = message.send_at.astimezone(zone)
    messages.success(request, f"Scheduled for {day_label(local.date())} {local:%H:%M}.")
    return redirect("outbox")


def _editor_page(
    request: SignedInRequest,
    step: NextStep,
    draft: drafts.Draft,
    form: MessageForm,
    status: int = 200,
) -> HttpResponse:
    zone = profile_of(request.user).zone
    letter = services.letter_of(draft)
    context: dict[str, Any] = {
        "step": step,
        "application": step.application,
        "draft": draft,
        "form": form,
        "best_time": draft.best_time.astimezone(zone) if draft.best_time else None,
        "mailto": mailto_link(letter),
        "has_account": services.mail_account_of(request.user) is not None,
        "call_script": StepKind(step.kind) in STEPS_FOR_WORD["call_script"],
        "zone": zone,
        "now": timezone.now(),
    }
    template = (
        "outreach/_flags.html" if request.headers.get("HX-Request") else "outreach/editor.html"
    )
    return render(request, template, context, status=status)


@login_required
def eml(request: SignedInRequest, step_id: int) -> HttpResponse:
    """The message as an .eml file to open in the user's own mail program: the draft,
    or (posted from the editor) the text as edited."""
    step = step_or_404(request, step_id)
    kind = _kind(step, request.GET.get("kind"))
    draft = services.draft(request.user, step, kind, timezone.now())
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        draft = services.check_text(
            request.user,
            step,
            kind,
            form.cleaned_data["subject"],
            form.cleaned_data["body"],
            timezone.now(),
        )
    response = HttpResponse(as_eml(services.letter_of(draft)), content_type="message/rfc822")
    response["Content-Disposition"] = f'attachment; filename="{kind.value}-{step.id}.eml"'
    return response


@login_required
def outbox(request: SignedInRequest) -> HttpResponse:
    """Every message with its state; those that need the user come first."""
    rows = services.outbox_of(request.user)
    needs_you = [m for m in rows if m.state in (Message.State.UNCERTAIN, Message.State.FAILED)]
    context = {
        "needs_you": needs_you,
        "messages_list": [m for m in rows if m not in needs_you],
        "account": services.mail_account_of(request.user),
        "zone": profile_of(request.user).zone,
        "now": timezone.now(),
    }
    return render(request, "outreach/outbox.html", context)


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
    return redirect("outbox")


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
    return redirect("outbox")


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
def mail_account(request: SignedInRequest) -> HttpResponse:
    """The account messages go out from. The password is write-only."""
    account = services.mail_account_of(request.user)
    initial = {}
    if account is not None:
        initial = {
            "host": account.host,
            "port": account.port,
            "security": account.security,
            "from_address": account.from_address,
            "username": account.username,
            "daily_cap": account.daily_cap,
        }
    form = MailAccountForm(request.POST or None, initial=initial)
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
    context = {
        "form": form,
        "password_stored": bool(account and account.password_encrypted),
    }
    return render(
        request, "outreach/mail_account.html", context, status=400 if form.errors else 200
    )


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
        "kinds": list(MessageKind),
        "shipped": shipped(message_kind_),
        "names": sorted(services.template_names()),
    }
    return render(request, "outreach/template.html", context, status=400 if form.errors else 200)
