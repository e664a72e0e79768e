"""LAW: a reference to a legal code, an article of it, or a named law.

``статья 440-1 КоАП``, ``ч. 2 ст. 296 УК РК``, ``по статье 296``, ``Қылмыстық кодекске``,
``Қылмыстық кодекстің 296-бабы``, ``ҚР ҚК 297-бабының 3-бөлігі``, ``299-бап``,
``Закон «О наркотических средствах…»``.
"""

from curate.data import Gazetteers
from curate.rules.grammar import (
    KK_ENDING,
    KK_ORDINALS,
    LOWER,
    SPACE,
    STATE,
    WORD_END,
    Rule,
    any_case,
    rule,
    trie,
)

_STATE = rf"(?:{SPACE}{STATE})?"
#: The state before a Kazakh code: ``ҚР ҚК``, ``Қазақстан Республикасының Қылмыстық кодексі``.
_KK_STATE = rf"(?:(?:ҚР|Қазақстан{SPACE}Республикасы(?:ның)?){SPACE})?"
#: A code by name or abbreviation, in Russian and Kazakh, with its endings.
CODE = (
    r"(?:КоАП|УПК|УИК|УК)(?:-[^\W\d_]{1,6})?" + _STATE
    + "|" + _KK_STATE + r"(?:ҚК|ӘҚБтК|ҚПК|ҚІЖК)(?:-[^\W\d_]{1,6})?"
    + r"|(?:[Уу]головн\w+(?:-[а-я]+)?|[Аа]дминистративн\w+|[Уу]головно-процессуальн\w+)"
    rf"{SPACE}[Кк]одекс\w*" + _STATE
    + rf"|[Кк]одекс\w*{SPACE}об{SPACE}административных{SPACE}правонарушениях" + _STATE
    + "|" + _KK_STATE
    + rf"(?:[Ққ]ылмыстық(?:-процестік|-атқару)?"
    # (the administrative code also without ``туралы``, or with the state after it, or by
    # its short name: ``Әкімшілік құқық бұзушылық кодексінің``, ``… туралы ҚР Кодексінің``,
    # ``Әкімшілік кодекстің``)
    rf"|[Әә]кімшілік(?:{SPACE}құқық{SPACE}?бұзушылық(?:{SPACE}туралы(?:{SPACE}ҚР)?)?)?|[Жж]ер|[Сс]алық)"
    rf"{SPACE}[Кк]одекс(?:{KK_ENDING})?"
    # the Constitution, the law above the codes (``Қазақстан Республикасының Конституциясының
    # 24-бабының``, K132; ``Конституции РК``)
    # (not a street named after it: ``Қазақстан Конституциясы көшесінде``)
    + "|" + _KK_STATE + rf"Конституция(?:{KK_ENDING})?{WORD_END}(?!{SPACE}көше)"
    + rf"|(?<!улиц[аеуы]{SPACE})Конституци(?:я|и|ю|ей){_STATE}(?!{SPACE}көше)"
)  # fmt: skip
_ARTICLE_NUMBER = r"\d+(?:-\d+)*"
#: More articles of the same code before the last one's noun (``297 және 298-баптары``,
#: ``статьям 297 и 298 УК``): one reference, one span, as two days of one month are one
#: DATE (R15).
_KK_MORE_NUMBERS = rf"(?:{_ARTICLE_NUMBER}(?:,{SPACE}?|{SPACE}және{SPACE}|{SPACE}мен{SPACE}))*"
_RU_MORE_NUMBERS = rf"(?:(?:,|{SPACE}и){SPACE}{_ARTICLE_NUMBER})*"
#: A Kazakh article, part or paragraph number with its noun: ``297-бабының``, ``3-бөлігі``,
#: ``2-тармағы``; the noun may be a separate word (``297 бап``).
_KK_ARTICLE = (
    rf"{_KK_MORE_NUMBERS}{_ARTICLE_NUMBER}(?:-{SPACE}?|{SPACE})"
    rf"(?:бап(?:тар[^\W\d_]*|қа|та|тан|пен|тың|ты)?|бабы[^\W\d_]*)"
)
#: Its parts and paragraphs, by number or in words (``3-бөлігі``, ``1-1-бөлігі``, ``төртінші
#: бөлігі``), the first maybe after a comma (``189-бабы, 2-тармағының 4-бөлігі``).
_KK_PART_OR_POINT = (
    rf"(?:{_ARTICLE_NUMBER}(?:-|{SPACE})|{trie(KK_ORDINALS)}{SPACE})(?:бөлі|тарма)[^\W\d_]*"
)
_KK_SUBDIVISION = rf"(?:,?{SPACE}{_KK_PART_OR_POINT})?(?:{SPACE}{_KK_PART_OR_POINT})?"


_RU_ARTICLE_WORD = trie(
    any_case(["статья", "статьи", "статье", "статью", "статьей", "статьям", "статей",
              "статьями", "статьях", "ст."])
)  # fmt: skip
_RU_PART_WORD = trie(any_case(["часть", "части", "частью", "ч."]))
_RU_POINT_WORD = trie(any_case(["пункт", "пункта", "пунктом", "пункте", "п."]))
#: ``ч. 2``, ``ч.2``: a space after a full word, maybe none after an abbreviation.
_RU_NUMBER = rf"{SPACE}?{_ARTICLE_NUMBER}"
#: A Russian article with its point and parts: ``п. 1 ч. 2 ст. 296``, ``статье 297 часть 3``.
_RU_ARTICLE = (
    rf"(?:{_RU_POINT_WORD}{_RU_NUMBER}{SPACE})?(?:{_RU_PART_WORD}{_RU_NUMBER}{SPACE})?"
    rf"{_RU_ARTICLE_WORD}{_RU_NUMBER}{_RU_MORE_NUMBERS}(?:{SPACE}{_RU_PART_WORD}{_RU_NUMBER})?"
)
#: A law by its name in quotation marks: ``Закон РК «О наркотических средствах…»``,
#: ``«Есірткі … туралы» ҚР Заңы``, laws listed before one plural noun (``«Білім туралы» және
#: «Неке … туралы» заңдардың``: one span, K139); not a bill (``… туралы» заң жобасы``,
#: ``законопроект``, K132).
_KK_LAW_NAME = rf"«[^»\n]{{3,200}}{SPACE}туралы»"
_NAMED_LAW = (
    rf"[Зз]акон(?:а|у|ом|е)?{_STATE}{SPACE}«[^»\n]{{3,200}}»"
    rf"|(?:{_KK_LAW_NAME}(?:,|{SPACE}және|{SPACE}мен){SPACE})*"
    rf"{_KK_LAW_NAME}{SPACE}(?:ҚР{SPACE})?[Зз]аң[^\W\d_]*(?!{SPACE}жоба)"
)
#: An article without its code (``по статье 297``, ``297-бабы бойынша``); not ``в статье
#: 12 человек``, where a word or number follows the Russian one.
#: Criminal legislation named before an article of it stands for the code
#: (``Қылмыстық заңнаманың 297-бабының``); alone it is the generic word.
_KK_LEGISLATION = rf"{_KK_STATE}[Ққ]ылмыстық{SPACE}заңнама(?:{KK_ENDING})?"
_BARE_ARTICLE = rf"{_RU_ARTICLE}(?!{SPACE}+[{LOWER}\d])|{_KK_ARTICLE}{_KK_SUBDIVISION}"


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """An article of a code (with or without the code), a code alone, a named law."""
    return [
        rule("law_article_ru", "LAW", rf"{_RU_ARTICLE}{SPACE}(?:{CODE})", 0.95),
        rule(
            "law_article_kk",
            "LAW",
            rf"(?:{CODE}|{_KK_LEGISLATION}){SPACE}{_KK_ARTICLE}{_KK_SUBDIVISION}",
            0.95,
        ),
        rule("law_code", "LAW", CODE, 0.9),
        rule("law_named", "LAW", _NAMED_LAW, 0.9),
        rule("law_article_bare", "LAW", _BARE_ARTICLE, 0.8),
    ]
