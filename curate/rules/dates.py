"""DATE: points and periods of time, absolute or relative, durations included.

``11 марта``, ``2025 жылғы 2 қаңтардағы``, ``девять месяцев этого года``, ``биылғы тоғыз
айда``, ``8 месяцев``, ``прошлого года``, ``биыл``. Prepositions stay outside (``с начала
года`` → ``начала года``); ages are not dates (``52 жастағы``).
"""

from curate.data import Gazetteers
from curate.rules.grammar import KK_ENDING, SPACE, Rule, any_case, rule, trie
from curate.rules.numbers import NUMBER, number_words

RU = frozenset({"ru"})
KK = frozenset({"kk"})

RU_MONTH = (
    r"(?:январ[ьяюе]|феврал[ьяюе]|март[аеу]?|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]"
    r"|август[аеу]?|сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе])(?![^\W_])"
)
KK_MONTH = (
    trie(any_case(["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
                   "қыркүйек", "қазан", "қараша", "желтоқсан"]))
    + rf"(?:{KK_ENDING})?(?![^\W_])"
)  # fmt: skip
#: Words for a stretch of time, in both languages, with their endings.
TIME_UNIT = (
    r"(?:месяц(?:а|ев|ы|ам|ами|ах|е)?|год(?:а|у|ам|ами|ах)?|лет|сут(?:ок|ки)|дн(?:я|ей)|день|недел[иьюяе]"
    r"|час(?:а|ов)?|минут[ы]?|квартал[аеы]?|полугоди[яе]"
    rf"|жыл(?:{KK_ENDING})?|ай(?:да|ға|дан|дың|ы|ын|ында|ындағы|дағы|лық)?|тәулік(?:{KK_ENDING})?"
    rf"|күн(?:{KK_ENDING})?|апта(?:{KK_ENDING})?|сағат(?:{KK_ENDING})?)(?![^\W_])"
)
_YEAR_WORD = r"(?:года|году|годах|годы|год|гг\.|г\.)"
_RU_RELATIVE = (
    r"(?:этого|этом|прошлого|прошлом|текущего|текущем|минувшего|минувшем|нынешнего|нынешнем"
    r"|следующего|следующем|позапрошлого|позапрошлом|того\s+же)"
)
_RU_PERIOD = r"(?:года|году|месяца|месяце|недели|неделе|квартала|квартале|полугодия|полугодии)"
_PERIOD_PART = trie(any_case(["начала", "начале", "конца", "конце", "середины", "середине"]))
_KK_YEAR_PREFIX = r"(?:биылғы|былтырғы|өткен\s+жылғы|осы\s+жылғы|ағымдағы\s+жылғы|өткен\s+жылдың)"


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Day and month, years, durations, and relative dates in Russian and Kazakh."""
    day = r"\d{1,2}(?:-[а-яәіңғүұқөһ]+)?"
    year = r"(?:19|20)\d\d"
    relative_year = rf"{_RU_RELATIVE}{SPACE}года"
    return [
        rule(
            "date_day_month_ru",
            "DATE",
            rf"{day}{SPACE}{RU_MONTH}(?:{SPACE}{year}(?:{SPACE}{_YEAR_WORD})?"
            rf"|{SPACE}{relative_year})?",
            0.95,
            langs=RU,
        ),
        rule(
            "date_day_month_kk",
            "DATE",
            rf"(?:{year}(?:{SPACE}|-)(?:жылғы|жылдың|ж\.){SPACE})?{day}{SPACE}{KK_MONTH}",
            0.95,
            langs=KK,
        ),
        rule(
            "date_year",
            "DATE",
            rf"{year}(?:[-–]{year})?(?:{SPACE}{_YEAR_WORD}|(?:{SPACE}|-)(?:жыл(?:{KK_ENDING})?|ж\.))",
            0.9,
        ),
        rule(
            "date_month_year_ru",
            "DATE",
            rf"{RU_MONTH}{SPACE}(?:{year}(?:{SPACE}{_YEAR_WORD})?|{relative_year})",
            0.9,
            langs=RU,
        ),
        rule(
            "date_duration_ru",
            "DATE",
            rf"(?:{NUMBER}{SPACE}(?:до|[-–]){SPACE})?(?:{NUMBER}|{number_words('ru')}){SPACE}"
            rf"{TIME_UNIT}(?:{SPACE}{_RU_RELATIVE}{SPACE}{_RU_PERIOD})?",
            0.85,
            langs=RU,
        ),
        rule(
            "date_duration_kk",
            "DATE",
            rf"(?:{_KK_YEAR_PREFIX}{SPACE})?(?:{NUMBER}|{number_words('kk')}){SPACE}{TIME_UNIT}",
            0.85,
            langs=KK,
        ),
        rule(
            "date_relative_ru",
            "DATE",
            rf"(?:{_PERIOD_PART}{SPACE}(?:{_RU_RELATIVE}{SPACE})?|{_RU_RELATIVE}{SPACE}){_RU_PERIOD}"
            rf"|{_PERIOD_PART}{SPACE}{year}{SPACE}{_YEAR_WORD}"
            rf"|{trie(any_case(['тот', 'этот', 'тот же', 'этот же']))}{SPACE}"
            r"(?:день|вечер|ночь|утро|период)"
            rf"|{trie(any_case(['вчера', 'сегодня', 'завтра', 'накануне', 'позавчера']))}",
            0.85,
            langs=RU,
        ),
        rule(
            "date_relative_kk",
            "DATE",
            rf"{trie(any_case(['биыл', 'былтыр', 'кеше', 'бүгін', 'ертең', 'бүгінгі күні']))}"
            rf"|{_KK_YEAR_PREFIX}(?:{SPACE}(?:айда|жылы))?"
            rf"|{trie(any_case(['өткен', 'осы', 'ағымдағы', 'биылғы']))}{SPACE}"
            rf"(?:жыл|ай|апта|тоқсан)(?:{KK_ENDING})?"
            rf"|{trie(any_case(['есепті кезең']))}(?:{KK_ENDING})?"
            rf"|{trie(any_case(['жыл басынан', 'жылдың басынан']))}",
            0.85,
            langs=KK,
        ),
        rule("date_month_ru", "DATE", RU_MONTH, 0.6, langs=RU),
        rule(
            "date_month_kk",
            "DATE",
            rf"{KK_MONTH}{SPACE}ай(?:{KK_ENDING})?(?![^\W_])",
            0.9,
            langs=KK,
        ),
    ]
