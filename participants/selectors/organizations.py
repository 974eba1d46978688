"""Reads for organisations: the search of the profile's picker and of the console."""

from django.db.models import Count, QuerySet

from core.db import count_of, turkish_collate
from core.search import SearchField, search, search_words
from participants.models import Organization, ParticipantProfile

# What a person knows of an organisation: its name first, then where it is.
SEARCH_FIELDS = [
    SearchField("name", weight="A"),
    SearchField("district", weight="B"),
    SearchField("province__name", weight="B"),
]


def organizations_matching(*, query: str) -> QuerySet[Organization]:
    """Organisations whose name, district or province has every word of `query` (Turkish-aware,
    see core.search), best match first, then in Turkish alphabetical order."""
    return search(
        Organization.objects.select_related("province"), query=query, fields=SEARCH_FIELDS
    ).order_by("-search_rank", turkish_collate("name"), "pk")


def organizations_search(*, query: str, limit: int = 10) -> list[Organization]:
    """The picker's suggestions, once at least two letters are typed."""
    if len("".join(search_words(query))) < 2:
        return []
    return list(organizations_matching(query=query)[:limit])


def organizations_console(*, query: str = "") -> QuerySet[Organization]:
    """Every organisation (or those matching `query`) with its number of participant profiles
    (a subquery: the page's count of organisations needs no join, and only the rows shown are
    counted)."""
    return organizations_matching(query=query).annotate(
        profile_count=count_of(ParticipantProfile.objects.all(), outer="organization")
    )


def organizations_for_merge() -> QuerySet[Organization]:
    return (
        Organization.objects.select_related("province")
        .annotate(profile_count=Count("profiles"))
        .order_by(turkish_collate("name"), "pk")
    )
