"""The import page: choose a file, see the dry run's report, then confirm. The file
waits in the user's session between the two, checked by its digest, so that the
confirmation imports the very file whose report the user read."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from nextsteps.imports import services, wording
from nextsteps.imports.columns import Format
from nextsteps.imports.forms import ImportForm
from nextsteps.imports.reading import ImportRefused
from nextsteps.web.views.common import SignedInRequest

WAITING = "import-waiting"
# The rows the page lists to be created; those refused and those already there are
# all listed, as each may need the user.
LISTED = 200
GONE = "That file is no longer waiting to be imported: choose it again."


@login_required
def import_page(request: SignedInRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, ImportForm())
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, status=400)
    upload = form.cleaned_data["file"]
    data = upload.read()
    chosen = Format(form.cleaned_data["format"])
    try:
        report = services.preview(request.user, data, chosen)
    except ImportRefused as exc:
        form.add_error("file", str(exc))
        return _page(request, form, status=400)
    digest = hashlib.sha256(data).hexdigest()
    request.session[WAITING] = {
        "digest": digest,
        "format": chosen.value,
        "name": upload.name,
        "data": base64.b64encode(data).decode("ascii"),
    }
    return _page(request, ImportForm(), report=report, digest=digest, name=upload.name)


@login_required
@require_POST
def confirm(request: SignedInRequest) -> HttpResponse:
    waiting = request.session.get(WAITING)
    if not waiting or waiting.get("digest") != request.POST.get("digest"):
        return render(request, "web/refused.html", {"message": GONE}, status=400)
    data = base64.b64decode(waiting["data"])
    try:
        report = services.run_import(request.user, data, Format(waiting["format"]))
    except ImportRefused as exc:
        return _page(request, ImportForm(), status=400, problem=str(exc))
    del request.session[WAITING]
    messages.success(request, wording.summary(report))
    return redirect("table")


def _page(
    request: SignedInRequest,
    form: ImportForm,
    status: int = 200,
    report: services.Report | None = None,
    **context: Any,
) -> HttpResponse:
    """The page with the form, or with the dry run's `report` in words; `context`
    adds the file's digest and name, or the sentence that refused it."""
    if report is not None:
        context.update(
            report=report,
            summary=wording.summary(report),
            notes=wording.reading_notes(report),
            to_create=[
                (c, wording.title(c.company, c.role), wording.events_said(c, report.today))
                for c in report.to_create[:LISTED]
            ],
            unlisted=max(0, len(report.to_create) - LISTED),
            duplicates=[
                (d, wording.title(d.company, d.role), wording.duplicate_of(d))
                for d in report.duplicates
            ],
        )
    return render(request, "imports/import.html", {"form": form, **context}, status=status)
