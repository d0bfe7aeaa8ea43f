"""Playbooks are data: the shipped files load, bad files are refused in one sentence,
and the rules keep no numbers of their own."""

from __future__ import annotations

import ast
import inspect
from importlib import resources
from pathlib import Path

import pytest

from nextsteps.playbook import (
    PLAYBOOK_NAMES,
    Playbook,
    cadence,
    follow_ups,
    keep_searching,
    load_playbook,
    plan,
    rules,
    sources,
)

SEVEN_DAY = (
    resources.files("nextsteps.playbook").joinpath("playbooks", "seven-day.toml").read_text("utf-8")
)


def test_the_shipped_playbooks_are_the_named_ones() -> None:
    shipped = resources.files("nextsteps.playbook").joinpath("playbooks")
    files = sorted(Path(p.name).stem for p in shipped.iterdir() if p.name.endswith(".toml"))

    assert sorted(PLAYBOOK_NAMES) == files
    assert PLAYBOOK_NAMES[0] == "seven-day"


@pytest.mark.parametrize("name", PLAYBOOK_NAMES)
def test_each_playbook_has_a_name_title_and_one_line_description(name: str) -> None:
    playbook = load_playbook(name)

    assert playbook.name == name
    assert playbook.title
    assert playbook.description
    assert "\n" not in playbook.description
    assert playbook.follows in sources.ALL


def test_seven_day_is_article_004() -> None:
    playbook = load_playbook("seven-day")

    assert (playbook.follow_up_after_days, playbook.follow_up_every_days) == (7, 7)
    assert playbook.follow_up_attempts == 2
    assert playbook.move_on_after_days == 7
    assert playbook.thank_you_hours == 24
    assert playbook.follows == sources.HOW_TO_FOLLOW_UP


def test_persistent_is_article_003() -> None:
    playbook = load_playbook("persistent")

    assert playbook.follow_up_attempts is None
    assert playbook.move_on_after_days is None
    assert playbook.follows == sources.DONT_ASSUME


def test_an_unknown_playbook_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="seven-day, persistent") as raised:
        load_playbook("aggressive")

    assert str(raised.value).count(".") == 1


def _edited(old: str, new: str) -> str:
    assert old in SEVEN_DAY
    return SEVEN_DAY.replace(old, new)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            _edited("attempts = 2", "atempts = 2"), "no setting called 'atempts'", id="typo"
        ),
        pytest.param(_edited("within_hours = 24", ""), "thank_you.within_hours", id="missing"),
        pytest.param(
            _edited("within_hours = 24", "within_hours = true"), "whole number", id="bool"
        ),
        pytest.param(_edited("by_days = 4", "by_days = 1"), "before from_days", id="note window"),
        pytest.param(_edited("attempts = 2 ", ""), "no follow_up.attempts", id="move_on, no limit"),
        pytest.param(
            _edited('follows = "Getting', 'follows = "Not Getting'), "unknown article", id="source"
        ),
        pytest.param(_edited('name = "seven-day"', ""), "name", id="no name"),
        pytest.param("[[", None, id="not toml"),
    ],
)
def test_a_bad_playbook_is_refused(text: str, message: str | None) -> None:
    with pytest.raises(ValueError, match=message):
        Playbook.from_toml(text)


@pytest.mark.parametrize("module", [rules, follow_ups, cadence, plan])
def test_the_rules_keep_no_numbers_of_their_own(module: object) -> None:
    """STYLE.md: the numbers (7 days, 24 hours, 2 attempts) live in the TOML."""
    tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    numbers = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and type(node.value) in (int, float)
    }

    assert numbers <= {0, 1}


RULES = [*rules.OPEN_RULES, *rules.OUTCOME_RULES, keep_searching]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_every_rule_quotes_its_article(rule: object) -> None:
    doc = inspect.getdoc(rule) or ""

    assert '"' in doc, "quote the sentence the rule implements"
    assert any(f"{number}:" in doc for number in ("000", "001", "002", "003", "004"))
