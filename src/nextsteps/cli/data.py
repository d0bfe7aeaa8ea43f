"""Your data in files: `export` (a spreadsheet of the applications, vCards of the
contacts), `backup` and `restore` (the whole account as JSON). Each imports what it
uses in its body (see cli/app.py)."""

from __future__ import annotations

import sys

import click

from nextsteps.cli.app import cli, current_user
from nextsteps.cli.parse import BadInput
from nextsteps.cli.terminal import say

FORMATS = ("csv", "vcard")
VCARD_SUFFIXES = (".vcf", ".vcard")
file_argument = click.argument(
    "file", metavar="FILE", type=click.Path(dir_okay=False, allow_dash=True)
)


@cli.command()
@file_argument
@click.option(
    "--format",
    "file_format",
    type=click.Choice(FORMATS),
    help="csv: the applications, for a spreadsheet; vcard: the contacts, for an address "
    "book. Default: vcard for a FILE ending in .vcf, csv otherwise.",
)
def export(file: str, file_format: str | None) -> None:
    """Write your applications as a spreadsheet (CSV), or your contacts as vCards, to
    FILE (- for standard output)."""
    from nextsteps.backups import exports

    if file_format is None:
        file_format = "vcard" if file.lower().endswith(VCARD_SUFFIXES) else "csv"
    user = current_user()
    if file_format == "vcard":
        write(file, exports.contacts_vcard(user))
    else:
        write(file, exports.applications_csv(user))


def write(file: str, content: bytes) -> None:
    """The content to FILE, whole and private to the user, or to standard output."""
    from pathlib import Path

    from nextsteps.private_files import write_private

    if file == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    try:
        write_private(Path(file), content)
    except OSError as exc:
        raise BadInput(f"Cannot write {file}: {exc.strerror or exc}.") from None
    say(f"Wrote {file}.")


@cli.command()
@file_argument
def backup(file: str) -> None:
    """Write everything your account holds to FILE as JSON (- for standard output);
    `nextsteps restore FILE` brings it back, here or into another database. Mail
    passwords and the calendar's address stay encrypted with this install's key."""
    from nextsteps.backups.backup import backup_json

    write(file, backup_json(current_user()))


@cli.command()
@click.argument("file", metavar="FILE", type=click.Path(dir_okay=False, allow_dash=True))
def restore(file: str) -> None:
    """Bring a backup back into your account, which must hold nothing yet (a new
    database, or another account: NEXTSTEPS_USER=name). All of it, or nothing."""
    from pathlib import Path

    from nextsteps.backups.restore import read_backup
    from nextsteps.backups.restore import restore as restore_backup

    try:
        content = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as exc:
        raise BadInput(f"Cannot read {file}: {exc.strerror or exc}.") from None
    user = current_user()
    restored = restore_backup(user, read_backup(content, file))
    counts = ", ".join(
        f"{count} {name.replace('_', ' ')}"
        for name, count in restored.rows.items()
        if count and name in SUMMARY
    )
    say(f"Restored {file} into the account {user.get_username()}: {counts or 'nothing'}.")
    for note in restored.notes:
        say(note)


# The tables a restore's summary counts: what the user recognises as theirs.
SUMMARY = ("applications", "events", "contacts", "messages", "mails", "activities")
