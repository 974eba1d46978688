import pytest

from core.models import Province
from participants.models import AuditEntry, Organization
from participants.services.organizations import organization_create, organizations_merge
from tests.factories import OrganizationFactory, ParticipantProfileFactory

pytestmark = pytest.mark.django_db


def test_new_organisation_gets_a_folded_search_name():
    organization = organization_create(
        name="  İzmir   Büyükşehir Belediyesi ",
        kind=Organization.Kind.METROPOLITAN_MUNICIPALITY,
        province=Province.objects.get(name="İzmir"),
    )
    assert organization.name == "İzmir Büyükşehir Belediyesi"
    assert organization.search_name == "izmir buyuksehir belediyesi"


def test_cooperative_kind_is_dropped_for_other_kinds():
    organization = organization_create(
        name="Konak Belediyesi",
        kind=Organization.Kind.DISTRICT_MUNICIPALITY,
        cooperative_kind=Organization.CooperativeKind.SOCIAL,
        province=Province.objects.get(name="İzmir"),
    )
    assert organization.cooperative_kind == ""


def test_merge_moves_profiles_deletes_duplicate_and_is_audited(coordinator):
    keep = OrganizationFactory(name="Konak Belediyesi")
    duplicate = OrganizationFactory(name="Konak Bld.")
    profiles = ParticipantProfileFactory.create_batch(2, organization=duplicate)
    moved = organizations_merge(duplicate=duplicate, keep=keep, by=coordinator)
    assert moved == 2
    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    assert {p.organization_id for p in keep.profiles.all()} == {keep.pk}
    assert keep.profiles.count() == len(profiles)
    entry = AuditEntry.objects.get()
    assert entry.action == AuditEntry.Action.ORGANIZATIONS_MERGED
    assert entry.actor == coordinator
