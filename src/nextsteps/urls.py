from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("nextsteps.reminders.urls")),
    path("", include("nextsteps.outreach.urls")),
    path("", include("nextsteps.web.urls")),
]
