"""CSV and TSV files: each row a line with its column names as context (see ``tabular.py``).

The text is decoded like any text file (``encoding.py``); the delimiter is sniffed from the
first lines (the csv module's sniffer is quadratic in its sample, so the sample is small),
falling back to a tab for .tsv and a comma otherwise. A stray quote that swallows the rest of
the file into one field is read again with quotes taken literally.
"""

from __future__ import annotations

import csv
import io
from itertools import islice
from pathlib import PurePath

from desktop_search.extract.base import Extracted, Extractor, TextBuilder
from desktop_search.extract.encoding import decode_text
from desktop_search.extract.tabular import MAX_ROWS, rows_to_lines

SNIFF_CHARS = 4096
DELIMITERS = ",;\t|"


def _delimiter(text: str, suffix: str) -> str:
    fallback = "\t" if suffix == ".tsv" else ","
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]  # whole lines only
    first_line = sample.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return fallback
    if fallback in first_line and delimiter not in first_line:
        return fallback
    return delimiter


def _rows(text: str, delimiter: str) -> list[list[str]]:
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return list(islice(reader, MAX_ROWS))
    except csv.Error:  # an unbalanced quote ran a field past the csv module's size limit
        pass
    try:
        reader = csv.reader(
            io.StringIO(text, newline=""), delimiter=delimiter, quoting=csv.QUOTE_NONE
        )
        return list(islice(reader, MAX_ROWS))
    except csv.Error:  # a line longer than that limit: the lines as they are
        return [[line] for line in islice(text.splitlines(), MAX_ROWS)]


class DelimitedExtractor(Extractor):
    kind = "csv"
    extensions = frozenset({".csv", ".tsv"})

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        text = decode_text(data)
        rows = _rows(text, _delimiter(text, path.suffix.lower()))
        builder = TextBuilder()
        builder.section("rows")
        builder.block("\n".join(rows_to_lines(rows)))
        return Extracted(text=builder.text(), kind=self.kind, sections=builder.sections)
