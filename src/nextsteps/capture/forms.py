"""Job capture's forms: where the posting is, then the application it fills in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from nextsteps.capture.posting import Posting
from nextsteps.capture.services import LOCATION, SALARY
from nextsteps.formfields import RuleField
from nextsteps.web.forms import DAY, ApplicationForm


class FindForm(forms.Form):
    address = forms.CharField(
        required=False,
        label="The posting's web address",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        help_text="nextsteps fetches the page and reads it.",
    )
    page = forms.CharField(
        required=False,
        label="Or the page itself",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=settings.CAPTURE_LARGEST_PAGE,
        help_text="Where the site needs you signed in: in your browser, view the page's "
        "source, select all, copy, and paste it here.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("address", "").strip() and not data.get("page"):
            raise forms.ValidationError("Give the posting's web address, or paste its page.")
        return data


class CaptureForm(ApplicationForm):
    """The Add form, filled in from the posting, with what it said that has no
    field of its own."""

    location = RuleField(LOCATION, label="Location")
    salary = RuleField(SALARY, label="Salary")
    posted_on = forms.DateField(required=False, widget=DAY, label="Posted on")
    field_order = [
        "company",
        "role",
        "posting_url",
        "location",
        "salary",
        "posted_on",
        "applied_on",
        "culture",
        "temporary",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applied_on"].help_text = (
            "Empty it to save a job you have not applied for yet; its location, salary "
            "and posting day are then left out, as nextsteps keeps them with the "
            "application's first event."
        )

    @classmethod
    def filled(cls, posting: Posting, **kwargs: Any) -> CaptureForm:
        found = {
            "company": posting.company,
            "role": posting.role,
            "posting_url": posting.url,
            "location": posting.location,
            "salary": posting.salary,
            "posted_on": posting.posted_on,
        }
        return cls(initial=found, **kwargs)
