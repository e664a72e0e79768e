"""Every export format read back by the consumers downstream teams use, against gold.jsonl.

The gold is the hand-annotated gold sets (the seeds and the held-out dev and test articles,
636 spans with numbers such as ``2 564`` written with a space), put through a Label Studio
export and ``export_gold`` with every format and a split. Each format is then read with the
real consumer, never curate's own code: a plain whitespace column reader with seqeval,
spaCy's CoNLL-NER converter (what ``spacy convert -c ner`` runs), spaCy's ``DocBin``, and
HF ``datasets.load_dataset``. Every span must come back with its offsets, label and values:
0 lost or shifted.
"""

import json
from pathlib import Path
from typing import Any

import pytest
from seqeval.metrics.sequence_labeling import get_entities

from curate.gold import export_gold
from curate.goldmarkup import load_gold_dir
from curate.models import GoldDocument

DATA = Path(__file__).parent / "data"
GOLD_DIRS = [DATA / "gold", DATA / "heldout" / "dev" / "gold", DATA / "heldout" / "test" / "gold"]
PARTS = ("gold", "train", "dev", "test")
VALUE_FIELDS = ("value", "unit", "qualifier", "decided_by")

SpanKey = tuple[int, int, str]


def label_studio_export(gold_dirs: list[Path]) -> list[dict[str, Any]]:
    """A Label Studio JSON export with one annotator's task for each hand-annotated article."""
    gold = {key: value for path in gold_dirs for key, value in load_gold_dir(path).items()}
    return [
        {
            "id": task_id,
            "data": {"text": text, "id": article_id, "story_id": article_id},
            "annotations": [
                {
                    "id": task_id,
                    "completed_by": {"id": 1, "email": "aigerim@example.kz"},
                    "result": [
                        {
                            "id": f"{task_id}-{index}",
                            "type": "labels",
                            "from_name": "label",
                            "to_name": "text",
                            "value": {
                                "start": s.start,
                                "end": s.end,
                                "text": s.text,
                                "labels": [s.label],
                            },
                        }
                        for index, s in enumerate(spans)
                    ],
                    "was_cancelled": False,
                    "ground_truth": False,
                }
            ],
            "predictions": [],
        }
        for task_id, (article_id, (text, spans)) in enumerate(sorted(gold.items()), start=1)
    ]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    scratch = tmp_path_factory.mktemp("consumers")
    export = scratch / "export.json"
    export.write_text(json.dumps(label_studio_export(GOLD_DIRS), ensure_ascii=False), "utf-8")
    out_dir = scratch / "exports"
    export_gold(export, out_dir, formats=["jsonl", "conll", "spacy", "hf"], split="60/20/20")
    return out_dir


def gold_of(exported: Path, part: str) -> list[GoldDocument]:
    lines = (exported / f"{part}.jsonl").read_text("utf-8").splitlines()
    return [GoldDocument.model_validate_json(line) for line in lines]


def gold_spans(document: GoldDocument) -> list[SpanKey]:
    return [(span.start, span.end, span.label) for span in document.spans]


def token_offsets(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where each word is in ``text``, found left to right: all a consumer has to go on."""
    offsets, position = [], 0
    for word in words:
        start = text.index(word, position)
        assert not text[position:start].strip(), f"{word!r} is not the next word"
        position = start + len(word)
        offsets.append((start, position))
    return offsets


def spans_of_tags(text: str, words: list[str], tags: list[str]) -> list[SpanKey]:
    """seqeval's entities of ``tags`` as character offsets into ``text``."""
    offsets = token_offsets(text, words)
    return [
        (offsets[first][0], offsets[last][1], label) for label, first, last in get_entities(tags)
    ]


def test_the_gold_is_every_hand_annotated_span(exported: Path) -> None:
    documents = gold_of(exported, "gold")
    expected = sum(len(spans) for path in GOLD_DIRS for _, spans in load_gold_dir(path).values())
    assert sum(len(d.spans) for d in documents) == expected > 600
    assert any(" " in span.text and span.text[0].isdigit() for d in documents for span in d.spans)
    split_ids = [d.id for part in PARTS[1:] for d in gold_of(exported, part)]
    assert sorted(split_ids) == sorted(d.id for d in documents)


# ---- CoNLL ----------------------------------------------------------------------------------


def whitespace_columns(content: str) -> list[list[list[str]]]:
    """Documents of rows, each row the line split on whitespace: the plain column reader."""
    documents: list[list[list[str]]] = []
    for line in content.splitlines():
        if line.startswith("-DOCSTART-"):
            documents.append([])
        elif line.strip():
            documents[-1].append(line.split())
    return documents


@pytest.mark.parametrize("part", PARTS)
def test_conll_has_two_columns_and_reads_back_exactly(exported: Path, part: str) -> None:
    documents = gold_of(exported, part)
    blocks = whitespace_columns((exported / f"{part}.conll").read_text("utf-8"))
    assert len(blocks) == len(documents)
    for document, rows in zip(documents, blocks, strict=True):
        assert {len(row) for row in rows} == {2}
        words, tags = [row[0] for row in rows], [row[1] for row in rows]
        assert spans_of_tags(document.text, words, tags) == gold_spans(document)


def test_spacy_convert_reads_the_conll_documents_and_spans(exported: Path) -> None:
    from spacy.training.converters import conll_ner_to_docs

    documents = gold_of(exported, "gold")
    content = (exported / "gold.conll").read_text("utf-8")
    docs = list(conll_ner_to_docs(content, no_print=True))
    assert len(docs) == len(documents)
    for document, doc in zip(documents, docs, strict=True):
        offsets = token_offsets(document.text, [token.text for token in doc])
        found = [(offsets[e.start][0], offsets[e.end - 1][1], e.label_) for e in doc.ents]
        assert found == gold_spans(document)


# ---- spaCy DocBin ---------------------------------------------------------------------------


@pytest.mark.parametrize("part", PARTS)
def test_spacy_docbin_reads_back_text_entities_and_values(exported: Path, part: str) -> None:
    import spacy
    from spacy.tokens import DocBin, Span

    for name in VALUE_FIELDS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    documents = gold_of(exported, part)
    doc_bin = DocBin().from_disk(exported / f"{part}.spacy")
    docs = list(doc_bin.get_docs(spacy.blank("xx").vocab))
    assert len(docs) == len(documents)
    for document, doc in zip(documents, docs, strict=True):
        assert doc.text == document.text
        assert doc.user_data["gold"]["id"] == document.id
        assert not any(" " in token.text for token in doc if not token.is_space)
        found = [
            (e.start_char, e.end_char, e.label_, *(getattr(e._, name) for name in VALUE_FIELDS))
            for e in doc.ents
        ]
        expected = [
            (s.start, s.end, s.label, *(getattr(s, name) for name in VALUE_FIELDS))
            for s in document.spans
        ]
        assert found == expected


# ---- Hugging Face datasets ------------------------------------------------------------------


@pytest.fixture(scope="module")
def hf_dataset(exported: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The Parquet files through ``load_dataset``, offline, with a throwaway HF home."""
    home = tmp_path_factory.mktemp("hf-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HOME", str(home))
        patch.setenv("HF_DATASETS_OFFLINE", "1")
        patch.setenv("HF_HUB_OFFLINE", "1")
        import datasets

        files = {part: str(exported / f"{part}.parquet") for part in PARTS}
        return datasets.load_dataset("parquet", data_files=files, cache_dir=str(home / "cache"))


def test_hf_ner_tags_are_class_labels_over_the_bio_tags(hf_dataset: Any) -> None:
    features = hf_dataset["gold"].features
    names = features["ner_tags"].feature.names
    assert names[0] == "O" and {"B-QUANTITY", "I-QUANTITY", "B-LAW", "I-PER"} <= set(names)
    assert features["tokens"].feature.dtype == "string"
    assert features["spans"].feature["value"].dtype == "float64"


@pytest.mark.parametrize("part", PARTS)
def test_hf_dataset_reads_back_spans_and_values(exported: Path, hf_dataset: Any, part: str) -> None:
    documents = gold_of(exported, part)
    rows = list(hf_dataset[part])
    assert [row["id"] for row in rows] == [d.id for d in documents]
    tag_names = hf_dataset[part].features["ner_tags"].feature.int2str
    for document, row in zip(documents, rows, strict=True):
        assert row["text"] == document.text
        tags = tag_names(row["ner_tags"])
        assert spans_of_tags(row["text"], row["tokens"], tags) == gold_spans(document)
        assert [
            (s["start"], s["end"], s["label"], *(s[name] for name in VALUE_FIELDS))
            for s in row["spans"]
        ] == [
            (s.start, s.end, s.label, *(getattr(s, name) for name in VALUE_FIELDS))
            for s in document.spans
        ]
        for span in row["spans"]:
            words = row["tokens"][span["token_start"] : span["token_end"]]
            assert "".join(words) == span["text"].replace(" ", "").replace("\u00a0", "")
