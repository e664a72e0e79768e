"""Golden-file tests of the gold exporters, and read-back through common consumers.

Inputs live in ``tests/data/<format>/`` with the expected output beside them.
"""

import json
from pathlib import Path

import pytest
from seqeval.metrics.sequence_labeling import get_entities

from curate.errors import CurateError, InputError
from curate.exporters import FORMATS, conll, export_formats, jsonl
from curate.models import GoldDocument, GoldSpan
from curate.tokens import tokens

DATA = Path(__file__).parent / "data"
CONLL_INPUT = DATA / "conll" / "documents.jsonl"


def load_documents(path: Path) -> list[GoldDocument]:
    return [GoldDocument.model_validate_json(line) for line in path.read_text("utf-8").splitlines()]


def conll_documents(content: str) -> list[list[tuple[str, str]]]:
    """(token, tag) pairs of each ``-DOCSTART-`` block, sentences run together."""
    blocks: list[list[tuple[str, str]]] = []
    for line in content.splitlines():
        if line.startswith("-DOCSTART-"):
            blocks.append([])
        elif line:
            token, tag = line.split("\t")
            blocks[-1].append((token, tag))
    return blocks


def spans_read_back(document: GoldDocument, rows: list[tuple[str, str]]) -> list[tuple]:
    """The spans seqeval finds in ``rows``, mapped back to character offsets."""
    text_tokens = tokens(document.text)
    assert [token.text for token in text_tokens] == [token for token, _ in rows]
    return [
        (text_tokens[first].start, text_tokens[last].end, label)
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
    assert set(FORMATS) == {"jsonl", "conll"}
    with pytest.raises(CurateError, match="unknown export format xml: choose from jsonl, conll"):
        export_formats(["jsonl", "xml"])
