from django.core.management.base import BaseCommand, CommandError

from gencisi.scale.loader import ScaleRefusedError, load_scale


class Command(BaseCommand):
    help = (
        "Load the demo, then national-size invented data (issue 15): 20,000 participants from "
        "3,100 organisations in the 81 provinces, 200 cohorts, 40,000 registrations, attendance, "
        "survey answers, action plans, certificates, e-mails and the audit log. Deterministic "
        "for a seed; refuses a database with real data or scale data loaded before."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Factor of the national size (1.0); e.g. 0.01 for a quick check.",
        )
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (2026).")
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Load even though the database has users that are not from the demo; only on "
                "a database whose name contains 'scale' or 'bench'."
            ),
        )

    def handle(self, *args, **options) -> None:
        try:
            report = load_scale(
                factor=options["scale"],
                seed=options["seed"],
                force=options["force"],
                log=self.stdout.write,
            )
        except (ScaleRefusedError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Scale data loaded (factor {report.size.factor:g}, seed {report.seed}) "
                f"in {report.seconds:.0f} s."
            )
        )
