from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from core.search import SearchField, search_vector

# The vector participants.selectors.organizations searches (name, district), frozen here: a
# change to those fields needs a new index (tests/participants/selectors/test_organizations.py
# fails when the search no longer uses this one).
INDEX = GinIndex(
    search_vector([SearchField("name", weight="A"), SearchField("district", weight="B")]),
    name="participants_org_search",
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("participants", "Organization"), INDEX)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("participants", "Organization"), INDEX)


class Migration(migrations.Migration):
    """A GIN index for the organisation search on PostgreSQL (full-text search, see core.search);
    SQLite has no such index and searches without one."""

    dependencies = [("participants", "0008_certificate_attended_hours")]

    operations = [migrations.RunPython(create_index, drop_index)]
