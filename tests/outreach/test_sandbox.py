"""A user's message template runs within a budget: it cannot spend the server's time
or memory, and what it may not do is said in one sentence."""

from __future__ import annotations

import pytest

from nextsteps.outreach.templating import TemplateRefused, render
from nextsteps.playbook.drafting import DraftFacts, template_context

CONTEXT = template_context(
    DraftFacts(contact_name="Jane Doe", company="Acme", material="x" * 5_000)
)
TWICE = "{% set a = company %}" + "{% set a = a ~ a %}" * 60


@pytest.mark.parametrize(
    ("source", "sentence"),
    [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "runs more than 20,000 loop steps and calls",
        ),
        (
            "{% for i in range(15000) %}{{ range(100000)|list|sort|length }}{% endfor %}",
            "takes longer than 0.5 seconds to write",
        ),
        (
            "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}"
            "{{ f(40) }}",
            "runs more than 20,000 loop steps and calls",
        ),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "calls itself without end"),
        (TWICE, "makes a text or a list longer than 100,000"),
        (TWICE.replace("a ~ a", "a + a"), "makes a text or a list longer than 100,000"),
        ("{{ material|replace('', material) }}", "makes a text or a list longer than 100,000"),
        ("{{ material.replace('', material) }}", "makes a text or a list longer than 100,000"),
        ("{{ range(100000)|join(material) }}", "makes a text or a list longer than 100,000"),
        (
            "{% set l = [1] %}" + "{% set _ = l.extend(l) %}" * 60,
            "makes a text or a list longer than 100,000",
        ),
        ("{% set n = 10 %}" + "{% set n = n * n %}" * 40, "makes a number larger than"),
        (
            "{% set s %}{% for i in range(20000) %}{{ material }}{% endfor %}{% endset %}",
            "writes more than 100,000 characters",
        ),
        ("{% for i in range(20000) %}" + "x" * 5_000 + "{% endfor %}", "writes more than 100,000"),
        ("{{ company.center(1000000000) }}", "'center' of 'str' object is unsafe"),
        ("{{ '{:>999999999}'.format(company) }}", "the text method format is not allowed"),
        ("{{ '%999999999s' % company }}", "the % operator is not allowed"),
        ("{{ company|center(1000000000) }}", "No filter named 'center'"),
        ("{{ lipsum(1000000) }}", "'lipsum' is undefined"),
    ],
    ids=[
        "nested loops of range(100000)",
        "slow work inside a loop",
        "a macro that calls itself twice, 40 deep",
        "a macro that calls itself for ever",
        "a text doubled by ~",
        "a text doubled by +",
        "the replace filter between every letter",
        "the replace method between every letter",
        "a huge separator",
        "a list that extends itself",
        "a number squared again and again",
        "output captured by set",
        "plain text in a long loop",
        "a text padded to a billion",
        "format with a width of a billion",
        "printf with a width of a billion",
        "the center filter",
        "lorem ipsum by the million",
    ],
)
def test_a_template_that_asks_too_much_is_refused_with_a_sentence(
    source: str, sentence: str
) -> None:
    with pytest.raises(TemplateRefused, match=sentence.replace("(", r"\(")) as refused:
        render(source, CONTEXT)
    message = str(refused.value)
    assert message.startswith("The template ")
    assert message.endswith(".")
    assert not message.endswith("..")


def test_a_reasonable_template_uses_loops_filters_and_text_methods() -> None:
    source = (
        "Dear {{ contact_name }}, {% for word in ['one', 'two'] %}{{ word|upper }} {% endfor %}"
        "{{ company ~ '!' }} {{ company.replace('A', 'a') }} {{ ', '.join(['x', 'y']) }} "
        "{{ [3, 1, 2]|sort|join('-') }}"
    )
    assert render(source, CONTEXT) == "Dear Jane Doe, ONE TWO Acme! acme x, y 1-2-3"


def test_each_render_has_a_budget_of_its_own() -> None:
    """A budget spent by one render is not carried over to the next."""
    source = "{% for i in range(15000) %}{% endfor %}done"
    for _ in range(3):
        assert render(source, CONTEXT) == "done"
