import io

import pytest
from pypdf import PdfReader

from core.models import BackgroundJob
from documents import rendering


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def pdf_page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def owner_job(participant):
    """The owner object of the test kinds: a BackgroundJob whose `result` holds the inputs."""

    def make(**inputs) -> BackgroundJob:
        return BackgroundJob.objects.create(
            kind=BackgroundJob.Kind.WORKER_CHECK, requested_by=participant, result=inputs
        )

    return make


@pytest.fixture
def render_calls(monkeypatch):
    """Counts real renders (the layouts each call rendered)."""
    calls = []
    real = rendering.render_pdf

    def counting(layout, data, **kwargs):
        calls.append(layout.name)
        return real(layout, data, **kwargs)

    monkeypatch.setattr(rendering, "render_pdf", counting)
    return calls


@pytest.fixture
def fetched_urls(monkeypatch):
    """Every URL the renderer's fetcher is asked for, during this test, by a renderer state of
    its own (so that nothing is served from what earlier tests cached)."""
    urls = []
    monkeypatch.setattr(rendering, "_engine", None)
    fetcher = rendering.engine().fetcher
    real = fetcher.fetch

    def spying(url, headers=None):
        urls.append(url)
        return real(url, headers)

    monkeypatch.setattr(fetcher, "fetch", spying)
    return urls
