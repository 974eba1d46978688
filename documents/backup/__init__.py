"""Backup and restore of an installation: the database and the documents' files in one tar
(`manage.py backup`, `manage.py restore`).

The archive (`gencisi-backup-<date>-<time>.tar`, mode 0600: it holds personal data) contains
- `database.pgdump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite's
  online backup API): the whole database, in one consistent snapshot;
- `media/<name>`: the file of every Document row of that snapshot (the only files in the
  documents' storage that anything reads: `documents:download` streams a file only through its
  row); read and written through Django's storage API only (STORAGES["default"]: the local
  MEDIA_ROOT, or an object storage such as S3), never through a local path;
- `manifest.json`, written last: the format, the database's vendor and versions, and the size
  and SHA-256 of every member.

Order: the database first, the files second, and the list of files to copy is read from the
snapshot itself (PostgreSQL: an exported snapshot shared with pg_dump; SQLite: the copy). A
document's file is renamed into place before its row turns ready, and PDFs are never deleted,
so every file the snapshot references is already on disk and is still there when it is copied.
Files written after the snapshot belong to rows the backup does not have: harmless, left out.
The one file the platform deletes is an older ZIP bundle's, once a newer one is ready; if that
happens between the snapshot and the copy, the manifest says so and the restore empties that
row's file as the platform did (queueing the ZIP again if it was still the current one). The
other order (files first) would miss the file of every document that turned ready meanwhile.

It lives in `documents` because that app owns the documents' storage (nothing else writes
there) and its rows carry the hashes the files are checked against.
"""


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why in Turkish and English."""


def both(turkish: str, english: str) -> str:
    """Operators read the output in Turkish first, English second (as `load_demo` prints it)."""
    return f"{turkish} / {english}"
