"""The building blocks of the rule grammars: the :class:`Rule` record and regex pieces.

A rule is a named regex over the article text whose match is one whole-token span of one
label. Pieces here are shared by every label family: the gap between a span's tokens
(:data:`SPACE`, never a line break), the end of a word (:data:`WORD_END`) and of a token
(:data:`END`, the tokens of :mod:`curate.tokens`), word tries, and the case endings that
keep Kazakh and Russian endings inside a span.
"""

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from curate.labels import LANGUAGES, Label

LANGS: frozenset[str] = frozenset(LANGUAGES)
#: The languages of a rule written for one of them.
RU: frozenset[str] = frozenset({"ru"})
KK: frozenset[str] = frozenset({"kk"})


class Rule(NamedTuple):
    """One named pattern proposing spans of one label; ``name`` is the span's ``rule``.

    ``pattern`` starts where the span starts (at a token start) and ends at a token end;
    it has no named groups (the extractor names each rule's group). ``score`` says how sure
    the rule is: a gazetteer hit > a pattern > a capitalised-word guess.
    """

    name: str
    label: Label
    pattern: str
    score: float
    langs: frozenset[str] = LANGS


UPPER = "А-ЯЁӘІҢҒҮҰҚӨҺA-Z"
LOWER = "а-яёәіңғүұқөһa-z"
#: A capitalised word (possessive: a word is never given back letter by letter).
CAPITALISED = rf"[{UPPER}][{LOWER}]++(?:-[{UPPER}]?[{LOWER}]++)?+"
#: The word ends here: no letter or digit follows (a hyphen, a dot or a space may).
WORD_END = r"(?![^\W_])"
#: A part joined to a token by a hyphen or an apostrophe (``500-ден``, ``ІІМ-нің``).
JOINED_PART = r"[-‑'’][^\W_]"
#: The span ends at a token end: no letter, digit or joined part follows.
END = rf"{WORD_END}(?!{JOINED_PART}|\.[^\W\d_])"
#: The gap between two tokens of a span: one space, as a news text writes it, and never a
#: line break (a title does not run into the first sentence).
SPACE = r"[ \u00a0]"

#: The state after a Kazakhstan body or code: ``МВД РК``, ``УК Республики Казахстан``, ``ҚР``.
STATE = rf"(?:РК|ҚР|Республики{SPACE}Казахстан)"
#: Kazakh plural suffixes (``облыстар``, ``министрліктер``).
KK_PLURAL = "(?:лар|лер|дар|дер|тар|тер)"
#: The Kazakh suffix that makes an adjective of a noun (``Ұлттық``, ``литрлік``, ``қылмыстық``).
KK_ADJECTIVE_SUFFIXES = ("лық", "лік", "дық", "дік", "тық", "тік")
#: An emphatic after a word in the genitive, which stays inside the word's span: a place's
#: (``Алматының өзінде`` "in Almaty alone", K104) or a period's (``Соңғы 5 айдың өзінде``
#: "in the last 5 months alone", K48).
KK_EMPHATIC_AFTER_GENITIVE = rf"(?<=[ндт][ыі]ң){SPACE}өз(?:інде|інен|іне|і){WORD_END}"
#: Adverbs that open a Kazakh sentence and name nothing, before a capitalised word or an area
#: word ("also", "so", "for example", "however", "thus", "therefore").
KK_SENTENCE_ADVERBS = ("Сондай-ақ", "Сонымен", "Мәселен", "Алайда", "Дегенмен", "Осылайша",
                       "Сондықтан")  # fmt: skip
#: Kazakh "and" between two words of a list (``3 және 5 жылға``, ``LSD мен MDMA``).
KK_AND = "(?:және|мен|бен|пен)"
#: Kazakh ordinals, first to tenth (``төртінші бөлігі`` "its fourth part").
KK_ORDINALS = ("бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші",
               "сегізінші", "тоғызыншы", "оныншы")  # fmt: skip

#: Russian noun endings after a stem (``Астан|е``, ``Куатбек|а``, ``прекурсор|ов``).
RU_NOUN_ENDING = r"(?:ами|ями|ого|его|ому|ему|ой|ей|ою|ом|ем|ём|ам|ям|ах|ях|ов|ев|ы|и|а|я|у|ю|е)"
#: Russian adjective endings in every gender, number and case after the stem
#: (``синтетическ|их``, ``Центральн|ой``, ``Карагандинск|ом``).
RU_ADJECTIVE_ENDING = (
    r"(?:ыми|ими|ого|его|ому|ему|ая|яя|ой|ей|ую|юю|ою|ею|ый|ий|ым|им|ом|ем|ое|ее|ые|ие|ых|их)"
)
#: Kazakh case endings (``келіден``, ``мыңға``, ``Науатовтың``).
KK_CASE_ENDING = (
    # ``-дағы`` "at" may take the plural, "those at" (``министрлігіндегілер``, K108)
    r"(?:[ыі]?(?:н|ны|ні|ның|нің|нан|нен|на|не|нда|нде|ндағы(?:лар)?|ндегі(?:лер)?)"
    r"|[дтн]?(?:ың|ің|ан|ен|ға|ге|қа|ке|а|е|ы|і|да|де|та|те|дағы|дегі|тағы|тегі)"
    r"|[дтн](?:ан|ен)|[бмп]ен|[дт][ае]й|ша|ше)"
)
#: Kazakh endings after a stem: plural, possessive, case (``облысында``, ``Науатовтың``).
KK_ENDING = (
    rf"(?:{KK_PLURAL}?(?:с?[ыі]н?)?{KK_CASE_ENDING}"
    rf"|{KK_PLURAL}(?:с?[ыі])?|с?[ыі])"
)


def trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words`` with common prefixes factored (fast to fail).

    >>> trie(["кокаин", "кодеин", "героин"])
    '(?:героин|ко(?:деин|каин))'
    >>> bool(re.fullmatch(trie(["А", "Ала", "Акм", "Аст", "Атб"]), "А"))
    True
    >>> bool(re.fullmatch(trie(["ст.", "стат"]), "ст."))
    True
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(root) or "(?!)"


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [
        re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    if len(branches) > _BRANCHES_BEFORE_CLASS_CHECK:
        # One character-class test rejects a mismatch at once; the alternation alone
        # would compare the character with every branch in turn.
        first = "".join(re.escape(char) for char in sorted(node) if char)
        body = f"(?:(?=[{first}]){body})"
    return body + "?" if "" in node else body


_BRANCHES_BEFORE_CLASS_CHECK = 3


#: Kazakh endings after a hyphen on a number or an abbreviation (``500-ден``, ``ІІМ-нің``).
HYPHEN_ENDING = "-" + trie(
    ("ден", "дан", "тен", "тан", "нен", "нан", "ге", "ға", "ке", "қа", "не", "на", "де", "да",
     "те", "та", "нде", "нда", "ні", "ны", "ді", "ды", "ті", "ты", "н", "нің", "ның", "дің",
     "дың", "тің", "тың", "мен", "бен", "пен", "дей", "дай", "тей", "тай", "і", "ы", "сі", "сы",
     "дағы", "дегі", "тағы", "тегі",
     # a collective numeral's possessive (``4-уі`` for ``төртеуі`` "four of them")
     "уі", "еуі", "ауы", "уы",
     # the possessive "of them" with a case (``345-іне қатысты`` "concerning 345 of them")
     *(possessive + case
       for possessives, cases in ((("і", "сі"), ("н", "не", "нен", "нде", "нің", "мен")),
                                  (("ы", "сы"), ("н", "на", "нан", "нда", "ның", "мен")))
       for possessive in possessives
       for case in cases))
)  # fmt: skip


def several_words(entries: Iterable[str]) -> list[str]:
    """The gazetteer entries of more than one word, to be tried before the rest: an
    alternation takes the first entry that matches, and ``Ресей`` would end ``Ресей
    Федерациясымен`` too soon."""
    return [entry for entry in entries if " " in entry]


def any_case(words: Iterable[str]) -> list[str]:
    """Each word as written and with a capital first letter (it may open a sentence)."""
    found: list[str] = []
    for word in words:
        found.extend(dict.fromkeys((word, word[:1].upper() + word[1:])))
    return found


def inflected(entries: Iterable[str]) -> str:
    """A regex of gazetteer ``entries`` with Russian and Kazakh endings on their last word.

    Abbreviations take a hyphenated Kazakh ending (``ІІМ-нің``); a name ending in a vowel
    declines in Russian from its stem (``Астана`` → ``Астане``) and takes Kazakh endings
    whole (``Астанада``); a name ending in a consonant takes both whole.

    >>> pattern = re.compile(inflected(["Астана", "МВД", "Шымкент", "Нұр-Сұлтан"]) + END)
    >>> words = ("Астане", "Астанада", "МВД-ның", "Шымкентте", "Астанай", "Нұр-Сұлтанда")
    >>> [bool(pattern.fullmatch(word)) for word in words]
    [True, True, True, True, False, True]
    """
    groups: dict[str, list[str]] = {"abbreviation": [], "declines": [], "other": []}
    for entry in entries:
        groups[_inflection_kind(entry)].append(entry)
    alternatives = []
    if groups["abbreviation"]:
        alternatives.append(f"{trie(groups['abbreviation'])}(?:{HYPHEN_ENDING})?")
    if groups["declines"]:
        stems = [entry[:-1] for entry in groups["declines"]]
        alternatives.append(f"{trie(stems)}{RU_NOUN_ENDING}")
        alternatives.append(f"{trie(groups['declines'])}(?:{KK_ENDING})?")
    if groups["other"]:
        alternatives.append(f"{trie(groups['other'])}(?:{RU_NOUN_ENDING}|{KK_ENDING})?")
    return "(?:" + "|".join(alternatives) + ")" if alternatives else "(?!)"


def _inflection_kind(entry: str) -> str:
    last = entry.split()[-1]
    # a hyphenated name declines as a word (``Нұр-Сұлтанда``, ``Нур-Султане``)
    if last.isupper() or not last.replace("-", "").isalpha():
        return "abbreviation"
    if last[-1] in "аяьй" and len(last) > 3:
        return "declines"
    return "other"


def rule(
    name: str,
    label: Label,
    pattern: str | Sequence[str],
    score: float,
    *,
    langs: frozenset[str] = LANGS,
) -> Rule:
    """A :class:`Rule` whose pattern is made to end at a token end.

    A long pattern whose alternatives start differently (upper case, lower case) is best
    given as those alternatives, in priority order: each then ends at a token end on its own
    and the extractor compiles it only for the letters it can start with.
    """
    alternatives = [pattern] if isinstance(pattern, str) else pattern
    return Rule(name, label, "|".join(f"(?:{a}){END}" for a in alternatives), score, langs)
