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


class DocumentDownloadView(LoginRequiredMixin, View):
    """Streams a ready document to those its kind allows; otherwise shows where it stands
    (htmx polls the status fragment while it is queued or rendering)."""

    def get(self, request: HttpRequest, document_id: int) -> HttpResponse:
        document = _document_or_404(request, document_id, permissions.can_download)
        if document.superseded_by_id is not None:
            # An old link (a bookmark, an e-mail): the newest version of the same document.
            current = selectors.document_current_of(document=document)
            url = reverse("documents:download", kwargs={"document_id": current.pk})
            if request.headers.get("HX-Request"):
                return HttpResponse(headers={"HX-Redirect": url})
            return redirect(url)
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
        return render(request, "documents/status.html", context)


class DocumentRetryView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest, document_id: int) -> HttpResponse:
        document = _document_or_404(request, document_id, permissions.can_retry)
        if document.is_failed:
            services.document_retry(document=document)
            messages.info(request, _("The document has been queued again."))
        return redirect("documents:download", document_id=document.pk)
