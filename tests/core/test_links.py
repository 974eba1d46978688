import pytest
from django.urls import reverse

from core.links import absolute_url, url_for_each


def test_absolute_url_prefixes_the_site_address(settings):
    settings.SITE_URL = "https://gencisi.example/"
    assert absolute_url("/sertifika/dogrula/") == "https://gencisi.example/sertifika/dogrula/"


@pytest.mark.parametrize("pk", [1, 7, 30, 987654320])
def test_url_for_each_builds_what_reverse_does(pk):
    revoke = url_for_each("certificates:revoke", varying="pk", cohort_pk=30)
    download = url_for_each("documents:download", varying="document_id")
    assert revoke(pk) == reverse("certificates:revoke", kwargs={"cohort_pk": 30, "pk": pk})
    assert download(pk) == reverse("documents:download", kwargs={"document_id": pk})
