"""Checking every row of an upload against the database without writing anything: e-mail,
name, duplicates in the file, the organisation (matched Turkish-aware to a registered one, or
new), the province (by name or plate number), the account and an existing registration. At
most four queries for any number of rows."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.models import Province
from core.numbers import format_count
from core.text import turkish_fold
from participants.imports.columns import header_key
from participants.imports.reading import Table
from participants.models import Organization, ParticipantProfile, Registration
from participants.phone import normalize_phone

# The longest texts a row may carry: the lengths of the columns they are written to.
NAME_MAX_LENGTH = User._meta.get_field("full_name").max_length
ORGANIZATION_NAME_MAX_LENGTH = Organization._meta.get_field("name").max_length
TITLE_MAX_LENGTH = ParticipantProfile._meta.get_field("title").max_length
DISTRICT_MAX_LENGTH = Organization._meta.get_field("district").max_length

# Problem code → what the preview says (with the limit of LIMITS that it names, if any). A row
# with any problem is not imported.
PROBLEMS = {
    "missing_email": _("No e-mail address."),
    "bad_email": _("The e-mail address is not valid."),
    "duplicate_email": _("This e-mail address is already in an earlier row of the file."),
    "missing_name": _("No name."),
    "name_too_long": _("The name is longer than %(max)s characters."),
    "unknown_province": _("No province has this name."),
    "bad_plate": _("A plate number is between 1 and 81."),
    "organization_needs_province": _("A new organisation needs a province."),
    "organization_too_long": _("The organisation's name is longer than %(max)s characters."),
    "unknown_organization_kind": _("Unknown kind of organisation."),
    "bad_phone": _("The phone number is not valid."),
    "text_too_long": _("The title or district is too long."),
    "account_closed": _("The account of this address is closed."),
    "already_registered": _("Already registered for this cohort."),
}
LIMITS = {"name_too_long": NAME_MAX_LENGTH, "organization_too_long": ORGANIZATION_NAME_MAX_LENGTH}

_KINDS = Organization.Kind
_COOPERATIVE = Organization.CooperativeKind
# Folded "Kurum türü" → (kind, kind of cooperative).
ORGANIZATION_KINDS = {
    "buyuksehirbelediyesi": (_KINDS.METROPOLITAN_MUNICIPALITY, ""),
    "buyuksehir": (_KINDS.METROPOLITAN_MUNICIPALITY, ""),
    "ilbelediyesi": (_KINDS.PROVINCIAL_MUNICIPALITY, ""),
    "ilcebelediyesi": (_KINDS.DISTRICT_MUNICIPALITY, ""),
    "belediye": (_KINDS.DISTRICT_MUNICIPALITY, ""),
    "kooperatif": (_KINDS.COOPERATIVE, _COOPERATIVE.OTHER),
    "sosyalkooperatif": (_KINDS.COOPERATIVE, _COOPERATIVE.SOCIAL),
    "kadinkooperatifi": (_KINDS.COOPERATIVE, _COOPERATIVE.WOMEN),
    "tarimsalkooperatif": (_KINDS.COOPERATIVE, _COOPERATIVE.AGRICULTURAL),
    "tarimkooperatifi": (_KINDS.COOPERATIVE, _COOPERATIVE.AGRICULTURAL),
    "stk": (_KINDS.NGO, ""),
    "dernek": (_KINDS.NGO, ""),
    "vakif": (_KINDS.NGO, ""),
    "sivistoplumkurulusu": (_KINDS.NGO, ""),
    "kamukurumu": (_KINDS.PUBLIC_BODY, ""),
    "kamu": (_KINDS.PUBLIC_BODY, ""),
    "diger": (_KINDS.OTHER, ""),
    **{value: (value, _COOPERATIVE.OTHER if value == "cooperative" else "") for value in _KINDS},
}


def organization_key(name: str) -> str:
    """What an organisation is matched by: its search key ("İZMİR  Belediyesi" = "izmir
    belediyesi")."""
    return turkish_fold(" ".join(name.split()))


def _province(value: str, provinces: dict[str, Province], by_plate: dict[int, Province]):
    """(province, problem) for what a row says about its province."""
    if not value:
        return None, None
    if value.isascii() and value.isdigit():
        province = by_plate.get(int(value))
        return (province, None) if province else (None, "bad_plate")
    province = provinces.get(turkish_fold(value))
    return (province, None) if province else (None, "unknown_province")


def _name(values: dict[str, str]) -> str:
    name = values["full_name"] or f"{values['first_name']} {values['last_name']}"
    return " ".join(name.split())


def _check_fields(values: dict[str, str], provinces, by_plate) -> dict:
    """The checks of one row that need nothing but its own cells."""
    problems = []
    email = values["email"].strip().lower()
    if not email:
        problems.append("missing_email")
    else:
        try:
            validate_email(email)
        except ValidationError:
            problems.append("bad_email")
    name = _name(values)
    if not name:
        problems.append("missing_name")
    elif len(name) > NAME_MAX_LENGTH:
        problems.append("name_too_long")
    province, problem = _province(values["province"], provinces, by_plate)
    if problem:
        problems.append(problem)
    organization = " ".join(values["organization"].split())
    if len(organization) > ORGANIZATION_NAME_MAX_LENGTH:
        problems.append("organization_too_long")
    kind = ORGANIZATION_KINDS.get(header_key(values["organization_kind"]))
    if values["organization_kind"] and kind is None:
        problems.append("unknown_organization_kind")
    phone = ""
    if values["phone"]:
        try:
            phone = normalize_phone(values["phone"])
        except ValidationError:
            problems.append("bad_phone")
    if len(values["title"]) > TITLE_MAX_LENGTH or len(values["district"]) > DISTRICT_MAX_LENGTH:
        problems.append("text_too_long")
    return {
        "email": email,
        "full_name": name,
        "organization": organization,
        "organization_kind": kind[0] if kind else _KINDS.OTHER,
        "cooperative_kind": kind[1] if kind else "",
        "province_id": province.pk if province else None,
        "province": province.name if province else values["province"],
        "district": values["district"],
        "title": values["title"],
        "phone": phone or values["phone"],
        "problems": problems,
    }


def _match_organization(row: dict, organizations: dict[str, list[Organization]]) -> None:
    if not row["organization"]:
        return
    matches = organizations.get(organization_key(row["organization"]), [])
    same_province = [o for o in matches if o.province_id == row["province_id"]]
    match = (same_province or matches or [None])[0]
    if match is not None:
        row["organization_id"] = match.pk
        row["organization_match"] = match.name
    elif row["province_id"] is None and "organization_too_long" not in row["problems"]:
        row["problems"].append("organization_needs_province")


def rows_check(*, table: Table, cohort) -> list[dict]:
    """Every row of `table` as a dict with its values and its `problems` (codes of
    `PROBLEMS`), `account` ("new" or "existing"), `organization_id` when it matches a
    registered organisation. At most four queries for any number of rows."""
    everything = list(Province.objects.all())
    provinces = {turkish_fold(province.name): province for province in everything}
    by_plate = {province.plate: province for province in everything}
    rows, first_line = [], {}
    for line, cells in table.rows:
        row = {"line": line, "organization_id": None, "organization_match": ""}
        row |= _check_fields(table.columns.values(cells), provinces, by_plate)
        if row["email"] and "bad_email" not in row["problems"]:
            if row["email"] in first_line:
                row["problems"].append("duplicate_email")
                row["duplicate_of"] = first_line[row["email"]]
            else:
                first_line[row["email"]] = line
        rows.append(row)
    organizations: dict[str, list[Organization]] = {}
    keys = {organization_key(row["organization"]) for row in rows if row["organization"]}
    for organization in Organization.objects.filter(search_name__in=keys).order_by("pk"):
        organizations.setdefault(organization.search_name, []).append(organization)
    users = {
        user.email_key: user
        for user in User.objects.annotate(email_key=Lower("email")).filter(
            email_key__in=list(first_line)
        )
    }
    registered = dict(
        Registration.objects.filter(
            cohort=cohort, participant__in=[user.pk for user in users.values()]
        ).values_list("participant_id", "status")
    )
    for row in rows:
        _match_organization(row, organizations)
        user = users.get(row["email"])
        row["account"] = "existing" if user else "new"
        if user is not None and not user.is_active:
            row["problems"].append("account_closed")
        elif user is not None and user.pk in registered:
            row["problems"].append("already_registered")
            row["registration_status"] = registered[user.pk]
    return rows


def problem_text(code: str) -> str:
    """What the preview says about a problem, in the active language, with its limit."""
    if code in LIMITS:
        return str(PROBLEMS[code]) % {"max": format_count(LIMITS[code])}
    return str(PROBLEMS[code])


def problem_messages(row: dict) -> list[str]:
    """What the preview says about a row's problems, in the active language."""
    messages = []
    for code in row["problems"]:
        message = problem_text(code)
        if code == "duplicate_email":
            message = str(_("This e-mail address is already in row %(line)s of the file.")) % {
                "line": row["duplicate_of"]
            }
        elif code == "already_registered":
            status = Registration.Status(row["registration_status"]).label
            message = f"{message} ({status})"
        messages.append(message)
    return messages
