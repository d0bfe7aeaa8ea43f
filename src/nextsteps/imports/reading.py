"""A file as rows of text: its characters decoded, its cells split, each row with
the line it starts on, so that the report can point at it. Pure: bytes in, rows out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


class ImportRefused(ValueError):
    """The file cannot be imported (unreadable, of no format nextsteps knows, or
    refused while writing); the message is one sentence for the user."""


@dataclass(frozen=True)
class Row:
    line: int  # the line of the file the row starts on; the header is usually line 1
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    header_line: int
    rows: tuple[Row, ...]


# A workbook is a zip file; CSV is what every spreadsheet and tracker can save as.
WORKBOOK = b"PK\x03\x04"
SAVE_AS_CSV = "save it as CSV (comma-separated values) and import that"
DELIMITERS = ",;\t"
# What a spreadsheet would run as a formula: an export that neutralised one wrote a
# ' before it, which is not part of the text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_of(data: bytes) -> str:
    """The file's characters: UTF-8 (with or without the byte-order mark a spreadsheet
    writes), UTF-16 with its mark, or else the Windows encoding Excel saves CSV in."""
    if not data.strip():
        raise ImportRefused("The file is empty.")
    if data.startswith(WORKBOOK):
        raise ImportRefused(f"This is a spreadsheet workbook, not a CSV file: {SAVE_AS_CSV}.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportRefused("The file says it is UTF-16 text but is not.") from None
    if b"\x00" in data:
        raise ImportRefused(f"This file is not text: {SAVE_AS_CSV}.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportRefused(
            f"nextsteps cannot read this file's characters: {SAVE_AS_CSV}, in UTF-8."
        ) from None


def json_of(text: str) -> Any:
    """The file's JSON document, or None when it is not JSON."""
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def table_of(text: str) -> Table:
    """The header row and the rows under it. Blank lines are skipped (and counted)."""
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = _rows(reader)
    header = next(rows, None)
    if header is None:
        raise ImportRefused("The file is empty.")
    return Table(header=header.cells, header_line=header.line, rows=tuple(rows))


def _rows(reader: Any) -> Iterator[Row]:
    line = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield Row(line, tuple(_cell(cell) for cell in cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportRefused(f"Line {line} cannot be read as CSV ({exc}).") from None


def _cell(text: str) -> str:
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def _delimiter(text: str) -> str:
    """The separator the first line uses most, outside quotes: a comma, a semicolon
    (a spreadsheet where the comma is the decimal mark) or a tab."""
    first = text.lstrip("\r\n").split("\n", 1)[0]
    unquoted = "".join(part for index, part in enumerate(first.split('"')) if index % 2 == 0)
    return max(DELIMITERS, key=lambda d: (unquoted.count(d), d == ","))
