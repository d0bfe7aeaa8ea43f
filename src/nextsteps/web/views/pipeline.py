"""The pipeline: the applications as a board by stage, and as a table to sort and filter."""

from __future__ import annotations

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


@login_required
def board(request: SignedInRequest) -> HttpResponse:
    now = clock(request)
    shown = {s: CLOSED_LIMIT if s == Stage.CLOSED else COLUMN_LIMIT for s in queries.STAGES}
    columns = [
        (stage, rows, total, max(0, total - len(rows)))
        for stage, rows, total in queries.board(request.user, shown)
    ]
    return render(
        request,
        "web/board.html",
        {
            "columns": columns,
            "count": sum(total for _, _, total, _ in columns),
            "now": now.now,
            "zone": now.zone,
        },
    )


@login_required
def table(request: SignedInRequest) -> HttpResponse:
    now = clock(request)
    stage = request.GET.get("stage", "")
    stage = stage if stage in queries.STAGES else ""
    text = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "next")
    if sort.removeprefix("-") not in queries.SORTS:
        sort = "next"
    applications = queries.table(request.user, sort, stage, text)
    page = Paginator(applications, TABLE_PAGE).get_page(request.GET.get("page"))
    kept = {k: v for k, v in (("q", text), ("stage", stage), ("sort", sort)) if v}
    return render(
        request,
        "web/table.html",
        {
            "rows": queries.with_next_steps(request.user, page.object_list),
            "page": page,
            "count": page.paginator.count,
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
