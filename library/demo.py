"""The demo legal library (`manage.py load_demo`), taken only from the project's legal fact sheet
(`shared/LEGAL_FACTS.md`). The data is in `library/demo/`: `references.json` (each article: kind,
law number and name, heading, domain, summary and its English, review notes) and
`collaboration_types.json` (the seed's four types in order, each with its legal bases and its
step templates, which cite references by law number or name and article).

Every reference starts "awaiting legal review": the facts come from secondary sources and were not
checked against the official text. Items the facts mark as only partly verified say so in their
summary and notes. Headings the facts do not give are left empty rather than guessed.

Each Turkish text that has an English field (summary, explanation, conditions, open questions,
step, suggested responsible) is followed by its translation for the English UI, which says no more
and no less than the Turkish: the same articles, the same hedges. Laws take their usual English
names ("Municipal Law No. 5393"), articles are written "Art. 14". Review notes and article headings
have no English field and stay Turkish. An English text is empty exactly where its Turkish one is.
"""

import json
from functools import cache
from pathlib import Path

from library.models import CollaborationBasis, CollaborationType, LegalReference, StepTemplate

DEMO_DIR = Path(__file__).resolve().parent / "demo"


@cache
def demo_data(name: str) -> list[dict]:
    """One of the demo's data files (`references`, `collaboration_types`), as loaded from JSON."""
    with (DEMO_DIR / f"{name}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def _reference_lookup(law: str, article: str) -> dict:
    if law.isdigit():
        return {"law_number": law, "article_number": article}
    return {"law_number": "", "law_name": law, "article_number": article}


def load_demo_legal_library() -> list[CollaborationType]:
    """Create or refresh the demo references (awaiting legal review), the four collaboration
    types, their bases and step templates. Idempotent; a review recorded in the meantime (status,
    reviewer, date, notes) is kept."""
    references = {}
    for row in demo_data("references"):
        content = {
            "kind": row["kind"],
            "law_name": row["law_name"],
            "article_heading": row["heading"],
            "domain": row["domain"],
            "summary": row["summary"],
            "summary_en": row["summary_en"],
        }
        law = row["law_number"] or row["law_name"]
        reference, _created = LegalReference.objects.update_or_create(
            **_reference_lookup(law, row["article"]),
            defaults=content,
            create_defaults={
                **content,
                "review_status": LegalReference.ReviewStatus.AWAITING,
                "review_notes": row["review_notes"],
            },
        )
        references[(law, row["article"])] = reference

    types = []
    for position, row in enumerate(demo_data("collaboration_types"), start=1):
        collaboration_type, _created = CollaborationType.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "name_en": row["name_en"],
                "description": row["description"],
                "description_en": row["description_en"],
                "position": position,
            },
        )
        types.append(collaboration_type)
        for basis_position, basis in enumerate(row["bases"], start=1):
            CollaborationBasis.objects.update_or_create(
                collaboration_type=collaboration_type,
                reference=references[(basis["law"], basis["article"])],
                defaults={
                    "side": basis["side"],
                    "effect": basis["effect"],
                    "explanation": basis["explanation"],
                    "explanation_en": basis["explanation_en"],
                    "conditions": basis["conditions"],
                    "conditions_en": basis["conditions_en"],
                    "open_questions": basis["open_questions"],
                    "open_questions_en": basis["open_questions_en"],
                    "position": basis_position,
                },
            )
        for step_position, template in enumerate(row["step_templates"], start=1):
            step, _created = StepTemplate.objects.update_or_create(
                collaboration_type=collaboration_type,
                position=step_position,
                defaults={
                    "description": template["description"],
                    "description_en": template["description_en"],
                    "responsible_role": template["responsible_role"],
                    "responsible_role_en": template["responsible_role_en"],
                    "offset_days": template["offset_days"],
                },
            )
            step.references.set(
                [references[(cited["law"], cited["article"])] for cited in template["references"]]
            )
    return types
