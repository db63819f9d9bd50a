"""Writers for small but real documents of every supported format, used as test fixtures.

Each writer produces a file that the format's own specification accepts (a PDF with a
proper cross-reference table, Office/OpenDocument/EPUB zip containers with their
manifests), so the extractors are exercised on genuine structure, not on mocks.
"""

from __future__ import annotations

import textwrap
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape


def write_pdf(path: Path, pages: list[str], title: str = "") -> Path:
    """A PDF with one page per string, text in Helvetica, wrapped at 80 characters."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    info_id = font_id + 1
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for page_id, text in zip(page_ids, pages, strict=True):
        lines = textwrap.wrap(text, 80) or [""]
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 740 Td"]
        for line in lines:
            safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({safe}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_id + 1} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(f"<< /Title ({title}) >>".encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))
    return path


def _zip(path: Path, members: dict[str, str], *, stored_first: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first is not None:
            archive.writestr(
                zipfile.ZipInfo(stored_first),
                members[stored_first],
                compress_type=zipfile.ZIP_STORED,
            )
        for name, content in members.items():
            if name != stored_first:
                archive.writestr(name, content)
    return path


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_docx(
    path: Path, paragraphs: list[str], headings: list[str] | None = None, title: str = ""
) -> Path:
    """Headings (style Heading1) each followed by the paragraphs, in order."""
    body = []
    for heading in headings or []:
        body.append(
            f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
            f"<w:r><w:t>{escape(heading)}</w:t></w:r></w:p>"
        )
    for paragraph in paragraphs:
        body.append(f'<w:p><w:r><w:t xml:space="preserve">{escape(paragraph)}</w:t></w:r></w:p>')
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W_NS}"><w:body>{"".join(body)}</w:body></w:document>'
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{escape(title)}</dc:title>'
        "</cp:coreProperties>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
        '.org/package/2006/content-types"><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
        'document.main+xml"/></Types>'
    )
    return _zip(
        path,
        {"[Content_Types].xml": types, "word/document.xml": document, "docProps/core.xml": core},
    )


def write_pptx(path: Path, slides: list[list[str]]) -> Path:
    """One slide per list of paragraphs."""
    members = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"/>',
        "ppt/presentation.xml": '<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.'
        'openxmlformats.org/presentationml/2006/main"/>',
    }
    for number, paragraphs in enumerate(slides, start=1):
        runs = "".join(f"<a:p><a:r><a:t>{escape(p)}</a:t></a:r></a:p>" for p in paragraphs)
        members[f"ppt/slides/slide{number}.xml"] = (
            '<?xml version="1.0"?><p:sld xmlns:p="http://schemas.openxmlformats.org/'
            'presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/'
            f'2006/main"><p:cSld><p:spTree><p:sp><p:txBody>{runs}</p:txBody></p:sp>'
            "</p:spTree></p:cSld></p:sld>"
        )
    return _zip(path, members)


def write_odt(path: Path, paragraphs: list[str], heading: str = "") -> Path:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    head = f'<text:h text:outline-level="1">{escape(heading)}</text:h>' if heading else ""
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
        f"<office:body><office:text>{head}{body}</office:text></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
        'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        "</manifest:manifest>"
    )
    return _zip(
        path,
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": content,
            "META-INF/manifest.xml": manifest,
        },
        stored_first="mimetype",
    )


def write_epub(path: Path, title: str, chapters: list[tuple[str, str]]) -> Path:
    """An EPUB 3 book; ``chapters`` are (heading, body text) pairs."""
    items, refs = [], []
    members: dict[str, str] = {"mimetype": "application/epub+zip"}
    members["META-INF/container.xml"] = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument'
        ':xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" '
        'media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
    for number, (heading, body) in enumerate(chapters, start=1):
        name = f"chapter{number}.xhtml"
        items.append(f'<item id="c{number}" href="{name}" media-type="application/xhtml+xml"/>')
        refs.append(f'<itemref idref="c{number}"/>')
        members[f"OEBPS/{name}"] = (
            '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>{escape(heading)}</title></head><body><h1>{escape(heading)}</h1>"
            f"<p>{escape(body)}</p></body></html>"
        )
    members["OEBPS/content.opf"] = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">test-book</dc:identifier><dc:title>{escape(title)}</dc:title>'
        f"</metadata><manifest>{''.join(items)}</manifest><spine>{''.join(refs)}</spine>"
        "</package>"
    )
    return _zip(path, members, stored_first="mimetype")


def write_html(path: Path, title: str, heading: str, paragraphs: list[str]) -> Path:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    path.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"<style>p {{ color: red; }}</style><script>var hidden = 'scriptword';</script></head>"
        f"<body><nav>Home | About</nav><h1>{escape(heading)}</h1>{body}</body></html>",
        encoding="utf-8",
    )
    return path


def write_zip_bomb_docx(path: Path, expanded_mb: int = 600) -> Path:
    """A .docx whose document.xml inflates to ``expanded_mb`` MiB of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(expanded_mb):
                member.write(block)
    return path
