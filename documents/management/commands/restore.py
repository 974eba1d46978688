import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS
from django.utils import timezone

from documents.backup import BackupError, both
from documents.backup.archive import backup_restore
from documents.backup.database import NAMES


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty database and an empty "
        "MEDIA_ROOT, then check every document's file against its row."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--input", required=True, type=Path, help="The backup's .tar file.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite a database that has tables and write into a MEDIA_ROOT that has files.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, input: Path, force: bool, database: str, **options) -> None:  # noqa: A002
        try:
            result = backup_restore(source=input, force=force, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        made = timezone.localtime(dt.datetime.fromisoformat(result.created_at))
        self.stdout.write(
            both("Yedek geri yüklendi", "Backup restored")
            + f": {made:%Y-%m-%d %H:%M}, {NAMES[result.vendor]} {result.server_version}"
        )
        self.stdout.write(
            f"  {both('Veritabanı', 'Database')}: {settings.DATABASES[database]['NAME']}; "
            f"MEDIA_ROOT: {settings.MEDIA_ROOT}"
        )
        self.stdout.write(
            f"  {both('Belgeler', 'Documents')}: {result.files} {both('dosya', 'files')}; "
            + both(
                f"{result.verified} dosya kaydındaki SHA-256 ile aynı",
                f"{result.verified} files match the SHA-256 of their rows",
            )
        )
        if result.pending_migrations:
            self.stdout.write(
                "  "
                + both(
                    f"{result.pending_migrations} geçiş uygulanmamış: manage.py migrate çalıştırın",
                    f"{result.pending_migrations} migrations not applied: run manage.py migrate",
                )
            )
        for problem in result.problems:
            self.stderr.write(f"  {problem}")
        if result.problems:
            raise CommandError(
                both(
                    f"{len(result.problems)} belgenin dosyası eksik ya da farklı",
                    f"{len(result.problems)} documents' files are missing or differ",
                )
            )
        self.stdout.write(self.style.SUCCESS(both("Tamam", "Done")))
