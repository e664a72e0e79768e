"""The one exception family the library raises; the CLI turns it into an ``Error:`` line.

Warnings go through :func:`warn` (a :class:`CurateWarning`), which the CLI prints as one
``Warning:`` line each and a test catches with ``pytest.warns``.
"""

import errno
import warnings


class CurateError(Exception):
    """Something curate cannot do, with a message that says what went wrong and what to do."""


class InputError(CurateError):
    """An input file (article, corpus, export, label config) is unreadable or malformed."""


class LabelStudioError(CurateError):
    """The Label Studio server is unreachable, refused the key, or answered unexpectedly."""


class OutputError(CurateError):
    """An output path cannot be written, or holds a file curate did not write."""


class CurateWarning(UserWarning):
    """Something the user should know that does not stop the command (the CLI prints it as
    one ``Warning:`` line); library code calls :func:`warn`."""


def warn(message: str) -> None:
    """Tell the user ``message`` without stopping: a ``Warning:`` line in the CLI."""
    warnings.warn(message, CurateWarning, stacklevel=2)


def describe_os_error(error: OSError) -> str:
    """An ``OSError`` at a file or folder as one line: the path, the problem, what to do.

    >>> describe_os_error(IsADirectoryError(21, "Is a directory", "exports"))
    'exports: Is a directory: give a file path, not a folder'
    """
    advice = _OS_ADVICE.get(error.errno or 0, "check the path and rerun")
    where = error.filename if error.filename is not None else "a file or folder"
    return f"{where}: {error.strerror or error}: {advice}"


_OS_ADVICE = {
    errno.EISDIR: "give a file path, not a folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder: fix the path",
    errno.ENOENT: "no such file or folder: check the path",
    errno.EACCES: "choose a path you may read or write, or fix its permissions",
    errno.EPERM: "choose a path you may read or write, or fix its permissions",
    errno.ENOSPC: "free some space on that disk, or choose another path, and rerun",
    errno.EROFS: "the file system is read-only: choose another path",
    errno.EADDRINUSE: "the port is in use: choose another port",
    errno.ENAMETOOLONG: "the name is too long: choose a shorter path",
}
