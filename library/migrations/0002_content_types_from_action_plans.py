from django.db import migrations

MODELS = ("sdg", "legalreference", "collaborationtype", "collaborationbasis", "steptemplate")


def _move(apps, source: str, target: str) -> None:
    """Give the moved models' content types their new app label, so that their permissions
    (and the roles holding them) and admin log entries keep pointing at them."""
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_type.objects.filter(app_label=target, model=model).exists():
            content_type.objects.filter(app_label=source, model=model).update(app_label=target)


def forwards(apps, schema_editor):
    _move(apps, "action_plans", "library")


def backwards(apps, schema_editor):
    _move(apps, "library", "action_plans")


class Migration(migrations.Migration):
    """The content types of the models that moved from action_plans (issue 12)."""

    dependencies = [
        ("library", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
