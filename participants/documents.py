"""The sign-in sheet of a session as a PDF (documents.registry): the confirmed participants of
its cohort in Turkish alphabetical order, with an empty signature column. Owned by the session;
coordinators and the cohort's facilitators may fetch it."""

from django.utils.translation import gettext as _

from documents.layouts import SIGN_IN_SHEET, SignInRowData, SignInSheetData
from documents.registry import DocumentKind
from participants import permissions
from participants.selectors.attendance import sign_in_sheet_rows
from programs.models import Session

SIGN_IN_SHEET_KIND = "sign_in_sheet"


def _venue(cohort) -> str:
    place = "/".join(part for part in (cohort.district, str(cohort.province or "")) if part)
    return ", ".join(part for part in (cohort.venue, place) if part)


def build_data(session: Session) -> SignInSheetData:
    """The sheet as the session and its cohort's confirmed list stand now."""
    session = Session.objects.select_related("cohort__program", "cohort__province").get(
        pk=session.pk
    )
    cohort = session.cohort
    venue = _venue(cohort)
    if session.room:
        venue = f"{venue} · {session.room}" if venue else session.room
    return SignInSheetData(
        programme_title=cohort.program.title,
        cohort_title=cohort.title,
        session_title=session.title,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        venue=venue,
        rows=tuple(
            SignInRowData(number=number, name=name, organisation=organisation)
            for number, (name, organisation) in enumerate(sign_in_sheet_rows(session=session), 1)
        ),
    )


def filename(data: SignInSheetData) -> str:
    return _("Sign-in sheet - %(cohort)s - %(session)s.pdf") % {
        "cohort": data.cohort_title,
        "session": data.session_title,
    }


def can_download(user, document) -> bool:
    session = document.owner
    return session is not None and permissions.can_take_attendance(user, session)


SIGN_IN_SHEET_DOCUMENT_KIND = DocumentKind(
    name=SIGN_IN_SHEET_KIND,
    layout=SIGN_IN_SHEET,
    build_data=build_data,
    filename=filename,
    can_download=can_download,
)
