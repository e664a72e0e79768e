"""Compiled regexes kept on disk, so a start does not compile the extractor's passes again.

CPython compiles a regex in Python (``re._parser`` reads it, ``re._compiler`` turns it into
a list of integers for the matching engine, ``_sre``): one language's pass, half a megabyte
of pattern, takes seconds. The list of integers is what is stored here, in one file per
pass; ``_sre.compile`` turns it back into a pattern in milliseconds.

Those are CPython's internals, so the interpreter's version and the engine's magic number
are part of every file's key, each file carries a checksum of its contents, and anything
unexpected (no cache folder, a folder that cannot be written, a file that does not read
back, an internal that changed) falls back to ``re.compile``: the cache can make a start
slower, never a match different. The folder is ``$CURATE_CACHE_DIR``, else
``$XDG_CACHE_HOME/curate``, else ``~/.cache/curate``; deleting it is always safe.
"""

import array
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # CPython's engine and its compiler; without them the cache is off
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another interpreter
    _sre = None

#: Bumped when the file layout changes; part of every key.
_FORMAT = 1
_CODE_TYPECODE = "I"


def cache_dir() -> Path:
    """Where compiled passes are kept (see the module docstring)."""
    if configured := os.environ.get("CURATE_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "curate"


def compile_cached(
    key: str, make: Callable[[], tuple[str, Any]], *, directory: Path | None = None
) -> tuple[re.Pattern[str], Any]:
    """The compiled pattern and the extra data ``make`` returns with its text, from the cache
    when a file for ``key`` is there, else made, compiled and stored.

    ``key`` must name everything ``make`` depends on; the extra data must be what
    :mod:`marshal` writes (strings, numbers, tuples, lists, dicts).
    """
    if _sre is None or array.array(_CODE_TYPECODE).itemsize != _sre.CODESIZE:
        pattern, extra = make()
        return re.compile(pattern), extra
    path = (directory or cache_dir()) / f"regex-{_file_key(key)}.bin"
    loaded = _load(path)
    if loaded is not None:
        return loaded
    pattern, extra = make()
    compiled, parts = _compile(pattern)
    _store(path, (parts, extra))
    return compiled, extra


def _file_key(key: str) -> str:
    versions = f"{_FORMAT}\n{sys.version}\n{_sre.MAGIC}\n{_sre.CODESIZE}\n"
    return hashlib.sha256((versions + key).encode()).hexdigest()[:32]


def _compile(pattern: str) -> tuple[re.Pattern[str], tuple[Any, ...]]:
    """``re.compile(pattern)`` as ``re._compiler.compile`` does it, keeping the engine's code."""
    parsed = _parser.parse(pattern, 0)
    code = _compiler._code(parsed, 0)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    flags = parsed.state.flags
    groups, groupindex = parsed.state.groups - 1, dict(parsed.state.groupdict)
    compiled = _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))
    packed = array.array(_CODE_TYPECODE, code).tobytes()
    return compiled, (pattern, flags, packed, groups, groupindex, tuple(indexgroup))


def _load(path: Path) -> tuple[re.Pattern[str], Any] | None:
    try:
        payload = path.read_bytes()
        checksum, body = payload[:32], payload[32:]
        if hashlib.sha256(body).digest() != checksum:
            return None
        (pattern, flags, packed, groups, groupindex, indexgroup), extra = marshal.loads(body)
        code = array.array(_CODE_TYPECODE, packed).tolist()
        return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup), extra
    except Exception:  # any file that does not read back is a miss: compile afresh
        return None


def _store(path: Path, entry: tuple[Any, ...]) -> None:
    """Write ``entry`` atomically; an unwritable cache is skipped (the next start compiles)."""
    body = marshal.dumps(entry)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".regex-")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(hashlib.sha256(body).digest() + body)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
