"""What the fuzz tests type: careless and hostile text, dates at the ends of the
calendar, numbers that are not, bytes that are not UTF-8; and what they check after
each try: that a refusal left the database as it was."""

from __future__ import annotations

import hashlib
import os

from django.apps import apps
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# A fixed budget per surface, so the fuzz tests cost CI the same every run; raise
# NEXTSTEPS_FUZZ_EXAMPLES to search longer on a quiet machine.
EXAMPLES = int(os.environ.get("NEXTSTEPS_FUZZ_EXAMPLES", "200"))
BUDGET = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SPECIAL = [
    "",
    " ",
    "\r\n",
    "Jane\r\nBcc: x@example.com <jane@example.com>",
    "Acme\x1b]0;owned\x07",
    "red \x1b[31m text",
    "nul\x00byte",
    "x" * 102_400,
    "\u202eevil",
    "9999-12-31",
    "0001-01-01",
    "1969-12-31",
    "10000-01-01",
    "2026-02-30",
    "9999-12-31 23:59",
    "0001-01-01 00:00",
    "²",
    "٣",
    "-1",
    "0",
    "101",
    "65536",
    "99999999999999999999",
    "1e3",
    "Mars/Olympus",
    "../../etc/passwd",
    "Europe/London",
    "Jane Doe <jane@acme.example>",
    "jane@acme.example",
    "<nobody>",
    "[/]",
    "[bold]x",
    "{{ range(100000)|list|join }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "GB",
    "ZZ",
    "off",
    "25:00",
    "09:00-17:00",
    "mon,fun",
    "javascript:alert(1)",
    "smtp example.com",
]
# Bytes that were not UTF-8 reach Python as these surrogates (argv, file names).
NOT_UTF8 = ["\udcff\udcfe", "caf\udce9", "\udc80"]

text = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=40),
    st.builds(lambda a, b: a + b, st.sampled_from(SPECIAL), st.text(max_size=20)),
    st.text(st.characters(codec="utf-8", categories=["Cc", "Zl", "Zp", "Cf"]), max_size=10),
)
text_or_bytes = st.one_of(text, st.sampled_from(NOT_UTF8))


def snapshot() -> dict[str, tuple[int, str]]:
    """Every table nextsteps and its libraries keep: its number of rows and a hash
    of their values."""
    state = {}
    for model in apps.get_models():
        rows = list(model._base_manager.order_by("pk").values_list())
        digest = hashlib.sha256(repr(rows).encode("utf-8", "backslashreplace")).hexdigest()
        state[model._meta.label] = (len(rows), digest)
    return state
