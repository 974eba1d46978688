from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0019_auditentry_cohort_newest_first_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="cohortmessage",
            name="audience_en",
            field=models.CharField(blank=True, max_length=500, verbose_name="recipients (English)"),
        ),
    ]
