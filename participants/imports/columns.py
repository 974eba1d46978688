"""The columns an import understands, found by their header whatever its case, Turkish
letters, spaces and punctuation: "E-posta", "E-POSTA", "eposta" and "E-Mail" are one column.
The upload page lists them (`COLUMN_HELP`) and the template file has them in this order."""

import re
from dataclasses import dataclass, fields

from django.utils.translation import gettext_lazy as _

from core.text import turkish_fold

_NOT_LETTERS = re.compile(r"[^a-z0-9]")

# The field, the headers it answers to (folded: lower-case ASCII, no spaces or punctuation).
HEADERS = {
    "email": ("eposta", "email", "mail", "epostaadresi", "elektronikposta", "emailaddress"),
    "full_name": ("adsoyad", "adisoyadi", "adsoyadi", "isimsoyisim", "advesoyad", "fullname"),
    "first_name": ("ad", "adi", "isim", "firstname"),
    "last_name": ("soyad", "soyadi", "soyisim", "lastname", "surname"),
    "organization": ("kurum", "kurumadi", "kurulus", "kurulusadi", "organization", "organisation"),
    "organization_kind": ("kurumturu", "kurulusturu", "organizationkind", "kind"),
    "province": ("il", "sehir", "ilplaka", "ilplakakodu", "plaka", "province", "city"),
    "district": ("ilce", "district"),
    "title": ("unvan", "gorev", "birim", "unvanbirim", "title"),
    "phone": ("telefon", "tel", "ceptelefonu", "gsm", "telefonno", "phone"),
}

# The template file's header row and the upload page's list: (header, what it holds).
COLUMN_HELP = (
    ("Ad Soyad", _("required, or “Ad” and “Soyad” in two columns")),
    ("E-posta", _("required; the account is found or created by it")),
    ("Kurum", _("optional; matched to a registered organisation, or added as new")),
    (
        "Kurum türü",
        _(
            "optional: Büyükşehir belediyesi, İl belediyesi, İlçe belediyesi, Kooperatif, STK, "
            "Kamu kurumu or Diğer"
        ),
    ),
    (
        "İl",
        _(
            "the province's name or plate number (e.g. “İstanbul” or “34”); "
            "a new organisation needs it"
        ),
    ),
    ("İlçe", _("optional")),
    ("Unvan", _("optional: title or department")),
    ("Telefon", _("optional, e.g. 0532 123 45 67")),
)
TEMPLATE_EXAMPLE = (
    "Ayşe Yılmaz",
    "ayse.yilmaz@example.org",
    "Çankaya Belediyesi",
    "İlçe belediyesi",
    "Ankara",
    "Çankaya",
    "Sosyal Hizmetler Müdürlüğü",
    "0532 123 45 67",
)


@dataclass
class Columns:
    """The index of each known column in a file's rows (None: the file has no such column)."""

    email: int | None = None
    full_name: int | None = None
    first_name: int | None = None
    last_name: int | None = None
    organization: int | None = None
    organization_kind: int | None = None
    province: int | None = None
    district: int | None = None
    title: int | None = None
    phone: int | None = None

    def values(self, cells: list[str]) -> dict[str, str]:
        """The row's known cells by field ("" where the file has no such column or cell)."""
        values = {}
        for field in fields(self):
            index = getattr(self, field.name)
            values[field.name] = cells[index] if index is not None and index < len(cells) else ""
        return values


def header_key(header: str) -> str:
    return _NOT_LETTERS.sub("", turkish_fold(header))


def match_columns(header: list[str]) -> Columns:
    """Which column holds what; the first column with a header wins, unknown ones are ignored."""
    columns = Columns()
    by_key = {key: field for field, keys in HEADERS.items() for key in keys}
    for index, cell in enumerate(header):
        field = by_key.get(header_key(cell))
        if field is not None and getattr(columns, field) is None:
            setattr(columns, field, index)
    return columns
