from django.urls import path

from nextsteps.imports import views

urlpatterns = [
    path("import/", views.import_page, name="import"),
    path("import/confirm/", views.confirm, name="import-confirm"),
]
