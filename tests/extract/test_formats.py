"""The shared contract every format module meets, each checked on one real fixture file."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_search.extract.base import Extracted
from desktop_search.extract.guard import read_and_extract
from desktop_search.extract.registry import EXTRACTOR_MODULES, registry
from tests import docfactory

LIMIT = 10 * 1024 * 1024


class FormatContract:
    """Subclasses name a fixture; the contract checks text, kind, title and sections."""

    kind: str
    file_name: str
    expected_phrases: tuple[str, ...]
    expected_title: str = ""
    expected_sections: tuple[str, ...] = ()

    def make(self, folder: Path) -> Path:
        raise NotImplementedError

    @pytest.fixture
    def extracted(self, tmp_path: Path) -> Extracted:
        return read_and_extract(self.make(tmp_path), LIMIT)

    def test_text(self, extracted: Extracted) -> None:
        for phrase in self.expected_phrases:
            assert phrase in extracted.text

    def test_kind_matches_registry(self, extracted: Extracted) -> None:
        assert extracted.kind == self.kind
        assert self.kind in EXTRACTOR_MODULES

    def test_title(self, extracted: Extracted) -> None:
        if self.expected_title:
            assert extracted.title == self.expected_title

    def test_sections_point_into_text(self, extracted: Extracted) -> None:
        labels = [s.label for s in extracted.sections]
        for expected in self.expected_sections:
            assert expected in labels
        starts = [s.start for s in extracted.sections]
        assert starts == sorted(starts)
        assert all(0 <= s <= len(extracted.text) for s in starts)

    def test_extension_is_registered(self, tmp_path: Path) -> None:
        path = self.make(tmp_path)
        extractor = registry().by_extension(path)
        assert extractor is not None and extractor.kind == self.kind


class TestPlainText(FormatContract):
    kind, file_name = "text", "notes.txt"
    expected_phrases = ("quiet morning", "second line")

    def make(self, folder: Path) -> Path:
        path = folder / self.file_name
        path.write_text("A quiet morning.\r\nsecond line\n", encoding="utf-8")
        return path

    def test_newlines_normalised(self, extracted: Extracted) -> None:
        assert "\r" not in extracted.text


class TestMarkdown(FormatContract):
    kind, file_name = "text", "readme.md"
    expected_phrases = ("Install it", "Use it daily")
    expected_title = "Project"
    expected_sections = ("Project", "Usage")

    def make(self, folder: Path) -> Path:
        path = folder / self.file_name
        path.write_text("# Project\n\nInstall it.\n\n## Usage\n\nUse it daily.\n", "utf-8")
        return path

    def test_section_of_later_text(self, extracted: Extracted) -> None:
        assert extracted.section_at(extracted.text.index("Use it daily")) == "Usage"


class TestRestructuredText(FormatContract):
    kind, file_name = "text", "guide.rst"
    expected_phrases = ("Welcome text",)
    expected_sections = ("Getting started",)

    def make(self, folder: Path) -> Path:
        path = folder / self.file_name
        path.write_text("Getting started\n===============\n\nWelcome text.\n", "utf-8")
        return path


class TestSourceCode(FormatContract):
    kind, file_name = "code", "tool.rs"
    expected_phrases = ("fn parse_header",)
    expected_title = "tool.rs"
    expected_sections = ("parse_header", "Header")

    def make(self, folder: Path) -> Path:
        path = folder / self.file_name
        path.write_text(
            "struct Header { size: u32 }\n\npub fn parse_header(b: &[u8]) -> Header { todo!() }\n",
            "utf-8",
        )
        return path


class TestHtml(FormatContract):
    kind, file_name = "html", "page.html"
    expected_phrases = ("Paris in three days", "Eiffel Tower")
    expected_title = "Visiting Paris"
    expected_sections = ("Paris in three days",)

    def make(self, folder: Path) -> Path:
        return docfactory.write_html(
            folder / self.file_name,
            "Visiting Paris",
            "Paris in three days",
            ["Climb the Eiffel Tower."],
        )

    def test_scripts_and_styles_dropped(self, extracted: Extracted) -> None:
        assert "scriptword" not in extracted.text
        assert "color" not in extracted.text


class TestPdf(FormatContract):
    kind, file_name = "pdf", "report.pdf"
    expected_phrases = ("Revenue rose", "Outlook")
    expected_title = "Q3 results"
    expected_sections = ("page 1", "page 2")

    def make(self, folder: Path) -> Path:
        return docfactory.write_pdf(
            folder / self.file_name,
            ["Revenue rose twelve percent.", "Outlook is good."],
            title="Q3 results",
        )

    def test_page_of_text(self, extracted: Extracted) -> None:
        assert extracted.section_at(extracted.text.index("Outlook")) == "page 2"


class TestDocx(FormatContract):
    kind, file_name = "docx", "letter.docx"
    expected_phrases = ("formally resign", "Thank you")
    expected_title = "Resignation letter"
    expected_sections = ("Letter of resignation",)

    def make(self, folder: Path) -> Path:
        return docfactory.write_docx(
            folder / self.file_name,
            ["I formally resign.", "Thank you."],
            headings=["Letter of resignation"],
            title="Resignation letter",
        )


class TestPptx(FormatContract):
    kind, file_name = "pptx", "deck.pptx"
    expected_phrases = ("Global warming", "Glaciers are melting")
    expected_sections = ("slide 1", "slide 2")

    def make(self, folder: Path) -> Path:
        return docfactory.write_pptx(
            folder / self.file_name, [["Global warming"], ["Glaciers are melting"]]
        )

    def test_slide_of_text(self, extracted: Extracted) -> None:
        assert extracted.section_at(extracted.text.index("Glaciers")) == "slide 2"


class TestOdt(FormatContract):
    kind, file_name = "odt", "plan.odt"
    expected_phrases = ("Plant tomatoes", "Water the beds")
    expected_title = "Kitchen garden"
    expected_sections = ("Kitchen garden",)

    def make(self, folder: Path) -> Path:
        return docfactory.write_odt(
            folder / self.file_name,
            ["Plant tomatoes.", "Water the beds."],
            heading="Kitchen garden",
        )


class TestEpub(FormatContract):
    kind, file_name = "epub", "book.epub"
    expected_phrases = ("rings of Saturn", "Andromeda")
    expected_title = "Stargazing"
    expected_sections = ("Telescopes", "Galaxies")

    def make(self, folder: Path) -> Path:
        return docfactory.write_epub(
            folder / self.file_name,
            "Stargazing",
            [("Telescopes", "The rings of Saturn."), ("Galaxies", "Andromeda is far.")],
        )


def test_every_registered_format_has_a_contract_test() -> None:
    tested = {cls.kind for cls in FormatContract.__subclasses__()}
    assert tested == set(EXTRACTOR_MODULES)


def test_content_sniffing_beats_a_wrong_extension(tmp_path: Path) -> None:
    pdf = docfactory.write_pdf(tmp_path / "actually-a-pdf.txt", ["Hidden PDF text."])
    assert read_and_extract(pdf, LIMIT).kind == "pdf"
    epub = docfactory.write_epub(tmp_path / "book.zip.txt", "B", [("C", "Inside the book.")])
    assert read_and_extract(epub, LIMIT).kind == "epub"
