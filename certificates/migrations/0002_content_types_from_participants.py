from django.db import migrations


def _move(apps, source: str, target: str) -> None:
    """Give the moved model's content type its new app label, so that its permissions (and the
    roles holding them) and admin log entries keep pointing at it."""
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label=target, model="certificate").exists():
        content_type.objects.filter(app_label=source, model="certificate").update(
            app_label=target
        )


def forwards(apps, schema_editor):
    _move(apps, "participants", "certificates")


def backwards(apps, schema_editor):
    _move(apps, "certificates", "participants")


class Migration(migrations.Migration):
    """The content type of the certificates, which moved from participants (issue 12): documents own them through it."""

    dependencies = [
        ("certificates", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
