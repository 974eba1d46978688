import getpass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from accounts.services import coordinator_create


class Command(BaseCommand):
    help = "Create a coordinator (or give an existing user the coordinator role)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="Full name, e.g. 'Ayşe Yılmaz'.")
        parser.add_argument(
            "--password",
            help="Password; asked for interactively when omitted.",
        )

    def handle(self, *args, email: str, name: str, password: str | None, **options) -> None:
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Invalid e-mail address: {email}") from error
        if password is None:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords do not match.")
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user = coordinator_create(email=email, full_name=name, password=password)
        self.stdout.write(self.style.SUCCESS(f"Coordinator ready: {user.email}"))
