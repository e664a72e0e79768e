"""LAW: a reference to a legal code, an article of it, or a named law.

``статья 440-1 КоАП``, ``ч. 2 ст. 296 УК РК``, ``Қылмыстық кодекске``, ``Қылмыстық
кодекстің 296-бабы``, ``Закон «О наркотических средствах…»``.
"""

from curate.data import Gazetteers
from curate.rules.grammar import KK_ENDING, SPACE, Rule, any_case, rule, trie

_STATE = r"(?:\s(?:РК|Республики\sКазахстан|ҚР))?"
#: A code by name or abbreviation, in Russian and Kazakh, with its endings.
CODE = (
    r"(?:КоАП|УПК|УИК|УК|ҚК|ӘҚБтК|ҚПК)(?:-[^\W\d_]{1,6})?" + _STATE
    + r"|(?:[Уу]головн\w+(?:-[а-я]+)?|[Аа]дминистративн\w+|[Уу]головно-процессуальн\w+)"
    r"\sкодекс\w*" + _STATE
    + r"|[Кк]одекс\w*\sоб\sадминистративных\sправонарушениях" + _STATE
    + r"|(?:ҚР\s)?(?:[Ққ]ылмыстық(?:-процестік)?|[Әә]кімшілік\sқұқық\sбұзушылық\sтуралы)"
    rf"\sкодекс(?:{KK_ENDING})?"
)  # fmt: skip
_ARTICLE_NUMBER = r"\d+(?:-\d+)*"


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """An article of a code, a code alone, a named law."""
    article = trie(any_case(["статья", "статьи", "статье", "статью", "статьей", "ст."]))
    part = trie(any_case(["часть", "части", "частью", "ч."]))
    return [
        rule(
            "law_article_ru",
            "LAW",
            rf"(?:{part}{SPACE}{_ARTICLE_NUMBER}{SPACE})?{article}{SPACE}{_ARTICLE_NUMBER}"
            rf"(?:{SPACE}(?:{part}){SPACE}{_ARTICLE_NUMBER})?{SPACE}(?:{CODE})",
            0.95,
        ),
        rule(
            "law_article_kk",
            "LAW",
            rf"(?:{CODE}){SPACE}{_ARTICLE_NUMBER}-(?:бап|баб)[^\W\d_]*"
            rf"(?:{SPACE}{_ARTICLE_NUMBER}-(?:бөлі|тарма)[^\W\d_]*)?",
            0.95,
        ),
        rule("law_code", "LAW", CODE, 0.9),
        rule(
            "law_named",
            "LAW",
            r"[Зз]акон(?:а|у|ом|е)?(?:\s(?:РК|Республики\sКазахстан))?\s«[^»\n]{3,200}»"
            r"|«[^»\n]{3,200}\sтуралы»\s(?:ҚР\s)?[Зз]аң[^\W\d_]*",
            0.9,
        ),
    ]
