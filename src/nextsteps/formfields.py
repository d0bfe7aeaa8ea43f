"""Form fields that present a field rule of `nextsteps.fields`: the web forms check
what was typed with the very rule the service applies, and show its sentence."""

from __future__ import annotations

import re
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


# What may name one of the user's rows: a number a 64-bit id can hold on every
# database. Anything else is refused as an unknown choice before any query.
ROW_ID = re.compile(r"[1-9][0-9]{0,17}")


def _row_ids(values: Any) -> list[str]:
    return [str(v) for v in values if v not in (None, "")]


class RowChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """One of the user's rows, by id."""

    def to_python(self, value: Any) -> Any:
        if any(not ROW_ID.fullmatch(v) for v in _row_ids([value])):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class RowChoicesField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Some of the user's rows, by id."""

    def clean(self, value: Any) -> Any:
        values = value if isinstance(value, list | tuple) else [value]
        for pk in _row_ids(values):
            if not ROW_ID.fullmatch(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super().clean(value)
