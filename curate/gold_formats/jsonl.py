"""``gold.jsonl``: one :class:`~curate.models.GoldDocument` a line, loadable with plain json."""

from collections.abc import Sequence

from curate.models import GoldDocument


def render(documents: Sequence[GoldDocument]) -> str:
    """One JSON object a line, UTF-8 as is (Kazakh and Russian letters are not escaped)."""
    return "".join(f"{document.to_json()}\n" for document in documents)
