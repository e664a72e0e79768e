"""The ``curate`` command line: each command parses options, calls one library function, prints.

Library functions raise :class:`curate.errors.CurateError` and warn with
:func:`curate.errors.warn`; :func:`command` turns an error (or an ``OSError`` at a file) into
one ``Error: …`` line on stderr and exit code 1, and each warning into a ``Warning: …`` line,
in this one place. A usage error (an unknown option, a missing argument) is one ``Error:``
line too, with exit code 2.
"""

import contextlib
import functools
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from curate.errors import CurateError, CurateWarning, describe_os_error
from curate.label_config import DEFAULT_PROJECT


class _OneLineUsageErrors(TyperGroup):
    """click prints a usage error as four lines (usage, hint, blank, error); curate as one.

    Typer 0.29 carries its own copy of click, whose exception classes are private, so a
    click exception is known by what it has: ``exit_code`` and ``format_message``.
    """

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except Exception as error:
            if not hasattr(error, "format_message") or not hasattr(error, "exit_code"):
                raise
            _show_click_error(error)
            sys.exit(error.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


def _show_click_error(error: Any) -> None:
    context = getattr(error, "ctx", None)
    if error.exit_code != 2 or type(error).__name__ == "NoArgsIsHelpError":
        error.show()  # help asked for by giving no arguments, or not a usage error
        return
    where = context.command_path if context is not None else "curate"
    err.print(f"Error: {error.format_message()} (see `{where} --help`)", markup=False)


app = typer.Typer(
    cls=_OneLineUsageErrors,
    help="Annotation-and-curation workbench for Label Studio (Kazakh and Russian drug-crime news).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# Options shared by several commands, declared once.
Strict = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Fail on a bad region (overlapping spans, drifted offsets, unknown label) "
        "instead of warning and going on without it.",
    ),
]
OutputFile = Annotated[Path, typer.Option("--output", "-o", help="File to write.")]
Silent = Annotated[bool, typer.Option("--silent", help="No progress bar.")]
Force = Annotated[
    bool, typer.Option("--force", help="Replace output files even if curate did not write them.")
]
SkipBad = Annotated[
    bool,
    typer.Option("--skip-bad", help="Skip files that are not readable articles (a warning each)."),
]


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command whose errors become one ``Error:`` line and exit code 1."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def run(*call_args: Any, **call_kwargs: Any) -> Any:
            with warnings.catch_warnings():
                warnings.simplefilter("always", CurateWarning)
                warnings.showwarning = _print_warning
                try:
                    return function(*call_args, **call_kwargs)
                except CurateError as error:
                    err.print(f"Error: {error}", markup=False)
                except OSError as error:  # a file or folder at the edges: never a traceback
                    err.print(f"Error: {describe_os_error(error)}", markup=False)
                raise typer.Exit(1)

        return app.command(*args, **kwargs)(run)

    return register


def _print_warning(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> None:
    prefix = "Warning: " if issubclass(category, CurateWarning) else f"{category.__name__}: "
    err.print(f"{prefix}{message}", markup=False)


def _count(number: int, noun: str, plural: str | None = None) -> str:
    """``1 article``, ``5 articles``.

    >>> _count(1, "article"), _count(5, "article"), _count(2, "story", "stories")
    ('1 article', '5 articles', '2 stories')
    """
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _print_versions(asked: bool) -> None:
    if not asked:
        return
    from curate.versions import versions

    found = versions()
    out.print(f"curate {found.curate}", markup=False)
    out.print(f"rules model version {found.rules_model}", markup=False)
    out.print(f"label-studio package {found.label_studio_package or 'not installed'}")
    if found.server_url is None and found.server_problem is None:
        out.print("Label Studio server: none configured (curate up, or LABEL_STUDIO_URL)")
    elif found.server_release is not None:
        out.print(f"Label Studio server {found.server_url}: {found.server_release}", markup=False)
    else:
        where = f" {found.server_url}" if found.server_url else ""
        out.print(f"Label Studio server{where}: {found.server_problem}", markup=False)
    raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print curate's, the rules' and Label Studio's versions, and exit.",
            callback=_print_versions,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Annotation-and-curation workbench for Label Studio.

    Workflow: ingest -> annotate -> tasks/push -> (annotate in Label Studio) -> pull ->
    agreement -> export. Run `curate up` to get a local Label Studio with the seeds.
    """


# ---- commands: one library call each -----------------------------------------------------


@command()
def ingest(
    source: Annotated[Path, typer.Argument(help="A folder of *.txt articles, or one article.")],
    output: OutputFile = Path("corpus.jsonl"),
    skip_bad: SkipBad = False,
    force: Force = False,
) -> None:
    """Clean raw articles into a corpus JSONL (one Article a line).

    Example: curate ingest seeds -o corpus.jsonl
    """
    from curate.articles import ingest as ingest_articles

    articles = ingest_articles(source, output, skip_bad=skip_bad, force=force)
    for article in articles:
        out.print(f"{article.id}  {article.lang}  {article.date or '-'!s:10}  {article.title[:60]}")
    out.print(f"{_count(len(articles), 'article')} -> {output}", markup=False)


@command()
def export(
    export_file: Annotated[
        Path, typer.Argument(help="A Label Studio JSON export (curate pull or Export → JSON).")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory for the gold files.")
    ] = Path("exports"),
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated formats: jsonl, conll, spacy, hf.")
    ] = "jsonl,conll",
    split: Annotated[
        str | None,
        typer.Option("--split", help="Train/dev/test percentages, e.g. 80/10/10 (by story)."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the split.")] = 0,
    silent: Silent = False,
    force: Force = False,
    strict: Strict = False,
) -> None:
    """Adjudicate an export into gold.jsonl, gold.conll, conflicts.jsonl and a README data card.

    Example: curate export exports/snapshots/project-1.json -o exports --split 80/10/10 --seed 1
    """
    from curate.gold import export_gold

    with _progress("adjudicating", silent=silent) as progress:
        result = export_gold(
            export_file,
            output,
            formats=_names(formats),
            split=split,
            seed=seed,
            progress=progress,
            force=force,
            strict=strict,
        )
    _print_warnings(result.warnings)
    for name, records in result.files.items():
        out.print(f"{result.out_dir / name}  {records}", markup=False)
    out.print(
        f"{_count(result.documents, 'gold document')}, {result.conflicted_tasks} with open "
        f"conflicts; data card: {result.data_card}",
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
    force: Force = False,
    strict: Strict = False,
) -> None:
    """Inter-annotator agreement: token kappa/alpha, span F1, alpha_u, choices, rules vs gold.

    Example: curate agreement exports/snapshots/project-1.json --html agreement.html
    """
    from curate.agreement import agreement_of_export
    from curate.agreement_tables import agreement_tables

    report, warnings = agreement_of_export(export_file, html=html, force=force, strict=strict)
    _print_warnings(warnings)
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
LearnedDir = Annotated[
    Path | None,
    typer.Option(
        "--learned",
        help="Folder of accepted learned entries (default: ./learned when it exists).",
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
def tasks(
    source: ArticlesSource,
    output: OutputFile = Path("tasks.json"),
    skip_bad: SkipBad = False,
    force: Force = False,
    learned: LearnedDir = None,
) -> None:
    """Write a Label Studio import file: one task per article, pre-annotated by the rules.

    Example: curate tasks seeds -o tasks.json
    """
    from curate.tasks import write_task_file

    built = write_task_file(source, output, skip_bad=skip_bad, force=force, learned=learned)
    regions = sum(task.predicted_spans for task in built)
    out.print(
        f"{_count(len(built), 'task')}, {_count(regions, 'predicted span')} -> {output}",
        markup=False,
    )


@command()
def up(
    seeds: Annotated[
        Path | None,
        typer.Option("--seeds", help="Articles to push (default: the seeds shipped with curate)."),
    ] = None,
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
    postgres: Annotated[
        bool,
        typer.Option("--postgres", help="Keep the data in a PostgreSQL of curate's own."),
    ] = False,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url",
            help="Keep the data in this PostgreSQL (postgresql://user@host:5432/name; "
            "password from $PGPASSWORD or the credentials file).",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option("--workers", help="Label Studio web processes, on consecutive ports."),
    ] = 1,
    learned: LearnedDir = None,
    learn: Annotated[
        bool, typer.Option("--learn/--no-learn", help="With --ml, learn from annotations live.")
    ] = True,
) -> None:
    """Start a local Label Studio with the seeds and their pre-annotations; Ctrl-C stops it.

    Data lives in .curate/labelstudio; the admin's password and API key in
    .curate/credentials.json (mode 0600). A second run reuses both and adds no duplicates.

    With --postgres the database is a PostgreSQL cluster in .curate/postgres (Debian's
    postgresql package, 127.0.0.1 only), started and stopped with Label Studio; with
    --database-url an existing server. Then --workers N starts N web processes on one
    database, on ports --port, --port+1, ….

    With --ml, tasks imported later (in the UI too) get the rules' pre-annotations; a rerun
    with another --ml-port replaces the backend an earlier run connected.

    Example: curate up --postgres --workers 2 --port 8080
    """
    from curate.credentials import CREDENTIALS_PATH
    from curate.server import ADMIN_EMAIL
    from curate.up import workbench

    def first_start() -> None:
        err.print("First start: creating Label Studio's database (a minute or two)…")

    with (
        _progress("pushing", silent=silent) as progress,
        workbench(
            seeds=seeds,
            project_title=project,
            port=port,
            workers=workers,
            postgres=postgres,
            database_url=database_url,
            ml=ml,
            ml_port=ml_port,
            progress=progress,
            on_first_start=first_start,
            learned=learned,
            learn=learn,
        ) as running,
    ):
        _print_push(running.pushed)
        if running.backend is not None:
            out.print(
                f"ML backend {running.backend.model_version} at {running.backend.url}",
                markup=False,
            )
        login = f"log in as {ADMIN_EMAIL}, password in {CREDENTIALS_PATH}"
        urls = ", ".join(server.url for server in running.servers)
        out.print(f"Label Studio: {urls} — {login}", markup=False)
        if running.database is not None:
            out.print(f"PostgreSQL: {running.database.url}", markup=False)
        if wait:
            out.print("Serving until Ctrl-C.")
            running.serve_until_interrupted()
            err.print("Stopping Label Studio…")


@command()
def push(
    source: ArticlesSource,
    project: ProjectTitle = DEFAULT_PROJECT,
    url: ServerUrl = None,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size", min=1, help="Most tasks per import (fewer for long articles)."
        ),
    ] = 500,  # sync.BATCH_SIZE; sync is imported only when a command needs it
    silent: Silent = False,
    skip_bad: SkipBad = False,
    learned: LearnedDir = None,
) -> None:
    """Import articles with the rules' pre-annotations into a project; safe to rerun.

    Articles already in the project (same article id) are skipped; changed ones are reported.

    Example: curate push seeds --project "Drug-crime news NER"
    """
    from curate.sync import push_articles

    with _progress("pushing", silent=silent) as progress:
        report = push_articles(
            source,
            project_title=project,
            url=url,
            batch_size=batch_size,
            progress=progress,
            skip_bad=skip_bad,
            learned=learned,
        )
    _print_push(report)


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
    from curate.sync import pull_project

    report = pull_project(project_title=project, directory=output, url=url)
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
        f"{_count(summary.tasks, 'task')}, {summary.annotated} annotated -> {report.path}",
        markup=False,
    )


@command()
def status(project: ProjectTitle = DEFAULT_PROJECT, url: ServerUrl = None) -> None:
    """Tasks, annotated tasks, annotations per annotator and what remains in a project.

    Example: curate status --project "Drug-crime news NER"
    """
    from curate.sync import project_status

    report = project_status(project_title=project, url=url)
    summary = report.summary
    out.print(
        f"{report.project.title!r} at {report.url}: {_count(summary.tasks, 'task')}, "
        f"{summary.annotated} annotated, {summary.remaining} remaining",
        markup=False,
    )
    _print_annotators(summary.per_annotator)


@contextlib.contextmanager
def _progress(description: str, *, silent: bool) -> Iterator[Callable[[int, int], None]]:
    """``progress(done, total)`` drawing a rich bar on stderr; off when silent or not a terminal."""
    from rich.progress import Progress

    with Progress(console=err, transient=True, disable=silent or not err.is_terminal) as shown:
        job = shown.add_task(description, total=None)
        yield lambda done, total: shown.update(job, completed=done, total=total)


def _names(comma_separated: str) -> list[str]:
    """``"a, b,"`` as ``["a", "b"]``: the values of an option that takes a list."""
    return [name.strip() for name in comma_separated.split(",") if name.strip()]


def _print_push(report: Any) -> None:
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
        f"project {report.project.title!r} (id {report.project.id}) at {report.url}: "
        f"{_count(report.total, 'task')}",
        markup=False,
    )


def _print_annotators(per_annotator: dict[str, int]) -> None:
    for annotator, count in per_annotator.items():
        out.print(f"  {annotator}: {_count(count, 'annotation')}", markup=False)


def _print_warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        err.print(f"Warning: {warning}", markup=False)


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
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", help="Worker processes (default: one a core); same output as one."
        ),
    ] = None,
    silent: Silent = False,
    skip_bad: SkipBad = False,
    force: Force = False,
    learned: LearnedDir = None,
) -> None:
    """Pre-annotate articles with the rules: one {id, lang, text, spans} JSON line each.

    Example: curate annotate seeds -o spans.jsonl --disable per_capitalised_surname --jobs 2
    """
    import sys

    from curate.annotate import annotate_paths

    with _progress("annotating", silent=silent or output is None) as progress:
        summary = annotate_paths(
            paths,
            output=output,
            stream=sys.stdout,
            disabled=frozenset(_names(disable)),
            progress=progress,
            skip_bad=skip_bad,
            force=force,
            jobs=jobs,
            learned=learned,
        )
    if output is not None:
        labels = ", ".join(f"{label} {n}" for label, n in sorted(summary.spans_by_label.items()))
        out.print(
            f"{_count(summary.documents, 'document')}, "
            f"{_count(sum(summary.spans_by_label.values()), 'span')} ({labels}) -> {output}",
            markup=False,
        )


@command()
def learn(
    export: Annotated[
        Path | None,
        typer.Argument(help="A Label Studio JSON export (`curate pull` or the UI's Export)."),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder of the learned files.")
    ] = Path("learned"),
    accept: Annotated[
        bool, typer.Option("--accept", help="Accept the suggestions seen often enough.")
    ] = False,
    min_documents: Annotated[
        int,
        typer.Option("--min-documents", help="What --accept needs: seen in this many documents."),
    ] = 2,
) -> None:
    """Suggest gazetteer and stop-list entries from what annotators added and deleted.

    Writes suggested_entries.txt, suggested_stoplist.txt and rules.tsv (per-rule figures);
    nothing takes effect until accepted into entries.txt and stoplist.txt, by --accept or by
    hand. annotate, tasks, push, up and serve-ml load the accepted entries.

    Example: curate learn exports/snapshots/drug-crime-news-ner-20261125T162740382012Z.json --accept
    """
    from curate.learn import learn as learn_from

    report = learn_from(export, directory=output, accept=accept, min_documents=min_documents)
    if export is not None:
        out.print(
            f"{_count(report.tasks, 'annotated task')}: "
            f"{_count(report.suggested_entries, 'entry suggestion', 'entry suggestions')}, "
            f"{_count(report.suggested_stops, 'stop-list suggestion')}, "
            f"{_count(len(report.rules), 'rule')} measured -> {output}",
            markup=False,
        )
    if accept:
        out.print(
            f"accepted {_count(report.accepted_entries, 'entry', 'entries')} and "
            f"{_count(report.accepted_stops, 'stop-list entry', 'stop-list entries')} "
            f"(seen in at least {min_documents} documents) -> {output}",
            markup=False,
        )


@command("serve-ml")
def serve_ml(
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 9090,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    learned: LearnedDir = None,
    learn: Annotated[
        bool,
        typer.Option("--learn/--no-learn", help="Learn from annotations (webhooks) live."),
    ] = True,
) -> None:
    """Serve the rules as a Label Studio ML backend, so tasks get pre-annotations in the UI.

    Connect it in the project's Settings → Model (URL http://127.0.0.1:9090), or run
    `curate up --ml`, which starts one and connects it. Ctrl-C stops it. Annotations Label
    Studio sends to its /webhook teach it new entries at once (learned/live.txt), unless
    --no-learn.

    Example: curate serve-ml --port 9090
    """
    import logging

    from curate.ml_backend import serve

    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(name)s: %(message)s")
    serve(port, host, learned=learned, learn=learn)
