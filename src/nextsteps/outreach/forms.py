"""The forms of the message pages. They validate what was typed; the services decide."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from django import forms
from django.utils.html import escape

from nextsteps.formfields import RuleField
from nextsteps.outreach.models import (
    BODY,
    FROM_ADDRESS,
    IMAP_HOST,
    IMAP_USERNAME,
    MAIL_HOST,
    MAIL_USERNAME,
    SUBJECT,
    TEMPLATE_BODY,
    TEMPLATE_SUBJECT,
    MailAccount,
)


class MessageForm(forms.Form):
    """The draft editor: the text, and the moment to send it when the user picks one."""

    subject = RuleField(SUBJECT, required=True)
    body = RuleField(BODY, required=True, widget=forms.Textarea(attrs={"rows": 14}))
    send_at = forms.DateTimeField(
        required=False,
        label="Day and time",
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="On your own clock, within your working hours.",
    )

    def __init__(self, *args: Any, sending_at_a_chosen_time: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.sending_at_a_chosen_time = sending_at_a_chosen_time

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if self.sending_at_a_chosen_time and not cleaned.get("send_at"):
            self.add_error("send_at", "Choose the day and time to send it.")
        return cleaned

    def chosen_time(self, zone: tzinfo) -> datetime | None:
        """The chosen time on the user's clock (the browser sends a wall-clock time)."""
        chosen: datetime | None = self.cleaned_data.get("send_at")
        return chosen.replace(tzinfo=zone) if chosen else None


class MailAccountForm(forms.Form):
    SECURITY = [
        (MailAccount.Security.STARTTLS, "STARTTLS, usually on port 587"),
        (MailAccount.Security.TLS, "TLS from the start, usually on port 465"),
        (MailAccount.Security.NONE, "None: only for a server on this computer"),
    ]

    host = RuleField(
        MAIL_HOST, required=True, label="Mail server (SMTP)", help_text="e.g. smtp.example.com"
    )
    port = forms.IntegerField(min_value=1, max_value=65535, initial=587)
    security = forms.ChoiceField(choices=SECURITY, initial=MailAccount.Security.STARTTLS)
    from_address = RuleField(
        FROM_ADDRESS,
        required=True,
        label="From",
        # Django's form templates show help text as HTML.
        help_text=escape("Your Name <you@example.com>"),
    )
    username = RuleField(MAIL_USERNAME)
    # Never filled in from the stored value: an empty field keeps the stored password.
    password = forms.CharField(
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Leave empty to keep the password already stored.",
    )
    daily_cap = forms.IntegerField(
        min_value=1, max_value=1000, initial=20, label="At most this many messages a day"
    )


class InboxForm(forms.Form):
    """Where replies are read from: the mail account page's second form."""

    SECURITY = [
        (MailAccount.Security.TLS, "TLS from the start, usually on port 993"),
        (MailAccount.Security.STARTTLS, "STARTTLS, usually on port 143"),
        (MailAccount.Security.NONE, "None: only for a server on this computer"),
    ]

    imap_host = RuleField(
        IMAP_HOST, required=True, label="Mail server (IMAP)", help_text="e.g. imap.example.com"
    )
    imap_port = forms.IntegerField(min_value=1, max_value=65535, initial=993, label="Port")
    imap_security = forms.ChoiceField(
        choices=SECURITY, initial=MailAccount.Security.TLS, label="Security"
    )
    imap_username = RuleField(
        IMAP_USERNAME, label="Username", help_text="Leave empty to use the login for sending."
    )
    imap_password = forms.CharField(
        required=False,
        strip=False,
        label="Password",
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Leave empty to keep the stored one, or to use the password for sending.",
    )


class TemplateForm(forms.Form):
    subject = RuleField(TEMPLATE_SUBJECT, required=True)
    body = RuleField(TEMPLATE_BODY, required=True, widget=forms.Textarea(attrs={"rows": 16}))
