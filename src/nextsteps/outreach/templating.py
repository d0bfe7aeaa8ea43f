"""Message templates, shipped or the user's own, rendered in a sandbox.

A template sees only the strings of `playbook.drafting.template_context`: no
model objects, no settings, no loader (so no include, import or extends, and no
file), and the sandbox (outreach.sandbox) refuses attribute tricks and runs each
render within a budget of time, steps and size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from jinja2 import ChainableUndefined, TemplateError
from jinja2.exceptions import SecurityError

from nextsteps.outreach.models import MAX_OUTPUT_CHARS, MAX_TEMPLATE_CHARS
from nextsteps.outreach.sandbox import BudgetedSandbox, OverBudget, budget
from nextsteps.playbook.drafting import MessageKind, placeholder, subject_line


class TemplateRefused(ValueError):
    """A template that cannot be used; the message is one sentence for the user."""


class _Missing(ChainableUndefined):
    """A name the context lacks shows as a placeholder, like a missing fact."""

    def __str__(self) -> str:
        return placeholder(self._undefined_name or "unknown")


_SANDBOX = BudgetedSandbox(undefined=_Missing, autoescape=False, keep_trailing_newline=False)


def render(source: str, context: dict[str, str]) -> str:
    """Render one template text; TemplateRefused with a sentence when it cannot be."""
    if len(source) > MAX_TEMPLATE_CHARS:
        raise TemplateRefused(f"A template may be at most {MAX_TEMPLATE_CHARS} characters long.")
    try:
        with budget():
            text = _SANDBOX.from_string(source).render(context)
    except OverBudget as exc:
        raise TemplateRefused(f"The template asks too much: {_said(exc)}.") from None
    except SecurityError as exc:
        raise TemplateRefused(f"The template does something not allowed: {_said(exc)}.") from None
    except RecursionError:
        raise TemplateRefused("The template calls itself without end.") from None
    except TemplateError as exc:
        raise TemplateRefused(f"The template has an error: {_said(exc.message or exc)}.") from None
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise TemplateRefused(f"The template failed: {_said(exc)}.") from None
    if len(text) > MAX_OUTPUT_CHARS:
        raise TemplateRefused(f"The message would be over {MAX_OUTPUT_CHARS} characters long.")
    return text


def _said(problem: object) -> str:
    return str(problem).rstrip(".")


@dataclass(frozen=True)
class Wording:
    """A template: a subject line and a body, each a template text."""

    subject: str
    body: str


@cache
def shipped(kind: MessageKind) -> Wording:
    """The template nextsteps ships: `Subject: ...`, a blank line, the body."""
    text = (
        resources.files("nextsteps.outreach")
        .joinpath("templates", "messages", f"{kind.value}.txt")
        .read_text(encoding="utf-8")
    )
    head, _, body = text.partition("\n\n")
    if not head.startswith("Subject: "):
        raise ValueError(f"The shipped template {kind.value} has no Subject line.")
    return Wording(subject=head.removeprefix("Subject: ").strip(), body=body.strip() + "\n")


def render_wording(wording: Wording, context: dict[str, str]) -> tuple[str, str]:
    subject = subject_line(render(wording.subject, context))
    return subject, render(wording.body, context).strip() + "\n"
