from django.urls import path

from nextsteps.inbox import views

urlpatterns = [
    path("inbox/<int:mail_id>/confirm/", views.confirm, name="mail-confirm"),
    path("inbox/<int:mail_id>/dismiss/", views.dismiss, name="mail-dismiss"),
]
