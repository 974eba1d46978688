"""What a visitor and a coordinator get from a restored installation, printed as JSON.

The restore tests run it in a subprocess pointed at the restored database and MEDIA_ROOT
(`DATABASE_URL`, `MEDIA_ROOT`): `python -m tests.documents.management.commands.restored_site`.
"""

import hashlib
import json

import django


def main() -> None:
    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from accounts.models import User
    from accounts.roles import COORDINATOR
    from certificates.models import Certificate
    from documents.models import Document

    setup_test_environment()
    visitor = Client()
    certificates = {}
    for code in Certificate.objects.order_by("pk").values_list("code", flat=True):
        response = visitor.get(reverse("certificates:verify_code", kwargs={"code": code}))
        page = response.content.decode()
        certificates[code] = {"status": response.status_code, "valid": "verify-valid" in page}
    coordinator = Client()
    coordinator.force_login(User.objects.filter(groups__name=COORDINATOR).order_by("pk").first())
    documents = {}
    for document in Document.objects.order_by("pk"):
        row = {"kind": document.kind, "status": document.status, "file": document.file.name}
        if document.is_ready and document.superseded_by_id is None:
            response = coordinator.get(
                reverse("documents:download", kwargs={"document_id": document.pk})
            )
            body = b"".join(response.streaming_content) if response.streaming else b""
            response.close()
            row |= {"download": response.status_code, "sha256": hashlib.sha256(body).hexdigest()}
        documents[document.pk] = row
    print(json.dumps({"certificates": certificates, "documents": documents}))


if __name__ == "__main__":
    main()
