"""The local storage of the documents' files (STORAGES["default"] when they live on this
machine's disk).

Everything else reads and writes the files only through Django's storage API (`storage.save`,
`storage.open`, `storage.delete`, `storage.exists`, `storage.size`, `storage.listdir`), never
through a local path: so an object storage (django-storages' S3Storage, see the README) can
take this one's place when the web and worker processes run on several machines.

What this class adds to FileSystemStorage: a file appears whole or not at all. It is written to
a temporary file beside the target, flushed to disk, then renamed into place, so that a reader
(or a crash, or a full disk) never leaves half a file under the final name. An object store
gives the same guarantee by itself (an object is visible only once its upload completed).
"""

import os
import tempfile
from pathlib import Path

from django.core.files.storage import FileSystemStorage


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name: str, content) -> str:
        target = Path(self.path(name))
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                for chunk in content.chunks():
                    stream.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                stream.flush()
                os.fsync(stream.fileno())
            if self.file_permissions_mode is not None:
                Path(temporary).chmod(self.file_permissions_mode)
            # The name was made free by `get_available_name` (or may be overwritten, with
            # allow_overwrite); the rename replaces nothing else.
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self._ensure_location_group_id(str(target))
        # As FileSystemStorage: relative to the storage root, forward slashes.
        return os.path.relpath(target, self.location).replace("\\", "/")
