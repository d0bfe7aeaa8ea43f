"""`nextsteps tone FILE`: the tone check on any text, one line per flag with the
words it found and the article it comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Run, as_json, process

TEXT = """\
Subject: Did I get the job?

Dear Jane,

I'm sorry to bother you again about the role.
I still haven't heard back, even though you said you'd call.
"""


def test_one_line_per_flag_with_its_line_words_and_article(nextsteps: Run, tmp_path: Path) -> None:
    message = tmp_path / "message.txt"
    message.write_text(TEXT)
    lines = nextsteps("tone", str(message)).stdout.splitlines()
    assert [line.partition(": ")[0] for line in lines] == ["line 1", "line 5", "line 6", "line 6"]
    assert lines[0].startswith('line 1: "Did I get the job": Don\'t ask whether you got the job')
    assert lines[0].endswith("(Did I Get the Job?)")
    assert lines[1].startswith('line 5: "sorry to bother": Don\'t apologise')
    assert lines[3].startswith('line 6: "you said you\'d": Keep it polite rather than accusing')


def test_standard_input_and_json(nextsteps: Run) -> None:
    flags = as_json(nextsteps("tone", "-", "--json", stdin="Sorry to bother you.\nASAP please."))
    assert [(f["line"], f["found"], f["rule"]) for f in flags] == [
        (1, "Sorry to bother", "apology"),
        (2, "ASAP", "pressure"),
    ]
    assert all(f["sources"] and f["quote"] and f["message"] for f in flags)


def test_a_kind_brings_its_length_rule(nextsteps: Run) -> None:
    long = "Thank you. " * 80
    assert nextsteps("tone", "-", stdin=long).stdout == "Nothing the articles advise against.\n"
    (flag,) = as_json(nextsteps("tone", "-", "--kind", "thank-you", "--json", stdin=long))
    assert (flag["line"], flag["rule"]) == (None, "too_long")
    said = nextsteps("tone", "-", "--kind", "thank_you", stdin=long).stdout
    assert said.startswith("the whole text: This is 160 words long")


def test_a_missing_file_or_an_unknown_kind_is_one_line(nextsteps: Run, tmp_path: Path) -> None:
    for args in (("tone", str(tmp_path / "nope.txt")), ("tone", "-", "--kind", "sonnet")):
        result = nextsteps(*args, check=False, stdin="")
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1, result.stderr


@pytest.mark.processes
def test_it_needs_no_database(tmp_path: Path) -> None:
    result = process(tmp_path, "tone", "-", stdin="Still no word from you.\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('line 1: "Still no word"')
    assert not (tmp_path / "nextsteps.sqlite3").exists()
