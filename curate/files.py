"""Atomic file output: a reader sees the old file or the whole new one, never a part."""

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO


def default_mode() -> int:
    """The mode a plain ``open(path, "w")`` would give a new file under the current umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_writer(path: Path, *, mode: int | None = None) -> Iterator[IO[str]]:
    """Open a temporary file beside ``path`` for writing; it replaces ``path`` on success.

    On any exception the temporary file is removed and ``path`` is left as it was. The file
    gets ``mode``, by default what the umask gives (``mkstemp`` alone would make it 0600).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, default_mode() if mode is None else mode)
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
