"""The pipeline: the applications as a board by stage, and as a table to sort and filter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from nextsteps.playbook.timeline import Stage
from nextsteps.web import queries
from nextsteps.web.views.common import SignedInRequest, clock

# A column shows its latest cards; the table has them all. The closed pile, which
# only grows, shows fewer.
COLUMN_LIMIT = 50
CLOSED_LIMIT = 20
TABLE_PAGE = 100

SORTS: dict[str, Callable[[queries.Row], Any]] = {
    "company": lambda r: r.application.company.name.casefold(),
    "role": lambda r: r.application.role.casefold(),
    "stage": lambda r: queries.STAGES.index(Stage(r.application.stage)),
    "applied": lambda r: r.application.applied_on or date.min,
    "next": lambda r: r.next_step.due.timestamp() if r.next_step else float("inf"),
}


@login_required
def board(request: SignedInRequest) -> HttpResponse:
    now = clock(request)
    rows = queries.pipeline(request.user)
    columns = []
    for stage in queries.STAGES:
        cards = [r for r in rows if r.application.stage == stage]
        limit = CLOSED_LIMIT if stage == Stage.CLOSED else COLUMN_LIMIT
        columns.append((stage, cards[:limit], len(cards), max(0, len(cards) - limit)))
    return render(
        request,
        "web/board.html",
        {"columns": columns, "count": len(rows), "now": now.now, "zone": now.zone},
    )


@login_required
def table(request: SignedInRequest) -> HttpResponse:
    now = clock(request)
    stage = request.GET.get("stage", "")
    stage = stage if stage in queries.STAGES else ""
    text = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "next")
    key = sort.removeprefix("-")
    if key not in SORTS:
        sort, key = "next", "next"
    rows = sorted(queries.pipeline(request.user, stage, text), key=SORTS[key])
    if sort.startswith("-"):
        rows.reverse()
    page = Paginator(rows, TABLE_PAGE).get_page(request.GET.get("page"))
    kept = {k: v for k, v in (("q", text), ("stage", stage), ("sort", sort)) if v}
    return render(
        request,
        "web/table.html",
        {
            "rows": page.object_list,
            "page": page,
            "count": len(rows),
            "kept": urlencode(kept),
            "stage": stage,
            "q": text,
            "sort": sort,
            "columns": [
                ("company", "Company"),
                ("role", "Role"),
                ("stage", "Stage"),
                ("applied", "Applied"),
                ("next", "Next step"),
            ],
            "stages": queries.STAGES,
            "now": now.now,
            "zone": now.zone,
        },
    )
