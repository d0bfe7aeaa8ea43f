from django.urls import path

from nextsteps.capture import views

urlpatterns = [
    path("applications/capture/", views.capture, name="capture"),
    path("applications/capture/save/", views.save, name="capture-save"),
]
