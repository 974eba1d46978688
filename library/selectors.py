"""Reads for the legal-basis library, with the joins each page needs."""

from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Prefetch, QuerySet, Value, When
from django.db.models.functions import Concat, Length

from core.db import turkish_collate
from core.i18n import english_is_active
from core.search import SearchField, related_text, search
from library.models import CollaborationBasis, CollaborationType, LegalReference, StepTemplate

_DOMAIN_ORDER = Case(
    *(
        When(domain=value, then=Value(index))
        for index, value in enumerate(LegalReference.Domain.values)
    ),
    output_field=IntegerField(),
)
# Numbers are stored as text: shorter first, then by value, so that "9" comes before "14".
REFERENCE_ORDER = (
    _DOMAIN_ORDER,
    Length("law_number"),
    "law_number",
    "law_name",
    Length("article_number"),
    "article_number",
)


@dataclass(frozen=True)
class LibraryFilters:
    domain: str = ""
    law: str = ""
    review_status: str = ""
    collaboration_type: str = ""
    query: str = ""

    @property
    def is_filtered(self) -> bool:
        return any((self.domain, self.law, self.review_status, self.collaboration_type, self.query))


def _bases_with_types() -> Prefetch:
    return Prefetch(
        "bases",
        queryset=CollaborationBasis.objects.select_related("collaboration_type").order_by(
            "collaboration_type__position", "position", "pk"
        ),
    )


_BASIS_TEXTS = ("explanation", "conditions", "open_questions")


def _search_fields() -> list[SearchField]:
    """What a visitor reads on a reference: its title (law, number, article, heading) first, then
    its summary, how it applies to each collaboration type (with the type's name, conditions and
    open questions), then the review notes; the English texts too when the page is English."""
    fields = [
        SearchField("law_name", weight="A"),
        SearchField("law_number", weight="A"),
        SearchField("article_number", weight="A"),
        SearchField(Concat(Value("m."), "article_number"), weight="A"),
        SearchField("article_heading", weight="A"),
        SearchField("summary", weight="B"),
        SearchField(_bases_text("collaboration_type__name", ""), weight="C"),
        SearchField("review_notes", weight="D"),
    ]
    if english_is_active():
        fields += [
            SearchField(Concat(Value("art. "), "article_number"), weight="A", english=True),
            SearchField("summary_en", weight="B", english=True),
            SearchField(
                _bases_text("collaboration_type__name_en", "_en"), weight="C", english=True
            ),
        ]
    return fields


def _bases_text(type_name: str, suffix: str):
    return related_text(
        CollaborationBasis.objects.all(),
        link="reference",
        fields=[type_name, *(f"{name}{suffix}" for name in _BASIS_TEXTS)],
    )


def library_references(*, filters: LibraryFilters) -> QuerySet[LegalReference]:
    """Active references matching the filters; the search (core.search) reads every text the
    reference's page shows, best match first."""
    references = LegalReference.objects.filter(is_active=True)
    if filters.domain:
        references = references.filter(domain=filters.domain)
    if filters.law:
        references = references.filter(law_name=filters.law)
    if filters.review_status:
        references = references.filter(review_status=filters.review_status)
    if filters.collaboration_type:
        references = references.filter(
            pk__in=CollaborationBasis.objects.filter(
                collaboration_type__slug=filters.collaboration_type
            ).values("reference_id")
        )
    references = search(references, query=filters.query, fields=_search_fields())
    return references.prefetch_related(_bases_with_types()).order_by(
        "-search_rank", *REFERENCE_ORDER
    )


def library_law_names() -> list[str]:
    """The laws and regulations of the active references, for the filter."""
    return list(
        LegalReference.objects.filter(is_active=True)
        .order_by(turkish_collate("law_name"))
        .values_list("law_name", flat=True)
        .distinct()
    )


def collaboration_types() -> QuerySet[CollaborationType]:
    return CollaborationType.objects.order_by("position", "pk")


def public_reference(*, reference_id: int) -> LegalReference | None:
    """An active reference with the collaboration types it supports and how."""
    return (
        LegalReference.objects.filter(pk=reference_id, is_active=True)
        .select_related("reviewer")
        .prefetch_related(_bases_with_types())
        .first()
    )


@dataclass
class BridgeRow:
    """One collaboration type with its bases split by side, for the bridge page."""

    collaboration_type: CollaborationType
    municipal: list[CollaborationBasis] = field(default_factory=list)
    cooperative: list[CollaborationBasis] = field(default_factory=list)
    general: list[CollaborationBasis] = field(default_factory=list)


def bridge_rows(*, type_slug: str = "") -> list[BridgeRow]:
    """Each collaboration type (or the one asked for) with its active references by side."""
    types = collaboration_types().prefetch_related(
        Prefetch(
            "bases",
            queryset=CollaborationBasis.objects.filter(reference__is_active=True)
            .select_related("reference")
            .order_by("position", "pk"),
        )
    )
    if type_slug:
        types = types.filter(slug=type_slug)
    rows = []
    for collaboration_type in types:
        row = BridgeRow(collaboration_type=collaboration_type)
        for basis in collaboration_type.bases.all():
            getattr(row, basis.side).append(basis)
        rows.append(row)
    return rows


def constitutional_references() -> QuerySet[LegalReference]:
    """The constitution's articles the bridge page opens with (the social state, cooperatives)."""
    return LegalReference.objects.filter(
        is_active=True, domain=LegalReference.Domain.CONSTITUTION
    ).order_by(Length("article_number"), "article_number")


def console_references() -> QuerySet[LegalReference]:
    """Every reference, retired ones included, for coordinators."""
    return (
        LegalReference.objects.select_related("reviewer")
        .annotate(basis_count=Count("bases"))
        .order_by("-is_active", *REFERENCE_ORDER)
    )


def console_reference(*, reference_id: int) -> LegalReference | None:
    return LegalReference.objects.select_related("reviewer").filter(pk=reference_id).first()


def console_collaboration_types() -> QuerySet[CollaborationType]:
    return collaboration_types().annotate(
        basis_count=Count("bases", distinct=True),
        step_count=Count("step_templates", distinct=True),
    )


def collaboration_type_by_slug(*, slug: str) -> CollaborationType | None:
    return CollaborationType.objects.filter(slug=slug).first()


def collaboration_type_bases(*, collaboration_type: CollaborationType):
    return collaboration_type.bases.select_related("reference").order_by(
        Case(
            *(
                When(side=value, then=Value(index))
                for index, value in enumerate(CollaborationBasis.Side.values)
            ),
            output_field=IntegerField(),
        ),
        "position",
        "pk",
    )


def basis_get(*, basis_id: int) -> CollaborationBasis | None:
    return (
        CollaborationBasis.objects.select_related("collaboration_type", "reference")
        .filter(pk=basis_id)
        .first()
    )


def step_templates(*, collaboration_type: CollaborationType) -> QuerySet[StepTemplate]:
    return collaboration_type.step_templates.order_by("position", "pk").prefetch_related(
        Prefetch(
            "references",
            queryset=LegalReference.objects.order_by(*REFERENCE_ORDER),
        )
    )


def step_template_get(*, step_id: int) -> StepTemplate | None:
    return StepTemplate.objects.select_related("collaboration_type").filter(pk=step_id).first()


def references_for_choice() -> QuerySet[LegalReference]:
    return LegalReference.objects.order_by("-is_active", *REFERENCE_ORDER)
