"""Write a backup archive, and restore one into an empty database and MEDIA_ROOT (see the
package's docstring for the format and the order)."""

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.db import connections
from django.utils import timezone

from documents.backup import BackupError, both
from documents.backup.database import (
    MEMBERS,
    NAMES,
    database_dump,
    database_load,
    pending_migrations,
    server_version,
    table_count,
    vendor_of,
)
from documents.models import Document

FORMAT = "gencisi-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


@dataclass
class BackupResult:
    path: Path
    vendor: str
    server_version: str
    database_bytes: int = 0
    files: int = 0
    file_bytes: int = 0
    deleted_during_backup: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class RestoreResult:
    created_at: str
    vendor: str
    server_version: str
    files: int = 0
    verified: int = 0
    pending_migrations: int = 0
    problems: list[str] = field(default_factory=list)


class _HashingReader:
    """Hands a file to tarfile and hashes what it reads on the way (one pass over each file)."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.digest.update(data)
        return data


def _sha256_of(stream) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _output_path(output: Path) -> Path:
    if output.is_dir():
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        output = output / f"gencisi-backup-{stamp}.tar"
    if output.exists():
        raise BackupError(both(f"{output} zaten var", f"{output} already exists"))
    if not output.parent.is_dir():
        raise BackupError(both(f"{output.parent} klasörü yok", f"{output.parent} does not exist"))
    return output


def _add_file(archive: tarfile.TarFile, name: str, path: Path) -> tuple[str, int]:
    info = archive.gettarinfo(str(path), arcname=name)
    info.mode, info.uid, info.gid, info.uname, info.gname = 0o600, 0, 0, "", ""
    with path.open("rb") as stream:
        reader = _HashingReader(stream)
        archive.addfile(info, reader)
    return reader.digest.hexdigest(), info.size


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def _add_stored(archive: tarfile.TarFile, name: str, storage) -> tuple[str, int]:
    """One document's file, read through the storage API (local or object storage)."""
    info = tarfile.TarInfo(MEDIA_PREFIX + name)
    info.size, info.mode, info.mtime = storage.size(name), 0o600, int(timezone.now().timestamp())
    with storage.open(name, "rb") as stream:
        reader = _HashingReader(stream)
        archive.addfile(info, reader)
    return reader.digest.hexdigest(), info.size


def _add_documents(archive, referenced, result: BackupResult, using: str) -> tuple[list, list]:
    """Copy each referenced file; returns the manifest's entries and the files the platform
    deleted after the snapshot (an older ZIP bundle's: its row no longer names it)."""
    storage = _storage()
    entries, deleted = [], []
    for pk, name, expected in referenced:
        if not storage.exists(name):
            if Document.objects.using(using).filter(pk=pk, file=name).exists():
                result.problems.append(
                    both(f"Belge {pk}: {name} bulunamadı", f"Document {pk}: {name} is missing")
                )
            else:
                deleted.append({"id": pk, "path": name})
            continue
        sha256, size = _add_stored(archive, name, storage)
        entries.append({"id": pk, "path": name, "sha256": sha256, "size": size})
        result.files += 1
        result.file_bytes += size
        if sha256 != expected:
            result.problems.append(
                both(
                    f"Belge {pk}: {name} kaydındaki SHA-256 ile uyuşmuyor",
                    f"Document {pk}: {name} does not match the SHA-256 of its row",
                )
            )
    result.deleted_during_backup = len(deleted)
    return entries, deleted


def backup_create(*, output: Path, using: str = "default") -> BackupResult:
    """Back up the database `using` and its documents' files to `output` (a file, or a folder
    to create a dated file in). The archive gets its name only once complete. A document whose
    file is missing or differs from its row is reported in `problems`; the backup is still
    written, as the database is worth keeping."""
    connection = connections[using]
    vendor = vendor_of(connection)
    target = _output_path(Path(output))
    result = BackupResult(path=target, vendor=vendor, server_version=server_version(connection))
    partial = target.with_name(f".{target.name}.part")
    old_umask = os.umask(0o077)
    try:
        # The dump waits beside the archive: that disk was chosen for backups, /tmp may be small.
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".gencisi-backup-") as work:
            dump = Path(work) / MEMBERS[vendor]
            snapshot_at = timezone.now()
            dumped_by, referenced = database_dump(connection, dump)
            with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
                database_sha256, result.database_bytes = _add_file(archive, dump.name, dump)
                entries, deleted = _add_documents(archive, referenced, result, using)
                manifest = {
                    "format": FORMAT,
                    "version": FORMAT_VERSION,
                    "created_at": snapshot_at.isoformat(),  # the database as of then
                    "database": {
                        "vendor": vendor,
                        "member": dump.name,
                        "sha256": database_sha256,
                        "size": result.database_bytes,
                        "server_version": result.server_version,
                        "dumped_by": dumped_by,
                    },
                    "documents": entries,
                    "deleted_during_backup": deleted,
                }
                _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
        with partial.open("rb") as stream:
            os.fsync(stream.fileno())
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
        os.umask(old_umask)
    return result


def _storage():
    """The documents' storage (STORAGES["default"]): backup and restore read and write their
    files only through its API, so they work the same on the local disk and on S3."""
    return Document._meta.get_field("file").storage


def _where(storage) -> str:
    return str(getattr(storage, "location", "") or type(storage).__name__)


def _relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts:
        raise BackupError(both(f"Geçersiz dosya adı: {name!r}", f"Invalid file name: {name!r}"))
    return path


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError(
            both(
                "Yedekte manifest.json yok: bu bir gencisi yedeği değil",
                "No manifest.json: not a gencisi backup",
            )
        ) from error
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError(
            both(
                f"Bilinmeyen yedek biçimi: {manifest.get('format')} {manifest.get('version')}",
                f"Unknown backup format: {manifest.get('format')} {manifest.get('version')}",
            )
        )
    for entry in manifest["documents"] + manifest["deleted_during_backup"]:
        _relative(entry["path"])
    return manifest


def _check_members(archive: tarfile.TarFile, manifest: dict) -> None:
    """Every member is the one the manifest lists, byte for byte, before anything is written."""
    expected = {manifest["database"]["member"]: manifest["database"]["sha256"]}
    expected |= {MEDIA_PREFIX + entry["path"]: entry["sha256"] for entry in manifest["documents"]}
    seen = set()
    for member in archive:
        if member.name == MANIFEST:
            continue
        if member.name not in expected or member.name in seen or not member.isfile():
            raise BackupError(
                both(f"Yedekte beklenmeyen öğe: {member.name}", f"Unexpected member: {member.name}")
            )
        if _sha256_of(archive.extractfile(member)) != expected[member.name]:
            raise BackupError(
                both(
                    f"Yedek bozuk: {member.name} SHA-256 tutmuyor",
                    f"The backup is damaged: {member.name} fails its SHA-256",
                )
            )
        seen.add(member.name)
    if missing := sorted(expected.keys() - seen):
        raise BackupError(both("Yedekte eksik öğeler", "Members missing") + f": {missing}")


def _stored_anything(storage) -> bool:
    try:
        folders, files = storage.listdir("")
    except FileNotFoundError:  # a local storage whose folder does not exist yet
        return False
    return bool(folders or files)


def _refuse_to_overwrite(connection, storage) -> None:
    tables = table_count(connection)
    if tables:
        raise BackupError(
            both(
                f"Veritabanı boş değil ({tables} tablo); üzerine yazmak için --force verin",
                f"The database is not empty ({tables} tables); pass --force to overwrite it",
            )
        )
    if _stored_anything(storage):
        where = _where(storage)
        raise BackupError(
            both(
                f"{where} boş değil; üzerine yazmak için --force verin",
                f"{where} is not empty; pass --force to write into it",
            )
        )


def _write_file(archive: tarfile.TarFile, entry: dict, storage) -> None:
    """Each file checked against the manifest on the way to a spooled copy, then saved through
    the storage API (locally: a temporary file renamed into place, documents.storage)."""
    name = str(_relative(entry["path"]))
    with tempfile.SpooledTemporaryFile(max_size=CHUNK * 8) as copy:
        reader = _HashingReader(archive.extractfile(MEDIA_PREFIX + entry["path"]))
        while chunk := reader.read(CHUNK):
            copy.write(chunk)
        if reader.digest.hexdigest() != entry["sha256"]:
            raise BackupError(
                both(f"{entry['path']} okunurken değişti", f"{entry['path']} changed while read")
            )
        copy.seek(0)
        if storage.exists(name):  # --force: the archive's copy wins
            storage.delete(name)
        saved = storage.save(name, File(copy, name=name))
    if saved != name:
        raise BackupError(both(f"{name} yerine {saved} yazıldı", f"{name} was written as {saved}"))


def _forget_deleted(entries: list[dict], using: str) -> None:
    """Rows whose file the platform deleted during the backup lose it here as they did there;
    one that was still current is queued to be built again."""
    rows = Document.objects.using(using).filter(pk__in=[entry["id"] for entry in entries])
    rows.filter(superseded_by__isnull=False).update(file="")
    rows.filter(superseded_by__isnull=True).update(file="", status=Document.Status.QUEUED)


def documents_verify(*, using: str = "default") -> tuple[int, list[str]]:
    """Read every file a document row names from the documents' storage and compare it with
    the SHA-256 the row recorded: (how many match, what does not)."""
    storage = _storage()
    verified, problems = 0, []
    for pk, name, expected in (
        Document.objects.using(using).exclude(file="").values_list("pk", "file", "file_sha256")
    ):
        try:
            with storage.open(name, "rb") as stream:
                actual = _sha256_of(stream)
        except FileNotFoundError:
            problems.append(both(f"Belge {pk}: {name} yok", f"Document {pk}: {name} is missing"))
            continue
        if actual == expected:
            verified += 1
        else:
            problems.append(
                both(
                    f"Belge {pk}: {name} kaydındaki SHA-256 ile uyuşmuyor",
                    f"Document {pk}: {name} does not match the SHA-256 of its row",
                )
            )
    return verified, problems


def backup_restore(*, source: Path, force: bool = False, using: str = "default") -> RestoreResult:
    """Restore a backup into the database `using` and MEDIA_ROOT, both empty unless `force`.
    The whole archive is checked against its manifest before anything is written; afterwards
    every document row's file is read back and compared with the row's SHA-256."""
    connection = connections[using]
    vendor = vendor_of(connection)
    storage = _storage()
    try:
        archive = tarfile.open(source, "r:")  # noqa: SIM115 — closed below
    except (OSError, tarfile.TarError) as error:
        raise BackupError(both(f"{source} okunamadı", f"Cannot read {source}")) from error
    with archive:
        manifest = _read_manifest(archive)
        database = manifest["database"]
        if database["vendor"] != vendor:
            raise BackupError(
                both(
                    f"Bu yedek {NAMES.get(database['vendor'])} için, veritabanı {NAMES[vendor]}",
                    f"This backup is of {NAMES.get(database['vendor'])}, the database is "
                    f"{NAMES[vendor]}",
                )
            )
        if database["member"] != MEMBERS[vendor]:
            raise BackupError(
                both(
                    f"Geçersiz veritabanı öğesi: {database['member']!r}",
                    f"Invalid database member: {database['member']!r}",
                )
            )
        if not force:
            _refuse_to_overwrite(connection, storage)
        _check_members(archive, manifest)
        with tempfile.TemporaryDirectory(prefix="gencisi-restore-") as work:
            dump = Path(work) / database["member"]
            with dump.open("wb") as stream:
                shutil.copyfileobj(archive.extractfile(database["member"]), stream, CHUNK)
            database_load(connection, dump, replace=force, dumped_by=database["dumped_by"])
        _forget_deleted(manifest["deleted_during_backup"], using)
        for entry in manifest["documents"]:
            _write_file(archive, entry, storage)
    verified, problems = documents_verify(using=using)
    return RestoreResult(
        created_at=manifest["created_at"],
        vendor=vendor,
        server_version=database["server_version"],
        files=len(manifest["documents"]),
        verified=verified,
        pending_migrations=pending_migrations(connection),
        problems=problems,
    )
