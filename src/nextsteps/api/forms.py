from django import forms

from nextsteps.api.models import TOKEN_NAME
from nextsteps.formfields import RuleField


class TokenForm(forms.Form):
    name = RuleField(
        TOKEN_NAME,
        required=True,
        label="Name",
        help_text="What uses it, so you know which to revoke: My spreadsheet.",
    )
