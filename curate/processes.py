"""The server processes curate starts (Label Studio, PostgreSQL) and how each is stopped.

A :class:`ServerProcess` is a context manager: leaving the block stops the process the way
its own Ctrl-C would, escalating through its ``STOP_SIGNALS`` and finally SIGKILL, so no
server curate started outlives it.
"""

import contextlib
import signal
import subprocess
from types import TracebackType
from typing import ClassVar, Self


class ServerProcess:
    """A child server process; subclasses say how it stops (``STOP_SIGNALS``)."""

    #: Each signal to send in turn and how many seconds to wait for the process after it.
    STOP_SIGNALS: ClassVar[tuple[tuple[signal.Signals, float], ...]]

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process

    @property
    def pid(self) -> int:
        return self._process.pid

    def stop(self) -> None:
        """Send each of ``STOP_SIGNALS`` until the process exits; SIGKILL if none did."""
        for sig, grace in self.STOP_SIGNALS:
            if self._process.poll() is not None:
                return
            self._process.send_signal(sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(grace)
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
