"""ORG: named organisations, agencies, units, media outlets and companies.

The longer full name wins and keeps its place words: ``Департамента полиции Алматы``,
``Комитета по противодействию наркопреступности МВД РК``, ``Алматы қалалық Полиция
департаменті``. A Russian name is head first (a head noun from ``org_heads_ru`` and its
complement); a Kazakh name is head last (words ending in a head from ``org_heads_kk``).
A head alone (``Комитетом``, ``Прокуратураның``) is not a name.
"""

from curate.data import Gazetteers
from curate.rules.grammar import KK_ENDING, SPACE, UPPER, Rule, any_case, inflected, rule, trie
from curate.rules.places import RU_PLACE_ADJECTIVE

RU = frozenset({"ru"})
KK = frozenset({"kk"})

#: Adjectives that open a Russian agency name before its head (``региональной Службе``).
_RU_ORG_ADJECTIVES = (
    "региональн", "областн", "городск", "районн", "республиканск", "межрегиональн",
    "территориальн", "центральн", "национальн", "генеральн", "верховн", "антикоррупционн",
    "пограничн", "таможенн", "миграционн", "специализированн", "межведомственн",
)  # fmt: skip
_ADJECTIVE_ENDING = r"(?:ой|ого|ому|ым|ый|ий|ая|ое|ые|ых|ую|ом)"
#: Heads that name an agency even in lower case (``министерством культуры``).
_RU_LOWER_HEADS = ("министерств", "агентств")
#: A complement word: genitive-like endings of nouns and adjectives, not a past-tense verb.
_RU_COMPLEMENT_WORD = (
    r"(?:дел|[а-яё]+(?:-[а-яё]+)?(?:ых|их|ой|ей|ого|его|ии|ия|ости|ций|ний|ства|ств|ов|ев|ы|и))"
    r"(?<!л[иаоы])(?![^\W_])"
)


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Kazakh and Russian agency names, abbreviations with their place, outlets, companies."""
    agencies = inflected(gazetteers.agencies)
    places = inflected(gazetteers.places)
    place = rf"(?:{places}|{RU_PLACE_ADJECTIVE}{SPACE}област\w+|г\.{SPACE}?{places})"
    state = r"(?:РК|ҚР|Республики\sКазахстан)"
    complement_item = (
        rf"(?:по{SPACE}(?:[а-яё]+(?:ому|ему|ой|ей|ым|им){SPACE})?[а-яё]+"
        rf"|и{SPACE}{_RU_COMPLEMENT_WORD}|{_RU_COMPLEMENT_WORD}"
        rf"|{agencies}|{state}|{place})"
    )
    return [
        rule("org_kk_head_last", "ORG", _kk_head_last(gazetteers), 0.75, langs=KK),
        rule(
            "org_ru_head_first",
            "ORG",
            rf"{_ru_head(gazetteers)}(?:{SPACE}{complement_item}){{1,6}}"
            rf"|{trie(a.capitalize() for a in _RU_ORG_ADJECTIVES)}{_ADJECTIVE_ENDING}{SPACE}"
            rf"{trie(h.lower() for h in gazetteers.org_heads_ru)}[а-яё]{{0,4}}(?![^\W_])"
            rf"(?:{SPACE}{complement_item}){{0,6}}",
            0.8,
            langs=RU,
        ),
        rule(
            "org_abbreviation_place",
            "ORG",
            rf"(?:ҚР{SPACE})?{agencies}{SPACE}(?:{state}|{place}|по{SPACE}{place})",
            0.9,
        ),
        rule("org_gazetteer", "ORG", rf"(?:ҚР{SPACE})?{agencies}", 0.95),
        rule("org_outlet", "ORG", inflected(gazetteers.outlets), 0.95),
        rule(
            "org_web_address",
            "ORG",
            r"[A-Za-z][A-Za-z0-9-]*\.(?:kz|KZ|ru|RU|com|COM|org|ORG|net|uz|UZ|kg|KG)",
            0.85,
        ),
    ]


def _ru_head(gazetteers: Gazetteers) -> str:
    """A Russian head noun, capitalised or one of the few written in lower case, with an
    optional adjective before it (``региональной Службе``)."""
    heads = trie(gazetteers.org_heads_ru)
    lower_heads = trie(_RU_LOWER_HEADS)
    adjective = rf"(?:{trie(any_case(_RU_ORG_ADJECTIVES))}){_ADJECTIVE_ENDING}{SPACE}"
    return rf"(?:{adjective})?(?:{heads}|{lower_heads})[а-яё]{{0,4}}(?![^\W_])"


def _kk_head_last(gazetteers: Gazetteers) -> str:
    """A capitalised word, up to four words, and a head (``Ұлттық банк``, ``Президент
    Әкімшілігінің``); a head in the genitive may be followed by another
    (``басқармасының бағдарламалық офисі``). The shortest such name wins. The first word
    is not in the dative, locative, ablative or instrumental (``Отырысқа`` "to the
    meeting" opens no name; ``-дан``/``-тан`` are left out for ``Қазақстан``).
    """
    heads = list(gazetteers.org_heads_kk)
    voiced = [h[:-1] + {"к": "г", "қ": "ғ"}[h[-1]] for h in heads if h[-1] in "кқ"]
    head = (
        rf"(?:{trie(any_case(heads))}{KK_ENDING}|{trie(any_case(voiced))}{KK_ENDING}"
        rf"|{_AFTER_ADJECTIVE}{trie(any_case(heads))})(?![^\W_])"
    )
    word = r"[^\W\d_]++(?:-[^\W\d_]++)?+"
    start = rf"[{UPPER}][^\W\d_]*+(?:-[^\W\d_]++)?+{_NOT_OBLIQUE}"
    chain = rf"(?:(?<=ның|нің|дың|дің|тың|тің)(?:{SPACE}{word})?{SPACE}{head})?"
    return rf"{start}(?:{SPACE}{word}){{0,4}}?{SPACE}{head}{chain}"


#: Before a head without an ending: an adjective (``Ұлттық банк``, ``Бас прокуратура``);
#: after a noun the head takes the possessive (``ақпарат министрлігі``, not ``кеңес өткізді``).
_AFTER_ADJECTIVE = (
    "(?:"
    + "|".join(
        rf"(?<={ending}\s)"
        for ending in (
            "лық",
            "лік",
            "дық",
            "дік",
            "тық",
            "тік",
            "ғы",
            "гі",
            "қы",
            "кі",
            "Бас",
            "бас",
        )
    )
    + ")"
)
#: After a word: it does not end in a Kazakh oblique case ending (dative, locative, ...).
_NOT_OBLIQUE = "".join(
    f"(?<!{ending})"
    for ending in ("қа", "ға", "ке", "ге", "да", "де", "та", "те", "нан", "нен", "ден", "тен",
                   "мен", "бен", "пен")
)  # fmt: skip
