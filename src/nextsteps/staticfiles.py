"""The static files as browsers get them: under names that carry a hash of their
content, with gzip-compressed copies, kept a year in caches. WhiteNoise serves them
from STATIC_ROOT, where `collect_static_files` writes them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from whitenoise.middleware import WhiteNoiseMiddleware

ONE_YEAR = 365 * 24 * 60 * 60


class StaticFiles(WhiteNoiseMiddleware):  # type: ignore[misc]  # whitenoise has no types
    """A file under its hashed name never changes, so browsers may keep it for a year,
    the longest HTTP/1.1 asks a cache to keep a response (RFC 2616, 14.21)."""

    FOREVER = ONE_YEAR


def collect_static_files() -> None:
    """Write the hashed and compressed copies into STATIC_ROOT, when the shipped files
    changed since the last time (a new install or an upgrade), not at every start.
    Call it before the WSGI application is made: WhiteNoise reads STATIC_ROOT then."""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders
    from django.core.management import call_command

    shipped = sorted(
        (path, Path(storage.path(path)).stat())
        for finder in get_finders()
        for path, storage in finder.list([])
    )
    fingerprint = hashlib.sha256(
        repr([(path, stat.st_size, stat.st_mtime_ns) for path, stat in shipped]).encode()
    ).hexdigest()
    root = Path(settings.STATIC_ROOT)
    stamp = root.with_name(f"{root.name}.sha256")  # beside it: not served
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(fingerprint)
