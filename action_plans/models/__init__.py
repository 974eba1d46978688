"""action_plans: the legal-basis library (library.py) and work groups, action plans and their
steps (plans.py)."""

from action_plans.models.library import (
    SDG,
    CollaborationBasis,
    CollaborationType,
    LegalReference,
    StepTemplate,
)
from action_plans.models.plans import ActionPlan, ActionStep, WorkGroup, WorkGroupMember

__all__ = [
    "SDG",
    "ActionPlan",
    "ActionStep",
    "CollaborationBasis",
    "CollaborationType",
    "LegalReference",
    "StepTemplate",
    "WorkGroup",
    "WorkGroupMember",
]
