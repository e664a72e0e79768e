"""``gold.parquet``: a Hugging Face ``datasets`` table, one gold document a row.

``load_dataset("parquet", data_files={"train": "train.parquet", ...})`` reads it with its
features: ``tokens`` (the whitespace-free tokens of the CoNLL export), ``ner_tags`` as a
``ClassLabel`` sequence over the BIO tag names, and beside them the document's text and
metadata and its ``spans`` with character and token offsets and normalised values. The
features are stored in the file's schema metadata (key ``huggingface``), where ``datasets``
looks for them, so no loading script is needed.
"""

import json
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from curate.gold_formats.bio import Sentence, tagged_documents
from curate.labels import LABEL_NAMES
from curate.models import GoldDocument

#: The names of ``ner_tags``' class labels: ``O``, then ``B-``/``I-`` of every label.
TAG_NAMES: tuple[str, ...] = ("O", *(f"{p}-{label}" for label in LABEL_NAMES for p in "BI"))
_TAG_IDS = {name: index for index, name in enumerate(TAG_NAMES)}

_SPAN = pa.struct(
    [
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("token_start", pa.int64()),
        ("token_end", pa.int64()),
        ("label", pa.string()),
        ("text", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("qualifier", pa.string()),
        ("decided_by", pa.string()),
        ("value_source", pa.string()),
        ("value_review", pa.string()),
    ]
)
_DOCUMENT_COLUMNS: dict[str, pa.DataType] = {
    "id": pa.string(),
    "task_id": pa.int64(),
    "story_id": pa.string(),
    "lang": pa.string(),
    "date": pa.string(),
    "outlet": pa.string(),
    "title": pa.string(),
    "text": pa.string(),
}
SCHEMA = pa.schema(
    [
        *_DOCUMENT_COLUMNS.items(),
        ("tokens", pa.list_(pa.string())),
        ("token_starts", pa.list_(pa.int64())),
        ("ner_tags", pa.list_(pa.int64())),
        ("spans", pa.list_(_SPAN)),
    ]
)


def features() -> dict[str, Any]:
    """The ``datasets`` features of the table, as ``Features.to_dict()`` writes them."""

    def value(dtype: str) -> dict[str, str]:
        return {"dtype": dtype, "_type": "Value"}

    def sequence(feature: dict[str, Any]) -> dict[str, Any]:
        return {"feature": feature, "_type": "Sequence"}

    arrow_names = {pa.string(): "string", pa.int64(): "int64", pa.float64(): "float64"}
    span = {field.name: value(arrow_names[field.type]) for field in _SPAN}
    return {
        **{name: value(arrow_names[dtype]) for name, dtype in _DOCUMENT_COLUMNS.items()},
        "tokens": sequence(value("string")),
        "token_starts": sequence(value("int64")),
        "ner_tags": sequence({"names": list(TAG_NAMES), "_type": "ClassLabel"}),
        "spans": [span],
    }


def render(documents: Sequence[GoldDocument]) -> bytes:
    """The Parquet bytes of ``documents``; raises :class:`InputError` for spans that cut
    tokens."""
    rows = [
        _row(document, sentences)
        for document, sentences in tagged_documents(documents, output="gold.parquet")
    ]
    metadata = {"huggingface": json.dumps({"info": {"features": features()}})}
    table = pa.Table.from_pylist(rows, schema=SCHEMA.with_metadata(metadata))
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _row(document: GoldDocument, sentences: Sequence[Sentence]) -> dict[str, Any]:
    doc_tokens = [token for sentence in sentences for token in sentence.tokens]
    doc_tags = [tag for sentence in sentences for tag in sentence.tags]
    first = {token.start: index for index, token in enumerate(doc_tokens)}
    last = {token.end: index for index, token in enumerate(doc_tokens)}
    record = document.model_dump(mode="json", include=set(_DOCUMENT_COLUMNS))
    return {
        **{name: record.get(name) for name in _DOCUMENT_COLUMNS},
        "tokens": [token.text for token in doc_tokens],
        "token_starts": [token.start for token in doc_tokens],
        "ner_tags": [_TAG_IDS[tag] for tag in doc_tags],
        "spans": [
            {
                **span.model_dump(include={field.name for field in _SPAN}),
                "token_start": first[span.start],
                "token_end": last[span.end] + 1,
            }
            for span in document.spans
        ],
    }
