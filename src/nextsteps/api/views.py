"""Settings: the personal API tokens, made, named and revoked."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from nextsteps.api import tokens
from nextsteps.api.forms import TokenForm
from nextsteps.web.views.common import SignedInRequest, clock


@login_required
def index(request: SignedInRequest) -> HttpResponse:
    """GET: the tokens and the form to make one. POST: make one, and show it this once."""
    form = TokenForm(request.POST or None)
    made = None
    if request.method == "POST" and form.is_valid():
        made = tokens.create_token(request.user, form.cleaned_data["name"])
        form = TokenForm()
    now = clock(request)
    context = {
        "form": form,
        "made": made,
        "tokens": tokens.tokens_of(request.user),
        "zone": now.zone,
        "now": now.now,
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "api/tokens.html", context, status=status)


@login_required
@require_POST
def revoke(request: SignedInRequest, token_id: int) -> HttpResponse:
    try:
        token = tokens.revoke_token(request.user, token_id)
    except tokens.NotFound:
        raise Http404("No such token.") from None
    messages.success(request, f"Revoked {token.name}: a program using it is now refused.")
    return redirect("api-tokens")
