"""The label config: it matches the registry, hostile XML is refused, the server accepts it."""

import re
from pathlib import Path
from typing import get_args

import pytest
from lxml import etree
from typer.testing import CliRunner

from curate.cli import app
from curate.errors import InputError
from curate.label_config import (
    GUIDELINES_PATH,
    LABEL_CONFIG_PATH,
    check_label_config,
    read_guidelines,
    read_label_config,
)
from curate.labels import DOCUMENT_CHOICES, LABELS
from curate.models import Qualifier
from curate.normalise import CURRENCIES, QUANTITY_UNITS, normalise_span
from curate.readings import choice_of, format_value

runner = CliRunner()

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE View [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<View><Header value="&secret;"/></View>"""
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE View [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<View><Header value="&lol3;"/></View>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE View SYSTEM "http://example.invalid/labels.dtd">
<View/>"""


def test_config_labels_are_the_registry_labels_with_their_colours_and_hotkeys() -> None:
    config = read_label_config()

    declared = [(label.name, label.colour, label.hotkey) for label in config.labels]
    assert declared == [(label.name, label.colour, label.hotkey) for label in LABELS]


def test_config_offers_the_document_choices_of_the_registry() -> None:
    assert read_label_config().choices == DOCUMENT_CHOICES


@pytest.mark.parametrize("content", [XXE, BILLION_LAUGHS, EXTERNAL_DTD])
def test_doctype_and_entities_are_refused_naming_the_file(content: bytes) -> None:
    with pytest.raises(InputError, match=r"^hostile\.xml: label config declares a DOCTYPE"):
        check_label_config(content, source="hostile.xml")


def test_malformed_xml_is_one_line_naming_the_file() -> None:
    with pytest.raises(InputError) as raised:
        check_label_config(b"<View><Labels></View>", source="broken.xml")

    assert str(raised.value).startswith("broken.xml: not a well-formed XML label config")
    assert "\n" not in str(raised.value)


def _config_with(old: str, new: str) -> bytes:
    original = LABEL_CONFIG_PATH.read_text(encoding="utf-8")
    assert old in original
    return original.replace(old, new).encode()


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('<Label value="LAW"', '<Label value="WEAPON"', "unknown label(s) WEAPON"),
        ('<Label value="LAW" background="#800000" hotkey="w"/>', "", "lacks label(s) the rules"),
        ('name="relevant" toName="text"', 'name="relevant" toName="body"', "names no object tag"),
        ('<Header value="$outlet"', '<Header value="$source"', "task field(s) $source"),
        ('<Choice value="ru"/>', '<Choice value="en"/>', "offers kk, en, expected kk, ru"),
        ('<Labels name="label"', '<Labels name="ner"', '<Labels name="label" toName="text">'),
    ],
)
def test_config_problems_are_named(old: str, new: str, problem: str) -> None:
    with pytest.raises(InputError, match=r"^bad\.xml: ") as raised:
        check_label_config(_config_with(old, new), source="bad.xml")

    assert problem in str(raised.value)


def test_cli_prints_the_config() -> None:
    result = runner.invoke(app, ["config"])

    assert result.exit_code == 0
    assert result.stdout == LABEL_CONFIG_PATH.read_text(encoding="utf-8")


def test_cli_check_accepts_the_project_config() -> None:
    result = runner.invoke(app, ["config", "--check", str(LABEL_CONFIG_PATH)])

    assert result.exit_code == 0
    assert result.stdout.strip().endswith("valid label config: 10 labels, choices lang, relevant")


def test_cli_check_refuses_xxe_in_one_error_line_without_reading_the_file(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.xml"
    hostile.write_bytes(XXE)

    result = runner.invoke(app, ["config", "--check", str(hostile)])

    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {hostile}: label config declares a DOCTYPE")
    assert "root:" not in result.stderr


def test_cli_check_of_a_missing_file_names_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["config", "--check", str(tmp_path / "absent.xml")])

    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot read label config {tmp_path / 'absent.xml'}")


def test_guidelines_cover_every_label_and_quote_the_seeds() -> None:
    guidelines = read_guidelines()

    for label in LABELS:
        assert f"<td>{label.name}</td><td>{label.hotkey}</td>" in guidelines
    assert "Қуатбек Науатовтың" in guidelines
    assert GUIDELINES_PATH.suffix == ".html"


@pytest.mark.server
def test_server_accepts_the_config_and_shows_the_guidelines(
    label_studio, project_title: str
) -> None:
    client = label_studio.client()
    config = read_label_config()

    project = client.create_project(
        project_title, label_config=config.xml, instructions=read_guidelines()
    )

    stored = client.sdk.projects.get(project.id)
    assert stored.label_config == config.xml.strip()
    assert stored.expert_instruction == read_guidelines()
    assert stored.show_instruction is True
    parsed = stored.parsed_label_config
    assert parsed["label"]["labels"] == [label.name for label in LABELS]
    assert parsed["lang"]["labels"] == ["kk", "ru"]
    assert parsed["relevant"]["to_name"] == ["text"]


#: A row of the guidelines' table of readings: span, label, value, unit, qualifier.
READING_ROW = re.compile(
    r"<tr><td><code>(?P<span>[^<]+)</code>[^<]*</td><td>(?P<label>[A-Z]+)</td>"
    r"<td>(?P<value>[^<]+)</td>\s*<td>(?P<unit>[^<]+)</td>\s*<td>(?P<qualifier>[^<]+)</td></tr>"
)


def test_the_guidelines_readings_are_what_the_normaliser_reads() -> None:
    rows = [m.groupdict() for m in READING_ROW.finditer(re.sub(r"\s*\n\s*", "", read_guidelines()))]

    assert len(rows) == 10
    for row in rows:
        value, unit, qualifier = normalise_span(row["span"], row["label"])
        assert (format_value(value), choice_of(unit), choice_of(qualifier)) == (
            row["value"],
            row["unit"],
            row["qualifier"],
        ), row["span"]


def test_the_unit_choices_cover_every_unit_the_normaliser_gives() -> None:
    given = {unit.unit for unit in QUANTITY_UNITS.values()} | set(CURRENCIES.values()) | {"%"}

    assert given <= set(read_label_config_choices("unit"))
    assert set(read_label_config_choices("qualifier")) == {"none", *get_args(Qualifier)}


def read_label_config_choices(name: str) -> list[str]:
    root = etree.fromstring(LABEL_CONFIG_PATH.read_bytes())
    [control] = [c for c in root.iter("Choices") if c.get("name") == name]
    assert control.get("perRegion") == "true"
    return [choice.get("value", "") for choice in control.iter("Choice")]


def test_a_config_without_the_per_region_readings_is_refused() -> None:
    config = LABEL_CONFIG_PATH.read_bytes().replace(b'perRegion="true" editable', b"editable")

    with pytest.raises(InputError) as raised:
        check_label_config(config, source="old.xml")

    assert str(raised.value) == (
        'old.xml: needs one <TextArea name="value" toName="text" perRegion="true"> '
        "(number regions' readings use it)"
    )
