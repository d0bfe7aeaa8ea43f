"""Form fields that present a field rule of `nextsteps.fields`: the web forms check
what was typed with the very rule the service applies, and show its sentence."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from django import forms

from nextsteps.fields import Day, FieldRefused


class TextRule(Protocol):
    @property
    def label(self) -> str: ...

    def clean(self, value: str) -> Any: ...


class RuleField(forms.CharField):
    """A text box checked by `rule`. Whether it may be left empty is the form's
    choice (`required`); what it may hold is the rule's."""

    def __init__(self, rule: TextRule, *, required: bool = False, **kwargs: Any) -> None:
        empty = kwargs.pop("error_messages", {}).get("required")
        super().__init__(required=required, strip=False, **kwargs)
        self.rule = rule
        max_length = getattr(rule, "max_length", None)
        if max_length:
            self.widget.attrs.setdefault("maxlength", str(max_length))
        self.error_messages["required"] = empty or getattr(
            rule, "missing", f"{rule.label} cannot be empty."
        )

    def clean(self, value: Any) -> Any:
        text = self.to_python(value) or ""
        if not text.strip():
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return ""
        try:
            return self.rule.clean(text)
        except FieldRefused as exc:
            raise forms.ValidationError(str(exc), code="invalid") from None


def clean_day(rule: Day, day: date | None, today: date) -> date | None:
    """A form's date checked by the day's rule, its sentence as the field's error."""
    if day is None:
        return None
    try:
        return rule.clean(day, today)
    except FieldRefused as exc:
        raise forms.ValidationError(str(exc)) from None
