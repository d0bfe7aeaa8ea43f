"""The project's URLs with the message pages, until the project's urls.py includes them."""

from django.urls import include, path

from nextsteps.urls import urlpatterns as project

urlpatterns = [*project, path("", include("nextsteps.outreach.urls"))]
