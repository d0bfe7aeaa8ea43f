"""The next steps nextsteps planned: reading them, doing them, setting them aside."""

# The annotations are read at run time: they make the schema.
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from nextsteps.api.common import Page, now_of, owner
from nextsteps.api.schemas import Id, RecordedOut, SkipIn, StepOut, refusals
from nextsteps.tracker import services
from nextsteps.tracker.models import NextStep

router = Router(tags=["steps"])


def _steps(request: HttpRequest) -> QuerySet[NextStep]:
    return NextStep.objects.filter(owner=owner(request)).select_related("application__company")


@router.get("", response={200: list[StepOut], **refusals()})
@paginate(Page)
def list_steps(request: HttpRequest, state: NextStep.State | None = None) -> QuerySet[NextStep]:
    """Your steps in the order they are due; with `state`, those in that state."""
    rows = _steps(request).order_by("due", "id")
    return rows.filter(state=state) if state else rows


@router.get("/{step_id}", response={200: StepOut, **refusals(404)})
def get_step(request: HttpRequest, step_id: Id) -> NextStep:
    return services.step_of(owner(request), step_id)


@router.post("/{step_id}/done", response={201: RecordedOut, **refusals(400, 404)})
def mark_done(request: HttpRequest, step_id: Id) -> Status[services.Recorded]:
    """Done: records the event that does it (a thank-you sent, say) and replans."""
    user = owner(request)
    step = services.step_of(user, step_id)
    return Status(201, services.complete_step(step, now_of(user)))


@router.post("/{step_id}/skip", response={200: StepOut, **refusals(400, 404)})
def skip(request: HttpRequest, step_id: Id, data: SkipIn) -> NextStep:
    """Set it aside, saying why; it does not come back unless the plan changes."""
    user = owner(request)
    step = services.step_of(user, step_id)
    services.skip_step(step, data.reason, now_of(user))
    return services.step_of(user, step_id)
