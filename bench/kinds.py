"""The benchmark's document kind: a sample certificate owned by a BackgroundJob."""

from documents import registry
from documents.layouts import CERTIFICATE
from documents.samples import certificate_data

registry.register(
    registry.DocumentKind(
        name="bench_certificate",
        layout=CERTIFICATE,
        build_data=lambda job: certificate_data(job.result),
        filename=lambda data: f"Katılım sertifikası - {data.participant_name}.pdf",
        can_download=lambda _user, _document: False,
    )
)
