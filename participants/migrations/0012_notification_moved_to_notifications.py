from django.db import migrations


class Migration(migrations.Migration):
    """The e-mails moved to the notifications app (its 0001). State only: the table stays."""

    dependencies = [
        ("participants", "0011_notification_about_instead_of_registration"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Notification")],
        ),
    ]
