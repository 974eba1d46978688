import pytest

from documents.backup import BackupError
from documents.backup.database import pg_tool_check, pg_tool_major


def test_pg_dump_older_than_the_server_is_refused_naming_the_client_to_install():
    with pytest.raises(BackupError) as refused:
        pg_tool_check("pg_dump", major=15, at_least=16, of_what="PostgreSQL")

    assert str(refused.value) == (
        "pg_dump 15, PostgreSQL 16 için eski: postgresql-client-16 kurun / "
        "pg_dump 15 is older than PostgreSQL 16: install postgresql-client-16"
    )


def test_a_tool_as_new_as_the_server_passes():
    pg_tool_check("pg_dump", major=16, at_least=16, of_what="PostgreSQL")


def test_the_major_version_is_read_from_the_tool(tmp_path, monkeypatch):
    tool = tmp_path / "pg_dump"
    tool.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 17.2 (Debian 17.2-1)'\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))

    assert pg_tool_major("pg_dump") == 17


def test_a_missing_tool_names_the_package(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(BackupError) as refused:
        pg_tool_major("pg_restore")

    assert str(refused.value) == (
        "pg_restore bulunamadı: postgresql-client paketini kurun / "
        "pg_restore not found: install the postgresql-client package"
    )
