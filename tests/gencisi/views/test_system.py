from django.urls import reverse

from core.models import BackgroundJob


def test_coordinator_sends_a_worker_check_and_sees_it_done(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("site:worker_check"))
    job = BackgroundJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("site:system_status_job", kwargs={"job_id": job.pk})
    assert job.status == BackgroundJob.Status.DONE  # eager in unit tests; see test_worker.py
    fragment = client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-get" not in fragment
    assert "Çalışan yanıt verdi" in fragment


def test_worker_check_is_post_only(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("site:worker_check")).status_code == 405
    assert BackgroundJob.objects.count() == 0


def test_unknown_job_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("site:system_status_job", kwargs={"job_id": 999})).status_code == 404
