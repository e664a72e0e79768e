"""``gold.spacy``: spaCy's binary ``DocBin``, ready for ``spacy train``.

Each gold document is one ``Doc`` on the whitespace-free tokens of
:mod:`curate.gold_formats.bio` (whitespace other than one space between tokens becomes
spaCy's whitespace tokens), so ``doc.text`` is the gold text and every span is an entity
with its exact character offsets. Sentences are the CoNLL export's.

The span's ``value``, ``unit``, ``qualifier``, ``decided_by``, ``value_source`` and
``value_review`` are stored as the span extensions of those names, the document's metadata
as ``doc.user_data["gold"]``::

    Span.set_extension("value", default=None)   # once, before reading
    docs = DocBin().from_disk("gold.spacy").get_docs(spacy.blank("xx").vocab)
    [(ent.text, ent.label_, ent._.value) for ent in next(docs).ents]
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from curate.errors import CurateError
from curate.gold_formats.bio import Sentence, tagged_documents
from curate.models import GoldDocument, GoldSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: Span fields kept as span extensions (``ent._.value``).
SPAN_EXTENSIONS: tuple[str, ...] = (
    "value",
    "unit",
    "qualifier",
    "decided_by",
    "value_source",
    "value_review",
)
#: Document fields kept in ``doc.user_data["gold"]``.
DOCUMENT_FIELDS: tuple[str, ...] = (
    "id", "task_id", "story_id", "lang", "date", "outlet", "title", "choices", "annotators",
    "source_export",
)  # fmt: skip


def render(documents: Sequence[GoldDocument]) -> bytes:
    """The ``DocBin`` bytes of ``documents``; raises :class:`InputError` for spans that cut
    tokens and :class:`CurateError` when spaCy is not installed."""
    try:
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab
    except ImportError:
        raise CurateError(
            "the spacy format needs spaCy: install it with pip install 'curate[spacy]'"
        ) from None
    vocab = Vocab()
    doc_bin = DocBin(store_user_data=True)
    for document, sentences in tagged_documents(documents, output="gold.spacy"):
        doc_bin.add(_doc(vocab, document, sentences))
    return doc_bin.to_bytes()


def _doc(vocab: "Vocab", document: GoldDocument, sentences: Sequence[Sentence]) -> "Doc":
    from spacy.tokens import Doc

    words, spaces, sent_starts = _words(document.text, sentences)
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    doc.ents = [
        doc.char_span(span.start, span.end, label=span.label, alignment_mode="strict")
        for span in document.spans
    ]
    doc.user_data["gold"] = document.model_dump(mode="json", include=set(DOCUMENT_FIELDS))
    for span in document.spans:
        doc.user_data.update(_extension_values(span))
    return doc


def _words(text: str, sentences: Sequence[Sentence]) -> tuple[list[str], list[bool], list[bool]]:
    """spaCy's words, trailing spaces and sentence starts that spell ``text`` exactly."""
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool] = []
    position = 0
    for sentence in sentences:
        for number, token in enumerate(sentence.tokens):
            gap = text[position : token.start]
            if gap == " " and words:
                spaces[-1] = True
            elif gap:
                words.append(gap)  # spaCy's whitespace token
                spaces.append(False)
                sent_starts.append(False)
            words.append(token.text)
            spaces.append(False)
            sent_starts.append(number == 0)
            position = token.end
    if position < len(text):
        words.append(text[position:])
        spaces.append(False)
        sent_starts.append(False)
    return words, spaces, sent_starts


def _extension_values(span: GoldSpan) -> dict[tuple[Any, ...], Any]:
    """``user_data`` entries spaCy reads as ``span._.<name>`` (its own key layout)."""
    return {
        ("._.", name, span.start, span.end): getattr(span, name)
        for name in SPAN_EXTENSIONS
        if getattr(span, name) is not None
    }
