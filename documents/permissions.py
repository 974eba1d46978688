"""Who may fetch a document: the kind's own rule; an unknown kind denies everyone."""

from documents import registry


def can_download(user, document) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    kind = registry.find(document.kind)
    return kind is not None and bool(kind.can_download(user, document))


def can_retry(user, document) -> bool:
    return can_download(user, document)
