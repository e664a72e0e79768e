"""Gold documents as sentences of BIO-tagged tokens, shared by the token-based formats.

The tokens are the project's (:func:`curate.tokens.tokens`) with the whitespace inside a
number split out (``2 564`` → ``2``, ``564``), because CoNLL readers, spaCy and HF datasets
all take a token to be a run of non-space characters. The parts of a number inside a span
are tagged ``B-``/``I-`` as one span, so every span keeps its exact character offsets. A
span that does not cover whole tokens cannot be written without moving it: it is an error
that lists every such span; nothing is shifted to fit.
"""

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from curate.errors import InputError
from curate.models import GoldDocument, GoldSpan
from curate.tokens import Token, sentences, tokens

#: How many misaligned spans the error message names before it says "and N more".
_SHOWN_SPANS = 5
_NO_SPACE = re.compile(r"\S+")


class TaggedToken(NamedTuple):
    """A whitespace-free token and its BIO tag (``O``, ``B-LABEL``, ``I-LABEL``)."""

    token: Token
    tag: str


Sentence = list[TaggedToken]


def tagged_documents(documents: Sequence[GoldDocument], *, output: str) -> list[list[Sentence]]:
    """The tagged sentences of each document; raises :class:`InputError` naming ``output``
    when spans cut tokens.

    >>> from curate.models import GoldDocument, GoldSpan
    >>> count = GoldSpan(start=7, end=12, label="COUNT", text="2 564", decided_by="x")
    >>> document = GoldDocument(id="d", task_id=1, story_id="d", text="Изъято 2 564 карты",
    ...     spans=[count], annotators=["a"], source_export="e.json")
    >>> [(t.token.text, t.tag) for t in tagged_documents([document], output="x")[0][0]]
    [('Изъято', 'O'), ('2', 'B-COUNT'), ('564', 'I-COUNT'), ('карты', 'O')]
    """
    misaligned: list[str] = []
    tagged = [_tagged_sentences(document, misaligned) for document in documents]
    if misaligned:
        shown = "; ".join(misaligned[:_SHOWN_SPANS])
        hidden = len(misaligned) - _SHOWN_SPANS
        more = f"; and {hidden} more" if hidden > 0 else ""
        raise InputError(
            f"{output}: {len(misaligned)} span(s) do not cover whole tokens and cannot be "
            f"written without shifting them: {shown}{more}; fix them in Label Studio and "
            "export again"
        )
    return tagged


def bio_tags(
    text_tokens: Sequence[Token], spans: Sequence[GoldSpan]
) -> tuple[list[str], list[GoldSpan]]:
    """BIO tags of ``text_tokens`` for ``spans``, and the spans that cut a token (untagged).

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


def whitespace_free(token: Token) -> list[Token]:
    """``token`` split at the spaces inside it (only numbers hold one: ``2 564``).

    >>> [part.text for part in whitespace_free(Token(7, 12, "2\\u00a0564"))]
    ['2', '564']
    """
    return [
        Token(token.start + part.start(), token.start + part.end(), part.group())
        for part in _NO_SPACE.finditer(token.text)
    ]


def _tagged_sentences(document: GoldDocument, misaligned: list[str]) -> list[Sentence]:
    text_tokens = tokens(document.text)
    tags, cutting = bio_tags(text_tokens, document.spans)
    misaligned.extend(
        f"task {document.task_id} [{span.start}, {span.end}) {span.label} {span.text!r}"
        for span in cutting
    )
    return [
        [tagged for index in sentence for tagged in _parts_tagged(text_tokens[index], tags[index])]
        for sentence in _sentences(document.text, text_tokens, tags)
    ]


def _parts_tagged(token: Token, tag: str) -> Iterator[TaggedToken]:
    """The whitespace-free parts of ``token``; the parts after the first continue its span."""
    inside = "O" if tag == "O" else f"I-{tag[2:]}"
    for number, part in enumerate(whitespace_free(token)):
        yield TaggedToken(part, tag if number == 0 else inside)


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
