"""Demo people, one per role. Their password is printed by `manage.py load_demo`."""

from dataclasses import dataclass

from accounts.models import User
from accounts.roles import COORDINATOR, FACILITATOR
from accounts.services import user_create

DEMO_PASSWORD = "demo-parola-2026"  # noqa: S105 — printed on purpose for the demo


@dataclass(frozen=True)
class DemoPeople:
    coordinator: User
    facilitator: User
    co_facilitator: User
    participant: User


def load_demo_people() -> DemoPeople:
    return DemoPeople(
        coordinator=user_create(
            email="koordinator@gencisi.local",
            full_name="Zeynep Aydın",
            password=DEMO_PASSWORD,
            roles=(COORDINATOR,),
        ),
        facilitator=user_create(
            email="kolaylastirici@gencisi.local",
            full_name="Emre Işık",
            password=DEMO_PASSWORD,
            roles=(FACILITATOR,),
        ),
        co_facilitator=user_create(
            email="kolaylastirici2@gencisi.local",
            full_name="Selin Öztürk",
            password=DEMO_PASSWORD,
            roles=(FACILITATOR,),
        ),
        participant=user_create(
            email="katilimci@gencisi.local",
            full_name="İnci Çelik",
            password=DEMO_PASSWORD,
        ),
    )
