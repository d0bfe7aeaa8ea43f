from django.urls import path

from nextsteps.reminders import views

urlpatterns = [
    path("calendar/<str:token>.ics", views.feed, name="calendar-feed"),
    path("calendar/rotate/", views.rotate, name="calendar-rotate"),
    path("interviews/<int:event_id>.ics", views.interview, name="interview-ics"),
]
