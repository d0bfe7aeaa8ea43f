from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations, models

from nextsteps.playbook import StepKind, Workdays, load_playbook
from nextsteps.playbook.plan import lapse_moment


def set_lapse_times(apps, schema_editor):
    """Open steps get the moment they lapse from their owner's playbook, as a replan
    would; the next replan refines it (a reflection lapses once the thank-you goes)."""
    NextStep = apps.get_model("tracker", "NextStep")
    Profile = apps.get_model("accounts", "Profile")
    calendars = {
        p.user_id: (load_playbook(p.playbook), Workdays(ZoneInfo(p.timezone)))
        for p in Profile.objects.all()
    }
    for step in NextStep.objects.filter(state="open").iterator():
        if step.owner_id not in calendars:
            continue
        playbook, workdays = calendars[step.owner_id]
        lapses = lapse_moment(StepKind(step.kind), step.due, step.all_day, playbook, workdays)
        if lapses is not None:
            NextStep.objects.filter(pk=step.pk).update(lapses_at=lapses)


class Migration(migrations.Migration):

    dependencies = [
        ('tracker', '0004_agenda_indexes'),
        ('accounts', '0003_digest'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='event',
            name='contact_on',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='nextstep',
            name='lapses_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name='nextstep',
            name='kind',
            field=models.CharField(choices=[('prepare_interview', 'prepare_interview'), ('reflect', 'reflect'), ('thank_you', 'thank_you'), ('handwritten_note', 'handwritten_note'), ('send_materials', 'send_materials'), ('follow_up', 'follow_up'), ('move_on', 'move_on'), ('check_in', 'check_in'), ('reply_to_rejection', 'reply_to_rejection'), ('keep_searching', 'keep_searching'), ('ask_for_written_offer', 'ask_for_written_offer'), ('answer_offer', 'answer_offer')], max_length=24),
        ),
        migrations.AlterField(
            model_name='nextstep',
            name='state',
            field=models.CharField(choices=[('open', 'Open'), ('done', 'Done'), ('skipped', 'Skipped'), ('cancelled', 'Cancelled'), ('lapsed', 'Lapsed')], default='open', max_length=16),
        ),
        migrations.AddIndex(
            model_name='nextstep',
            index=models.Index(condition=models.Q(('lapses_at__isnull', False), ('state', 'open')), fields=['owner', 'lapses_at'], name='nextstep_open_lapses'),
        ),
        migrations.RunPython(set_lapse_times, migrations.RunPython.noop),
    ]
