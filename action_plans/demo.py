"""The demo legal-basis library (`manage.py load_demo`); the data is in `demo_data.py`."""

from action_plans.demo_data import BASES, COLLABORATION_TYPES, REFERENCES, STEP_TEMPLATES
from action_plans.models import (
    CollaborationBasis,
    CollaborationType,
    LegalReference,
    StepTemplate,
)


def _reference_lookup(law: str, article: str) -> dict:
    if law.isdigit():
        return {"law_number": law, "article_number": article}
    return {"law_number": "", "law_name": law, "article_number": article}


def load_demo_legal_library() -> list[CollaborationType]:
    """Create or refresh the demo references (awaiting legal review), the four collaboration
    types, their bases and step templates. Idempotent; a review recorded in the meantime (status,
    reviewer, date, notes) is kept."""
    references = {}
    for kind, number, name, article, heading, domain, summary, notes in REFERENCES:
        reference, _created = LegalReference.objects.update_or_create(
            **_reference_lookup(number or name, article),
            defaults={
                "kind": kind,
                "law_name": name,
                "article_heading": heading,
                "domain": domain,
                "summary": summary,
            },
            create_defaults={
                "kind": kind,
                "law_name": name,
                "article_heading": heading,
                "domain": domain,
                "summary": summary,
                "review_status": LegalReference.ReviewStatus.AWAITING,
                "review_notes": notes,
            },
        )
        references[(number or name, article)] = reference

    types = []
    for position, (slug, name, name_en, description, description_en) in enumerate(
        COLLABORATION_TYPES, start=1
    ):
        collaboration_type, _created = CollaborationType.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "description": description,
                "description_en": description_en,
                "position": position,
            },
        )
        types.append(collaboration_type)
        for basis_position, row in enumerate(BASES[slug], start=1):
            law, article, side, effect, explanation, conditions, open_questions = row
            CollaborationBasis.objects.update_or_create(
                collaboration_type=collaboration_type,
                reference=references[(law, article)],
                defaults={
                    "side": side,
                    "effect": effect,
                    "explanation": explanation,
                    "conditions": conditions,
                    "open_questions": open_questions,
                    "position": basis_position,
                },
            )
        for step_position, (step_text, role, offset, cited) in enumerate(
            STEP_TEMPLATES[slug], start=1
        ):
            step, _created = StepTemplate.objects.update_or_create(
                collaboration_type=collaboration_type,
                position=step_position,
                defaults={
                    "description": step_text,
                    "responsible_role": role,
                    "offset_days": offset,
                },
            )
            step.references.set([references[key] for key in cited])
    return types
