"""The daily copies' schedule: one row, which a worker claims before copying."""

from __future__ import annotations

from django.db import models


class CopySchedule(models.Model):
    """When the next daily copy of the SQLite database is due. A worker that claims
    it moves the time a lease ahead (`backups.copies`), so no other worker copies
    the database at the same time; once the copy is made, to the next day."""

    next_copy_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"next copy at {self.next_copy_at:%Y-%m-%d %H:%M}"
