"""Bar charts as the geometry of an inline SVG, drawn by insights/_chart.html: no
script, readable at a glance, and the same numbers in a table beside each one.

Sizes are in the SVG's own units; the picture scales to its box, so the text is
sized for the width of a phone (about 350 px for 360 units).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 360
ROW = 30  # a horizontal bar's row
LABEL_WIDTH = 130  # the labels left of horizontal bars, at least
CHARACTER = 8.5  # the width of a character of a label or a value, at most, at 13 units
COLUMN_AREA = 140  # the height of vertical columns at their tallest
COLUMN_LABELS = 34  # under the columns: the week and the count


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    text: str  # written at the bar's end or under it: `6 (55%)`
    x: float
    y: float
    width: float
    height: float
    # Where the label and the value are written.
    label_x: float
    label_y: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class Line:
    """A level across the chart: the weekly target."""

    label: str
    y: float
    label_y: float


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    summary: str  # the text alternative, one sentence
    width: int
    height: int
    bars: list[Bar]
    level: Line | None = None
    columns: bool = False  # vertical columns (True) or horizontal rows


def _scale(values: Sequence[int], room: float, level: int = 0) -> float:
    """Units per 1: the biggest value (or the level) fills the room."""
    top = max([*values, level, 1])
    return room / top


def rows(
    id: str,
    title: str,
    summary: str,
    data: Sequence[tuple[str, int]],
    texts: Sequence[str] = (),
) -> Chart:
    """Horizontal bars, a label on the left and at each bar's end its text (by default
    its value): `texts` can say more, as `6 (55%)`, and the bars make room for it."""
    written = list(texts) or [str(value) for _, value in data]
    left = max(LABEL_WIDTH, 8 + CHARACTER * max(len(label) for label, _ in data))
    room = WIDTH - left - 6 - CHARACTER * max(len(text) for text in written)
    per_one = _scale([value for _, value in data], room)
    bars = [
        Bar(
            label=label,
            value=value,
            text=text,
            x=left,
            y=n * ROW + 6,
            width=value * per_one,
            height=ROW - 12,
            label_x=left - 8,
            label_y=n * ROW + ROW / 2 + 5,
            value_x=left + value * per_one + 6,
            value_y=n * ROW + ROW / 2 + 5,
        )
        for n, ((label, value), text) in enumerate(zip(data, written, strict=True))
    ]
    return Chart(id, title, summary, WIDTH, ROW * len(data), bars)


def columns(
    id: str, title: str, summary: str, data: Sequence[tuple[str, int]], target: int
) -> Chart:
    """Vertical columns (the weeks), with the target as a dashed level across them."""
    step = WIDTH / max(len(data), 1)
    per_one = _scale([value for _, value in data], COLUMN_AREA, target)
    top = 12  # room above the tallest column for the target's label
    bars = [
        Bar(
            label=label,
            value=value,
            text=str(value),
            x=n * step + step * 0.15,
            y=top + COLUMN_AREA - value * per_one,
            width=step * 0.7,
            height=value * per_one,
            label_x=n * step + step / 2,
            label_y=top + COLUMN_AREA + 14,
            value_x=n * step + step / 2,
            value_y=top + COLUMN_AREA + 29,
        )
        for n, (label, value) in enumerate(data)
    ]
    level = None
    if target > 0:
        y = top + COLUMN_AREA - target * per_one
        level = Line(f"target {target}", y, y - 4)
    return Chart(
        id, title, summary, WIDTH, top + COLUMN_AREA + COLUMN_LABELS, bars, level, columns=True
    )
