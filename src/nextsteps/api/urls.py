from django.urls import path

from nextsteps.api import views
from nextsteps.api.main import api

urlpatterns = [
    path("api/", api.urls),
    path("settings/tokens/", views.index, name="api-tokens"),
    path("settings/tokens/<int:token_id>/revoke/", views.revoke, name="api-token-revoke"),
]
