from django.db import migrations


class Migration(migrations.Migration):
    """The certificates moved to the certificates app (its 0001). State only: the table stays."""

    dependencies = [
        ("participants", "0012_notification_moved_to_notifications"),
        ("certificates", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Certificate")],
        ),
    ]
