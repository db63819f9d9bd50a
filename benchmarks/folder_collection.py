"""What a judged folder collection is made of, and how it is written as real files.

A collection is a fixed list of :class:`Document` (each written in the format its name ends
with, through ``tests/docfactory.py``) and a list of :class:`JudgedQuery`, each naming its
relevant file(s). ``personal_folder.py`` and ``multilingual_folder.py`` build on this.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tests import docfactory


@dataclass(frozen=True)
class Document:
    path: str  # relative to the folder, "/"-separated
    title: str  # the heading or document title ("" for code)
    paragraphs: tuple[str, ...]  # pages of a PDF, chapters of an EPUB, slides of a PPTX
    headings: tuple[str, ...] = ()  # EPUB chapter and PPTX slide titles, one per paragraph
    language: str = "en"  # ISO 639-1 code of the text


@dataclass(frozen=True)
class JudgedQuery:
    text: str
    kind: str
    relevant: tuple[str, ...]  # relative paths of the relevant files
    disjoint: bool = False  # claims: no content word shared with any relevant file
    distractors: tuple[str, ...] = ()  # files sharing an incidental word with the query
    language: str = "en"  # ISO 639-1 code of the query
    twins: tuple[str, ...] = ()  # files on the same topic in another language


# docfactory.write_html wraps every page in a navigation bar with these words.
HTML_NAVIGATION = "Home About"


def write_document(folder: Path, document: Document) -> Path:
    """Writes one document in the format its name ends with."""
    path = folder / document.path
    path.parent.mkdir(parents=True, exist_ok=True)
    title, paragraphs = document.title, list(document.paragraphs)
    suffix = path.suffix.lower()
    if suffix in (".py", ".js"):
        path.write_text(paragraphs[0], encoding="utf-8")
    elif suffix == ".txt":
        path.write_text("\n\n".join(([title] if title else []) + paragraphs) + "\n", "utf-8")
    elif suffix == ".md":
        path.write_text("\n\n".join([f"# {title}", *paragraphs]) + "\n", encoding="utf-8")
    elif suffix == ".pdf":
        docfactory.write_pdf(path, paragraphs, title=title)
    elif suffix == ".docx":
        docfactory.write_docx(path, paragraphs, headings=[title], title=title)
    elif suffix == ".odt":
        docfactory.write_odt(path, paragraphs, heading=title)
    elif suffix == ".html":
        docfactory.write_html(path, title, title, paragraphs)
    elif suffix == ".pptx":
        slides = [
            [heading, text] for heading, text in zip(document.headings, paragraphs, strict=True)
        ]
        docfactory.write_pptx(path, [[title], *slides])
    elif suffix == ".epub":
        docfactory.write_epub(path, title, list(zip(document.headings, paragraphs, strict=True)))
    else:
        raise ValueError(f"no writer for {document.path!r}")
    return path


def write_collection(folder: Path, documents: Iterable[Document]) -> None:
    """Writes every document into ``folder`` (created if missing).

    A folder that already holds other files is refused: they would change the benchmark.
    """
    documents = list(documents)
    expected = {Path(document.path) for document in documents}
    if folder.exists():
        strangers = sorted(
            str(p.relative_to(folder))
            for p in folder.rglob("*")
            if p.is_file() and p.relative_to(folder) not in expected
        )
        if strangers:
            shown = ", ".join(strangers[:5])
            raise ValueError(f"{folder} holds files that are not part of the collection: {shown}")
    for document in documents:
        write_document(folder, document)


def document_text(document: Document) -> str:
    """Everything a file shows a search engine: its path, title, headings and text."""
    parts = [document.path, document.title, *document.headings, *document.paragraphs]
    if document.path.endswith(".html"):
        parts.append(HTML_NAVIGATION)
    return "\n".join(parts)
