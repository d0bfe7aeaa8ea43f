"""The form renderer writes, in Python, the markup Django's Jinja2 templates write:
every form of the site, empty, filled in and refused, reads the same either way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm
from django.forms.renderers import Jinja2

from nextsteps.outreach.forms import InboxForm, MailAccountForm, MessageForm, TemplateForm
from nextsteps.tracker.models import Contact
from nextsteps.web.event_forms import EVENT_FORMS
from nextsteps.web.form_renderer import FormRenderer
from nextsteps.web.forms import ApplicationForm, ContactForm, PersonForm, SignupForm, SkipForm
from nextsteps.web.settings_form import SettingsForm
from tests.web.base import MONDAY, NOW, WebTestCase


class EveryWidget(forms.Form):
    """What the site's forms do not use yet: groups of choices, hidden fields, a form's
    own error, a fieldset, a field without a label, required marks."""

    required_css_class = "required"
    error_css_class = "wrong"

    grouped = forms.ChoiceField(
        choices=[("Fruit", [("a", "Apple"), ("b", "Banana & <co>")]), ("c", "Cherry")]
    )
    many = forms.MultipleChoiceField(
        choices=[("Red", [("r", "Rose")]), ("w", "White")],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "columns"}),
        required=False,
    )
    one = forms.ChoiceField(choices=[("x", "X"), ("y", 'Y "quoted"')], widget=forms.RadioSelect)
    hidden = forms.CharField(widget=forms.HiddenInput, initial="<kept>")
    secret = forms.CharField(widget=forms.PasswordInput, required=False, label="")
    agree = forms.BooleanField(required=False, help_text="<b>bold</b> help")
    count = forms.IntegerField(required=False, initial=3)
    text = forms.CharField(widget=forms.Textarea, required=False, initial="line\n<two>")

    def clean(self) -> dict[str, Any]:
        raise forms.ValidationError("The whole form is <wrong>.")


class FormRendererTestCase(WebTestCase):
    def forms(self) -> dict[str, Callable[..., forms.BaseForm]]:
        application = self.interviewed(contact=None)
        Contact.objects.create(owner=self.alice, name="Jane <Doe>", email="jane@acme.test")
        zone = self.profile.zone
        junk = {f"{name}-day": "not a day" for name in EVENT_FORMS} | {"junk": "x"}
        made: dict[str, Callable[..., forms.BaseForm]] = {
            "settings": lambda r, d: SettingsForm(d, profile=self.profile, renderer=r),
            "application": lambda r, d: ApplicationForm(d, today=MONDAY, renderer=r),
            "contact": lambda r, d: ContactForm(d, renderer=r),
            "person": lambda r, d: PersonForm(
                d, prefix="person", choices=Contact.objects.all(), renderer=r
            ),
            "skip": lambda r, d: SkipForm(d, renderer=r),
            "signup": lambda r, d: SignupForm(d, renderer=r),
            "password": lambda r, d: PasswordChangeForm(self.alice, d, renderer=r),
            "message": lambda r, d: MessageForm(d, renderer=r),
            "mail account": lambda r, d: MailAccountForm(d, renderer=r),
            "inbox": lambda r, d: InboxForm(d, renderer=r),
            "template": lambda r, d: TemplateForm(d, renderer=r),
            "every widget": lambda r, d: EveryWidget(d, renderer=r),
        }
        for name, form_class in EVENT_FORMS.items():
            made[name] = lambda r, d, name=name, form_class=form_class: form_class(
                d, prefix=name, application=application, zone=zone, now=NOW, renderer=r
            )
        self.junk = junk
        return made

    def test_every_form_reads_as_djangos_templates_write_it(self) -> None:
        ours, django = FormRenderer(), Jinja2()
        for name, make in self.forms().items():
            for data in (None, {}, self.junk):
                with self.subTest(form=name, data=data):
                    mine, theirs = make(ours, data), make(django, data)
                    mine.is_bound and mine.is_valid()
                    theirs.is_bound and theirs.is_valid()
                    self.assertEqual(str(mine), str(theirs))

    def test_a_template_it_does_not_write_is_djangos(self) -> None:
        form = EveryWidget(renderer=FormRenderer())
        self.assertEqual(
            str(form.render("django/forms/p.html")),
            str(EveryWidget(renderer=Jinja2()).render("django/forms/p.html")),
        )
        self.assertIn('<option value="b">Banana &amp; &lt;co&gt;</option>', str(form))
