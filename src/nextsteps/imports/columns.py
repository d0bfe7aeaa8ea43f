"""Which tracker wrote the file, and what each of its columns holds.

Every format's columns are read through one table of names (the header words of
Teal, Huntr and JobSync exports, and the usual words of a spreadsheet); a format
is recognised by the columns only its export has. Pure: header in, columns out.

The exports, as their makers publish or write them:
- JobSync (github.com/Gsync/jobsync, src/app/api/jobs/export/route.ts): index,
  createdAt, applied (Yes/No), appliedDate, Company, JobTitle, jobType, Location,
  JobSource, Status; dates as 2026-03-23, "N/A" for none.
- Teal's job tracker: Job Position, Company, Min./Max. Salary, Location, Status,
  Date Saved, Deadline, Date Applied, Follow up, Excitement.
- Huntr's board: a job's Title and Employer (or Company), the List it is on
  (Wishlist, Applied, Interview, Offer, Rejected), its URL, Location, Salary and dates.
- nextsteps' own (backups.exports.CSV_HEADERS): company, role, stage, applied date,
  url, source, kind, outcome, last event, last event date, and what is next.
- Reactive Resume exports a résumé as JSON (basics, sections, metadata): the jobs
  someone held, not the ones they applied for (see services.RESUME).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from nextsteps.imports.reading import ImportRefused


class Format(StrEnum):
    AUTO = "auto"
    TEAL = "teal"
    HUNTR = "huntr"
    REACTIVE_RESUME = "reactive-resume"
    JOBSYNC = "jobsync"
    GENERIC = "generic"


FORMAT_NAMES = {
    Format.TEAL: "a Teal export",
    Format.HUNTR: "a Huntr export",
    Format.REACTIVE_RESUME: "a Reactive Resume résumé",
    Format.JOBSYNC: "a JobSync export",
    Format.GENERIC: "a spreadsheet",
}


class Field(StrEnum):
    """What a column holds, whatever the file calls it."""

    COMPANY = "company"
    ROLE = "role"
    STATUS = "status"
    OUTCOME = "outcome"  # how a closed application ended, where a file says so apart
    APPLIED_ON = "applied on"
    APPLIED = "applied"  # a yes/no (JobSync) or a date, under the bare word
    SAVED_ON = "saved on"
    INTERVIEW_ON = "interview on"
    UPDATED_ON = "updated on"
    URL = "url"
    SALARY = "salary"
    MAX_SALARY = "max salary"
    LOCATION = "location"
    SOURCE = "source"
    JOB_TYPE = "job type"
    NOTES = "notes"


# Header words, as `key()` makes them, for each field.
ALIASES: dict[Field, tuple[str, ...]] = {
    Field.COMPANY: (
        "company", "company name", "employer", "employer name", "organization",
        "organisation", "organization name", "organisation name",
    ),
    Field.ROLE: (
        "role", "title", "job title", "position", "job position", "job", "job role",
        "position title", "role title",
    ),
    # Not "state": a spreadsheet's State is more often where the job is.
    Field.STATUS: ("status", "stage", "list", "job list", "application status"),
    Field.OUTCOME: ("outcome", "result"),
    Field.APPLIED_ON: (
        "applied on", "date applied", "applied date", "application date", "applied at",
        "date of application", "applied date time", "submitted", "date submitted",
    ),
    Field.APPLIED: ("applied",),
    Field.SAVED_ON: (
        "date saved", "saved", "saved on", "created", "created at", "date created",
        "date added", "added", "added on", "created on", "wishlist date",
    ),
    Field.INTERVIEW_ON: ("interview date", "interview on", "date interviewed", "interviewed on"),
    Field.UPDATED_ON: (
        "updated", "updated at", "last updated", "date updated", "status date",
        "last activity", "modified", "last modified", "moved at", "last moved",
        "last event date",
    ),
    Field.URL: (
        "url", "link", "job url", "job link", "posting url", "posting", "job posting",
        "job posting url", "posting link",
    ),
    Field.SALARY: ("salary", "min salary", "minimum salary", "compensation", "pay", "salary range"),
    Field.MAX_SALARY: ("max salary", "maximum salary"),
    Field.LOCATION: ("location", "city", "job location"),
    Field.SOURCE: ("source", "job source", "found via", "found on", "where found", "channel"),
    Field.JOB_TYPE: ("job type", "employment type", "type", "contract type", "kind"),
    # Not a job's description: the posting's whole text is no note of the user's.
    Field.NOTES: ("notes", "note", "comments", "comment"),
}  # fmt: skip
FIELD_OF = {alias: field for field, aliases in ALIASES.items() for alias in aliases}

# The columns only each tracker's export has, as `key()` makes them.
SIGNATURES: dict[Format, tuple[frozenset[str], ...]] = {
    Format.JOBSYNC: (frozenset({"job title", "job source", "applied date", "created at"}),),
    Format.TEAL: (
        frozenset({"job position", "excitement"}),
        frozenset({"job position", "date saved"}),
        frozenset({"job position", "max salary"}),
    ),
    Format.HUNTR: (frozenset({"employer", "list"}), frozenset({"company", "list"})),
}
SIGNATURE_WORDS = {
    Format.JOBSYNC: "createdAt, appliedDate, JobTitle and JobSource",
    Format.TEAL: "Job Position with Date Saved, Max. Salary or Excitement",
    Format.HUNTR: "a List column beside the Employer or Company",
}


def key(header: str) -> str:
    """A header as the alias table writes it: `appliedDate`, `Date_Applied` and
    `Max. Salary` become `applied date`, `date applied` and `max salary`."""
    split = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", header.strip())
    return " ".join(re.sub(r"[^0-9a-z]+", " ", split.casefold()).split())


@dataclass(frozen=True)
class Columns:
    format: Format
    positions: dict[Field, int]  # the first column holding each field
    ignored: tuple[str, ...]  # the headers no field reads, as the file writes them

    def cell(self, cells: tuple[str, ...], field: Field) -> str:
        position = self.positions.get(field)
        if position is None or position >= len(cells):
            return ""
        return cells[position].strip()


def recognise(header: tuple[str, ...], chosen: Format) -> Columns:
    """The file's format (the one chosen, checked against its columns, or the one its
    columns show) and where each field is. Raises ImportRefused in one sentence."""
    keys = [key(h) for h in header]
    found = set(keys)
    if chosen in SIGNATURES and not any(s <= found for s in SIGNATURES[chosen]):
        raise ImportRefused(
            f"This file is not {FORMAT_NAMES[chosen]}: that has the columns "
            f"{SIGNATURE_WORDS[chosen]}."
        )
    if chosen is Format.AUTO:
        chosen = next(
            (f for f, signatures in SIGNATURES.items() if any(s <= found for s in signatures)),
            Format.GENERIC,
        )
    positions: dict[Field, int] = {}
    ignored = []
    for position, (written, word) in enumerate(zip(header, keys, strict=True)):
        field = FIELD_OF.get(word)
        if field is None:
            if written.strip():
                ignored.append(written.strip())
            continue
        positions.setdefault(field, position)
    missing = [f.value for f in (Field.COMPANY, Field.ROLE) if f not in positions]
    if missing:
        names = [h.strip() for h in header if h.strip()]
        named = ", ".join(names[:8]) + (", ..." if len(names) > 8 else "") or "nothing"
        raise ImportRefused(
            f"nextsteps cannot tell which column holds the {' and the '.join(missing)}: "
            f"the first row names {named}. Name them Company and Role."
        )
    return Columns(chosen, positions, tuple(ignored))
