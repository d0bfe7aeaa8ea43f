from django.contrib.auth.views import LogoutView
from django.urls import path

from nextsteps.web.views import (
    account,
    applications,
    contacts,
    events,
    first_visit,
    pipeline,
    steps,
    today,
)

urlpatterns = [
    path("", today.today, name="today"),
    path("signup/", account.signup, name="signup"),
    path("welcome/", first_visit.set_first_password, name="first-visit"),
    path("login/", account.login_view, name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("settings/", account.settings_page, name="settings"),
    path("settings/password/", account.password, name="password"),
    path("pipeline/", pipeline.board, name="board"),
    path("pipeline/table/", pipeline.table, name="table"),
    path("applications/new/", applications.add, name="add-application"),
    path("applications/<int:application_id>/", applications.page, name="application"),
    path(
        "applications/<int:application_id>/people/",
        applications.add_person,
        name="application-people",
    ),
    path(
        "applications/<int:application_id>/temporary/",
        applications.set_temporary,
        name="application-temporary",
    ),
    path("applications/<int:application_id>/log/<slug:form>/", events.log, name="log"),
    path("steps/<int:step_id>/done/", steps.done, name="step-done"),
    path("steps/<int:step_id>/skip/", steps.skip, name="step-skip"),
    path("contacts/", contacts.index, name="contacts"),
    path("contacts/<int:contact_id>/", contacts.edit, name="contact"),
]
