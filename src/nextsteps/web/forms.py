"""The forms that are not about an event: applications, contacts, skipping a step,
signing up. Each says what is wrong in one sentence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.forms.utils import pretty_name
from django.utils.safestring import SafeString, mark_safe
from markupsafe import escape

from nextsteps.accounts.models import NAME
from nextsteps.formfields import RowChoiceField, RuleField, clean_day
from nextsteps.playbook.timeline import Culture
from nextsteps.tracker.models import (
    APPLIED_ON,
    COMPANY_NAME,
    CONTACT_EMAIL,
    CONTACT_NAME,
    JOB_TITLE,
    PHONE,
    POSTING_URL,
    ROLE,
    SKIP_REASON,
    Contact,
)
from nextsteps.tracker.services import ContactDetails

DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

CULTURES = [
    ("", "Not sure"),
    (Culture.MODERN.value, "Modern: a thank-you e-mail is enough"),
    (Culture.TRADITIONAL.value, "Traditional: also post a handwritten note"),
]


@cache  # the zones installed with Python's tzdata: listing them walks a folder tree
def timezone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(available_timezones())]


def long_choice_field(choices: Callable[[], list[tuple[str, str]]], **kwargs: Any) -> forms.Field:
    """A drop-down of hundreds of options (the timezones, the countries) from a cached
    function of them."""
    return forms.ChoiceField(choices=choices, widget=LongSelect(choices), **kwargs)


class LongSelect(forms.Select):
    """Writes its options from markup made once per process, with that of Django's
    own template: the template renders a template per option, and normalises the
    choices each time they are read, which made Settings forty times its SQL."""

    def __init__(self, choices: Callable[[], list[tuple[str, str]]]) -> None:
        super().__init__()
        self.choices_of = choices

    def use_required_attribute(self, initial: Any) -> bool:
        options = _options(self.choices_of)
        return (
            forms.Widget.use_required_attribute(self, initial)
            and bool(options.values)
            and options.values[0] == ""
        )

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        options = _options(self.choices_of)
        lines = list(options.lines)
        # Like Django's, only the first option of the value is selected.
        chosen = next((v for v in self.format_value(value) if v in options.index), None)
        if chosen is not None:
            at = options.index[chosen]
            lines[at] = lines[at].replace(">", " selected>", 1)
        head = f'<select name="{escape(name)}"{_attributes(self.build_attrs(self.attrs, attrs))}>'
        return mark_safe("\n".join([head, *lines, "</select>"]))


@dataclass(frozen=True)
class _Options:
    values: list[str]
    lines: list[str]
    index: dict[str, int]


@cache
def _options(choices: Callable[[], list[tuple[str, str]]]) -> _Options:
    values = [str(value) for value, _ in choices()]
    lines = [
        f'  <option value="{escape(value)}">{escape(label)}</option>' for value, label in choices()
    ]
    first: dict[str, int] = {}
    for at, value in enumerate(values):
        first.setdefault(value, at)
    return _Options(values, lines, first)


def _attributes(attrs: dict[str, Any]) -> str:
    """An element's attributes as Django's attrs.html writes them: True alone, False
    left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class PersonFields(forms.Form):
    """Name, e-mail, phone and title of someone at the employer."""

    name = RuleField(CONTACT_NAME)
    email = RuleField(CONTACT_EMAIL, label="E-mail", widget=forms.EmailInput)
    phone = RuleField(PHONE)
    title = RuleField(JOB_TITLE, label="Job title")

    person_required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        anything = any(data.get(k) for k in ("email", "phone", "title"))
        if not data.get("name") and (anything or self.person_required):
            self.add_error("name", "Give the person's name.")
        return data

    def details(self) -> ContactDetails | None:
        data = self.cleaned_data
        if not data.get("name"):
            return None
        return ContactDetails(data["name"], data["email"], data["phone"], data["title"])


class ApplicationForm(PersonFields):
    company = RuleField(
        COMPANY_NAME, required=True, help_text="Pick one you know or type a new name."
    )
    role = RuleField(ROLE, required=True)
    posting_url = RuleField(POSTING_URL, label="Job posting (web address)", widget=forms.URLInput)
    applied_on = forms.DateField(
        required=False,
        widget=DAY,
        label="Date applied",
        help_text="Empty it to save a job you have not applied for yet.",
    )
    culture = forms.ChoiceField(choices=CULTURES, required=False, label="The company's culture")
    temporary = forms.BooleanField(
        required=False,
        label="Temporary or contract work",
        help_text="Saying yes to it will not end your search.",
    )
    field_order = ["company", "role", "posting_url", "applied_on", "culture", "temporary"]

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["company"].widget.attrs["list"] = "companies"
        self.fields["applied_on"].initial = today
        for name in ("name", "email", "phone", "title"):
            label = self.fields[name].label or pretty_name(name)
            self.fields[name].label = f"Contact's {label.lower()}"

    def clean_applied_on(self) -> date | None:
        return clean_day(APPLIED_ON, self.cleaned_data["applied_on"], self.today)


class ContactForm(PersonFields):
    company = RuleField(COMPANY_NAME)
    person_required = True
    field_order = ["name", "company", "title", "email", "phone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].widget.attrs["list"] = "companies"

    @classmethod
    def of(cls, contact: Contact) -> ContactForm:
        company = contact.company.name if contact.company else ""
        fields = {k: getattr(contact, k) for k in ("name", "email", "phone", "title")}
        return cls(initial={**fields, "company": company})


class PersonForm(PersonFields):
    """Someone new at the application's company, or a contact the user already has."""

    known = RowChoiceField(
        queryset=Contact.objects.none(), required=False, label="Someone you already know"
    )
    field_order = ["known", "name", "title", "email", "phone"]

    def __init__(self, *args: Any, choices: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["known"].queryset = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("known") and not data.get("name") and not self.errors:
            raise forms.ValidationError("Pick someone you know or give a new person's name.")
        return data


class SkipForm(forms.Form):
    reason = RuleField(SKIP_REASON, required=True, label="Why skip it?")


class SignupForm(UserCreationForm):  # type: ignore[type-arg]
    name = RuleField(NAME, label="Your name", help_text="It signs your messages: Sam Seeker.")
    timezone = long_choice_field(
        timezone_choices,
        initial="UTC",
        help_text="Your dates and deadlines are counted on this clock.",
    )

    field_order = ["username", "name", "password1", "password2", "timezone"]

    class Meta:
        model = User
        fields = ("username",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timezone"].widget.attrs["data-browser-timezone"] = ""
