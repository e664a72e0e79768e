"""Gold documents as sentences of BIO-tagged tokens, shared by the token-based formats.

The tokens are the project's (:func:`curate.tokens.tokens`) with the whitespace inside a
number split out (``2 564`` → ``2``, ``564``), because CoNLL readers, spaCy and HF datasets
all take a token to be a run of non-space characters. The parts of a number inside a span
are tagged ``B-``/``I-`` as one span, so every span keeps its exact character offsets. A
span that does not cover whole tokens cannot be written without moving it: it is an error
that lists every such span; nothing is shifted to fit.
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from curate.errors import InputError
from curate.models import GoldDocument, GoldSpan
from curate.tokens import Token, sentences, tokens

#: How many misaligned spans the error message names before it says "and N more".
_SHOWN_SPANS = 5
_NO_SPACE = re.compile(r"\S+")
_SPACE = re.compile(r"\s")


class Sentence(NamedTuple):
    """A sentence's whitespace-free tokens and their BIO tags (``O``, ``B-X``, ``I-X``)."""

    tokens: list[Token]
    tags: list[str]


def tagged_documents(
    documents: Iterable[GoldDocument], *, output: str
) -> Iterator[tuple[GoldDocument, list[Sentence]]]:
    """Each document with its tagged sentences, one at a time (so that a large export
    never holds every token at once); after the last, raises :class:`InputError` naming
    ``output`` if any span cut a token.

    >>> from curate.models import GoldDocument, GoldSpan
    >>> count = GoldSpan(start=7, end=12, label="COUNT", text="2 564", decided_by="x")
    >>> document = GoldDocument(id="d", task_id=1, story_id="d", text="Изъято 2 564 карты",
    ...     spans=[count], annotators=["a"], source_export="e.json")
    >>> _, (sentence,) = next(tagged_documents([document], output="x"))
    >>> list(zip([token.text for token in sentence.tokens], sentence.tags))
    [('Изъято', 'O'), ('2', 'B-COUNT'), ('564', 'I-COUNT'), ('карты', 'O')]
    """
    misaligned: list[str] = []
    for document in documents:
        yield document, _tagged_sentences(document, misaligned)
    if misaligned:
        shown = "; ".join(misaligned[:_SHOWN_SPANS])
        hidden = len(misaligned) - _SHOWN_SPANS
        more = f"; and {hidden} more" if hidden > 0 else ""
        raise InputError(
            f"{output}: {len(misaligned)} span(s) do not cover whole tokens and cannot be "
            f"written without shifting them: {shown}{more}; fix them in Label Studio and "
            "export again"
        )


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
        _tagged(text_tokens, tags, sentence)
        for sentence in _sentences(document.text, text_tokens, tags)
    ]


def _tagged(text_tokens: Sequence[Token], tags: Sequence[str], indices: range) -> Sentence:
    """The sentence at ``indices``; a token holding whitespace becomes its parts, the parts
    after the first continuing its span."""
    sentence = Sentence(
        list(text_tokens[indices.start : indices.stop]), list(tags[indices.start : indices.stop])
    )
    if not any(_SPACE.search(token.text) for token in sentence.tokens):
        return sentence  # the common case, without a new object per token
    split = Sentence([], [])
    for token, tag in zip(*sentence, strict=True):
        first, *rest = whitespace_free(token)
        inside = "O" if tag == "O" else f"I-{tag[2:]}"
        split.tokens.extend([first, *rest])
        split.tags.extend([tag] + [inside] * len(rest))
    return split


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
