"""Django's form templates for the fields nextsteps uses, written in Python.

A form renders a template per field, per label, per error list and per widget
(with its attributes): the application page's quick forms took more time than
the rest of the page. These functions write the very markup of Django's Jinja2
templates (a test compares them on every form of the site); a template they do
not know is rendered by Django's."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.forms.renderers import Jinja2
from markupsafe import escape

Context = Mapping[str, Any]


def attributes(attrs: Mapping[str, Any]) -> str:
    """attrs.html: True stands alone, False is left out."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: Context) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{escape(value)}"'
    return (
        f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"'
        f"{shown}{attributes(widget['attrs'])}>"
    )


def _textarea(widget: Context) -> str:
    value = widget["value"]
    return (
        f'<textarea name="{escape(widget["name"])}"{attributes(widget["attrs"])}>\n'
        f"{escape(value) if value else ''}</textarea>"
    )


def _select(widget: Context) -> str:
    html = [f'<select name="{escape(widget["name"])}"{attributes(widget["attrs"])}>']
    for group, options, _ in widget["optgroups"]:
        if group:
            html.append(f'\n  <optgroup label="{escape(group)}">')
        html.extend(
            f'\n  <option value="{escape(option["value"])}"{attributes(option["attrs"])}>'
            f"{escape(option['label'])}</option>"
            for option in options
        )
        if group:
            html.append("\n  </optgroup>")
    html.append("\n</select>")
    return "".join(html)


def _choice(option: Context) -> str:
    """input_option.html: a checkbox or radio button in its label."""
    if not option["wrap_label"]:
        return _input(option)
    target = option["attrs"].get("id")
    label_for = f' for="{escape(target)}"' if target else ""
    return f"<label{label_for}>{_input(option)} {escape(option['label'])}</label>"


def _choices(widget: Context) -> str:
    """multiple_input.html: checkboxes or radio buttons."""
    attrs = widget["attrs"]
    html = [
        "<div",
        f' id="{escape(attrs["id"])}"' if attrs.get("id") else "",
        f' class="{escape(attrs["class"])}"' if attrs.get("class") else "",
        ">",
    ]
    for group, options, _ in widget["optgroups"]:
        if group:
            html.append(f"\n  <div><label>{escape(group)}</label>")
        html.extend(f"<div>\n    {_choice(option)}</div>" for option in options)
        if group:
            html.append("\n  </div>")
    html.append("\n</div>")
    return "".join(html)


def _label(context: Context) -> str:
    label = escape(context["label"])
    if not context["use_tag"]:
        return str(label)
    tag = escape(context["tag"])
    attrs = attributes(context["attrs"]) if context["attrs"] else ""
    return f"<{tag}{attrs}>{label}</{tag}>"


def _errors(context: Context) -> str:
    errors = context["errors"]
    if not errors:
        return ""
    field_id = getattr(errors, "field_id", None)
    ident = f' id="{escape(field_id)}_error"' if field_id else ""
    items = "".join(f"<li>{escape(error)}</li>" for error in errors)
    return f'<ul class="{escape(context["error_class"])}"{ident}>{items}</ul>'


def _field(context: Context) -> str:
    """field.html: the label (or legend), the help, the errors and the widget."""
    field = context["field"]
    if field.use_fieldset:
        described = field.aria_describedby
        described_by = f' aria-describedby="{escape(described)}"' if described else ""
        head = f"\n  <fieldset{described_by}>\n  {field.legend_tag() if field.label else ''}\n"
    else:
        head = f"\n  {field.label_tag() if field.label else ''}\n"
    help_text = ""
    if field.help_text:
        ident = f' id="{escape(field.auto_id)}_helptext"' if field.auto_id else ""
        help_text = f'<div class="helptext"{ident}>{field.help_text}</div>'
    tail = "</fieldset>" if field.use_fieldset else ""
    return f"{head}\n{help_text}\n{escape(field.errors)}\n{escape(field)}\n{tail}"


def _hidden(fields: Iterable[Any]) -> str:
    return "".join(str(escape(field)) for field in fields)


def _form(context: Context) -> str:
    """div.html: each field in a div, the hidden ones after the last."""
    errors, fields, hidden = context["errors"], context["fields"], context["hidden_fields"]
    html = [f"{escape(errors)}\n"]
    if errors and not fields:
        html.append(f"\n  <div>{_hidden(hidden)}</div>\n")
    html.append("\n")
    for n, (field, _) in enumerate(fields):
        classes = field.css_classes()
        css = f' class="{escape(classes)}"' if classes else ""
        html.append(f"\n  <div{css}>\n    {escape(field.as_field_group())}\n    ")
        if n == len(fields) - 1:
            html.append(f"\n      {_hidden(hidden)}\n    ")
        html.append("\n</div>\n")
    html.append("\n")
    if not fields and not errors:
        html.append(f"\n  {_hidden(hidden)}\n")
    return "".join(html)


def _widget(write: Callable[[Context], str]) -> Callable[[Context], str]:
    return lambda context: write(context["widget"])


WIDGETS = "django/forms/widgets/"
WRITERS: dict[str, Callable[[Context], str]] = {
    "django/forms/div.html": _form,
    "django/forms/field.html": _field,
    "django/forms/label.html": _label,
    "django/forms/errors/list/default.html": _errors,
    "django/forms/errors/list/ul.html": _errors,
    f"{WIDGETS}textarea.html": _widget(_textarea),
    f"{WIDGETS}select.html": _widget(_select),
    f"{WIDGETS}checkbox_select.html": _widget(_choices),
    f"{WIDGETS}radio.html": _widget(_choices),
    **{
        f"{WIDGETS}{kind}.html": _widget(_input)
        for kind in [
            "input",
            "checkbox",
            "color",
            "date",
            "datetime",
            "email",
            "hidden",
            "number",
            "password",
            "search",
            "tel",
            "text",
            "time",
            "url",
        ]
    },
}


class FormRenderer(Jinja2):
    """Django's Jinja2 form renderer, with the templates above written in Python."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        write = WRITERS.get(template_name)
        if write is None:
            return str(super().render(template_name, context, request))
        return write(context).strip()
