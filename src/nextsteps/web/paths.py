"""The path of one object's page, such as /steps/12/done/, for lists of them: Django's
reverse() costs more than the rest of a card, so each URL's pattern is asked of it
once per process and filled in with the id."""

from __future__ import annotations

from functools import cache

from django.urls import get_script_prefix, reverse

# An id no table reaches, to find where the id goes in the path reverse() makes.
_MARK = 9_876_543_210_123


def path_to(name: str, object_id: int) -> str:
    """reverse(name, args=[object_id]) for a URL whose one argument is an id."""
    head, tail = _pattern(get_script_prefix(), name)
    return f"{head}{object_id}{tail}"


@cache
def _pattern(prefix: str, name: str) -> tuple[str, str]:
    head, tail = reverse(name, args=[_MARK]).split(str(_MARK))
    return head, tail
