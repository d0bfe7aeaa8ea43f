"""The timeline once noted a sent message as "Sent by nextsteps (<its Message-ID>)."; the
application page now links to the message itself, and the note says it in words."""

from django.db import migrations

OLD_START, OLD_END, NOTE = "Sent by nextsteps (<", ">).", "Sent by nextsteps."


def plain_notes(apps, schema_editor):
    Event = apps.get_model("tracker", "Event")
    Event.objects.filter(note__startswith=OLD_START, note__endswith=OLD_END).update(note=NOTE)


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0003_saved_draft"),
    ]

    operations = [migrations.RunPython(plain_notes, migrations.RunPython.noop)]
