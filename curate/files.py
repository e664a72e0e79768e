"""Atomic file output: a reader sees the old file or the whole new one, never a part."""

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload


def default_mode() -> int:
    """The mode a plain ``open(path, "w")`` would give a new file under the current umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@overload
def atomic_writer(
    path: Path,
    *,
    mode: int | None = ...,
    binary: Literal[False] = ...,
    replace: bool = ...,
    temporary_prefix: str | None = ...,
) -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def atomic_writer(
    path: Path,
    *,
    mode: int | None = ...,
    binary: Literal[True],
    replace: bool = ...,
    temporary_prefix: str | None = ...,
) -> contextlib.AbstractContextManager[IO[bytes]]: ...
@contextlib.contextmanager
def atomic_writer(
    path: Path,
    *,
    mode: int | None = None,
    binary: bool = False,
    replace: bool = True,
    temporary_prefix: str | None = None,
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path`` for writing; it becomes ``path`` on success.

    On any exception the temporary file is removed and ``path`` is left as it was. The file
    gets ``mode``, by default what the umask gives (``mkstemp`` alone would make it 0600).
    With ``replace=False`` an existing ``path`` is never replaced: :class:`FileExistsError`
    is raised instead, even when another process creates ``path`` while this one writes.
    The temporary file is hidden, ``.<name>.*.tmp`` or ``<temporary_prefix>*.tmp``, so a
    process killed mid-write leaves a leftover that can be recognised.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = temporary_prefix or f".{path.name}."
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        os.fchmod(handle, default_mode() if mode is None else mode)
        text = {} if binary else {"encoding": "utf-8", "newline": "\n"}
        with os.fdopen(handle, "wb" if binary else "w", **text) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def write_lines(path: Path, lines: Iterable[str]) -> int:
    """Write ``lines`` (each without its newline) atomically; return how many were written."""
    count = 0
    with atomic_writer(path) as stream:
        for line in lines:
            stream.write(line)
            stream.write("\n")
            count += 1
    return count
