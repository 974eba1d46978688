from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import DEMO_PASSWORD, load_demo_people
from action_plans.demo import load_demo_action_plans
from library.demo import load_demo_legal_library
from participants.demo import load_demo_finished_cohort, load_demo_registrations
from programs.demo import load_demo_programme


class Command(BaseCommand):
    help = "Load the demo programme from the seed and one demo user per role (idempotent)."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            people = load_demo_people()
            load_demo_legal_library()
            program = load_demo_programme(facilitators=[people.facilitator, people.co_facilitator])
            load_demo_registrations(demo_participant=people.participant)
            finished = program.cohorts.filter(title="Ankara dönemi").first()
            if finished is not None:
                load_demo_finished_cohort(cohort=finished, demo_participant=people.participant)
                load_demo_action_plans(cohort=finished)
        self.stdout.write(self.style.SUCCESS(f"Demo programme ready: {program.title}"))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for role, user in (
            ("coordinator / koordinatör", people.coordinator),
            ("facilitator / kolaylaştırıcı", people.facilitator),
            ("facilitator / kolaylaştırıcı", people.co_facilitator),
            ("participant / katılımcı", people.participant),
        ):
            self.stdout.write(f"  {role:<30} {user.email:<32} {user.full_name}")
