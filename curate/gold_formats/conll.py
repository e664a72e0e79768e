"""``gold.conll``: CoNLL-2003 style, one ``token<TAB>tag`` line per token with BIO tags.

Each document opens with ``-DOCSTART- -X- O O``, the line spaCy's ``convert -c ner`` splits
documents at (readers that only look for ``-DOCSTART-`` skip it too); sentences (the
project's splitter) are separated by a blank line, except where a span runs across a
sentence end, which is kept whole. No token
holds whitespace, so a reader that splits columns on any whitespace (spaCy's ``convert``,
flair's ``ColumnCorpus``, HF's CoNLL-2003 scripts) reads the same tokens: a number written
with a space (``2 564``) is written as its parts, ``B-``/``I-`` tagged as one span (see
:mod:`curate.gold_formats.bio`).
"""

from collections.abc import Sequence

from curate.gold_formats.bio import Sentence, tagged_documents
from curate.models import GoldDocument

DOCSTART = "-DOCSTART- -X- O O"


def render(documents: Sequence[GoldDocument]) -> str:
    """The CoNLL text of ``documents``; raises :class:`InputError` for spans that cut tokens."""
    return "".join(
        _document_block(sentences)
        for _, sentences in tagged_documents(documents, output="gold.conll")
    )


def _document_block(sentences: Sequence[Sentence]) -> str:
    lines = [DOCSTART, ""]
    for sentence in sentences:
        lines.extend(f"{token.text}\t{tag}" for token, tag in zip(*sentence, strict=True))
        lines.append("")
    return "\n".join(lines) + "\n"
