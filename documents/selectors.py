from django.contrib.contenttypes.models import ContentType

from documents.models import Document


def document_get(*, document_id: int) -> Document | None:
    return Document.objects.select_related("content_type").filter(pk=document_id).first()


def document_current_of(*, document: Document) -> Document:
    """The latest version of the document that `document` is a version of (maybe itself)."""
    return (
        Document.objects.filter(
            kind=document.kind,
            content_type_id=document.content_type_id,
            object_id=document.object_id,
            superseded_by__isnull=True,
        )
        .order_by("-version")
        .first()
        or document
    )


def document_replacement(*, document: Document) -> Document | None:
    """The document that replaced `document`'s owner, when its kind knows one (see
    `DocumentKind.replacement`)."""
    from documents import registry

    kind = registry.find(document.kind)
    if kind is None or kind.replacement is None:
        return None
    return kind.replacement(document)


def document_current(*, kind: str, owner) -> Document | None:
    """The latest version of `owner`'s document of `kind` (what a page links to)."""
    return (
        Document.objects.filter(
            kind=kind,
            content_type=ContentType.objects.get_for_model(owner),
            object_id=owner.pk,
            superseded_by__isnull=True,
        )
        .order_by("-version")
        .first()
    )
