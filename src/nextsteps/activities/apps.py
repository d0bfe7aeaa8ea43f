from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "nextsteps.activities"
