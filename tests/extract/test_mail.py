"""Mail: .eml messages, mbox mailboxes and Outlook .msg files, their attachments as
members, hostile mail (bombs, corrupt mailboxes, deep nesting, evil file names), and
search over indexed mail naming the message or attachment it found."""

from __future__ import annotations

import random
import struct
import tempfile
import zlib
from email.message import EmailMessage
from pathlib import Path

import pytest

from desktop_search.engine import Engine
from desktop_search.extract.base import Extracted, ExtractionError
from desktop_search.extract.guard import GuardedExtractor, read_and_extract
from desktop_search.extract.mbox import MAX_MESSAGES, split_mbox
from desktop_search.extract.members import SEPARATOR
from desktop_search.search.service import SearchRequest
from tests import docfactory
from tests.extract.msgfactory import MsgSpec, msg_bytes, write_msg
from tests.extract.test_formats import LIMIT, FormatContract

DATE = "Tue, 05 Mar 2024 09:30:00 +0000"


def message(
    subject: str,
    body: str,
    *,
    sender: str = "Alice Example <alice@example.com>",
    date: str = DATE,
    html: str = "",
    attachments: dict[str, bytes] | None = None,
) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "Bob Reader <bob@example.com>"
    mail["Cc"] = "Carol <carol@example.com>"
    mail["Subject"] = subject
    mail["Date"] = date
    mail.set_content(body)
    if html:
        mail.add_alternative(html, subtype="html")
    for name, data in (attachments or {}).items():
        maintype, subtype = ("application", "pdf") if name.endswith(".pdf") else ("text", "plain")
        mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return mail


def mbox_bytes(messages: list[EmailMessage]) -> bytes:
    """An mboxrd mailbox: 'From ' separator lines, body lines '>*From ' escaped."""
    out = bytearray()
    for mail in messages:
        out += b"From alice@example.com Tue Mar  5 09:30:00 2024\n"
        for line in mail.as_bytes().splitlines(keepends=True):
            out += b">" + line if line.lstrip(b">").startswith(b"From ") else line
        out += b"\n"
    return bytes(out)


def invoice_pdf(folder: Path) -> bytes:
    path = docfactory.write_pdf(
        folder / "invoice-source.pdf",
        [
            "Invoice 2024-117: two teak garden benches and a large sun parasol, "
            "total 420 euros, payable within thirty days.",
            "Delivery to the back entrance; the courier calls an hour ahead.",
        ],
    )
    data = path.read_bytes()
    path.unlink()
    return data


class TestEml(FormatContract):
    kind, file_name = "mail", "invoice.eml"
    expected_phrases = (
        "From: Alice Example <alice@example.com>",
        "Cc: Carol <carol@example.com>",
        "Subject: Invoice for March",
        "the invoice for the garden furniture is attached",
        "teak garden benches",
    )
    expected_title = "Invoice for March"
    expected_sections = ("invoice.pdf", f"invoice.pdf{SEPARATOR}page 1")

    def make(self, folder: Path) -> Path:
        mail = message(
            "Invoice for March",
            "Hello Bob,\nthe invoice for the garden furniture is attached.\n",
            html="<html><body><p>HTML twin of the letter</p></body></html>",
            attachments={"invoice.pdf": invoice_pdf(folder)},
        )
        path = folder / self.file_name
        path.write_bytes(mail.as_bytes())
        return path

    def test_plain_body_preferred_to_its_html_twin(self, extracted: Extracted) -> None:
        assert "HTML twin" not in extracted.text

    def test_attachment_text_names_its_file_and_page(self, extracted: Extracted) -> None:
        assert extracted.section_at(extracted.text.index("Delivery to the back")) == (
            f"invoice.pdf{SEPARATOR}page 2"
        )
        assert extracted.section_at(extracted.text.index("garden furniture is")) == ""


def test_html_only_mail_is_read_as_text(tmp_path: Path) -> None:
    mail = EmailMessage()
    mail["From"], mail["Subject"] = "news@example.com", "Newsletter"
    mail.set_content(
        "<html><head><style>p{color:red}</style></head><body><h1>Spring sale</h1>"
        "<p>Kites &amp; balloons half price.</p></body></html>",
        subtype="html",
    )
    path = tmp_path / "news.eml"
    path.write_bytes(mail.as_bytes())
    extracted = read_and_extract(path, LIMIT)
    assert "Kites & balloons half price." in extracted.text
    assert "<p>" not in extracted.text and "color:red" not in extracted.text


def test_mail_is_recognised_by_content_and_plain_text_is_not(tmp_path: Path) -> None:
    mail = tmp_path / "saved-mail.txt"
    mail.write_bytes(message("Lunch", "See you at noon.").as_bytes())
    assert read_and_extract(mail, LIMIT).kind == "mail"
    notes = tmp_path / "notes.txt"
    notes.write_text("Date: 2024-03-05\nMeeting notes: buy paint.\n\nMore notes.\n", "utf-8")
    assert read_and_extract(notes, LIMIT).kind == "text"
    single = tmp_path / "todo.txt"
    single.write_text("Subject: groceries\n\nmilk, eggs\n", "utf-8")
    assert read_and_extract(single, LIMIT).kind == "text"


def test_unknown_charset_encoded_words_and_raw_8bit_headers_are_read(tmp_path: Path) -> None:
    raw = (
        b"From: =?utf-8?q?Ren=C3=A9e?= <renee@example.com>\n"
        b"Cc: Bj\xc3\xb6rn <bjorn@example.com>, Zo\xe9 <zoe@example.com>\n"
        b"Subject: =?iso-8859-1?q?Caf=E9_menu?=\n"
        b"Date: not a date at all\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\n"
        b"Content-Transfer-Encoding: quoted-printable\n\n"
        b"Croissants and caf=C3=A9 au lait.\n"
    )
    path = tmp_path / "odd.eml"
    path.write_bytes(raw)
    extracted = read_and_extract(path, LIMIT)
    assert extracted.title == "Café menu"
    assert "From: Renée <renee@example.com>" in extracted.text
    assert "Cc: Björn <bjorn@example.com>, Zoé <zoe@example.com>" in extracted.text
    assert "Croissants and café au lait." in extracted.text


MBOX_MESSAGES = (
    ("Sourdough starter", "Carol Baker <carol@example.com>", "Feed the starter daily."),
    ("Lisbon trip", "Dan <dan@example.com>", "The flight lands at noon."),
    ("Dentist appointment", "erin@example.com", "Moved to Thursday."),
)


class TestMbox(FormatContract):
    kind, file_name = "mbox", "archive.mbox"
    expected_phrases = (
        "Feed the starter daily.",
        "The flight lands at noon.",
        "Moved to Thursday.",
        "From the kitchen, with love.",
        "teak garden benches",
    )
    expected_sections = (
        "Sourdough starter \u2014 Carol Baker, 2024-03-05",
        "Lisbon trip \u2014 Dan, 2024-03-05",
        "Dentist appointment \u2014 erin@example.com, 2024-03-05",
        f"Lisbon trip \u2014 Dan, 2024-03-05{SEPARATOR}invoice.pdf{SEPARATOR}page 1",
    )

    def make(self, folder: Path) -> Path:
        pdf = invoice_pdf(folder)
        mails = [
            message(subject, f"{body}\n\nFrom the kitchen, with love.\n", sender=sender)
            for subject, sender, body in MBOX_MESSAGES
        ]
        mails[1].add_attachment(pdf, maintype="application", subtype="pdf", filename="invoice.pdf")
        path = folder / self.file_name
        path.write_bytes(mbox_bytes(mails))
        return path

    def test_each_message_is_its_own_section(self, extracted: Extracted) -> None:
        for subject, _, body in MBOX_MESSAGES:
            assert extracted.section_at(extracted.text.index(body)).startswith(subject)
        assert extracted.title == ""

    def test_escaped_from_lines_are_restored(self, extracted: Extracted) -> None:
        assert ">From" not in extracted.text

    def test_a_mailbox_without_extension_is_recognised(self, tmp_path: Path) -> None:
        path = self.make(tmp_path).rename(tmp_path / "mbox")
        assert read_and_extract(path, LIMIT).kind == "mbox"


def test_from_in_a_body_does_not_split_the_message() -> None:
    mail = message("Timetable", "Opening hours.\n\nFrom 9:00 to 17:00 on weekdays.\n")
    raw = b"From a@b Tue Mar  5 09:30:00 2024\n" + mail.as_bytes()
    assert len(list(split_mbox(raw))) == 1


def test_a_mailbox_of_one_bare_message_is_read_as_that_mail(tmp_path: Path) -> None:
    path = tmp_path / "single.mbox"
    path.write_bytes(message("Alone", "Just one message about herons.").as_bytes())
    extracted = read_and_extract(path, LIMIT)
    assert (extracted.kind, extracted.title) == ("mail", "Alone")
    assert "herons" in extracted.text


def test_message_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop_search.extract.mbox.MAX_MESSAGES", 2)
    assert MAX_MESSAGES >= 20_000
    path = tmp_path / "big.mbox"
    path.write_bytes(mbox_bytes([message(f"Note {n}", f"Body number {n}.") for n in range(4)]))
    extracted = read_and_extract(path, LIMIT)
    assert "Body number 1." in extracted.text and "Body number 2." not in extracted.text
    assert any("more than 2 messages" in reason for _, reason in extracted.skipped_members)


class TestOutlook(FormatContract):
    kind, file_name = "outlook", "quarterly.msg"
    expected_phrases = (
        "From: Alice Example <alice@example.com>",
        "To: Bob <bob@example.com>",
        "Subject: Quarterly invoice",
        "Please find the invoice attached.",
        "teak garden benches",
        "Inner body about otters.",
    )
    expected_title = "Quarterly invoice"
    expected_sections = ("invoice.pdf", f"invoice.pdf{SEPARATOR}page 1", "forwarded.msg")

    def make(self, folder: Path) -> Path:
        spec = MsgSpec(
            "Quarterly invoice",
            "Please find the invoice attached.",
            attachments={
                "invoice.pdf": invoice_pdf(folder),
                "forwarded.msg": MsgSpec("Inner topic", "Inner body about otters."),
            },
        )
        return write_msg(folder / self.file_name, spec)

    def test_date_is_in_the_header_block(self, extracted: Extracted) -> None:
        assert "Date: Tue, 05 Mar 2024 09:30:00 +0000" in extracted.text

    def test_nothing_is_written_to_temporary_files(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = self.make(tmp_path)

        def refuse(*args: object, **kwargs: object) -> None:
            raise AssertionError("user content must not go to a temporary file")

        for name in (
            "mkstemp",
            "mkdtemp",
            "NamedTemporaryFile",
            "TemporaryFile",
            "SpooledTemporaryFile",
        ):
            monkeypatch.setattr(tempfile, name, refuse)
        assert "otters" in read_and_extract(path, LIMIT).text


def test_nested_outlook_messages_stop_at_the_depth_cap(tmp_path: Path) -> None:
    spec = MsgSpec("Level 6", "Innermost msgmarker6.")
    for level in reversed(range(6)):
        spec = MsgSpec(f"Level {level}", f"Body msgmarker{level}.", attachments={"fw.msg": spec})
    extracted = read_and_extract(write_msg(tmp_path / "chain.msg", spec), LIMIT)
    assert all(f"msgmarker{level}" in extracted.text for level in range(4))
    assert "msgmarker4" not in extracted.text
    assert any("levels deep" in reason for _, reason in extracted.skipped_members)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"This is not an OLE file at all. " * 100, "not an Outlook message"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 20, "corrupt or unsupported"),
    ],
)
def test_garbage_msg_gives_a_clear_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "broken.msg"
    path.write_bytes(content)
    with pytest.raises(ExtractionError, match=reason):
        read_and_extract(path, LIMIT)


def test_truncated_msg_gives_what_it_can(tmp_path: Path) -> None:
    data = msg_bytes(MsgSpec("Cut short", "x" * 20_000))
    path = tmp_path / "cut.msg"
    path.write_bytes(data[: len(data) // 2])
    assert read_and_extract(path, LIMIT).title == "Cut short"
    path.write_bytes(data[:1000])
    with pytest.raises(ExtractionError, match="not an Outlook message"):
        read_and_extract(path, LIMIT)


def test_encrypted_msg_is_refused_with_its_reason(tmp_path: Path) -> None:
    path = write_msg(tmp_path / "secret.msg", MsgSpec("Secret", "", message_class="IPM.Note.SMIME"))
    with pytest.raises(ExtractionError, match="encrypted Outlook message"):
        read_and_extract(path, LIMIT)


# Hostile mail


def zip_bomb(expanded_mib: int, declared: int | None = None) -> bytes:
    """A zip whose one member inflates to ``expanded_mib`` MiB of zeros (about 1 KiB a
    MiB on disk): the same deflate block repeated, built in well under a second. Its
    headers declare the true size, or the lie ``declared``."""
    block = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeat = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = first + repeat * (expanded_mib - 1) + compressor.flush()
    crc = 0
    for _ in range(expanded_mib):
        crc = zlib.crc32(block, crc)
    name, size = b"zeros.txt", expanded_mib << 20 if declared is None else declared
    # version needed, flags, deflate, time, date (1980-01-01), CRC-32, compressed size
    fields = struct.pack("<HHHHHII", 20, 0, 8, 0, 0x21, crc, len(stream))
    local = b"PK\x03\x04" + fields + struct.pack("<IHH", size, len(name), 0) + name
    central = (
        b"PK\x01\x02"
        + struct.pack("<H", 20)
        + fields
        + struct.pack("<IHHHHHII", size, len(name), 0, 0, 0, 0, 0, 0)
        + name
    )
    end = b"PK\x05\x06" + struct.pack(
        "<HHHHIIH", 0, 0, 1, 1, len(central), len(local) + len(stream), 0
    )
    return local + stream + central + end


@pytest.mark.parametrize("declared", [None, 4096], ids=["honest-size", "lying-size"])
def test_zip_bomb_attachment_is_not_unpacked(tmp_path: Path, declared: int | None) -> None:
    bomb = zip_bomb(1024, declared)
    assert len(bomb) < 2 << 20
    mail = message("Quarterly figures", "The quarterly figures look healthy this time.")
    mail.add_attachment(bomb, maintype="application", subtype="zip", filename="bomb.zip")
    path = tmp_path / "bomb.eml"
    path.write_bytes(mail.as_bytes())
    # A child limited to 600 MB could not hold the bomb's 1 GiB, unpacked or as text.
    with GuardedExtractor(timeout_s=60, memory_mb=600, max_bytes=LIMIT) as guarded:
        extracted = guarded.extract(path)
    assert "quarterly figures look healthy" in extracted.text
    assert len(extracted.text) < 10_000
    # Unsupported (no zip reader), refused as a bomb, or nothing readable in it: skipped.
    assert "bomb.zip" in [name for name, _ in extracted.skipped_members]


def test_corrupt_mailbox_gives_what_it_can(tmp_path: Path) -> None:
    garbage = random.Random(7).randbytes(4096)
    pdf = invoice_pdf(tmp_path)
    truncated = message("Truncated", "Truncated body about glaciers.")
    truncated.add_attachment(pdf, maintype="application", subtype="pdf", filename="cut.pdf")
    cut = truncated.as_bytes()
    parts = [
        message("Healthy", "Healthy body about kayaks.").as_bytes(),
        garbage,
        b"Subject: =?x-unknown?q?bad?=\nContent-Type: text/plain; charset=x-nope\n"
        b"Content-Transfer-Encoding: base64\n\n!!!not base64@@@ lighthouse\n",
        b"No headers at all, just an orphan body about volcanoes.\n",
        b"Subject: caf\xe9 \xff\xfe\nFrom: \x80\x81 <x@y>\n\nNUL \x00 and windmills \xc3\x28\n",
        cut[: cut.index(b"JVBERi0") + 200],  # cut inside the PDF's base64
    ]
    data = b"".join(
        b"From x@example.com Tue Mar  5 09:3%d:00 2024\n" % n + part + b"\n\n"
        for n, part in enumerate(parts)
    )
    path = tmp_path / "corrupt.mbox"
    path.write_bytes(data + garbage[:100])
    extracted = read_and_extract(path, LIMIT)
    for word in ("kayaks", "glaciers", "volcanoes", "windmills"):
        assert word in extracted.text
    assert "cut.pdf" not in [s.label for s in extracted.sections]


def test_mailbox_of_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.mbox"
    path.write_bytes(random.Random(3).randbytes(8192))
    with pytest.raises(ExtractionError):
        read_and_extract(path, LIMIT)


def test_deeply_nested_forwarded_messages_stop_at_the_depth_cap(tmp_path: Path) -> None:
    inner: EmailMessage | None = None
    for level in reversed(range(50)):
        mail = message(f"Level {level}", f"Forwarded once more: depthmarker{level:02d}.")
        if inner is not None:
            mail.add_attachment(inner)
        inner = mail
    assert inner is not None
    path = tmp_path / "chain.eml"
    path.write_bytes(inner.as_bytes())
    extracted = read_and_extract(path, LIMIT)
    for level in range(4):
        assert f"depthmarker{level:02d}" in extracted.text
    assert "depthmarker04" not in extracted.text
    assert any("levels deep" in reason for _, reason in extracted.skipped_members)
    assert f"Level 1.eml{SEPARATOR}Level 2.eml" in [s.label for s in extracted.sections]


def test_evil_attachment_names_are_made_harmless(tmp_path: Path) -> None:
    long_name = "A" * 5000 + ".txt"
    raw = (
        b'From: a@example.com\nSubject: Names\nContent-Type: multipart/mixed; boundary="B"\n\n'
        b"--B\nContent-Type: text/plain\n\nBody about evil names.\n"
        b'--B\nContent-Type: text/plain\nContent-Disposition: attachment; filename="../../etc/'
        b'passwd"\n\ntraversal marker\n'
        b"--B\nContent-Type: text/plain\nContent-Disposition: attachment; "
        b"filename*=utf-8''evil%00name.txt\n\nnul marker\n"
        b'--B\nContent-Type: text/plain\nContent-Disposition: attachment; filename="'
        + long_name.encode()
        + b'"\n\nlong name marker\n--B--\n'
    )
    path = tmp_path / "names.eml"
    path.write_bytes(raw)
    extracted = read_and_extract(path, LIMIT)
    assert "nul marker" in extracted.text and "long name marker" in extracted.text
    names = [s.label for s in extracted.sections] + [n for n, _ in extracted.skipped_members]
    assert "passwd" in names  # no extension: skipped as an unsupported type, but named so
    assert "evil name.txt" in names
    long = next(n for n in names if n.startswith("AAAA"))
    assert len(long) <= 120 and long.endswith(".txt")
    assert not any("/" in n or "\0" in n or ".." in n for n in names)


# Search over indexed mail


def long_body(*sentences: str) -> str:
    """Text long enough for chunks of its own (200 tokens): a chunk is labelled with the
    section it starts in, so a short message sharing a chunk with its neighbour would be
    found under the neighbour's name."""
    return "\n\n".join(" ".join(sentences) for _ in range(8))


def test_search_finds_the_message_and_the_attachment(engine: Engine, tmp_path: Path) -> None:
    docs = tmp_path / "mail"
    docs.mkdir()
    pdf = docfactory.write_pdf(
        tmp_path / "invoice.pdf",
        [
            long_body(
                "Invoice 2024-117 from the garden centre.",
                "Two teak benches, a folding table and a large sun parasol, 420 euros.",
                "Payment is due within thirty days by bank transfer.",
            )
        ],
    )
    invoice = message(
        "Paperwork",
        long_body(
            "Hi, here is the paperwork you asked for last week.",
            "Let me know if anything is missing before the accountant's visit.",
        ),
        attachments={"invoice.pdf": pdf.read_bytes()},
    )
    (docs / "paperwork.eml").write_bytes(invoice.as_bytes())
    topics = [
        (
            "Sourdough starter",
            "Carol <carol@example.com>",
            long_body(
                "Feed the sourdough starter every morning with equal weights of rye flour "
                "and lukewarm water.",
                "When it doubles and smells tangy it is ready for the dough.",
                "Bake the loaves in a cast iron pot at high heat for a crisp crust.",
            ),
        ),
        (
            "Lisbon trip",
            "Dan <dan@example.com>",
            long_body(
                "Our flight to Lisbon leaves on Friday evening and lands before midnight.",
                "The guesthouse is in the Alfama, a short walk from the old cathedral.",
                "On Saturday we ride tram 28 up the hills and eat grilled sardines.",
            ),
        ),
        (
            "Dentist appointment",
            "Erin <erin@example.com>",
            long_body(
                "The clinic moved your dental check-up to Thursday at ten.",
                "The hygienist will clean your teeth and look at the cracked molar.",
                "Bring the X-ray from last year and arrive a little early.",
            ),
        ),
    ]
    mails = [message(subject, body, sender=sender) for subject, sender, body in topics]
    mbox = docs / "personal.mbox"
    mbox.write_bytes(mbox_bytes(mails))
    summary = engine.indexer().index([str(docs)])
    assert (summary.indexed, summary.failed) == (2, {})

    def top(query: str) -> tuple[str, str]:
        hits = engine.search.search(SearchRequest(query=query, k=3))
        assert hits, query
        return hits[0].path, hits[0].section

    path, section = top("cost of the patio furniture")
    assert path == str(docs / "paperwork.eml")
    assert section.startswith("invoice.pdf")
    for query, subject in (
        ("keeping a bread yeast culture alive", "Sourdough starter"),
        ("holiday in Portugal", "Lisbon trip"),
        ("rescheduled visit to have my tooth looked at", "Dentist appointment"),
    ):
        path, section = top(query)
        assert path == str(mbox), query
        assert section.startswith(f"{subject} \u2014 "), (query, section)
        assert section.endswith(", 2024-03-05")
