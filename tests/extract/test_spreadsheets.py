"""Spreadsheets (xlsx, ods, xls) and CSV/TSV: rows as lines with their column names, one
section per sheet; hostile workbooks (encrypted, corrupt, bombs, a calamine crash) and huge
CSV files refused or capped; a bills sheet found by a question about its electricity row."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_search.engine import Engine
from desktop_search.extract.base import Extracted, ExtractionError
from desktop_search.extract.guard import GuardedExtractor, read_and_extract
from desktop_search.extract.registry import registry
from desktop_search.extract.tabular import MAX_ROWS, cell_text, is_header, rows_to_lines
from desktop_search.search.service import SearchRequest
from tests import docfactory
from tests.extract.sheetfactory import (
    Sheets,
    write_encrypted_office,
    write_ods,
    write_xlsx,
)
from tests.extract.test_formats import LIMIT, FormatContract

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ELECTRICITY_ROW = (
    "Date: 2024-01-15; Supplier: Northern Power Co; Category: Electricity; Amount: 84.2"
)
BILLS: Sheets = {
    "Bills 2024": [
        ["Household bills 2024"],
        ["Date", "Supplier", "Category", "Amount"],
        [dt.date(2024, 1, 15), "Northern Power Co", "Electricity", 84.2],
        [dt.date(2024, 1, 20), "AquaServe", "Water", 31.5],
        [dt.date(2024, 2, 1), "FiberNet", "Internet", 45.0],
    ],
    "Notes": [
        ["Ask the landlord about the boiler service."],
        ["Meter reading photos are in the shared folder."],
    ],
}


class SheetContract(FormatContract):
    kind = "spreadsheet"
    expected_phrases = (
        "Household bills 2024",
        "Date | Supplier | Category | Amount",
        ELECTRICITY_ROW,
        "Date: 2024-02-01; Supplier: FiberNet; Category: Internet; Amount: 45\n",
        "Ask the landlord about the boiler service.",
    )
    expected_title = "Household accounts"
    expected_sections = ("sheet Bills 2024", "sheet Notes")

    def test_rows_are_in_their_sheet(self, extracted: Extracted) -> None:
        assert extracted.section_at(extracted.text.index("FiberNet")) == "sheet Bills 2024"
        assert extracted.section_at(extracted.text.index("boiler")) == "sheet Notes"

    def test_sheets_are_boundaries(self, extracted: Extracted) -> None:
        assert all(s.boundary for s in extracted.sections)


class TestXlsx(SheetContract):
    file_name = "bills.xlsx"

    def make(self, folder: Path) -> Path:
        return write_xlsx(folder / self.file_name, BILLS, title="Household accounts")


class TestOds(SheetContract):
    file_name = "bills.ods"

    def make(self, folder: Path) -> Path:
        return write_ods(folder / self.file_name, BILLS, title="Household accounts")

    def test_sniffed_whatever_its_name(self, tmp_path: Path) -> None:
        path = write_ods(tmp_path / "bills.dat", BILLS)
        assert read_and_extract(path, LIMIT).kind == "spreadsheet"


class TestXls(SheetContract):
    """LibreOffice 7.4's BIFF8 export of the same workbook (tests/fixtures/household.xls)."""

    file_name = "household.xls"

    def make(self, folder: Path) -> Path:
        return Path(shutil.copy(FIXTURES / self.file_name, folder / self.file_name))


class TestCsv(FormatContract):
    kind, file_name = "csv", "transactions.csv"
    expected_phrases = (
        "Date | Payee | Memo | Amount",
        "Date: 2024-03-02; Payee: Café du Port; Memo: lunch, two people; Amount: -23,50",
        "Date: 2024-03-04; Payee: Northern Power; Memo: electricity; Amount: -84,20",
    )
    expected_sections = ("rows",)

    def make(self, folder: Path) -> Path:
        """A bank export: semicolons, decimal commas, a quoted field, Windows-1252."""
        path = folder / self.file_name
        path.write_bytes(
            (
                "Date;Payee;Memo;Amount\r\n"
                '2024-03-02;Café du Port;"lunch, two people";-23,50\r\n'
                "2024-03-04;Northern Power;electricity;-84,20\r\n"
            ).encode("cp1252")
        )
        return path


class TestTsv(FormatContract):
    kind, file_name = "csv", "plants.tsv"
    expected_phrases = ("Plant: Basil; Light: full sun; Water: daily",)
    expected_sections = ("rows",)

    def make(self, folder: Path) -> Path:
        path = folder / self.file_name
        path.write_text("Plant\tLight\tWater\nBasil\tfull sun\tdaily\nFern\tshade\tweekly\n")
        return path


# -- rows as text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (45.0, "45"),
        (0.1 + 0.2, "0.3"),
        (84.2, "84.2"),
        (1234567.891, "1234567.891"),
        (-3, "-3"),
        (True, "TRUE"),
        (None, ""),
        (float("nan"), ""),
        (dt.date(2024, 1, 15), "2024-01-15"),
        (dt.datetime(2024, 1, 15), "2024-01-15"),
        (dt.datetime(2024, 1, 15, 13, 45), "2024-01-15 13:45"),
        (dt.datetime(2024, 1, 15, 13, 45, 7), "2024-01-15 13:45:07"),
        (dt.time(9, 30), "09:30"),
        (dt.timedelta(hours=1, minutes=30), "1:30:00"),
        ("  two\n lines ", "two lines"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text  # type: ignore[arg-type]


def test_header_needs_names_not_numbers_or_dates() -> None:
    assert is_header(["Date", "Supplier", "Amount"])
    assert not is_header(["Household bills 2024"])  # one cell: a title, not a header
    assert not is_header(["2024-01-15", "Power Co", "84.20"])
    assert not is_header([dt.date(2024, 1, 15), "Power Co", "Electricity", 84.2])
    assert not is_header(["Name", "Name", "Amount"])  # repeated: not column names
    assert not is_header(["Item", "2021", "2022", "2023"])


def test_rows_without_a_header_are_joined() -> None:
    assert rows_to_lines([[1, 2.5, "x"], [3, None, "y"]]) == ["1 | 2.5 | x", "3 | y"]


def test_a_second_table_after_a_blank_row_has_its_own_header() -> None:
    lines = rows_to_lines(
        [
            ["Fruit", "Price"],
            ["Apple", 1.2],
            [None, None],
            ["Country", "Population"],
            ["France", 68_000_000],
        ]
    )
    assert lines == [
        "Fruit | Price",
        "Fruit: Apple; Price: 1.2",
        "",
        "Country | Population",
        "Country: France; Population: 68000000",
    ]


def test_columns_past_the_header_keep_their_values() -> None:
    lines = rows_to_lines([["Name", "Role"], ["Ada", "engineer", "remote"]])
    assert lines[1] == "Name: Ada; Role: engineer; remote"


# -- registry --------------------------------------------------------------------------------


def test_csv_and_ods_left_their_old_extractors() -> None:
    for name, kind in (("a.csv", "csv"), ("a.tsv", "csv"), ("a.ods", "spreadsheet")):
        extractor = registry().by_extension(Path(name))
        assert extractor is not None and extractor.kind == kind


def test_other_zip_and_ole_files_are_not_sniffed_as_spreadsheets(tmp_path: Path) -> None:
    docx = docfactory.write_docx(tmp_path / "letter.docx", ["A letter."])
    assert read_and_extract(docx, LIMIT).kind == "docx"
    odt = docfactory.write_odt(tmp_path / "plan.odt", ["A plan."], heading="Plan")
    assert read_and_extract(odt, LIMIT).kind == "odt"
    xls_named_doc = tmp_path / "numbers.bin"
    shutil.copy(FIXTURES / "household.xls", xls_named_doc)
    assert registry().choose(xls_named_doc, xls_named_doc.read_bytes()[:2048]) is None


# -- hostile and huge ------------------------------------------------------------------------


def reason(path: Path) -> str:
    with pytest.raises(ExtractionError) as caught:
        read_and_extract(path, LIMIT)
    return str(caught.value)


def test_password_protected_xlsx_says_so(tmp_path: Path) -> None:
    path = write_encrypted_office(tmp_path / "salaries.xlsx")
    assert reason(path) == "encrypted spreadsheet (needs a password)"


def test_password_protected_ods_says_so(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "salaries.ods", BILLS, encrypted=True)
    assert reason(path) == "encrypted spreadsheet (needs a password)"


def test_ole_garbage_named_xlsx_has_a_clear_reason(tmp_path: Path) -> None:
    path = tmp_path / "garbage.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 40)
    assert reason(path).startswith("corrupt or unreadable spreadsheet")


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return out.getvalue()


def _bad_sheet_xml(data: bytes) -> bytes:
    return _with_member(data, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row><c>")


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "zip-garbage": lambda data: b"PK\x03\x04" + b"garbage" * 100,
    "truncated": lambda data: data[: len(data) // 2],
    "bad-sheet-xml": _bad_sheet_xml,
    "text": lambda data: b"not a spreadsheet at all",
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_corrupt_xlsx_has_a_clear_reason(tmp_path: Path, damage: str) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", BILLS).read_bytes()
    path = tmp_path / "bad.xlsx"
    path.write_bytes(DAMAGES[damage](good))
    assert reason(path).startswith("corrupt")


def test_zip_bomb_xlsx_is_refused_before_calamine(tmp_path: Path) -> None:
    path = docfactory.write_zip_bomb_docx(tmp_path / "bomb.xlsx", expanded_mb=300)
    assert "zip bomb" in reason(path)


def test_calamine_crash_costs_the_file_not_the_indexer(tmp_path: Path) -> None:
    """A fuzzed xls on which calamine 0.37 asks for 686 GB and aborts the process: the
    guarded child dies, the file gets a reason, the next file is read."""
    crash = Path(shutil.copy(FIXTURES / "calamine-abort.xls", tmp_path / "crash.xls"))
    good = write_xlsx(tmp_path / "good.xlsx", BILLS)
    with GuardedExtractor(timeout_s=60, memory_mb=1024, max_bytes=LIMIT) as guard:
        with pytest.raises(ExtractionError):
            guard.extract(crash)
        assert ELECTRICITY_ROW in guard.extract(good).text


def test_huge_sheet_is_capped(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Day", "Reading"]]
    rows += [[f"day {n}", n] for n in range(MAX_ROWS + 5_000)]
    path = write_xlsx(tmp_path / "meter.xlsx", {"Log": rows})  # type: ignore[dict-item]
    extracted = read_and_extract(path, LIMIT)
    lines = extracted.text.splitlines()
    assert len(lines) == MAX_ROWS
    assert lines[-1] == f"Day: day {MAX_ROWS - 2}; Reading: {MAX_ROWS - 2}"


def test_csv_of_200k_rows_is_capped_in_the_guard(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("When,Sensor,Value\n")
        for n in range(200_000):
            fh.write(f"2024-01-01 00:{n % 60:02d},probe {n % 7},{n * 0.5}\n")
    with GuardedExtractor(timeout_s=60, memory_mb=1024, max_bytes=64 * 1024 * 1024) as guard:
        extracted = guard.extract(path)
    lines = extracted.text.splitlines()
    assert len(lines) == MAX_ROWS
    assert lines[1] == "When: 2024-01-01 00:00; Sensor: probe 0; Value: 0.0"


def test_csv_with_a_stray_quote_keeps_its_rows(tmp_path: Path) -> None:
    """The quote never closes: the csv module would make the rest of the file one field
    (and refuse it past 128 KiB), so quotes are read as characters."""
    path = tmp_path / "notes.csv"
    tail = "".join(f"{n},item {n},fine\n" for n in range(2, 20_000))
    path.write_text('Id,Name,State\n1,"24 screen,broken\n' + tail, "utf-8")
    text = read_and_extract(path, LIMIT).text
    assert 'Id: 1; Name: "24 screen; State: broken' in text
    assert "Id: 19999; Name: item 19999; State: fine" in text


def test_binary_named_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(bytes(range(256)) * 64)
    assert reason(path) == "binary data, not text"


# -- search ----------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["how much did I pay for power", "electricity bill"])
def test_bills_sheet_answers_a_question_about_its_electricity_row(
    engine: Engine, tmp_path: Path, query: str
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    bills = write_xlsx(
        docs / "household-2024.xlsx",
        {
            "Bills": [
                ["Date", "Supplier", "Category", "Amount"],
                [dt.date(2024, 1, 15), "Northern Power Co", "Electricity", 84.2],
                [dt.date(2024, 1, 20), "AquaServe", "Water", 31.5],
                [dt.date(2024, 2, 1), "FiberNet", "Internet", 45.0],
                [dt.date(2024, 2, 3), "City Council", "Council tax", 120.0],
                [dt.date(2024, 2, 9), "GreenGrocer", "Groceries", 63.4],
            ]
        },
    )
    (docs / "garden.txt").write_text(
        "Tomatoes need six hours of sun and deep watering twice a week.", "utf-8"
    )
    (docs / "holiday.md").write_text(
        "# Lisbon trip\n\nTrams, custard tarts and a day at the beach in Cascais.", "utf-8"
    )
    docfactory.write_docx(
        docs / "recipe.docx", ["Knead the dough for ten minutes, then let it rise for an hour."]
    )
    summary = engine.indexer().index([str(docs)])
    assert summary.failed == {}
    hits = engine.search.search(SearchRequest(query=query, k=3))
    assert hits[0].path == str(bills)
    assert hits[0].section == "sheet Bills"
