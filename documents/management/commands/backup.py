from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from documents.backup import BackupError, both
from documents.backup.archive import backup_create
from documents.backup.database import NAMES


def size(count: int) -> str:
    return f"{-(-count // 1000)} kB" if count < 10_000_000 else f"{round(count / 1_000_000)} MB"


class Command(BaseCommand):
    help = (
        "Back up the database and the documents' files into one tar file (restore it with "
        "`manage.py restore`)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output",
            required=True,
            type=Path,
            help="A folder (a dated gencisi-backup-….tar is created in it) or the file to write.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, output: Path, database: str, **options) -> None:
        try:
            result = backup_create(output=output, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(both("Yedek yazıldı", "Backup written")))
        self.stdout.write(f"  {result.path}")
        self.stdout.write(
            f"  {both('Veritabanı', 'Database')}: {NAMES[result.vendor]} {result.server_version}, "
            f"{size(result.database_bytes)}"
        )
        self.stdout.write(
            f"  {both('Belgeler', 'Documents')}: {result.files} "
            f"{both('dosya', 'files')}, {size(result.file_bytes)}"
        )
        if result.deleted_during_backup:
            self.stdout.write(
                "  "
                + both(
                    "Yedekleme sırasında silinen eski ZIP", "Older ZIPs deleted during the backup"
                )
                + f": {result.deleted_during_backup}"
            )
        for problem in result.problems:
            self.stderr.write(f"  {problem}")
        if result.problems:
            raise CommandError(
                both(
                    f"Yedek yazıldı, ama {len(result.problems)} belgenin dosyasında sorun var",
                    f"The backup was written, but {len(result.problems)} documents' files have "
                    "problems",
                )
            )
