from participants.demo import ORGANIZATIONS, PARTICIPANTS
from participants.models import Organization, ParticipantProfile, Registration


def test_demo_fills_the_izmir_cohort_with_a_mix_of_statuses(demo_data):
    assert Organization.objects.count() == len(ORGANIZATIONS)
    assert ParticipantProfile.objects.count() == len(PARTICIPANTS) + 1
    registration = Registration.objects.get(
        participant__email="katilimci@gencisi.local", cohort__title="İzmir dönemi"
    )
    assert registration.status == Registration.Status.CONFIRMED
    counts = {
        status: Registration.objects.filter(cohort=registration.cohort, status=status).count()
        for status in ("confirmed", "pending", "waitlisted")
    }
    assert counts == {"confirmed": 9, "pending": 3, "waitlisted": 4}
    assert counts["confirmed"] + counts["pending"] == registration.cohort.capacity
