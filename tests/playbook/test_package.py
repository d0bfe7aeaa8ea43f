"""`from nextsteps.playbook import X` gives every name the package promises, each
loaded when first asked for."""

from __future__ import annotations

import subprocess
import sys

import pytest

import nextsteps.playbook as playbook


def python(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


def test_every_promised_name_comes_from_its_module() -> None:
    assert set(playbook.__all__) == set(playbook._MODULE_OF)
    for name, module in playbook._MODULE_OF.items():
        value = getattr(playbook, name)
        assert value is getattr(sys.modules[f"nextsteps.playbook.{module}"], name), name


@pytest.mark.parametrize("first", ["keep_searching", "plan"])
def test_plan_is_the_function_whichever_name_comes_first(first: str) -> None:
    code = f"from nextsteps.playbook import {first}; from nextsteps.playbook import plan; "
    assert python(code + "print(callable(plan))") == "True\n"


def test_one_module_loads_without_the_others() -> None:
    """The command line's --help reads the event kinds and nothing heavier."""
    loaded = python("import sys, nextsteps.playbook.timeline; print(*sorted(sys.modules))")
    assert "nextsteps.playbook.timeline" in loaded.split()
    assert not {"holidays", "nextsteps.playbook.plan", "nextsteps.playbook.tone"} & set(
        loaded.split()
    )
