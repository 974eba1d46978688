import logging

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from core.exports import as_download
from documents import permissions, registry, selectors, services
from documents.models import Document

logger = logging.getLogger(__name__)


def _document_or_404(request: HttpRequest, document_id: int, rule) -> Document:
    document = selectors.document_get(document_id=document_id)
    if document is None or not rule(request.user, document):
        raise Http404
    return document


def _to_download(request: HttpRequest, document: Document) -> HttpResponse:
    url = reverse("documents:download", kwargs={"document_id": document.pk})
    if request.headers.get("HX-Request"):
        return HttpResponse(headers={"HX-Redirect": url})
    return redirect(url)


def _page_of(document: Document) -> registry.DocumentPage | None:
    """How the kind heads the document's page and where it leads back to, if it says."""
    kind = registry.find(document.kind)
    if kind is None or kind.page is None or document.owner is None:
        return None
    return kind.page(document.owner)


class DocumentDownloadView(LoginRequiredMixin, View):
    """Streams a ready document to those its kind allows; otherwise shows where it stands
    (htmx polls the status fragment while it is queued or rendering)."""

    def get(self, request: HttpRequest, document_id: int) -> HttpResponse:
        document = selectors.document_get(document_id=document_id)
        if document is None:
            raise Http404
        if not permissions.can_download(request.user, document):
            # An old link of someone who may only have the current one (e.g. a certificate's
            # earlier version): that one, if they may have it; everyone else gets 404.
            replacement = selectors.document_replacement(document=document)
            if replacement is None or not permissions.can_download(request.user, replacement):
                raise Http404
            return _to_download(request, replacement)
        if document.superseded_by_id is not None:
            # An old link (a bookmark, an e-mail): the newest version of the same document.
            return _to_download(request, selectors.document_current_of(document=document))
        if document.is_ready and not request.headers.get("HX-Request"):
            try:
                stream = document.file.open("rb")
            except FileNotFoundError:
                logger.error("document %s: file %s is missing", document.pk, document.file.name)
                raise Http404 from None
            kind = registry.get(document.kind)
            response = FileResponse(stream, content_type=kind.content_type)
            return as_download(response, filename=document.filename or "belge.pdf")
        context = {
            "document": document,
            "can_retry": permissions.can_retry(request.user, document),
        }
        if request.headers.get("HX-Request"):
            return render(request, "documents/includes/status.html", context)
        context["page"] = _page_of(document)
        return render(request, "documents/status.html", context)


class DocumentRetryView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest, document_id: int) -> HttpResponse:
        document = _document_or_404(request, document_id, permissions.can_retry)
        if document.is_failed:
            services.document_retry(document=document)
            messages.info(request, _("The document has been queued again."))
        return redirect("documents:download", document_id=document.pk)
