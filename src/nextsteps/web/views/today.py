"""Today: what to do now, grouped as overdue, today and coming up."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from nextsteps.activities import services as activities
from nextsteps.activities.cards import activity_cards
from nextsteps.inbox import services as inbox
from nextsteps.inbox.cards import mail_card
from nextsteps.outreach.services import step_sends
from nextsteps.playbook.insights import against_target
from nextsteps.tracker import services
from nextsteps.web.cards import SHOWN, day_of
from nextsteps.web.views.common import SignedInRequest, clock
from nextsteps.web.views.first_visit import claimable

# How far ahead "coming up" looks: far enough to show a follow-up a week out, even
# when a weekend or a holiday moved it.
COMING_UP_DAYS = 10
# Mail from the inbox: what waits for the user, and what nextsteps did lately.
MAILS_SHOWN = 5
# Activities due (learning, networking, temporary work); the rest wait on their page.
ACTIVITIES_SHOWN = 5


def today(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(_front_door(request))
    return _today(request)  # type: ignore[arg-type]


def _front_door(request: HttpRequest) -> str:
    """The first visit sets the command line's password (on the computer itself) or
    creates the account; later ones sign in."""
    if claimable(request) is not None:
        return "first-visit"
    nobody_yet = not User.objects.exclude(password__startswith="!").exists()
    return "signup" if settings.SIGNUP_OPEN and nobody_yet else "login"


@login_required
def _today(request: SignedInRequest) -> HttpResponse:
    now = clock(request)
    glance = services.agenda_at_a_glance(
        request.user, now.profile, now.now, ahead_days=COMING_UP_DAYS, shown=SHOWN
    )
    monday = now.now.date() - timedelta(days=now.now.weekday())
    mail = inbox.glance(request.user, now.now, MAILS_SHOWN)
    return render(
        request,
        "web/today.html",
        {
            "day": day_of(glance, now.now, partial(step_sends, request.user)),
            "this_week": against_target(
                services.applied_since(request.user, monday), now.profile.weekly_target
            ),
            "weekly_target": now.profile.weekly_target,
            "mails_waiting": [mail_card(m, now.zone, now.now) for m in mail.waiting],
            "mails_waiting_more": mail.waiting_more,
            "mails_lately": [mail_card(m, now.zone, now.now) for m in mail.lately],
            "activities_due": activity_cards(
                activities.due_activities(request.user, now.now.date(), ACTIVITIES_SHOWN + 1),
                now.now.date(),
            ),
            "activities_shown": ACTIVITIES_SHOWN,
        },
    )
