"""Golden-file tests of the gold formats, and read-back through common consumers.

Inputs live in ``tests/data/<format>/`` with the expected output beside them.
"""

import json
from pathlib import Path

import pytest
from seqeval.metrics.sequence_labeling import get_entities

from curate.errors import CurateError, InputError
from curate.gold import export_gold
from curate.gold_formats import FORMATS, conll, export_formats, jsonl
from curate.models import GoldDocument, GoldSpan

DATA = Path(__file__).parent / "data"
CONLL_INPUT = DATA / "conll" / "documents.jsonl"


def load_documents(path: Path) -> list[GoldDocument]:
    return [GoldDocument.model_validate_json(line) for line in path.read_text("utf-8").splitlines()]


def conll_documents(content: str) -> list[list[tuple[str, str]]]:
    """(token, tag) pairs of each ``-DOCSTART-`` block, sentences run together; columns are
    split on any whitespace, as spaCy's, flair's and HF's CoNLL readers do."""
    blocks: list[list[tuple[str, str]]] = []
    for line in content.splitlines():
        if line.startswith("-DOCSTART-"):
            blocks.append([])
        elif line:
            token, tag = line.split()
            blocks[-1].append((token, tag))
    return blocks


def token_offsets(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where each word is in ``text``, found left to right: all a consumer has to go on."""
    offsets, position = [], 0
    for word in words:
        start = text.index(word, position)
        assert not text[position:start].strip(), f"{word!r} is not the next word"
        position = start + len(word)
        offsets.append((start, position))
    return offsets


def spans_read_back(document: GoldDocument, rows: list[tuple[str, str]]) -> list[tuple]:
    """The spans seqeval finds in ``rows``, mapped back to character offsets."""
    offsets = token_offsets(document.text, [token for token, _ in rows])
    return [
        (offsets[first][0], offsets[last][1], label)
        for label, first, last in get_entities([tag for _, tag in rows])
    ]


def test_conll_golden() -> None:
    documents = load_documents(CONLL_INPUT)
    expected = CONLL_INPUT.with_suffix(".conll").read_text("utf-8")
    assert conll.render(documents) == expected


def test_conll_reads_back_to_the_gold_spans_exactly() -> None:
    documents = load_documents(CONLL_INPUT)
    blocks = conll_documents(conll.render(documents))
    assert len(blocks) == len(documents)
    for document, rows in zip(documents, blocks, strict=True):
        gold = [(span.start, span.end, span.label) for span in document.spans]
        assert spans_read_back(document, rows) == gold


def test_conll_keeps_a_span_across_a_sentence_end_in_one_sentence() -> None:
    (document,) = [d for d in load_documents(CONLL_INPUT) if d.id == "ru-3"]
    sentences = conll.render([document]).split("\n\n")[1:-1]
    assert [len(sentence.splitlines()) for sentence in sentences] == [3, 7]


def test_conll_refuses_spans_that_cut_tokens() -> None:
    text = "В Астане изъяли кокаин."
    document = GoldDocument(
        id="x",
        task_id=9,
        story_id="x",
        text=text,
        spans=[
            GoldSpan(start=2, end=6, label="LOC", text="Аста", decided_by="single annotator"),
            GoldSpan(start=15, end=22, label="DRUG", text=" кокаин", decided_by="majority 2/2"),
        ],
        annotators=["a"],
        source_export="e.json",
    )
    with pytest.raises(InputError) as raised:
        conll.render([document])
    assert str(raised.value) == (
        "gold.conll: 2 span(s) do not cover whole tokens and cannot be written without "
        "shifting them: task 9 [2, 6) LOC 'Аста'; task 9 [15, 22) DRUG ' кокаин'; "
        "fix them in Label Studio and export again"
    )


def test_jsonl_renders_one_plain_json_object_a_line() -> None:
    documents = load_documents(CONLL_INPUT)
    lines = jsonl.render(documents).splitlines()
    assert [json.loads(line)["id"] for line in lines] == [d.id for d in documents]
    assert "Алматыда" in lines[0]  # letters are written as they are, not \\u-escaped
    assert [GoldDocument.model_validate_json(line) for line in lines] == documents


def test_formats_are_looked_up_by_name() -> None:
    assert list(export_formats(["conll", "jsonl"])) == ["conll", "jsonl"]
    assert set(FORMATS) == {"jsonl", "conll", "spacy", "hf"}
    choose = "choose from jsonl, conll, spacy, hf"
    with pytest.raises(CurateError, match=f"unknown export format xml: {choose}"):
        export_formats(["jsonl", "xml"])


# ---- the whole export, from a Label Studio export with three annotators --------------------

EXPORT = DATA / "lsexport" / "three_annotators.json"

GOLDEN = {
    "gold.jsonl": DATA / "jsonl" / "three_annotators.jsonl",
    "conflicts.jsonl": DATA / "jsonl" / "three_annotators.conflicts.jsonl",
    "gold.conll": DATA / "conll" / "three_annotators.conll",
    "README.md": DATA / "lsexport" / "three_annotators.README.md",
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("exports")
    export_gold(EXPORT, out_dir, formats=["jsonl", "conll"])
    return out_dir


@pytest.mark.parametrize("name", GOLDEN)
def test_export_golden(exported: Path, name: str) -> None:
    assert (exported / name).read_text("utf-8") == GOLDEN[name].read_text("utf-8")


def test_gold_jsonl_loads_with_plain_json(exported: Path) -> None:
    records = [json.loads(line) for line in (exported / "gold.jsonl").open(encoding="utf-8")]
    assert [r["task_id"] for r in records] == [101, 102, 103, 104]
    quantity = records[0]["spans"][1]
    assert (quantity["text"], quantity["value"], quantity["unit"], quantity["qualifier"]) == (
        "жарты тоннадан астам",
        500.0,
        "kg",
        "more_than",
    )
    assert {s["decided_by"] for r in records for s in r["spans"]} == {
        "majority 3/3",
        "majority 2/3",
        "majority 2/2",
        "single annotator",
        "ground_truth",
    }
    for record in records:
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]


def test_gold_conll_reads_back_to_the_gold_jsonl_spans(exported: Path) -> None:
    documents = load_documents(exported / "gold.jsonl")
    blocks = conll_documents((exported / "gold.conll").read_text("utf-8"))
    for document, rows in zip(documents, blocks, strict=True):
        assert spans_read_back(document, rows) == [
            (s.start, s.end, s.label) for s in document.spans
        ]


def test_split_files_keep_twins_together(tmp_path: Path) -> None:
    result = export_gold(EXPORT, tmp_path, formats=["jsonl", "conll"], split="50/25/25", seed=3)
    parts = {
        name: [json.loads(line) for line in (tmp_path / f"{name}.jsonl").open(encoding="utf-8")]
        for name in ("train", "dev", "test")
    }
    placed = {r["story_id"]: name for name, records in parts.items() for r in records}
    twins = [
        name for name, records in parts.items() for r in records if r["story_id"] == "story-almaty"
    ]
    assert twins == [placed["story-almaty"]] * 2
    assert sum(result.files[f"{name}.conll"] for name in parts) == 4
    assert "## Splits\n\n50/25/25 with seed 3" in (tmp_path / "README.md").read_text("utf-8")


def test_a_failed_export_leaves_the_earlier_one_untouched(tmp_path: Path) -> None:
    export_gold(EXPORT, tmp_path, formats=["jsonl", "conll"])
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    tasks = json.loads(EXPORT.read_text("utf-8"))
    region = tasks[2]["annotations"][0]["result"][0]["value"]  # МВД РК → cut inside a token
    region["end"], region["text"] = 5, "МВД Р"
    broken = tmp_path.parent / "broken.json"
    broken.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=r"task 103 \[0, 5\) ORG 'МВД Р'"):
        export_gold(broken, tmp_path, formats=["jsonl", "conll"], split="80/10/10")
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


def test_a_new_export_removes_split_files_it_did_not_rewrite(tmp_path: Path) -> None:
    export_gold(EXPORT, tmp_path, formats=["jsonl", "conll"], split="80/10/10")
    export_gold(EXPORT, tmp_path, formats=["jsonl"])
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".curate-manifest.json",
        "README.md",
        "conflicts.jsonl",
        "gold.jsonl",
    ]


def test_output_must_be_a_directory(tmp_path: Path) -> None:
    taken = tmp_path / "exports"
    taken.write_text("not a directory", encoding="utf-8")
    with pytest.raises(CurateError, match="is a file; give a directory for the export with -o"):
        export_gold(EXPORT, taken, formats=["jsonl"])


def test_conll_tokens_hold_no_whitespace_and_a_spaced_number_stays_one_span() -> None:
    text = "Бұғатталды 2 564 карта, 1\u00a0263 сайт."
    count = GoldSpan(start=11, end=16, label="COUNT", text="2 564", decided_by="majority 2/2")
    document = GoldDocument(
        id="x", task_id=1, story_id="x", text=text, spans=[count], annotators=["a", "b"],
        source_export="e.json",
    )  # fmt: skip
    rows = conll_documents(conll.render([document]))[0]
    assert rows == [
        ("Бұғатталды", "O"),
        ("2", "B-COUNT"),
        ("564", "I-COUNT"),
        ("карта", "O"),
        (",", "O"),
        ("1", "O"),
        ("263", "O"),
        ("сайт", "O"),
        (".", "O"),
    ]
    assert spans_read_back(document, rows) == [(11, 16, "COUNT")]
