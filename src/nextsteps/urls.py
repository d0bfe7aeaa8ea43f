from django.urls import include, path

urlpatterns = [
    path("", include("nextsteps.reminders.urls")),
    path("", include("nextsteps.outreach.urls")),
    path("", include("nextsteps.inbox.urls")),
    path("", include("nextsteps.activities.urls")),
    path("", include("nextsteps.insights.urls")),
    path("", include("nextsteps.imports.urls")),
    path("", include("nextsteps.capture.urls")),
    path("", include("nextsteps.api.urls")),
    path("", include("nextsteps.web.urls")),
]
