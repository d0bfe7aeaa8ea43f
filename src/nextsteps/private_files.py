"""What nextsteps keeps on disk is its owner's alone: the data directory (0700), the
SQLite database with its WAL and shared-memory files, and the key files (0600).
They are created so, and an older install that left them open is tightened when
nextsteps next opens them. (On Windows the user's profile folder guards them.)"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def private_folder(path: Path) -> None:
    """Make the folder if it is missing, readable by its owner only."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)


def tighten(path: Path, mode: int) -> None:
    """Take away what group and others may do with `path`, if it exists."""
    if os.name != "posix":
        return
    try:
        current = path.stat().st_mode & 0o777
    except FileNotFoundError:
        return
    if current & ~mode:
        path.chmod(current & mode)


def private_database(path: Path, data_dir: Path) -> None:
    """Before SQLite opens `path`: the file exists and is private, so the WAL and
    shared-memory files SQLite makes beside it take the same permissions."""
    private_folder(path.parent)
    if path.parent.resolve() == data_dir.resolve():
        tighten(path.parent, PRIVATE_FOLDER)  # nextsteps' own folder, not one the user shares
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        tighten(file, PRIVATE_FILE)


def write_private(path: Path, content: bytes) -> None:
    """Write the file whole or not at all, readable by its owner only: a copy beside
    it takes the content first, then replaces `path` in one step."""
    # A name of its own for each writer, threads of one process included; 0600.
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    partial = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
