"""What the rules find in a sentence, for the table-driven rule tests."""

from curate.rules import Extractor


def spans_of(extractor: Extractor, text: str, lang: str, labels: set[str]) -> list[tuple]:
    """(text, label) of the spans of ``labels`` the rules propose in ``text``, in order."""
    return [(s.text, s.label) for s in extractor.annotate(text, lang=lang) if s.label in labels]
