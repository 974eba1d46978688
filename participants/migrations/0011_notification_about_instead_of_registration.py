import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F


def registration_to_about(apps, schema_editor):
    """Every e-mail about a registration keeps pointing at it, through the generic `about`."""
    notification = apps.get_model("participants", "Notification")
    about = notification.objects.filter(registration__isnull=False)
    if about.exists():
        content_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="participants", model="registration"
        )[0]
        about.update(about_type=content_type, about_id=F("registration_id"))


def about_to_registration(apps, schema_editor):
    notification = apps.get_model("participants", "Notification")
    notification.objects.filter(
        about_type__app_label="participants", about_type__model="registration"
    ).update(registration_id=F("about_id"))


class Migration(migrations.Migration):
    """An e-mail is about a registration through a generic relation (`about`), so that the
    e-mails can move to an app below participants (issue 12); its kind is a plain name."""

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("participants", "0010_notification_delivery_retries"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="about_type",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="about (type)",
            ),
        ),
        migrations.AddField(
            model_name="notification",
            name="about_id",
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name="about (id)"),
        ),
        migrations.RunPython(registration_to_about, about_to_registration),
        migrations.RemoveField(model_name="notification", name="registration"),
        migrations.AlterField(
            model_name="notification",
            name="kind",
            field=models.CharField(max_length=20, verbose_name="kind"),
        ),
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(
                fields=["about_type", "about_id"], name="participant_about_t_cfaebb_idx"
            ),
        ),
    ]
