from django.contrib.auth.models import Group

from accounts.roles import sync_role_permissions


def test_migration_creates_both_role_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"coordinator", "facilitator"}


def test_coordinator_may_change_cohorts_and_facilitator_may_only_view_them(db):
    sync_role_permissions()
    coordinator = set(
        Group.objects.get(name="coordinator").permissions.values_list("codename", flat=True)
    )
    facilitator = set(
        Group.objects.get(name="facilitator").permissions.values_list("codename", flat=True)
    )
    assert {"add_cohort", "change_cohort", "delete_cohort", "view_cohort"} <= coordinator
    assert "view_cohort" in facilitator
    assert "change_cohort" not in facilitator
    assert "change_user" not in coordinator
