"""Gold export formats, looked up by name; one module per format, each a pure renderer.

A renderer turns the gold documents into the content of one file (text, or bytes for the
binary formats), so that an export can render every file before it writes any (and write
nothing when one of them fails).
"""

from collections.abc import Callable, Sequence
from typing import NamedTuple

from curate.errors import CurateError
from curate.gold_formats import conll, hf_parquet, jsonl, spacy_docbin
from curate.models import GoldDocument


class ExportFormat(NamedTuple):
    """How to write gold documents in one format: the file extension and the renderer."""

    extension: str
    render: Callable[[Sequence[GoldDocument]], str | bytes]
    description: str


FORMATS: dict[str, ExportFormat] = {
    "jsonl": ExportFormat("jsonl", jsonl.render, "one gold document as JSON a line"),
    "conll": ExportFormat("conll", conll.render, "CoNLL-2003: token<TAB>BIO tag, by sentence"),
    "spacy": ExportFormat("spacy", spacy_docbin.render, "spaCy DocBin, spans as entities"),
    "hf": ExportFormat("parquet", hf_parquet.render, "Hugging Face datasets Parquet table"),
}


def export_formats(names: Sequence[str]) -> dict[str, ExportFormat]:
    """The formats called ``names``, in that order; an unknown name is an error."""
    unknown = [name for name in names if name not in FORMATS]
    if unknown:
        raise CurateError(
            f"unknown export format {', '.join(unknown)}: choose from {', '.join(FORMATS)}"
        )
    if not names:
        raise CurateError(f"no export format given: choose from {', '.join(FORMATS)}")
    return {name: FORMATS[name] for name in names}
