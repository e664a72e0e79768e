"""``gold.conll``: CoNLL-2003 style, one ``token<TAB>tag`` line per token with BIO tags.

Each document opens with ``-DOCSTART-``; sentences (the project's splitter) are separated by
a blank line, except where a span runs across a sentence end, which is kept whole. Columns
are separated by a TAB because a token may hold a space (``2 564``). A span that does not
cover whole tokens of the project's tokenizer cannot be written without moving it, so it
is an error that lists every such span; nothing is shifted to fit.
"""

from collections.abc import Iterator, Sequence

from curate.errors import InputError
from curate.models import GoldDocument, GoldSpan
from curate.tokens import Token, sentences, tokens

DOCSTART = "-DOCSTART-\tO"
#: How many misaligned spans the error message names before it says "and N more".
_SHOWN_SPANS = 5


def render(documents: Sequence[GoldDocument]) -> str:
    """The CoNLL text of ``documents``; raises :class:`InputError` for spans that cut tokens."""
    misaligned: list[str] = []
    blocks = [_document_block(document, misaligned) for document in documents]
    if misaligned:
        shown = "; ".join(misaligned[:_SHOWN_SPANS])
        hidden = len(misaligned) - _SHOWN_SPANS
        more = f"; and {hidden} more" if hidden > 0 else ""
        raise InputError(
            f"gold.conll: {len(misaligned)} span(s) do not cover whole tokens and cannot be "
            f"written without shifting them: {shown}{more}; fix them in Label Studio and "
            "export again"
        )
    return "".join(blocks)


def bio_tags(
    text_tokens: Sequence[Token], spans: Sequence[GoldSpan]
) -> tuple[list[str], list[GoldSpan]]:
    """BIO tags of ``text_tokens`` for ``spans``, and the spans that cut a token (untagged).

    >>> from curate.tokens import tokens
    >>> city = GoldSpan(start=0, end=6, label="LOC", text="Алматы", decided_by="x")
    >>> bio_tags(tokens("Алматы қаласы"), [city])
    (['B-LOC', 'O'], [])
    >>> cut = GoldSpan(start=0, end=4, label="LOC", text="Алма", decided_by="x")
    >>> bio_tags(tokens("Алматы қаласы"), [cut]) == (["O", "O"], [cut])
    True
    """
    first = {token.start: index for index, token in enumerate(text_tokens)}
    last = {token.end: index for index, token in enumerate(text_tokens)}
    tags = ["O"] * len(text_tokens)
    cutting: list[GoldSpan] = []
    for span in spans:
        begin, end = first.get(span.start), last.get(span.end)
        if begin is None or end is None:
            cutting.append(span)
            continue
        tags[begin] = f"B-{span.label}"
        tags[begin + 1 : end + 1] = [f"I-{span.label}"] * (end - begin)
    return tags, cutting


def _document_block(document: GoldDocument, misaligned: list[str]) -> str:
    text_tokens = tokens(document.text)
    tags, cutting = bio_tags(text_tokens, document.spans)
    misaligned.extend(
        f"task {document.task_id} [{span.start}, {span.end}) {span.label} {span.text!r}"
        for span in cutting
    )
    lines = [DOCSTART, ""]
    for sentence in _sentences(document.text, text_tokens, tags):
        lines.extend(f"{text_tokens[i].text}\t{tags[i]}" for i in sentence)
        lines.append("")
    return "\n".join(lines) + "\n"


def _sentences(text: str, text_tokens: Sequence[Token], tags: list[str]) -> Iterator[range]:
    """Token index ranges of the sentences; a sentence end inside a span is not taken."""
    starts = {start for start, _ in sentences(text, text_tokens)}
    begin = 0
    for index in range(1, len(text_tokens)):
        if text_tokens[index].start in starts and not tags[index].startswith("I-"):
            yield range(begin, index)
            begin = index
    if text_tokens:
        yield range(begin, len(text_tokens))
