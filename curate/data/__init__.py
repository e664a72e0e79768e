"""Gazetteers and the rules' open word lists: plain UTF-8 lists in this folder, one entry a
line, ``#`` starts a comment.

Each list is read once through :func:`load_gazetteer`, which checks it (no duplicates, no
stray whitespace, not empty) so a bad entry fails when the extractor is built, naming the
file and line, rather than when some document happens to hit it.
"""

import functools
from pathlib import Path
from typing import NamedTuple

from curate.errors import InputError

DATA_DIR = Path(__file__).parent


class Gazetteers(NamedTuple):
    """Every list the rules use, by name (the file is ``<name>.txt`` here): the names they
    find and the open word lists that shape a rule (what may open a name, what may not)."""

    places: tuple[str, ...]
    regions: tuple[str, ...]
    first_names: tuple[str, ...]
    agencies: tuple[str, ...]
    outlets: tuple[str, ...]
    substances: tuple[str, ...]
    org_heads_ru: tuple[str, ...]
    org_heads_kk: tuple[str, ...]
    org_adjectives_ru: tuple[str, ...]
    generic_by_phrases_ru: tuple[str, ...]
    not_in_org_name_kk: tuple[str, ...]
    people_in_org_kk: tuple[str, ...]
    not_first_names: tuple[str, ...]
    not_count_after: tuple[str, ...]
    street_names: tuple[str, ...]
    drug_classes: tuple[str, ...]


def load_gazetteers(directory: Path = DATA_DIR) -> Gazetteers:
    """All gazetteers from ``directory``; raises :class:`InputError` for a missing or bad one."""
    return Gazetteers(*(load_gazetteer(directory / f"{name}.txt") for name in Gazetteers._fields))


@functools.cache
def load_gazetteer(path: Path) -> tuple[str, ...]:
    """The entries of one gazetteer file, in file order.

    >>> "Талдыкорган" in load_gazetteer(DATA_DIR / "places.txt")
    True
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: gazetteer not found; restore it or remove its name") from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not UTF-8 ({error.reason}); save the gazetteer as UTF-8"
        ) from None
    entries: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        _check_entry(entry, path=path, number=number, seen=entries)
        entries[entry] = number
    if not entries:
        raise InputError(f"{path}: gazetteer has no entries; add one entry a line")
    return tuple(entries)


def _check_entry(entry: str, *, path: Path, number: int, seen: dict[str, int]) -> None:
    if entry in seen:
        raise InputError(f"{path}, line {number}: {entry!r} repeats line {seen[entry]}; drop one")
    if "  " in entry or "\t" in entry:
        raise InputError(f"{path}, line {number}: {entry!r} has a tab or double space")
