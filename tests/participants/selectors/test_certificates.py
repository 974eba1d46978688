from documents.models import Document
from participants.selectors.certificates import IssueProgress, issue_progress
from participants.services.certificates import certificates_issue


def test_issue_progress_counts_ready_failed_and_pending_in_one_query(
    certificate_cohort, enrol, coordinator, django_assert_num_queries
):
    for name in ("Ayşe Kaya", "Bora Demir", "Cem Şahin"):
        enrol(name)
    certificates_issue(cohort=certificate_cohort, issued_by=coordinator)
    documents = Document.objects.filter(kind="certificate").order_by("pk")
    Document.objects.filter(pk=documents[0].pk).update(
        status=Document.Status.READY, file="documents/certificate/1.pdf"
    )
    Document.objects.filter(pk=documents[1].pk).update(status=Document.Status.FAILED)
    with django_assert_num_queries(1):
        progress = issue_progress(cohort=certificate_cohort)
    assert progress == IssueProgress(total=3, ready=1, failed=1)
    assert (progress.pending, progress.finished) == (1, False)
