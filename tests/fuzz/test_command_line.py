"""Fuzz: every command's arguments and options, typed carelessly or with hostile
intent. Never a traceback: the command answers (exit 0) or refuses in one line
(exit 2), nothing it prints sends a control character to the terminal, and a
refusal leaves the database as it was."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

import click
from django.utils import timezone
from hypothesis import event, given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from nextsteps.cli import command_group
from nextsteps.cli.app import current_user
from nextsteps.outreach import services as outreach
from nextsteps.playbook import Event, EventKind
from nextsteps.tracker import services
from tests.cli.conftest import run
from tests.fuzz.hostile import BUDGET, snapshot, text_or_bytes

# Commands that serve, loop, reach the network, migrate or open an editor: their
# arguments are checked by their own tests.
LEFT_OUT = {
    ("serve",),
    ("worker",),
    ("sync",),
    ("migrate",),
    ("mail-account", "test"),
    ("demo",),
}
OPTIONS_LEFT_OUT = {"--edit"}
# A prompt waits for a person: the password comes on standard input here.
OPTIONS_ALWAYS = {("account", "password"): ["--password-stdin"]}
# What a terminal would act on; \r\n ends the lines of an .ics file.
ACTED_ON = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\ud800-\udfff]")

FILES = Path(mkdtemp(prefix="nextsteps-fuzz-"))
(FILES / "letter.txt").write_text("Subject: Thank you\n\nDear Jane, thank you.\n")
(FILES / "latin1.txt").write_bytes(b"Subject: Merci\n\nappr\xe9ci\xe9\n")
PATHS = ["-", str(FILES / "letter.txt"), str(FILES / "latin1.txt"), str(FILES), "/nonexistent/x"]


def commands_of(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[Any]:
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands_of(command, (*path, name))
        elif (*path, name) not in LEFT_OUT:
            yield (*path, name), command


COMMANDS = list(commands_of(command_group()))
# Ids the commands look up, filled in with the seeded rows' own when run.
IDS = ["{application}", "{saved}", "{message}", "0", "-1", "99999", "99999999999999999999"]


def value_of(parameter: click.Parameter) -> st.SearchStrategy[str]:
    kind = parameter.type
    if isinstance(kind, click.Choice):
        return st.one_of(st.sampled_from([str(c) for c in kind.choices]), text_or_bytes)
    if isinstance(kind, click.types.IntParamType):
        return st.one_of(st.sampled_from(IDS), text_or_bytes)
    if isinstance(kind, click.File):  # "-" is standard input or output
        return st.sampled_from(PATHS)
    if isinstance(kind, click.Path):  # a file to write: only in the fuzz test's folder
        return st.sampled_from([str(FILES / "out.ics"), str(FILES), "/nonexistent/x.ics"])
    return text_or_bytes


@st.composite
def typed_commands(draw: st.DrawFn) -> list[str]:
    """One command as a user might type it: its arguments, then some of its options."""
    path, command = draw(st.sampled_from(COMMANDS))
    args = [*path, *OPTIONS_ALWAYS.get(path, [])]
    for parameter in command.params:
        if isinstance(parameter, click.Argument):
            args.append(draw(value_of(parameter)))
            continue
        assert isinstance(parameter, click.Option)
        option = parameter.opts[0]
        if option in OPTIONS_LEFT_OUT or option in args or not draw(st.booleans()):
            continue
        if parameter.is_flag:
            args.append(option)
        else:
            args += [option, draw(value_of(parameter))]
    return args


class CommandLineFuzzTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        """The command line's user with an interview an hour ago (its thank-you can
        go now), a saved job, a mail account and a scheduled message."""
        user = current_user()
        for key, value in (
            ("timezone", "Europe/London"),
            ("country", "GB"),
            ("working_days", "mon,tue,wed,thu,fri,sat,sun"),
            ("working_hours", "00:00-23:59"),
        ):
            run("config", "set", key, value)
        zone = timezone.get_current_timezone()
        ended = timezone.now().astimezone(zone) - timedelta(hours=1)
        application = services.add_application(
            user,
            "Acme",
            "Data Analyst",
            applied_on=ended.date() - timedelta(days=10),
            contact=services.ContactDetails("Jane Doe", "jane@acme.example"),
        )
        services.record_event(
            application, Event(EventKind.INTERVIEW_HELD, ended - timedelta(hours=1), end=ended)
        )
        run("log", str(application.id), "reflection", "--strength", "the SQL exercise",
            "--topic", "their warehouse move")  # fmt: skip
        saved = services.add_application(user, "Globex", "Engineer")
        outreach.set_mail_account(
            user, outreach.AccountSettings("127.0.0.1", 2525, "none", "Me <me@example.com>")
        )
        message = run("send", str(application.id), "thank_you")
        cls.ids = {
            "{application}": str(application.id),
            "{saved}": str(saved.id),
            "{message}": message.stdout.split()[1],
        }

    @BUDGET
    @given(typed_commands(), st.sampled_from(["", "a password\n", "\xff\n"]))
    def test_a_command_answers_or_refuses_in_one_line(self, args: list[str], stdin: str) -> None:
        args = [self.ids.get(arg, arg) for arg in args]
        before = snapshot()
        result = run(*args, check=False, stdin=stdin)
        event(f"exit {result.returncode}")
        shown = result.stdout + result.stderr
        self.assertIsNone(ACTED_ON.search(shown.replace("\r\n", "\n")), (args, shown[:500]))
        if result.returncode == 0:
            return
        self.assertEqual(result.returncode, 2, (args, result.stderr[-2000:]))
        self.assertTrue(result.stderr.startswith("error: "), (args, result.stderr[:500]))
        self.assertEqual(result.stderr.count("\n"), 1, (args, result.stderr[:500]))
        self.assertEqual(snapshot(), before, args)
