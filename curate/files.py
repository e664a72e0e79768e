"""Atomic file output: a reader sees the old file or the whole new one, never a part."""

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload

from curate.errors import OutputError


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
    process killed mid-write leaves a leftover that can be recognised. A binary stream can
    also be read back (a pull checks the snapshot it has written).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = temporary_prefix or f".{path.name}."
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        os.fchmod(handle, default_mode() if mode is None else mode)
        text = {} if binary else {"encoding": "utf-8", "newline": "\n"}
        with os.fdopen(handle, "w+b" if binary else "w", **text) as stream:
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


# ---- outputs curate owns: never replace a file curate did not write ------------------------

#: In every folder curate writes into: the files it wrote there and their sha256.
MANIFEST_NAME = ".curate-manifest.json"


def check_output_file(path: Path, *, force: bool = False) -> None:
    """Raise :class:`OutputError` unless ``path`` can take a file curate writes: it is not a
    folder, its parent is not a file, and it is new or a file curate wrote there unchanged
    (``force`` allows replacing any file)."""
    check_output_files(path.parent, [path.name], force=force, option="-o")


def check_output_files(
    directory: Path,
    names: Iterable[str],
    *,
    force: bool = False,
    option: str = "-o",
    what: str = "the output",
) -> None:
    """Raise :class:`OutputError` unless each of ``names`` in ``directory`` can be written (see
    :func:`check_output_file`); called before any work, so nothing is done in vain."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory} is a file; give a directory for {what} with {option}")
    for parent in directory.parents:
        if parent.exists() and not parent.is_dir():
            raise OutputError(f"{parent} is a file, so {directory} cannot be made: fix {option}")
    written = _manifest(directory)
    for name in names:
        path = directory / name
        if path.is_dir():
            raise OutputError(f"{path} is a folder: give {option} a file path (a file in it, say)")
        if force or not path.exists():
            continue
        if name not in written:
            raise OutputError(
                f"{path} exists and curate did not write it: move it away, choose another "
                f"{option}, or rerun with --force to replace it"
            )
        if _sha256(path) != written[name]:
            raise OutputError(
                f"{path} changed since curate wrote it: move it away, choose another "
                f"{option}, or rerun with --force to replace it"
            )


def record_outputs(directory: Path, names: Iterable[str]) -> None:
    """Note in the folder's manifest that curate wrote ``names`` (as they are now)."""
    with locked(directory):
        written = _manifest(directory)
        written.update({name: _sha256(directory / name) for name in names})
        _write_manifest(directory, written)


def remove_outputs(directory: Path, names: Iterable[str]) -> list[str]:
    """Remove those of ``names`` that curate wrote and nobody changed since; return them."""
    removed = []
    with locked(directory):
        written = _manifest(directory)
        for name in names:
            path = directory / name
            if name in written and path.is_file() and _sha256(path) == written[name]:
                path.unlink()
                removed.append(name)
            if not path.exists():
                written.pop(name, None)
        _write_manifest(directory, written)
    return removed


@contextlib.contextmanager
def owned_writer(path: Path, *, force: bool = False) -> Iterator[IO[str]]:
    """:func:`atomic_writer` for an output curate owns: refuses (before opening anything) to
    replace a file curate did not write, and records the new file in the folder's manifest."""
    check_output_file(path, force=force)
    with atomic_writer(path) as stream:
        yield stream
    record_outputs(path.parent, [path.name])


def _manifest(directory: Path) -> dict[str, str]:
    try:
        loaded = json.loads((directory / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except (OSError, ValueError):
        raise OutputError(
            f"{directory / MANIFEST_NAME} (curate's list of the files it wrote there) is "
            "unreadable: delete it and rerun with --force"
        ) from None
    files = loaded.get("files") if isinstance(loaded, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _write_manifest(directory: Path, written: dict[str, str]) -> None:
    with atomic_writer(directory / MANIFEST_NAME) as stream:
        manifest = {"written_by": "curate", "files": dict(sorted(written.items()))}
        json.dump(manifest, stream, indent=1)
        stream.write("\n")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``directory`` (released by the kernel if the process
    dies), so that writers into one folder take turns."""
    directory.mkdir(parents=True, exist_ok=True)
    handle = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)
