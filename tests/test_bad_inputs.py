"""Every bad input of the fault suite, through the command line, as one table.

Each row names a command line, how its bad input is made, the exit code, and the exact start
of every line on stderr: one ``Error: …`` line, or the listed ``Warning: …`` lines. No row may
print a traceback or lose anything: the output directory holds an earlier output, which a
failed command leaves byte for byte as it was, and no command leaves a temporary file there.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import loopback
import pytest
from typer.testing import CliRunner

from curate.cli import app
from curate.files import MANIFEST_NAME, record_outputs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FAKE_KEY = "curate-bad-inputs-fake-key-0123456789abcdef"
TEXT = "В Астане изъяли кокаин."
ANNOTATION = "task 7: annotation 70 by alice@example.kz"
WRONG_KEY = "Error: Label Studio at {url} refused the API key (HTTP 401): set LABEL_STUDIO_API_KEY"
HOSTILE_CONFIG = "label config declares a DOCTYPE or entities, which are refused"
runner = CliRunner()

Maker = Callable[[Path], Path]


@dataclass(frozen=True)
class BadInput:
    """One row: ``command`` with ``{input}`` (made by ``make``), ``{out}`` (the output
    directory, holding ``earlier.jsonl``) and ``{url}`` (of ``server``: ``label_studio``,
    ``html`` or ``html everywhere``); ``stderr`` is the start of each line of stderr, with
    ``{input}`` and ``{url}`` filled in; ``stdout`` a fragment of stdout."""

    name: str
    command: str
    make: Maker | None
    exit_code: int
    stderr: tuple[str, ...]
    stdout: str = ""
    server: str | None = None


# ---- inputs ------------------------------------------------------------------------------


def _file(name: str, content: bytes) -> Maker:
    def make(directory: Path) -> Path:
        path = directory / name
        path.write_bytes(content)
        return path

    return make


def _sparse(name: str, size: int) -> Maker:
    def make(directory: Path) -> Path:
        path = directory / name
        with path.open("wb") as stream:
            stream.truncate(size)
        return path

    return make


def _region(start: int, end: int, label: str = "LOC", text: str | None = None) -> dict[str, Any]:
    value = {"start": start, "end": end, "text": TEXT[start:end] if text is None else text}
    return {"id": f"r{start}", "type": "labels", "from_name": "label", "to_name": "text",
            "value": {**value, "labels": [label]}}  # fmt: skip


def _annotation(number: int, email: str, *, cancelled: bool = False) -> dict[str, Any]:
    return {
        "id": number,
        "completed_by": {"id": number, "email": email},
        "result": [] if cancelled else [_region(2, 8), _region(16, 22, "DRUG")],
        "was_cancelled": cancelled,
        "ground_truth": False,
    }


def _task(task_id: int, annotations: list[dict[str, Any]]) -> dict[str, Any]:
    data = {"text": TEXT, "id": f"a{task_id}", "lang": "ru"}
    return {"id": task_id, "data": data, "annotations": annotations, "predictions": []}


def _export(edit: Callable[[dict[str, Any]], object] = lambda task: None) -> Maker:
    """An export of task 7 (alice's annotation, LOC and DRUG) after ``edit``."""
    task = _task(7, [_annotation(70, "alice@example.kz")])
    edit(task)
    return _file("export.json", json.dumps([task], ensure_ascii=False).encode())


def _set_region(region: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def edit(task: dict[str, Any]) -> None:
        task["annotations"][0]["result"][1] = region

    return edit


WHOLE = json.dumps([_task(7, [_annotation(70, "alice@example.kz")])], ensure_ascii=False)
TRUNCATED = _file("export.json", WHOLE[: WHOLE.index('"annotations"')].encode())
NOT_A_LIST = _file("export.json", json.dumps(_task(7, [])).encode())
WITHOUT_TEXT = _export(lambda task: task.update(data={"image": "cat.jpg"}))
PAST_THE_TEXT = _export(_set_region(_region(16, 40, "DRUG", "кокаин.")))
UNKNOWN_LABEL = _export(_set_region(_region(16, 22, "GPE")))
OVERLAPPING = _export(lambda task: task["annotations"][0]["result"].append(_region(2, 15)))
CANCELLED_ONLY = _file(
    "export.json",
    json.dumps([_task(7, [_annotation(70, "alice@example.kz", cancelled=True)])]).encode(),
)
NO_ANNOTATIONS = _file(
    "export.json",
    json.dumps(
        [
            _task(7, [_annotation(70, "alice@example.kz"), _annotation(71, "dave@example.kz",
                                                                      cancelled=True)]),
            _task(8, []),
        ]
    ).encode(),
)  # fmt: skip

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE View [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<View><Header value="&secret;"/></View>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE View SYSTEM "http://127.0.0.1:9/labels.dtd">
<View/>"""
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE View [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<View><Header value="&lol4;"/></View>"""

ARTICLE = " date 2025-03-01 В Алматы изъяли героин\nПолиция изъяла 2 кг героина.\n"
CP1251 = _file("cp1251.txt", ARTICLE.encode("cp1251"))
CP1251_WARNING = "Warning: {input}: not UTF-8, read as cp1251 (Cyrillic)"


def _folder(files: dict[str, bytes]) -> Maker:
    """A folder holding ``files``."""

    def make(directory: Path) -> Path:
        folder = directory / "articles"
        folder.mkdir()
        for name, content in files.items():
            (folder / name).write_bytes(content)
        return folder

    return make


GOOD_AND_BAD = _folder({"good.txt": ARTICLE.encode(), "bad.txt": b"", "notes.md": b"not read"})

# Files of other kinds, as curate and Label Studio write them.
IMPORT_FILE = _file(
    "tasks.json", json.dumps([{"data": {"text": TEXT, "id": "a7"}, "predictions": []}]).encode()
)
SPANS_JSONL = _file(
    "spans.jsonl", json.dumps({"id": "a7", "lang": "ru", "text": TEXT, "spans": []}).encode()
)
CORPUS_JSONL = _file(
    "corpus.jsonl",
    json.dumps({"id": "a7", "source_file": "a7.txt", "lang": "ru", "title": "В Астане",
                "text": TEXT, "content_hash": "0" * 64, "story_id": "a7"}).encode(),
)  # fmt: skip
JSON_MIN = _file(
    "min.json", json.dumps([{"id": 7, "text": TEXT, "annotator": 1, "annotation_id": 70}]).encode()
)
CSV = _file("export.csv", f"id,text,annotator,annotation_id\n7,{TEXT},1,70\n".encode())
TOO_LONG = "x" * 300 + ".jsonl"
WRONG_KINDS = [
    ("import file", IMPORT_FILE, "a Label Studio import file"),
    ("spans JSONL", SPANS_JSONL, "a spans JSONL (as `curate annotate` writes)"),
    ("corpus JSONL", CORPUS_JSONL, "a corpus JSONL (as `curate ingest` writes)"),
    ("JSON-MIN export", JSON_MIN, "a Label Studio JSON-MIN export"),
    ("CSV export", CSV, "a Label Studio CSV export"),
]


def _credentials(content: bytes | None, mode: int) -> Maker:
    """``.curate/credentials.json`` with ``content`` (a directory if None) and ``mode``, as
    `curate up` finds it; its path relative to the directory the command runs in."""

    def make(directory: Path) -> Path:
        path = directory / ".curate" / "credentials.json"
        path.parent.mkdir(mode=0o700)
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)
        path.chmod(mode)
        return path.relative_to(directory)

    return make


STORED = json.dumps({"url": "", "api_key": FAKE_KEY, "email": "a@b.c", "password": "p"}).encode()

# ---- the table ---------------------------------------------------------------------------

ARTICLE_COMMANDS = {
    "ingest": ("ingest {input} -o {out}/earlier.jsonl", "1 article ->"),
    "annotate": ("annotate {input} -o {out}/earlier.jsonl --silent", "1 document,"),
    "tasks": ("tasks {input} -o {out}/earlier.jsonl", "1 task,"),
}
ARTICLES = [
    ("empty article", _file("empty.txt", b""), "Error: {input}: file is empty"),
    (
        "binary article",
        _file("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        "Error: {input}: binary file (contains NUL bytes), not a text article",
    ),
    (
        "article neither UTF-8 nor cp1251",
        _file("latin.txt", bytes(range(128, 256)) * 4),
        "Error: {input}: not UTF-8 or cp1251 text; re-save it as UTF-8",
    ),
    (
        "huge article (100 MB)",
        _sparse("huge.txt", 100 * 1024 * 1024),
        "Error: {input}: file is 100.0 MiB, larger than an article can be (5 MiB)",
    ),
]
EXPORT_COMMANDS = {  # --strict: a bad region is an error, not a warning
    "export": "export {input} -o {out} --silent --strict",
    "agreement": "agreement {input} --html {out}/earlier.jsonl --strict",
}
EXPORT_ERRORS = [
    (
        "truncated export",
        TRUNCATED,
        "not valid JSON (Expecting property name enclosed in double quotes at line 1 column 83); "
        "the file may be truncated: export it again",
    ),
    ("export not a list", NOT_A_LIST, "expected a JSON list of tasks"),
    ("task without text", WITHOUT_TEXT, "task 7: no text in data.text"),
    (
        "offsets past the text",
        PAST_THE_TEXT,
        f"{ANNOTATION}: region r16: offsets [16, 40) are outside the task text (length 23)",
    ),
    ("unknown label", UNKNOWN_LABEL, f"{ANNOTATION}: region r16: label(s) GPE on 'кокаин'"),
    (
        "overlapping spans from one annotator",
        OVERLAPPING,
        f"{ANNOTATION}: spans overlap: [2, 8) LOC 'Астане' and [2, 15) LOC 'Астане изъяли'",
    ),
]
CANCELLED_WARNINGS = (
    "Warning: {input}: 1 task(s) have only cancelled annotations, so no gold: 7",
    "Warning: {input}: annotator alice@example.kz has no completed annotations (1 cancelled)",
)
NO_ANNOTATION_WARNINGS = (
    "Warning: {input}: 1 task(s) have no annotations: 8",
    "Warning: {input}: annotator dave@example.kz has no completed annotations (1 cancelled)",
)
SERVER_COMMANDS = {
    "push": f"push {SEEDS} --url {{url}} --silent",
    "pull": "pull -o {out} --url {url}",
    "status": "status --url {url}",
}

UP = f"up --seeds {SEEDS} --no-wait --silent"
#: Refused before Label Studio starts: the one Error line, no "First start" line before it.
CREDENTIALS_ERRORS = [
    (
        "credentials file others can read",
        _credentials(STORED, 0o644),
        "Error: {input} can be read by other users (mode 0644): run `chmod 600 {input}`",
    ),
    (
        "garbled credentials file",
        _credentials(STORED[:30], 0o600),
        "Error: {input} is not a JSON object of strings: fix it or delete it",
    ),
    (
        "unreadable credentials file (a directory)",
        _credentials(None, 0o700),
        "Error: cannot read credentials file {input}: Is a directory",
    ),
]

TABLE: list[BadInput] = [
    *[
        BadInput(f"{name} / {command}", line, make, 1, (error,))
        for name, make, error in ARTICLES
        for command, (line, _) in ARTICLE_COMMANDS.items()
    ],
    *[
        BadInput(f"cp1251 article / {command}", line, CP1251, 0, (CP1251_WARNING,), stdout)
        for command, (line, stdout) in ARTICLE_COMMANDS.items()
    ],
    *[
        BadInput(f"{name} / {command}", line, make, 1, (f"Error: {{input}}: {error}",))
        for name, make, error in EXPORT_ERRORS
        for command, line in EXPORT_COMMANDS.items()
    ],
    BadInput(
        "cancelled annotations only / export",
        EXPORT_COMMANDS["export"],
        CANCELLED_ONLY,
        1,
        ("Error: {input}: no task has a completed annotation: nothing to export",),
    ),
    BadInput(
        "cancelled annotations only / agreement",
        EXPORT_COMMANDS["agreement"],
        CANCELLED_ONLY,
        0,
        CANCELLED_WARNINGS,
        "tasks (compared)",
    ),
    *[
        BadInput(
            f"annotators and tasks with no annotations / {command}",
            line,
            NO_ANNOTATIONS,
            0,
            NO_ANNOTATION_WARNINGS,
            stdout,
        )
        for command, line, stdout in [
            ("export", EXPORT_COMMANDS["export"], "1 gold document, 0 with open conflicts"),
            ("agreement", EXPORT_COMMANDS["agreement"], "tasks (compared)"),
        ]
    ],
    *[
        BadInput(
            f"label config with {name} / config --check",
            "config --check {input}",
            _file("config.xml", content),
            1,
            (f"Error: {{input}}: {HOSTILE_CONFIG}",),
        )
        for name, content in [
            ("XXE", XXE),
            ("external DTD", EXTERNAL_DTD),
            ("billion laughs", BILLION_LAUGHS),
        ]
    ],
    *[
        BadInput(
            f"wrong API key / {command}",
            line,
            None,
            1,
            (WRONG_KEY,),
            server="label_studio",
        )
        for command, line in SERVER_COMMANDS.items()
    ],
    *[
        BadInput(
            f"URL that is not Label Studio ({kind}) / {command}",
            line,
            None,
            1,
            (f"Error: {{url}} does not look like Label Studio ({why}): check LABEL_STUDIO_URL",),
            server=kind,
        )
        for kind, why in [
            ("html", "GET /api/version answered HTTP 404"),
            ("html everywhere", "GET /api/version answered HTTP 200"),
        ]
        for command, line in SERVER_COMMANDS.items()
    ],
    *[BadInput(f"{name} / up", UP, make, 1, (error,)) for name, make, error in CREDENTIALS_ERRORS],
    # Files of the wrong kind are named by their content.
    *[
        BadInput(f"{name} / {command}", line, make, 1, (f"Error: {{input}}: this is {kind}",))
        for name, make, kind in WRONG_KINDS
        for command, line in EXPORT_COMMANDS.items()
    ],
    *[
        BadInput(
            f"import file as an article / {command}",
            line,
            IMPORT_FILE,
            1,
            ("Error: {input}: this is a Label Studio import file",),
        )
        for command, (line, _) in ARTICLE_COMMANDS.items()
    ],
    *[
        BadInput(
            f"folder as an export / {command}",
            line,
            GOOD_AND_BAD,
            1,
            ("Error: {input} is a folder: give a Label Studio JSON export file",),
        )
        for command, line in EXPORT_COMMANDS.items()
    ],
    # Output paths: a folder, a file curate did not write.
    *[
        BadInput(
            f"output path is a folder / {command}",
            line.replace("{out}/earlier.jsonl", "{out}"),
            CP1251,
            1,
            ("Error: {out} is a folder: give -o a file path",),
        )
        for command, (line, _) in ARTICLE_COMMANDS.items()
    ],
    *[
        BadInput(
            f"output file curate did not write / {command}",
            line.replace("earlier.jsonl", "notes.txt"),
            CP1251,
            1,
            ("Error: {out}/notes.txt exists and curate did not write it: move it away",),
        )
        for command, (line, _) in ARTICLE_COMMANDS.items()
    ],
    # A folder with one bad file: stop by default, skip with --skip-bad.
    *[
        BadInput(
            f"one bad file in a folder / {command}",
            line,
            GOOD_AND_BAD,
            1,
            ("Error: {input}/bad.txt: file is empty",),
        )
        for command, (line, _) in ARTICLE_COMMANDS.items()
    ],
    *[
        BadInput(
            f"one bad file in a folder, --skip-bad / {command}",
            f"{line} --skip-bad",
            GOOD_AND_BAD,
            0,
            ("Warning: skipped {input}/bad.txt: file is empty",),
            stdout,
        )
        for command, (line, stdout) in ARTICLE_COMMANDS.items()
    ],
    BadInput(
        "a split with empty parts / export",
        EXPORT_COMMANDS["export"] + " --split 80/10/10",
        _export(),
        0,
        (
            "Warning: split dev got no document of 1 (splits keep a story's documents together",
            "Warning: split test got no document of 1",
        ),
        "1 gold document,",
    ),
    # An OSError at an output path (here: a name longer than the file system takes) is one line.
    *[
        BadInput(
            f"output name too long / {command}",
            line.replace("earlier.jsonl", TOO_LONG),
            CP1251,
            1,
            (f"Error: {{out}}/{TOO_LONG}: File name too long: the name is too long",),
        )
        for command, (line, _) in ARTICLE_COMMANDS.items()
    ],
    *[
        BadInput(
            f"output name too long / {command}",
            line.replace("{out}/earlier.jsonl", f"{{out}}/{TOO_LONG}").replace(
                "-o {out}", f"-o {{out}}/{TOO_LONG}"
            ),
            _export(),
            1,
            (f"Error: {{out}}/{TOO_LONG}",),
        )
        for command, line in EXPORT_COMMANDS.items()
    ],
    BadInput(
        "unknown option / ingest",
        "ingest {input} --bogus {out}",
        CP1251,
        2,
        ("Error: No such option: --bogus (see `",),
    ),
]


# ---- servers that are not Label Studio -----------------------------------------------------


@pytest.fixture(scope="module")
def html_site() -> Iterator[str]:
    with loopback.html_site(everywhere=False) as url:
        yield url


@pytest.fixture(scope="module")
def html_app() -> Iterator[str]:
    with loopback.html_site(everywhere=True) as url:
        yield url


def _server_url(request: pytest.FixtureRequest, server: str | None) -> str:
    if server is None:
        return ""
    fixture = {"html": "html_site", "html everywhere": "html_app"}
    found = request.getfixturevalue(fixture[server])
    return found if isinstance(found, str) else found.url


def _contents(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(row, id=row.name, marks=[pytest.mark.server] if row.server else [])
        for row in TABLE
        if row.server != "label_studio"
    ],
)
def test_bad_input(
    row: BadInput, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch
) -> None:
    _check_bad_input(row, _server_url(request, row.server), tmp_path, monkeypatch)


@pytest.mark.server
@pytest.mark.parametrize(
    "row", [pytest.param(row, id=row.name) for row in TABLE if row.server == "label_studio"]
)
def test_bad_input_against_label_studio(
    row: BadInput, label_studio, tmp_path: Path, monkeypatch
) -> None:
    """The rows that need the real server (parametrised over its databases, so the fixture is
    requested here rather than looked up by name)."""
    _check_bad_input(row, label_studio.url, tmp_path, monkeypatch)


def _check_bad_input(row: BadInput, url: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier.jsonl").write_text("earlier output\n", encoding="utf-8")
    (out / "gold.jsonl").write_text("earlier gold\n", encoding="utf-8")
    record_outputs(out, ["earlier.jsonl", "gold.jsonl"])  # as if curate had written them
    (out / "notes.txt").write_text("the user's own notes\n", encoding="utf-8")
    earlier = _contents(out)
    source = row.make(tmp_path) if row.make else None
    fill = {"input": str(source), "out": str(out), "url": url}
    environment = {"LABEL_STUDIO_URL": None, "LABEL_STUDIO_API_KEY": FAKE_KEY}

    result = runner.invoke(app, row.command.format(**fill).split(), env=environment)

    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == row.exit_code, result.output
    lines = result.stderr.splitlines()
    expected = [line.format(**fill) for line in row.stderr]
    assert len(lines) == len(expected), result.stderr
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start), f"{line!r} does not start with {start!r}"
    assert row.stdout in result.stdout
    if row.exit_code:
        assert result.stdout == ""
        assert _contents(out) == earlier
        assert not (tmp_path / ".curate" / "labelstudio").exists(), "Label Studio was started"
    temporary = [path.name for path in out.rglob(".*") if path.name != MANIFEST_NAME]
    assert not temporary, "a temporary file was left"
    assert FAKE_KEY not in result.output


def test_the_table_covers_every_bad_input_of_the_fault_suite() -> None:
    """The README reports this table's size; a row removed by mistake shows here."""
    assert len(TABLE) == 80
