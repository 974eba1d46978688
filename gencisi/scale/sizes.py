"""How much `load_scale` generates: the national size of issue 15 times a factor."""

import math
from dataclasses import dataclass

# At factor 1: organisations of each kind (3,100 in all: a metropolitan municipality in each of
# the 30 metropolitan provinces, a provincial one in each of the other 51, then the rest).
ORGANISATIONS_AT_1 = {
    "metropolitan": 30,
    "provincial": 51,
    "district": 900,
    "cooperative": 1100,
    "ngo": 650,
    "public_body": 250,
    "other": 119,
}


@dataclass(frozen=True)
class ScaleSize:
    factor: float
    organisations: dict[str, int]
    participants: int
    facilitators: int
    cohorts: int
    big_cohort: int  # registrations of the one large cohort
    cohort_min: int  # registrations of every other cohort, from … to …
    cohort_max: int
    registrations: int
    survey_submissions: int
    plans: int
    certificates: int
    demo_participant_cohorts: int  # scale cohorts the demo participant registered for
    demo_facilitator_cohorts: int  # scale cohorts the demo facilitator runs

    @classmethod
    def of(cls, factor: float) -> "ScaleSize":
        if factor <= 0:
            raise ValueError("the scale factor must be positive")

        def scaled(value: int, floor: int) -> int:
            return max(floor, round(value * factor))

        cohorts = scaled(200, 4)
        big = scaled(600, 12)
        low = scaled(50, 4)
        high = max(low + 4, scaled(300, 8))
        registrations = min(
            max(scaled(40_000, 1), big + (cohorts - 1) * low), big + (cohorts - 1) * high
        )
        return cls(
            factor=factor,
            organisations={
                kind: max(1, math.ceil(count * factor))
                for kind, count in ORGANISATIONS_AT_1.items()
            },
            participants=max(scaled(20_000, 60), big + high),
            facilitators=scaled(40, 3),
            cohorts=cohorts,
            big_cohort=big,
            cohort_min=low,
            cohort_max=high,
            registrations=registrations,
            survey_submissions=scaled(10_000, 5),
            plans=scaled(1_200, 3),
            certificates=scaled(2_270, 5),
            demo_participant_cohorts=min(6, cohorts - 1),
            demo_facilitator_cohorts=min(10, cohorts),
        )
