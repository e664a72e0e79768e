"""Ingest: reading the real seeds, cleaning, ids, language, twins, and every bad input."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from curate.articles import article_id_for, read_articles
from curate.cli import app
from curate.errors import CurateWarning, InputError

SEEDS = Path(__file__).parent.parent / "seeds"
runner = CliRunner()


@pytest.fixture(scope="module")
def articles() -> dict[str, object]:
    return {a.id[:3]: a for a in read_articles(SEEDS)}


def test_five_seeds_with_languages_dates_and_titles(articles: dict) -> None:
    assert {k: a.lang for k, a in articles.items()} == {
        "000": "kk", "001": "ru", "002": "ru", "003": "kk", "004": "ru",
    }  # fmt: skip
    assert str(articles["000"].date) == "2025-10-13"
    assert str(articles["002"].date) == "2025-12-03"
    assert articles["004"].date is None
    assert articles["000"].title.startswith("Алматыда жарты тоннадан астам есірткі")
    assert articles["004"].title == "В МВД усилили борьбу против онлайн-торговли наркотиками"


def test_text_is_title_newline_body(articles: dict) -> None:
    for article in articles.values():
        title, _, body = article.text.partition("\n")
        assert title == article.title
        assert (
            body and "\n\n" not in body and all(line == line.strip() for line in body.split("\n"))
        )
    assert "date 2025" not in articles["000"].text


def test_site_chrome_is_removed_from_004(articles: dict) -> None:
    text = articles["004"].text
    for chrome in ("spot_img", "Advertis", "ОСТАВЬТЕ ОТВЕТ", "референдум", "Последние новости"):
        assert chrome not in text
    assert text.count("В МВД усилили борьбу") == 1
    assert "Общество" not in text
    assert text.endswith("В эту работу активно включены более ста НПО и волонтеров.")
    assert articles["004"].cleaning


@pytest.mark.parametrize(
    ("raw", "title", "body"),
    [
        # a navigation heading above the story is dropped alone, not taken for the footer
        (
            "Соңғы жаңалықтар\nҚарағандыда 3 зертхана жабылды\nПолиция рейд жүргізді.\n"
            "Соңғы жаңалықтар\nБасқа жаңалық.",
            "Қарағандыда 3 зертхана жабылды",
            "Полиция рейд жүргізді.",
        ),
        (
            " date 2025-03-01 Изъято 5 кг\nПоследние новости\nВ Астане изъяли 5 кг.\n"
            "Читайте также\nДругое.",
            "Изъято 5 кг",
            "В Астане изъяли 5 кг.",
        ),
    ],
)
def test_a_footer_line_before_the_story_is_a_heading(
    tmp_path: Path, raw: str, title: str, body: str
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(raw, encoding="utf-8")
    (article,) = read_articles(path)
    assert (article.title, article.text) == (title, f"{title}\n{body}")
    assert any("navigation heading" in step for step in article.cleaning)


def test_outlets(articles: dict) -> None:
    assert articles["001"].outlet == "NUR.KZ"
    assert articles["002"].outlet == "BAQ.KZ"
    assert articles["003"].outlet == "BAQ.KZ"


def test_twins_share_a_story_id_and_others_do_not(articles: dict) -> None:
    assert articles["000"].story_id == articles["001"].story_id
    others = {articles[k].story_id for k in ("002", "003", "004")}
    assert len(others) == 3 and articles["000"].story_id not in others


def test_ids_are_stable_and_derived_from_the_source(tmp_path: Path) -> None:
    first = [a.id for a in read_articles(SEEDS)]
    copy = tmp_path / "seeds"
    copy.mkdir()
    for path in sorted(SEEDS.iterdir()):
        (copy / path.name).write_text(path.read_text(encoding="utf-8") + "\nДополнение.", "utf-8")
    changed = read_articles(copy)
    assert [a.id for a in changed] == first
    assert [a.content_hash for a in changed] != [a.content_hash for a in read_articles(SEEDS)]
    assert article_id_for("дело №5 (копия).txt") == "дело_5_копия_"


def test_cp1251_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(" date 2025-01-02 Изъято 5 кг героина\nТекст статьи.".encode("cp1251"))
    with pytest.warns(CurateWarning, match=r"old.txt: not UTF-8, read as cp1251"):
        (article,) = read_articles(path)
    assert article.title == "Изъято 5 кг героина" and article.lang == "ru"


def test_corpus_jsonl_round_trip(tmp_path: Path) -> None:
    output = tmp_path / "corpus.jsonl"
    result = runner.invoke(app, ["ingest", str(SEEDS), "-o", str(output)])
    assert result.exit_code == 0, result.output
    lines = output.read_text("utf-8").splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["lang"] == "kk"
    assert read_articles(output) == read_articles(SEEDS)


BAD_INPUTS = [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\n ", "file is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("latin.txt", bytes(range(128, 256)) * 4, "not UTF-8 or cp1251"),
    ("bad_date.txt", " date 2025-13-45 Заголовок\nТекст".encode(), "malformed header date"),
    ("chrome.txt", b"spot_img\n- Advertisement -spot_img\n", "no title line found"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "problem"), BAD_INPUTS)
def test_bad_article_is_one_error_line_and_no_output(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    output = tmp_path / "out" / "corpus.jsonl"
    with pytest.raises(InputError, match=problem):
        read_articles(source)
    result = runner.invoke(app, ["ingest", str(source), "-o", str(output)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: ") and name in line and problem in line
    assert not output.exists() and not list(tmp_path.glob("out/*"))


def test_huge_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "huge.txt"
    with source.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)
    with pytest.raises(InputError, match=r"huge.txt: file is 100.0 MiB, larger than an article"):
        read_articles(source)


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article")
    with pytest.raises(InputError, match="no article files"):
        read_articles(tmp_path)


def test_failed_ingest_keeps_earlier_output(tmp_path: Path) -> None:
    output = tmp_path / "corpus.jsonl"
    output.write_text("earlier\n")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.txt").write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(tmp_path / "bad"), "-o", str(output)])
    assert result.exit_code == 1
    assert output.read_text() == "earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad", "corpus.jsonl"]


def test_corpus_with_a_bad_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "x"}\n', "utf-8")
    with pytest.raises(InputError, match=r"corpus.jsonl:1: not an article record"):
        read_articles(corpus)
