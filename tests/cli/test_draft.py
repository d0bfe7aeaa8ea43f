"""`nextsteps draft ID KIND` with --edit, --subject and --body-file: the text the user
keeps is the message `send` sends and the web editor shows; --discard forgets it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from django.test import Client

from nextsteps.outreach.models import Message, SavedDraft
from tests.cli.conftest import Run, account, process

# An editor, as $EDITOR runs it: it rewrites the file it is given and saves it.
EDITOR = """\
import sys
from pathlib import Path
path = Path(sys.argv[1])
text = path.read_text()
assert text.startswith("Subject: Thank you for the interview"), text
kept = "Subject: Thanks, Jane\\n\\nDear Jane,\\n\\nThank you for today.\\n\\nSam Seeker\\n"
path.write_text(kept)
"""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')


def test_edit_keeps_what_the_editor_saved_and_send_sends_it(interviewed: Run, editor: None) -> None:
    account(interviewed, 2525)
    edited = interviewed("draft", "1", "thank_you", "--edit")
    assert edited.stdout.startswith("Saved your thank-you for application ")
    assert edited.stdout.endswith(" thank_you sends it.\n")
    assert interviewed("draft", "1", "thank_you").stdout == (
        "Subject: Thanks, Jane\n\nDear Jane,\n\nThank you for today.\n\nSam Seeker\n"
    )
    interviewed("send", "1", "thank_you")
    message = Message.objects.get()
    assert (message.subject, message.body) == (
        "Thanks, Jane",
        "Dear Jane,\n\nThank you for today.\n\nSam Seeker\n",
    )


def test_the_web_editor_shows_the_saved_text(interviewed: Run, editor: None) -> None:
    interviewed("draft", "1", "thank_you", "--edit")
    saved = SavedDraft.objects.get()
    browser = Client()
    browser.force_login(saved.owner)
    page = browser.get(f"/steps/{saved.step_id}/message/")
    assert page.status_code == 200
    assert "Thanks, Jane" in page.content.decode()
    assert "Thank you for today." in page.content.decode()


def test_subject_and_body_from_standard_input_without_an_editor(interviewed: Run) -> None:
    body = "Dear Jane,\n\nThank you for showing me the warehouse.\n\nSam Seeker\n"
    interviewed("draft", "1", "thank_you", "--subject", "Thank you, Jane", "--body-file", "-",
                stdin=body)  # fmt: skip
    assert interviewed("draft", "1", "thank_you").stdout == f"Subject: Thank you, Jane\n\n{body}"


def test_only_the_subject_keeps_the_drafted_body(interviewed: Run) -> None:
    interviewed("draft", "1", "thank_you", "--subject", "Thank you, Jane")
    printed = interviewed("draft", "1", "thank_you").stdout
    assert printed.startswith("Subject: Thank you, Jane\n\nDear Jane,\n")
    # The blank left in the saved text is filled once the name is known.
    assert "[[your name]]" in printed
    interviewed("config", "set", "name", "Sam Seeker")
    assert interviewed("draft", "1", "thank_you").stdout.endswith("Sam Seeker\n")


def test_discard_forgets_the_kept_text_and_drafts_afresh(interviewed: Run) -> None:
    drafted = interviewed("draft", "1", "thank_you").stdout
    interviewed("draft", "1", "thank_you", "--subject", "Thank you, Jane")
    discarded = interviewed("draft", "1", "thank_you", "--discard")
    assert discarded.stdout == (
        "Forgot your thank-you for application 1: nextsteps drafts it afresh.\n"
    )
    assert not SavedDraft.objects.exists()
    assert interviewed("draft", "1", "thank_you").stdout == drafted
    again = interviewed("draft", "1", "thank_you", "--discard")
    assert again.stdout.startswith("You kept no thank-you for application 1")


def test_discard_goes_alone(interviewed: Run) -> None:
    interviewed("draft", "1", "thank_you", "--subject", "Thank you, Jane")
    result = interviewed("draft", "1", "thank_you", "--discard", "--subject", "Hi", check=False)
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "--discard forgets your text" in result.stderr
    assert SavedDraft.objects.get().subject == "Thank you, Jane"


def test_the_flags_of_the_kept_text_are_said(interviewed: Run) -> None:
    kept = interviewed("draft", "1", "thank_you", "--body-file", "-",
                       stdin="Sorry to bother you, but did I get the job?\n")  # fmt: skip
    assert "tone:" in kept.stderr
    assert '"did I get the job"' in kept.stderr


def test_nothing_is_kept_when_the_editor_does_not_save(
    interviewed: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.delenv("VISUAL", raising=False)
    result = interviewed("draft", "1", "thank_you", "--edit", check=False)
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "Nothing saved" in result.stderr
    assert not SavedDraft.objects.exists()


def test_a_text_that_cannot_be_a_message_is_refused_and_nothing_kept(
    interviewed: Run, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    for args in (
        ("--body-file", str(empty)),
        ("--body-file", str(tmp_path / "missing.txt")),
        ("--subject", "two\nlines"),
    ):
        result = interviewed("draft", "1", "thank_you", *args, check=False)
        assert result.returncode == 2, args
        assert result.stderr.startswith("error: "), args
        assert result.stderr.count("\n") == 1, args
    assert not SavedDraft.objects.exists()


def test_an_edited_text_without_its_subject_line_is_refused(
    interviewed: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "careless.py"
    script.write_text("import sys\nopen(sys.argv[1], 'w').write('Dear Jane,\\n')\n")
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
    result = interviewed("draft", "1", "thank_you", "--edit", check=False)
    assert result.returncode == 2
    assert "The first line must be 'Subject: ...'" in result.stderr
    assert not SavedDraft.objects.exists()


@pytest.mark.processes
def test_a_real_process_reads_the_body_from_a_pipe(tmp_path: Path) -> None:
    """As a script would: `... | nextsteps draft 1 thank_you --body-file -`."""
    for args in (
        ("add", "Acme", "Data Analyst", "--contact", "Jane Doe <jane@acme.example>"),
        ("log", "1", "interview"),
    ):
        assert process(tmp_path, *args).returncode == 0
    kept = process(tmp_path, "draft", "1", "thank_you", "--body-file", "-", stdin="Thank you!\n")
    assert kept.returncode == 0, kept.stderr
    printed = process(tmp_path, "draft", "1", "thank_you").stdout
    assert printed.endswith("\n\nThank you!\n")
