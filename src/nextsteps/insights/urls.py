from django.urls import path

from nextsteps.insights import views

urlpatterns = [
    path("insights/", views.insights, name="insights"),
    path("insights/report/", views.report, name="insights-report"),
]
