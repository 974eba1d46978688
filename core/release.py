"""The name of this deployment (issue 15): what a cache of rendered pages carries in its keys so
that a page rendered by the previous release — its HTML, its words, its links to hashed CSS —
is not served by the next one.

`GENCISI_RELEASE` names it when the deployment sets it (a commit id); otherwise it is a digest
of what renders pages — the Python code, the templates, the compiled translations and the
static files' manifest — read once per process (about 1,000 files, tens of milliseconds)."""

import hashlib
import os
from functools import cache
from pathlib import Path

from django.conf import settings

_RENDERING = (".py", ".html", ".mo", ".txt")
_NOT_RENDERING = {".git", ".venv", "node_modules", "staticfiles", ".data", "tests", "bench"}


def _files(root: Path) -> list[Path]:
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name not in _NOT_RENDERING)
        found.extend(Path(folder) / name for name in sorted(names) if name.endswith(_RENDERING))
    return found


@cache
def release() -> str:
    """This deployment's name (see the module)."""
    named = os.environ.get("GENCISI_RELEASE", "")
    if named:
        return named
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    for path in [*_files(root), manifest]:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
