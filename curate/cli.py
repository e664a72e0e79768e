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


@app.callback()
def main() -> None:
    """Annotation-and-curation workbench for Label Studio.

    Workflow: ingest -> annotate -> tasks/push -> (annotate in Label Studio) -> pull ->
    agreement -> export. Run `curate up` to get a local Label Studio with the seeds.
    """


# ---- commands: one library call each -----------------------------------------------------


@command()
def ingest(
    source: Annotated[Path, typer.Argument(help="A folder of *.txt articles, or one article.")],
    output: OutputFile = Path("corpus.jsonl"),
) -> None:
    """Clean raw articles into a corpus JSONL (one Article a line).

    Example: curate ingest seeds -o corpus.jsonl
    """
    from curate.articles import ingest as ingest_articles

    articles = ingest_articles(source, output)
    for article in articles:
        out.print(f"{article.id}  {article.lang}  {str(article.date or '-'):10}  {article.title[:60]}")
    out.print(f"{len(articles)} articles -> {output}")
