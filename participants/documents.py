"""Documents of this app (documents.registry):

- the sign-in sheet of a session as a PDF: the confirmed participants of its cohort in Turkish
  alphabetical order, with an empty signature column. Owned by the session; coordinators and
  the cohort's facilitators may fetch it.
- every survey response of a cohort or a programme as an XLSX file built by the worker (a
  programme's can pass 6,000 rows). Owned by the cohort or the programme; who may fetch it is
  who may export the responses.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from documents.layouts import SIGN_IN_SHEET, SignInRowData, SignInSheetData
from documents.registry import DocumentKind, DocumentPage, SpreadsheetKind
from participants import exports, permissions
from participants.selectors.attendance import sign_in_sheet_rows
from programs.models import Cohort, Program, Session

SIGN_IN_SHEET_KIND = "sign_in_sheet"
SURVEY_RESPONSES_KIND = "survey_responses"


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


def sign_in_sheet_page(session: Session) -> DocumentPage:
    return DocumentPage(
        heading=_("Sign-in sheet"),
        back_url=reverse("participants:attendance_grid", kwargs={"session_id": session.pk}),
        back_label=session.title,
    )


SIGN_IN_SHEET_DOCUMENT_KIND = DocumentKind(
    name=SIGN_IN_SHEET_KIND,
    layout=SIGN_IN_SHEET,
    build_data=build_data,
    filename=filename,
    can_download=can_download,
    page=sign_in_sheet_page,
)


def _survey_scope(owner: Cohort | Program) -> tuple[Program, list[Cohort]]:
    if isinstance(owner, Cohort):
        return owner.program, [owner]
    return owner, list(owner.cohorts.all())


def survey_responses_title(owner: Cohort | Program) -> str:
    with translation.override("tr"):
        return exports.survey_responses_name(owner.title)


def survey_responses_table(owner: Cohort | Program):
    """In Turkish, whoever asked for it (the file is shared by all who may fetch it)."""
    program, cohorts = _survey_scope(owner)
    with translation.override("tr"):
        return exports.survey_responses_table(program=program, cohorts=cohorts, name=owner.title)


def can_download_survey_responses(user, document) -> bool:
    owner = document.owner
    if isinstance(owner, Cohort):
        return permissions.can_view_survey_report(user, owner)
    return owner is not None and permissions.can_manage_survey(user)


def survey_responses_page(owner: Cohort | Program) -> DocumentPage:
    """Headed as the page that asked for it; back to the survey report it belongs to."""
    if isinstance(owner, Cohort):
        back = reverse("participants:survey_report", kwargs={"pk": owner.pk})
    else:
        back = reverse("participants:program_survey_report", kwargs={"pk": owner.pk})
    return DocumentPage(
        heading=_("All responses as an Excel file"), back_url=back, back_label=owner.title
    )


SURVEY_RESPONSES_DOCUMENT_KIND = SpreadsheetKind(
    name=SURVEY_RESPONSES_KIND,
    table=survey_responses_table,
    title=survey_responses_title,
    can_download=can_download_survey_responses,
    page=survey_responses_page,
)
