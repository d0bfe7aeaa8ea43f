from django.urls import path

from nextsteps.activities import views

urlpatterns = [
    path("activities/", views.index, name="activities"),
    path("activities/<int:activity_id>/done/", views.done, name="activity-done"),
    path("activities/<int:activity_id>/remove/", views.remove, name="activity-remove"),
]
