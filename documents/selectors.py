from documents.models import Document


def document_get(*, document_id: int) -> Document | None:
    return Document.objects.select_related("content_type").filter(pk=document_id).first()
