"""Atomic file output: a reader sees the old file or the whole new one, never a part."""

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """Open a temporary file beside ``path`` for writing; it replaces ``path`` on success.

    On any exception the temporary file is removed and ``path`` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_lines(path: Path, lines: Iterable[str]) -> int:
    """Write ``lines`` (each without its newline) atomically; return how many were written."""
    count = 0
    with atomic_writer(path) as stream:
        for line in lines:
            stream.write(line)
            stream.write("\n")
            count += 1
    return count
