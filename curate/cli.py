"""The ``curate`` command line: each command parses options, calls one library function, prints.

Library functions raise :class:`curate.errors.CurateError`; :func:`command` turns any of them
into one ``Error: …`` line on stderr and exit code 1, in this one place.
"""

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from curate.errors import CurateError

app = typer.Typer(
    help="Annotation-and-curation workbench for Label Studio (Kazakh and Russian drug-crime news).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# Options shared by several commands, declared once.
OutputFile = Annotated[Path, typer.Option("--output", "-o", help="File to write.")]
Silent = Annotated[bool, typer.Option("--silent", help="No progress bar.")]


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command whose CurateError becomes one ``Error:`` line and exit code 1."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def run(*call_args: Any, **call_kwargs: Any) -> Any:
            try:
                return function(*call_args, **call_kwargs)
            except CurateError as error:
                err.print(f"Error: {error}", markup=False)
                raise typer.Exit(1) from None

        return app.command(*args, **kwargs)(run)

    return register


# ---- commands: one library call each -----------------------------------------------------
