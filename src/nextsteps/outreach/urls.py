from django.urls import path

from nextsteps.outreach import account_views, views

urlpatterns = [
    path("steps/<int:step_id>/message/", views.editor, name="message-editor"),
    path("steps/<int:step_id>/message.eml", views.eml, name="message-eml"),
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/pause/", views.pause, name="outbox-pause"),
    path("outbox/<int:message_id>/", views.message_page, name="message"),
    path("outbox/<int:message_id>/cancel/", views.cancel, name="message-cancel"),
    path("outbox/<int:message_id>/resolve/", views.resolve, name="message-resolve"),
    path("outbox/<int:message_id>/retry/", views.retry, name="message-retry"),
    path("settings/mail-account/check/", account_views.check_account, name="mail-account-check"),
    path("settings/mail-account/inbox/", account_views.inbox, name="mail-account-inbox"),
    path(
        "settings/mail-account/inbox/disconnect/",
        account_views.disconnect_inbox,
        name="mail-account-disconnect-inbox",
    ),
    path("settings/mail-account/", account_views.mail_account, name="mail-account"),
    path("settings/messages/<slug:kind>/", views.message_template, name="message-template"),
]
