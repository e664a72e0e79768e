"""Reading raw news articles into clean :class:`~curate.models.Article` records.

A raw article file is a ` date YYYY-MM-DD <title>` header line followed by the body, or a
page scraped with its site chrome (category labels, ``spot_img``, ads, comment forms,
other articles' teasers). :func:`read_articles` gives each one a stable id, a language,
its outlet, a content hash and the cleaned task text (title, newline, body paragraphs),
and gives twins (the same story in Kazakh and Russian) a shared ``story_id``.
"""

import contextlib
import hashlib
import re
from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from curate.errors import InputError, warn
from curate.file_kinds import CORPUS_JSONL, OTHER_JSON, sniff_text
from curate.files import check_output_file, owned_writer
from curate.models import Article, Lang
from curate.tokens import tokens

#: Larger files are refused: a news article is tens of kilobytes.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt",)

KAZAKH_LETTERS = frozenset("әіңғүұқөһӘІҢҒҮҰҚӨҺ")
#: Share of Kazakh-only letters among Cyrillic letters above which a text is Kazakh.
#: Kazakh news runs at 14-17 % (the seeds); Russian has none but in Kazakh names (``Жетісу``).
KAZAKH_SHARE = 0.02

_HEADER = re.compile(r"^\s*date\s+(?P<date>\S+)\s+(?P<title>.+?)\s*$")
_CHROME_LINE = re.compile(
    r"^(?:[-–—\s]*(?:spot_img)+|[-–—\s]*Advertis\w*[-–—\s]*(?:spot_img)*|[-–—•|\s]+)$",
    re.IGNORECASE,
)
#: A line that starts what follows the article: comment form, related news, teasers.
_FOOTER_LINE = re.compile(
    r"^(?:ОСТАВЬТЕ ОТВЕТ|Оставьте (?:ответ|комментарий)|Последние новости|Должен прочитать"
    r"|Вам также может понравиться|Читайте также|Похожие новости|Рекомендованный вам"
    r"|Пікір қалдыру|Соңғы жаңалықтар|Ұқсас жаңалықтар|Тағы оқыңыз)",
    re.IGNORECASE,
)
_OUTLET = re.compile(
    r"(?:переда[её]т|сообщает|пишет|информирует|хабарлайды|жазады)\s+"
    r"(?P<outlet>[A-Za-z][\w-]*\.(?:kz|KZ|ru|RU|com|COM|org|ORG|kg|KG|uz|UZ))"
)


def read_articles(path: Path, *, skip_bad: bool = False) -> list[Article]:
    """Read an article file, a folder of ``*.txt`` articles, or a corpus JSONL, with twins
    given a shared ``story_id``.

    Raises :class:`InputError` naming the file for anything that is not a readable article;
    with ``skip_bad`` such a file (or corpus line) is a warning and is left out instead.
    """
    articles = list(iter_articles(path, skip_bad=skip_bad))
    return articles if _is_corpus(path) else assign_story_ids(articles)


def iter_articles(path: Path, *, skip_bad: bool = False) -> Iterator[Article]:
    """The articles at ``path`` (see :func:`read_articles`) one at a time, in memory flat in
    the corpus size. Articles read from text files are their own story here: pairing twins
    needs them all (:func:`assign_story_ids`); a corpus keeps the story ids it has."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if _is_corpus(path):
        yield from _corpus_articles(path, skip_bad=skip_bad)
        return
    files = article_files(path)
    for file in files:
        try:
            article = read_article_file(file)
        except InputError as error:
            if not skip_bad:
                raise
            warn(f"skipped {error}")
            continue
        yield article


def count_articles(path: Path) -> int:
    """How many articles :func:`iter_articles` will read at ``path``, without reading them
    (a corpus's non-empty lines are counted): a progress bar's total."""
    if not _is_corpus(path):
        return len(article_files(path))
    with _opened_text(path) as lines:
        return sum(1 for line in lines if line.strip())


def article_files(path: Path) -> list[Path]:
    """The article files at ``path``: the ``*.txt`` files of a folder, or the file itself."""
    if not path.is_dir():
        return [path]
    files = sorted(p for p in path.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.is_file())
    if not files:
        raise InputError(f"{path}: no article files (*.txt) in this folder")
    return files


def read_article_file(path: Path) -> Article:
    """One raw article file as an :class:`Article` (its own story)."""
    text = read_article_text(path)
    kind = sniff_text(text)
    if kind is not None:
        raise InputError(
            f"{path}: this is {kind.name}, not an article: give article text files (*.txt), "
            "a folder of them, or a corpus JSONL written by `curate ingest`"
        )
    return parse_article(path.name, text)


def ingest(
    source: Path, output: Path, *, skip_bad: bool = False, force: bool = False
) -> list[Article]:
    """Read ``source`` (see :func:`read_articles`) and write the corpus JSONL atomically;
    a file at ``output`` that curate did not write is never replaced (unless ``force``)."""
    check_output_file(output, force=force)
    articles = read_articles(source, skip_bad=skip_bad)
    with owned_writer(output, force=force) as stream:
        stream.writelines(f"{article.to_json()}\n" for article in articles)
    return articles


def read_corpus(path: Path) -> list[Article]:
    """Read a corpus JSONL written by :func:`ingest`; each line must be a valid Article."""
    return list(_corpus_articles(path, skip_bad=False))


def _is_corpus(path: Path) -> bool:
    return path.suffix == ".jsonl" and not path.is_dir()


def _corpus_articles(path: Path, *, skip_bad: bool) -> Iterator[Article]:
    """The articles of a corpus JSONL, a line at a time."""
    count = 0
    with _opened_text(path) as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                article = Article.model_validate_json(line)
            except ValidationError as error:
                problem = _not_an_article(path, number, line, error)
                if not skip_bad:
                    raise problem from None
                warn(f"skipped {problem}")
                continue
            count += 1
            yield article
    if not count:
        raise InputError(f"{path}: the corpus has no articles")


def _not_an_article(path: Path, number: int, line: str, error: ValidationError) -> InputError:
    kind = sniff_text(line)
    if kind not in (None, CORPUS_JSONL, OTHER_JSON):
        return InputError(
            f"{path}: this is {kind.name}, not a corpus JSONL: give articles (*.txt), a folder "
            "of them, or the corpus JSONL written by `curate ingest`"
        )
    problem = str(error).splitlines()[0] if line.lstrip().startswith("{") else "not JSON"
    return InputError(f"{path}:{number}: not an article record ({problem})")


@contextlib.contextmanager
def _opened_text(path: Path) -> Iterator[Iterator[str]]:
    """The lines of a UTF-8 text file, with one-line errors for a folder or other bytes."""
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a corpus JSONL file")
    try:
        with path.open(encoding="utf-8-sig") as stream:
            yield _decoded_lines(stream, path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or folder") from None


def _decoded_lines(stream: IO[str], path: Path) -> Iterator[str]:
    try:
        yield from stream
    except UnicodeDecodeError:
        raise InputError(
            f"{path}: not UTF-8 text; a corpus JSONL is written by `curate ingest`"
        ) from None


def read_article_text(path: Path) -> str:
    """Decode an article file: UTF-8, else cp1251 (old Kazakh and Russian sites, with a
    warning, since a file in another 8-bit encoding would decode to wrong letters)."""
    if path.is_dir():
        raise InputError(f"{path} is a folder: give an article file")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(
            f"{path}: file is {size / 1024 / 1024:.1f} MiB, larger than an article can be "
            f"({MAX_ARTICLE_BYTES // 1024 // 1024} MiB); split it or check it is the right file"
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError(f"{path}: file is empty")
    if b"\x00" in raw:
        raise InputError(f"{path}: binary file (contains NUL bytes), not a text article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1251", errors="strict") if _looks_cp1251(raw) else None
    if text is None:
        raise InputError(f"{path}: not UTF-8 or cp1251 text; re-save it as UTF-8")
    warn(f"{path}: not UTF-8, read as cp1251 (Cyrillic); re-save it as UTF-8 if letters look wrong")
    return text


def _looks_cp1251(raw: bytes) -> bool:
    """cp1251 Cyrillic text: most high bytes are letters (0xC0-0xFF, Ёё, Kazakh extras)."""
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError:
        return False
    high = [c for c in text if ord(c) > 127]
    cyrillic = sum(1 for c in high if "\u0400" <= c <= "\u04ff")
    return bool(high) and cyrillic / len(high) > 0.9


def parse_article(source_file: str, raw: str) -> Article:
    """Turn one raw article into an Article; ``story_id`` is the article's own id for now."""
    lines = [_clean_line(line) for line in raw.splitlines()]
    cleaning: list[str] = []
    header_date, title, body = _split_header(source_file, lines, cleaning)
    body = _drop_footer(body, cleaning)
    body = [line for line in body if line and not _is_chrome(line, cleaning)]
    if title is None:
        title, body = _recover_title(source_file, body, cleaning)
    if not body and not title:
        raise InputError(f"{source_file}: no article text after removing site chrome")
    text = "\n".join([title, *body])
    article_id = article_id_for(source_file)
    return Article(
        id=article_id,
        source_file=source_file,
        lang=detect_language(text),
        date=header_date,
        title=title,
        text=text,
        outlet=find_outlet(text),
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        story_id=article_id,
        cleaning=cleaning,
    )


def article_id_for(source_file: str) -> str:
    """The stable id: the file name without its suffix, reduced to safe characters.

    Derived from the source, not the content, so an edited article keeps its id and is
    reported as changed rather than added twice.

    >>> article_id_for("000_8862c5cf1237cf20.txt")
    '000_8862c5cf1237cf20'
    """
    return re.sub(r"[^\w.-]+", "_", Path(source_file).stem)


def _clean_line(line: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", line).strip()


def _split_header(
    source_file: str, lines: list[str], cleaning: list[str]
) -> tuple[Date | None, str | None, list[str]]:
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        raise InputError(f"{source_file}: file is empty")
    match = _HEADER.match(lines[first])
    if not match:
        return None, None, lines[first:]
    try:
        header_date = Date.fromisoformat(match["date"])
    except ValueError:
        raise InputError(
            f"{source_file}: malformed header date {match['date']!r}; "
            "expected ' date YYYY-MM-DD <title>'"
        ) from None
    cleaning.append("date header moved to metadata")
    return header_date, match["title"], lines[first + 1 :]


def _drop_footer(lines: list[str], cleaning: list[str]) -> list[str]:
    """The lines before the footer: from the first footer line that follows some article text.

    A footer line before any text is a section heading of the page's navigation
    (``Соңғы жаңалықтар`` above the story), dropped alone: taken for the footer's start, it
    would leave no article at all.
    """
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _FOOTER_LINE.match(line):
            if any(kept):
                removed = len(lines) - index
                cleaning.append(f"removed {removed} lines from {line[:40]!r} on (footer)")
                return kept
            cleaning.append(f"removed navigation heading {line!r} before the article")
            continue
        kept.append(line)
    return kept


def _is_chrome(line: str, cleaning: list[str]) -> bool:
    if _CHROME_LINE.match(line):
        cleaning.append(f"removed chrome line {line!r}")
        return True
    return False


def _recover_title(source_file: str, body: list[str], cleaning: list[str]) -> tuple[str, list[str]]:
    """Title of a page without header: its first line, minus a glued-on category word.

    Scraped pages repeat the title, the first time glued to its category
    (``ОбществоВ МВД усилили…`` then ``В МВД усилили…``): keep the clean repeat.
    """
    if not body:
        raise InputError(f"{source_file}: no title line found after removing site chrome")
    title, rest = body[0], body[1:]
    if rest and rest[0] != title and title.endswith(rest[0]):
        cleaning.append(f"removed category {title[: -len(rest[0])]!r} glued to the title")
        title, rest = rest[0], rest[1:]
    if rest and rest[0] == title:
        cleaning.append("removed repeated title")
        rest = rest[1:]
    cleaning.append("title taken from the first line (no header)")
    return title, rest


def detect_language(text: str) -> Lang:
    """``kk`` when Kazakh-only letters are frequent among Cyrillic letters, else ``ru``.

    >>> detect_language("Алматыда жарты тоннадан астам есірткі тәркіленді")
    'kk'
    >>> detect_language("В области Жетісу задержали 22-летнюю жительницу Алматы с наркотиками")
    'ru'
    """
    cyrillic = [c for c in text if "\u0400" <= c <= "\u04ff"]
    if not cyrillic:
        return "ru"
    kazakh = sum(1 for c in cyrillic if c in KAZAKH_LETTERS)
    return "kk" if kazakh / len(cyrillic) > KAZAKH_SHARE else "ru"


def find_outlet(text: str) -> str | None:
    """The outlet an article credits (``передает NUR.KZ``, ``деп хабарлайды BAQ.KZ``)."""
    match = _OUTLET.search(text)
    return match["outlet"] if match else None


def assign_story_ids(articles: list[Article]) -> list[Article]:
    """Give twins (same date, same distinctive figures) one ``story_id``: the smallest id."""
    figures = {a.id: distinctive_figures(a.text) for a in articles}
    story_of = {a.id: a.id for a in articles}
    for index, first in enumerate(articles):
        for second in articles[index + 1 :]:
            if (
                first.date
                and first.date == second.date
                and _same_figures(figures[first.id], figures[second.id])
            ):
                _merge(story_of, first.id, second.id)
    return [a.model_copy(update={"story_id": _root(story_of, a.id)}) for a in articles]


def distinctive_figures(text: str) -> frozenset[float]:
    """Numbers written with digits, 10 or more and not a year: what twins share.

    >>> sorted(distinctive_figures("В 2025 году изъято 525 кг, 1,5 тыс. карт и 3 тонны"))
    [525.0]
    """
    values = set()
    for token in tokens(text):
        number = re.fullmatch(r"[+\-–−]?(\d[\d\u00a0\u202f ]*(?:,\d+)?)%?(?:-\w+)?", token.text)
        if not number:
            continue
        value = float(re.sub(r"\s", "", number[1]).replace(",", "."))
        if value >= 10 and not (1900 <= value <= 2100 and value.is_integer()):
            values.add(value)
    return frozenset(values)


def _same_figures(first: frozenset[float], second: frozenset[float]) -> bool:
    shared = len(first & second)
    return shared >= 4 and shared / min(len(first), len(second)) >= 0.6


def _root(story_of: dict[str, str], article_id: str) -> str:
    while story_of[article_id] != article_id:
        article_id = story_of[article_id]
    return article_id


def _merge(story_of: dict[str, str], first: str, second: str) -> None:
    roots = sorted((_root(story_of, first), _root(story_of, second)))
    story_of[roots[1]] = roots[0]
