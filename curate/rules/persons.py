"""PER: a person's name, full or the surname alone; titles and posts stay outside.

A full name is a first name (``first_names`` gazetteer) and a surname, or two capitalised
words the second of which has a surname ending (-ов, -ев, -ова, -ин, -ұлы, -қызы, -кызы,
...), with the Kazakh or Russian case ending inside (``Қуатбек Науатовтың``). After its
first full mention a surname alone is a person too (``сообщил Науатов``,
``Жақсыбекұлының``): :func:`repeated_surnames` finds those in a second, per-document pass.
A Kazakh ``-ұлы``/``-қызы`` surname is a person even alone (``деді Нұрланқызы``), and the
same word between a first name and a surname is a patronymic (``Бауыржан Ахметұлы
Тоқтаров``).
"""

import functools
import re
from collections.abc import Iterable

from curate.data import Gazetteers
from curate.rules.grammar import (
    CAPITALISED,
    END,
    KK_ENDING,
    LOWER,
    RU_NOUN_ENDING,
    SPACE,
    UPPER,
    WORD_END,
    Rule,
    inflected,
    rule,
    trie,
)

REPEATED_SURNAME = "per_repeated_surname"

_SURNAME_SUFFIX = (
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|ұлы|улы|қызы|кызы"
    r"|енко|швили|дзе|ян)"
)
_RU_SURNAME_CASE = r"(?:а|у|ым|ом|е|ой|ою|ых|ыми|ого|ому|им)"
#: A surname: a capitalised word with a surname ending and maybe a case ending after it.
SURNAME = (
    rf"[{UPPER}][{LOWER}]+{_SURNAME_SUFFIX}(?:{_RU_SURNAME_CASE}|{KK_ENDING})?"
    rf"(?:-[{UPPER}][{LOWER}]+)?{WORD_END}"
)
_PATRONYMIC = rf"[{UPPER}][{LOWER}]+(?:ович|евич|овна|евна|ична|вна)[{LOWER}]{{0,3}}"
#: Kazakh patronymic-style names, also surnames: ``Ахметұлы``, ``Нұрланқызы``, ``Серикулы``.
_KK_PATRONYMIC_SUFFIX = r"(?:ұлы|қызы|улы|кызы)"
_KK_PATRONYMIC = rf"[{UPPER}][{LOWER}]+{_KK_PATRONYMIC_SUFFIX}"
#: Such a word alone, with its ending: a surname even without a first name before it
#: (``деді Нұрланқызы``). ``-улы`` needs a longer stem: ``Қайғулы``, ``Акулы`` are words.
#: Not a name that names a place or a thing (``пункт пропуска им. Б. Конысбаева``, R26;
#: ``Б. Момышұлы атындағы көше``, a street or an avenue: ``Н.Әбдіров көшесінде``, K115; a
#: university: ``Мақсұт Нәрікбаев университеті``, an ORG, K130).
_NOT_NAMED_AFTER = r"(?<!им\. )(?<!имени )"
_CAPITALISED_WORDS = rf"[{UPPER}][^\W\d_]*(?:{SPACE}[{UPPER}][^\W\d_]*){{0,2}}"
_NOT_NAMED_BEFORE = (
    rf"(?!{SPACE}(?:атындағы|аудан|көше|даңғыл|университет|академия)"
    # nor the museum named after one (``Мәншүк Мәметова мұражайына``; ``Мәметованың
    # мұражай-үйі`` is her house-museum, she is its owner)
    rf"|(?<!ның)(?<!нің){SPACE}(?:мұражай|музей)"
    # nor the first of two streets at a crossing (``М.Шолохов пен Ғ.Құрманғалиев
    # көшелерінің``, K134)
    rf"|{SPACE}(?:пен|мен|бен|және){SPACE}\S+{SPACE}көше"
    # nor one in a list of streets (``Горький, Кәрім Сүтішев, Пушкин және Қазақстан
    # Конституциясы көшелерімен``)
    rf"|(?:,{SPACE}{_CAPITALISED_WORDS}){{0,5}}{SPACE}(?:пен|мен|бен|және){SPACE}"
    rf"{_CAPITALISED_WORDS}{SPACE}көше)"
)
_KK_SURNAME_ALONE = (
    rf"(?:[{UPPER}][{LOWER}]+(?:ұлы|қызы|кызы)(?:{KK_ENDING})?"
    rf"|[{UPPER}][{LOWER}]{{4,}}улы(?:{KK_ENDING})?){_NOT_NAMED_BEFORE}"
)
#: A cheap check that two capitalised words follow (most capitalised words open a sentence).
_TWO_CAPITALISED = rf"(?={CAPITALISED}{SPACE}[{UPPER}])"
#: One or two initials before a surname (``Ғ. Әбдірахманов``, ``Л.Н.Гумилев``).
INITIALS = rf"[{UPPER}]\.{SPACE}?(?:[{UPPER}]\.{SPACE}?)?"


#: Second words of state names that look like surnames (``Соединенных Штатов``, ``Ресей
#: Федерациясына``): the capitalised-word guess never takes them.
_NOT_STATE_WORD = trie(("Федерац", "Штат", "Республик", "Королевств", "Эмират", "Корольдіг"))
#: ``Викторович``; ``Ахметұлы`` only before a surname, else it is the surname itself.
_MAYBE_PATRONYMIC = rf"(?:{SPACE}(?:{_PATRONYMIC}|{_KK_PATRONYMIC}(?={SPACE}{SURNAME})))?"
#: A surname with initials before or after it: ``Ғ. Тлеубаева``, ``Асылов Б.Н.``.
_INITIALS_SURNAME = (
    rf"{_NOT_NAMED_AFTER}(?:{INITIALS}{SURNAME}|(?={CAPITALISED}{SPACE}[{UPPER}]\.)"
    rf"{SURNAME}{SPACE}[{UPPER}]\.(?:{SPACE}?[{UPPER}]\.)?){_NOT_NAMED_BEFORE}"
)


#: Words after which a capitalised word with a surname ending is a surname alone, at its
#: first mention: speech verbs (``сообщил Науатов``, ``деді Асылов``) and posts written
#: before a name (``департамент бастығы Асылов``).
_SPEECH_CUES = (
    "сообщил", "отметил", "рассказал", "пояснил", "заявил", "подчеркнул", "добавил",
    "сказал", "уточнил", "прокомментировал",
)  # fmt: skip
_SPEECH_CUES_KK = (
    "деді", "айтты", "хабарлады", "мәлімдеді", "түсіндірді", "атап өтті", "мәлім етті",
    "бастығы", "басшысы", "орынбасары", "төрағасы", "сұрады", "депутат", "депутаты", "министрі",
)  # fmt: skip
#: A reporter's post, after which two capitalised words are the reporter's name, listed or
#: not (``Almaty.tv тілшісі Мерей Бает``, ``корреспондент Айгерим Сапар``); one capitalised
#: word there is a place more often than a name (``тілшісі Астанадан``).
_REPORTERS = ("тілшісі", "тілшіміз", "корреспондент", "корреспондента", "журналист")
#: Ranks, after which any capitalised word is a name (``полковник Жаксыбеков``,
#: ``подполковник полиции Ахметов``, ``полиция полковнигі Серікбаев``).
_RANKS = (
    "генерал-майор", "генерал-лейтенант", "генерал", "полковник", "подполковник", "майор",
    "капитан", "лейтенант", "сержант", "прапорщик",
)  # fmt: skip
_RANK_CASES = ("", "а", "у", "ом", "е")
_RANKS_KK = (
    "генерал-майоры", "полковнигі", "подполковнигі", "майоры", "капитаны", "лейтенанты",
    "сержанты",
)  # fmt: skip
_SERVICES = ("", " полиции", " юстиции", " финансовой полиции")


def after_words(words: Iterable[str]) -> str:
    """A look-behind for a whole word of ``words`` and one space just before the match.

    Python's look-behind takes one width, so the words go in one look-behind per length.

    >>> pattern = re.compile(after_words(["деді", "сообщил"]) + "[А-Я]")
    >>> [bool(pattern.search(text)) for text in ("деді А", "сообщил Б", "передеді В")]
    [True, True, False]
    """
    by_length: dict[int, list[str]] = {}
    for word in dict.fromkeys(words):
        by_length.setdefault(len(word), []).append(re.escape(word))
    return (
        "(?:"
        + "|".join(
            rf"(?<=(?<![^\W_])(?:{'|'.join(sorted(group))})[ \u00a0])"
            for _, group in sorted(by_length.items())
        )
        + ")"
    )


def _cued_surname(gazetteers: Gazetteers) -> str:
    """A surname alone at its first mention, after a speech verb, a post or a rank (after a
    rank with its initials: ``аға лейтенанты М.Байхан``)."""
    ranks = [
        f"{rank}{case}{service}" for rank in _RANKS for case in _RANK_CASES for service in _SERVICES
    ] + list(_RANKS_KK)
    speech = [form for cue in _SPEECH_CUES for form in (cue, cue + "а", cue + "и")] + list(
        _SPEECH_CUES_KK
    )
    not_name = rf"(?!{trie(gazetteers.not_first_names)}{WORD_END})"
    return (
        rf"{after_words(speech)}{_not_place_adjective(gazetteers)}{SURNAME}"
        rf"|{after_words(ranks)}{not_name}(?:{INITIALS})?(?:{SURNAME}|{CAPITALISED}{WORD_END})"
    )


def _not_place_adjective(gazetteers: Gazetteers) -> str:
    """Not an adjective made from a listed place, which has a surname's ``-ский`` ending:
    ``сообщил Павлодарский областной суд``, ``заявил Казахстанский центр``."""
    stems = sorted({place[:5] for place in gazetteers.places if place.isalpha() and len(place) > 4})
    return rf"(?!{trie(stems)}[{LOWER}]*(?:ск|цк)[{LOWER}]{{1,3}}{WORD_END})"


@functools.cache
def _first_name(gazetteers: Gazetteers) -> str:
    """A listed first name with its endings, not a listed place that starts like one
    (``Алмат`` + ``-ы`` is the city ``Алматы``)."""
    names = gazetteers.first_names
    places = [place for place in gazetteers.places if place.startswith(names)]
    not_place = rf"(?!{inflected(places)}{WORD_END})" if places else ""
    return rf"{not_place}{inflected(names)}{WORD_END}"


@functools.cache
def _not_organisation(gazetteers: Gazetteers) -> str:
    """Not the head of an agency's name, which may follow a place name that looks like a
    first name (``в Алматы Департаментом полиции``)."""
    heads = trie(gazetteers.org_heads_ru + tuple(h.capitalize() for h in gazetteers.org_heads_kk))
    return rf"(?!{heads})"


def _capitals_surname(gazetteers: Gazetteers) -> str:
    """A surname in capitals, as a byline or a paper writes it (``Алиса МАСАЛЁВА, Шымкент``,
    ``Роман КИМ``), after a first name; not a listed agency's abbreviation (``Айгуль МВД``)."""
    return rf"(?!{trie(gazetteers.agencies)}{WORD_END})[{UPPER}]{{3,}}(?:-[{UPPER}]+)?{WORD_END}"


def _capitalised_surname(gazetteers: Gazetteers) -> str:
    """A guess: a capitalised word that may be a first name, then a surname."""
    capitalised = rf"(?!{trie(gazetteers.not_first_names)}{WORD_END}){CAPITALISED}"
    return (
        rf"{_TWO_CAPITALISED}{capitalised}{_MAYBE_PATRONYMIC}{SPACE}"
        rf"(?!{_NOT_STATE_WORD}){SURNAME}{_NOT_NAMED_BEFORE}"
    )


#: A name after a slash is a photographer's in a photo credit, page chrome (R1): ``Фото:
#: Kazpravda.kz / Адильбек Тауекелов``, ``Сурет: Ақорда / Ерлан Омаров``; so is a photo
#: editor's (``/ shutterstock, бильд-редактор: Дастан Шанай``, K139).
_NOT_CREDIT = r"(?<!/)(?<!/[ \u00a0])(?<!редактор: )"
#: A correspondent's name in slashes after an agency's dateline, before its dash
#: (``ШЫМКЕНТ. 8 октября. КАЗИНФОРМ /Татьяна Пылаева/ -``, R3).
_BYLINE_IN_SLASHES = (
    rf"(?<=[{UPPER}][ \u00a0]/){CAPITALISED}{SPACE}{CAPITALISED}(?=/[ \u00a0]?[-–—])"
)


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Full names; the repeated surname is a document-level rule (see the extractor)."""
    first_name = _first_name(gazetteers)
    return [
        rule(
            "per_first_name_surname",
            "PER",
            rf"{_NOT_CREDIT}{_NOT_NAMED_AFTER}{first_name}{_MAYBE_PATRONYMIC}{SPACE}"
            rf"{_not_organisation(gazetteers)}(?:{SURNAME}|{CAPITALISED}|{_capitals_surname(gazetteers)})"
            # a patronymic after a surname and first name (``Аскаров Асхат Кенжегалиевич``,
            # ``Ахмет Темірхан Асхатұлы``, K130)
            rf"(?:{SPACE}(?:{_PATRONYMIC}|{_KK_PATRONYMIC}(?:{KK_ENDING})?{WORD_END}))?"
            rf"{_NOT_NAMED_BEFORE}",
            0.9,
        ),
        rule(
            "per_surname_first_name",
            "PER",
            rf"{_NOT_CREDIT}{_TWO_CAPITALISED}{SURNAME}{SPACE}"
            # any first name before a Kazakh patronymic (``Аблазимов Махсудхан Нұғманұлы``, K132)
            rf"(?:{first_name}|{CAPITALISED}(?={SPACE}{_KK_PATRONYMIC}))"
            rf"(?:{SPACE}(?:{_PATRONYMIC}|{_KK_PATRONYMIC}(?:{KK_ENDING})?{WORD_END}))?",
            0.85,
        ),
        rule("per_initials_surname", "PER", _INITIALS_SURNAME, 0.85),
        rule("per_byline_in_slashes", "PER", _BYLINE_IN_SLASHES, 0.8),
        rule(
            "per_capitalised_surname",
            "PER",
            _NOT_CREDIT + _NOT_NAMED_AFTER + _capitalised_surname(gazetteers),
            0.6,
        ),
        rule("per_kk_surname_alone", "PER", _KK_SURNAME_ALONE, 0.7),
        rule("per_cued_surname", "PER", _cued_surname(gazetteers), 0.7),
        rule(
            "per_reporter_name",
            "PER",
            rf"{after_words(_REPORTERS)}(?!{inflected(gazetteers.places)}{WORD_END})"
            rf"{CAPITALISED}{SPACE}{CAPITALISED}{WORD_END}",
            0.6,
        ),
    ]


#: A surname word split into its stem (up to the surname suffix) and a case ending: the
#: shortest stem whose rest is an ending, so ``Жақсыбекұлының`` is ``Жақсыбекұлы`` + ``ның``
#: (not ``Жақсыбекұлын``) and ``Тлеубаева`` is ``Тлеубаев`` + ``а``.
_SURNAME_WORD = re.compile(
    rf"([{UPPER}][{LOWER}]+?(?:ов|ев|ёв|ин|ын|ұлы|улы|қызы|кызы|енко|швили|дзе|ян|ск|цк))"
    rf"(?:{_RU_SURNAME_CASE}|{RU_NOUN_ENDING}|{KK_ENDING}|ий|ая|ую)?"
)


def surname_base(name: str) -> str | None:
    """The surname of a name without its case ending, or None if it has no surname.

    A name of one word is a surname found alone (``сообщил Асылов``); later mentions of it
    are the same person.

    >>> names = ("Қуатбек Науатовтың", "Алия Кибаткызы", "Серік Жақсыбекұлының", "Ғ. Тлеубаева")
    >>> [surname_base(n) for n in names]
    ['Науатов', 'Кибаткызы', 'Жақсыбекұлы', 'Тлеубаев']
    >>> surname_base("Асыловтың"), surname_base("Ким")
    ('Асылов', None)
    """
    words = name.split()
    for word in (words[-1], words[0]):
        match = _SURNAME_WORD.fullmatch(word)
        if match:
            return match.group(1)
    return None


def repeated_surnames(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Where the surnames of ``names`` (full names found in ``text``) stand alone.

    >>> text = "Куатбек Науатов сказал. Науатовтың сөзі"
    >>> [text[s:e] for s, e in repeated_surnames(text, ["Куатбек Науатов"])]
    ['Науатов', 'Науатовтың']
    """
    bases = frozenset(base for name in names if (base := surname_base(name)))
    if not bases:
        return []
    return [
        match.span()
        for match in _surname_pattern(bases).finditer(text)
        if match.start() == 0 or not text[match.start() - 1].isalnum()
    ]


@functools.lru_cache(maxsize=1024)
def _surname_pattern(bases: frozenset[str]) -> re.Pattern[str]:
    # No look-behind before the names: a pattern that opens with letters is searched fast.
    return re.compile(
        rf"{trie(sorted(bases))}"
        rf"(?:{RU_NOUN_ENDING}|{_RU_SURNAME_CASE}|{KK_ENDING}|ий|ая|ую|ого|ому|ым)?{END}"
    )
