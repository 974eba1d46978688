from django.contrib.postgres.operations import CreateCollation
from django.db import migrations


class Migration(migrations.Migration):
    """ICU Turkish collation on PostgreSQL (skipped on other databases; SQLite registers a Python
    collation of the same name on each connection, see core.db). The 81 provinces are loaded
    after every migrate (and test flush) by core.services.provinces_sync."""

    dependencies = [("core", "0001_initial")]

    operations = [CreateCollation("turkish", provider="icu", locale="tr-TR")]
