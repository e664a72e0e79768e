"""LOC: named places: countries, regions, cities, districts.

An administrative word that is part of the name is inside (``Алматинской области``,
``области Жетісу``, ``Жетісу облысында``); a bare place takes its endings inside
(``Алматыда``, ``Астане``). Places come from the ``places``/``regions`` gazetteers;
Russian regions and districts named by an adjective are found by their shape, so a
district not listed (``Карасайском районе``) is still found.
"""

from curate.data import Gazetteers
from curate.rules.grammar import (
    CAPITALISED,
    KK_ENDING,
    SPACE,
    UPPER,
    Rule,
    any_case,
    inflected,
    rule,
    trie,
)

_RU_AREA = r"(?:област(?:ь|и|ью|ям|ях)|район(?:а|у|е|ом|ы|ов)?|округ(?:а|у|е|ом)?)"
_KK_AREA = rf"(?:облыс|аудан)(?:{KK_ENDING})?"
#: A Russian place adjective: Алматинской, Восточно-Казахстанская, Карасайском.
RU_PLACE_ADJECTIVE = (
    rf"[{UPPER}][а-яё]+(?:-[{UPPER}][а-яё]+)?(?:ск|цк)(?:ая|ой|ую|ою|ий|ого|ому|им|ом)"
)


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Regions with their area word, listed places, and place-adjective regions."""
    regions = inflected(gazetteers.regions)
    region_base = trie(gazetteers.regions)
    return [
        rule(
            "loc_region_area_word",
            "LOC",
            rf"{trie(any_case(['области', 'область', 'областью']))}{SPACE}{regions}"
            rf"|{region_base}{SPACE}{_KK_AREA}",
            0.95,
        ),
        rule(
            "loc_region_adjective",
            "LOC",
            rf"(?=[{UPPER}][а-яё-]++{SPACE}(?:област|район|округ)){RU_PLACE_ADJECTIVE}{SPACE}{_RU_AREA}",
            0.9,
        ),
        rule("loc_kk_district", "LOC", rf"{CAPITALISED}{SPACE}{_KK_AREA}", 0.75),
        rule("loc_gazetteer", "LOC", inflected(gazetteers.places), 0.95),
    ]
