from django.urls import path

from nextsteps.api.main import api

urlpatterns = [path("api/", api.urls)]
