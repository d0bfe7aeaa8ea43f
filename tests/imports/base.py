"""The import tests' base: the owner on London's clock, pinned to Monday 16
November 2026, and the files written in the shapes of each tracker's export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import time_machine

from nextsteps.imports.columns import Format
from nextsteps.imports.services import Report, preview, run_import
from nextsteps.imports.wording import events_said, title
from tests.base import LONDON, BaseTestCase

FILES = Path(__file__).parent / "files"
NOW = datetime(2026, 11, 16, 10, 0, tzinfo=LONDON)


def file(name: str) -> bytes:
    return (FILES / name).read_bytes()


def listed(report: Report) -> list[tuple[int, str, str]]:
    """Each row to create as the report says it: its line, what, and what happened."""
    return [
        (c.line, title(c.company, c.role), events_said(c, report.today)) for c in report.to_create
    ]


class ImportTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        traveller = time_machine.travel(NOW, tick=False)
        traveller.start()
        self.addCleanup(traveller.stop)

    def preview(self, data: bytes | str, chosen: Format = Format.AUTO) -> Report:
        return preview(self.alice, data.encode() if isinstance(data, str) else data, chosen)

    def run_import(self, data: bytes | str, chosen: Format = Format.AUTO) -> Report:
        return run_import(self.alice, data.encode() if isinstance(data, str) else data, chosen)
