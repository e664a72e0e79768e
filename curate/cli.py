"""The ``curate`` command line: each command parses options, calls one library function, prints.

Library functions raise :class:`curate.errors.CurateError`; :func:`command` turns any of them
into one ``Error: …`` line on stderr and exit code 1, in this one place.
"""

import contextlib
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from curate.errors import CurateError
from curate.label_config import DEFAULT_PROJECT

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
        out.print(f"{article.id}  {article.lang}  {article.date or '-'!s:10}  {article.title[:60]}")
    out.print(f"{len(articles)} articles -> {output}")


@command()
def export(
    export_file: Annotated[
        Path, typer.Argument(help="A Label Studio JSON export (curate pull or Export → JSON).")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory for the gold files.")
    ] = Path("exports"),
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated formats: jsonl, conll.")
    ] = "jsonl,conll",
    split: Annotated[
        str | None,
        typer.Option("--split", help="Train/dev/test percentages, e.g. 80/10/10 (by story)."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the split.")] = 0,
    silent: Silent = False,
) -> None:
    """Adjudicate an export into gold.jsonl, gold.conll, conflicts.jsonl and a README data card.

    Example: curate export exports/snapshots/project-1.json -o exports --split 80/10/10 --seed 1
    """
    from rich.progress import Progress

    from curate.gold import export_gold

    with Progress(console=err, transient=True, disable=silent or not err.is_terminal) as bar:
        job = bar.add_task("adjudicating", total=None)
        result = export_gold(
            export_file,
            output,
            formats=[name.strip() for name in formats.split(",") if name.strip()],
            split=split,
            seed=seed,
            progress=lambda done, total: bar.update(job, completed=done, total=total),
        )
    for warning in result.warnings:
        err.print(f"Warning: {warning}", markup=False)
    for name, records in result.files.items():
        out.print(f"{result.out_dir / name}  {records}", markup=False)
    out.print(
        f"{result.documents} gold documents, {result.conflicted_tasks} with open conflicts; "
        f"data card: {result.data_card}",
        markup=False,
    )


@command()
def agreement(
    export_file: Annotated[
        Path, typer.Argument(help="A Label Studio JSON export (curate pull or Export → JSON).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write the figures to this HTML page.")
    ] = None,
) -> None:
    """Inter-annotator agreement: token kappa/alpha, span F1, alpha_u, choices, rules vs gold.

    Example: curate agreement exports/snapshots/project-1.json --html agreement.html
    """
    from curate.agreement import agreement_of_export
    from curate.agreement_tables import agreement_tables

    report, warnings = agreement_of_export(export_file, html=html)
    for warning in warnings:
        err.print(f"Warning: {warning}", markup=False)
    if as_json:
        out.print(report.model_dump_json(indent=2), markup=False)
    else:
        for table in agreement_tables(report):
            out.print(table)


# ---- Label Studio: config, tasks, up, push, pull, status ---------------------------------

ProjectTitle = Annotated[str, typer.Option("--project", help="Label Studio project title.")]
ServerUrl = Annotated[
    str | None,
    typer.Option(
        "--url", help="Label Studio URL (default: $LABEL_STUDIO_URL or .curate/credentials.json)."
    ),
]
ArticlesSource = Annotated[
    Path, typer.Argument(help="A folder of *.txt articles, one article, or a corpus JSONL.")
]


@command()
def config(
    check: Annotated[
        Path | None, typer.Option("--check", help="Validate this label config file instead.")
    ] = None,
) -> None:
    """Print the project's label config (label_config/ner.xml), or validate a config file.

    Example: curate config --check label_config/ner.xml
    """
    from curate.label_config import read_label_config

    if check is None:
        out.print(read_label_config().xml, markup=False, end="")
        return
    checked = read_label_config(check)
    out.print(
        f"{check}: valid label config: {len(checked.labels)} labels, "
        f"choices {', '.join(checked.choices)}",
        markup=False,
    )


@command()
def tasks(source: ArticlesSource, output: OutputFile = Path("tasks.json")) -> None:
    """Write a Label Studio import file: one task per article, pre-annotated by the rules.

    Example: curate tasks seeds -o tasks.json
    """
    from curate.tasks import tasks_from_articles, write_tasks

    built = tasks_from_articles(source)
    write_tasks(built, output)
    regions = sum(task.predicted_spans for task in built)
    out.print(f"{len(built)} tasks, {regions} predicted spans -> {output}", markup=False)


@command()
def up(
    seeds: Annotated[Path, typer.Option("--seeds", help="Articles to push.")] = Path("seeds"),
    project: ProjectTitle = DEFAULT_PROJECT,
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8080,
    wait: Annotated[
        bool, typer.Option("--wait/--no-wait", help="Serve until Ctrl-C, or stop after the push.")
    ] = True,
    silent: Silent = False,
    ml: Annotated[
        bool, typer.Option("--ml", help="Also serve the rules as the project's ML backend.")
    ] = False,
    ml_port: Annotated[int, typer.Option("--ml-port", help="The ML backend's port.")] = 9090,
) -> None:
    """Start a local Label Studio with the seeds and their pre-annotations; Ctrl-C stops it.

    Data lives in .curate/labelstudio; the admin's password and API key in
    .curate/credentials.json (mode 0600). A second run reuses both and adds no duplicates.

    With --ml, tasks imported later (in the UI too) get the rules' pre-annotations; a rerun
    with another --ml-port replaces the backend an earlier run connected.

    Example: curate up --port 8080 --ml
    """
    from curate.client import connect
    from curate.credentials import CREDENTIALS_PATH
    from curate.ml_backend import live_pre_annotation
    from curate.server import ADMIN_EMAIL, start_embedded, stop_signals_interrupt
    from curate.sync import push as push_tasks
    from curate.tasks import tasks_from_articles

    def first_start() -> None:
        err.print("First start: creating Label Studio's database (a minute or two)…")

    built = tasks_from_articles(seeds)
    with stop_signals_interrupt():
        server, credentials = start_embedded(
            port=port, loopback_ml_backends=ml, on_first_start=first_start
        )
        with server:
            client = connect(credentials)
            with _progress_bar(silent) as progress:
                report = push_tasks(client, built, project_title=project, progress=progress)
            _print_push(report, url=client.url)
            serving_ml = (
                live_pre_annotation(client, report.project.id, port=ml_port)
                if ml
                else contextlib.nullcontext()
            )
            with serving_ml as backend:
                if backend is not None:
                    out.print(f"ML backend {backend.model_version} at {backend.url}", markup=False)
                login = f"log in as {ADMIN_EMAIL}, password in {CREDENTIALS_PATH}"
                out.print(f"Label Studio: {server.url} — {login}", markup=False)
                if wait:
                    out.print("Serving until Ctrl-C.")
                    server.serve_until_interrupted()
                    err.print("Stopping Label Studio…")


@command()
def push(
    source: ArticlesSource,
    project: ProjectTitle = DEFAULT_PROJECT,
    url: ServerUrl = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Tasks per import.")] = 500,
    silent: Silent = False,
) -> None:
    """Import articles with the rules' pre-annotations into a project; safe to rerun.

    Articles already in the project (same article id) are skipped; changed ones are reported.

    Example: curate push seeds --project "Drug-crime news NER"
    """
    from curate.client import connect
    from curate.credentials import load_credentials
    from curate.sync import push as push_tasks
    from curate.tasks import tasks_from_articles

    credentials = load_credentials(url=url)
    built = tasks_from_articles(source)
    client = connect(credentials)
    with _progress_bar(silent) as progress:
        report = push_tasks(
            client, built, project_title=project, batch_size=batch_size, progress=progress
        )
    _print_push(report, url=client.url)


@command()
def pull(
    project: ProjectTitle = DEFAULT_PROJECT,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory for the snapshot.")
    ] = Path("exports/snapshots"),
    url: ServerUrl = None,
) -> None:
    """Save the project's annotations as a new Label Studio JSON export snapshot; check offsets.

    Example: curate pull --project "Drug-crime news NER" -o exports/snapshots
    """
    from curate.client import connect
    from curate.credentials import load_credentials
    from curate.sync import pull as pull_snapshot

    client = connect(load_credentials(url=url))
    report = pull_snapshot(client, project_title=project, directory=output)
    summary = report.summary
    for mismatch in summary.mismatches:
        err.print(f"Warning: offset mismatch in {mismatch}", markup=False)
    for task_id, annotator in summary.cancelled:
        err.print(
            f"Warning: task {task_id}: annotation by {annotator} was cancelled (kept, flagged)",
            markup=False,
        )
    _print_annotators(summary.per_annotator)
    out.print(
        f"{summary.tasks} tasks, {summary.annotated} annotated -> {report.path}", markup=False
    )


@command()
def status(project: ProjectTitle = DEFAULT_PROJECT, url: ServerUrl = None) -> None:
    """Tasks, annotated tasks, annotations per annotator and what remains in a project.

    Example: curate status --project "Drug-crime news NER"
    """
    from curate.client import connect
    from curate.credentials import load_credentials
    from curate.sync import status as project_status

    client = connect(load_credentials(url=url))
    report = project_status(client, project_title=project)
    summary = report.summary
    out.print(
        f"{report.project.title!r} at {client.url}: {summary.tasks} tasks, "
        f"{summary.annotated} annotated, {summary.remaining} remaining",
        markup=False,
    )
    _print_annotators(summary.per_annotator)


@contextlib.contextmanager
def _progress_bar(silent: bool) -> Iterator[Callable[[int, int], None]]:
    """``progress(done, total)`` drawing a rich bar; off when silent or not on a terminal."""
    from rich.progress import Progress

    with Progress(console=err, transient=True, disable=silent or not err.is_terminal) as shown:
        job = shown.add_task("pushing", total=None)
        yield lambda done, total: shown.update(job, completed=done, total=total)


def _print_push(report: Any, *, url: str) -> None:
    for article_id in report.changed:
        err.print(
            f"Warning: article {article_id} changed since it was pushed (new content hash); "
            "its task was left as it is: delete that task in Label Studio and push again",
            markup=False,
        )
    if report.duplicates_removed:
        err.print(
            f"Removed {report.duplicates_removed} duplicate task(s) left by an interrupted push",
            markup=False,
        )
    out.print(
        f"{report.imported} imported, {report.unchanged + len(report.changed)} already there -> "
        f"project {report.project.title!r} (id {report.project.id}) at {url}: "
        f"{report.total} tasks",
        markup=False,
    )


def _print_annotators(per_annotator: dict[str, int]) -> None:
    for annotator, count in per_annotator.items():
        out.print(f"  {annotator}: {count} annotations", markup=False)


@command()
def annotate(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files, folders of them, or corpus JSONL files.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="JSONL file to write; without it, print the lines."),
    ] = None,
    disable: Annotated[
        str, typer.Option("--disable", help="Comma-separated rule names to switch off.")
    ] = "",
    silent: Silent = False,
) -> None:
    """Pre-annotate articles with the rules: one {id, lang, text, spans} JSON line each.

    Example: curate annotate seeds -o spans.jsonl --disable per_capitalised_surname
    """
    import sys

    from rich.progress import Progress

    from curate.annotate import annotate_paths

    disabled = frozenset(name.strip() for name in disable.split(",") if name.strip())
    shown = output is not None and not silent and err.is_terminal
    with Progress(console=err, transient=True, disable=not shown) as bar:
        job = bar.add_task("annotating", total=None)
        summary = annotate_paths(
            paths,
            output=output,
            stream=sys.stdout,
            disabled=disabled,
            progress=lambda done, total: bar.update(job, completed=done, total=total),
        )
    if output is not None:
        labels = ", ".join(f"{label} {n}" for label, n in sorted(summary.spans_by_label.items()))
        out.print(
            f"{summary.documents} documents, {sum(summary.spans_by_label.values())} spans "
            f"({labels}) -> {output}",
            markup=False,
        )


@command("serve-ml")
def serve_ml(
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 9090,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
) -> None:
    """Serve the rules as a Label Studio ML backend, so tasks get pre-annotations in the UI.

    Connect it in the project's Settings → Model (URL http://127.0.0.1:9090), or run
    `curate up --ml`, which starts one and connects it. Ctrl-C stops it.

    Example: curate serve-ml --port 9090
    """
    import logging

    from curate.ml_backend import serve

    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(name)s: %(message)s")
    serve(port, host)
