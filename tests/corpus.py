"""A small folder with one file of every supported format, and paraphrased queries for it.

Every query shares no content word with any file (the e2e test checks that), so only
meaning can find the right file.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from email.message import EmailMessage
from pathlib import Path

from tests import docfactory
from tests.extract.msgfactory import MsgSpec, write_msg
from tests.extract.sheetfactory import write_xlsx
from tests.ocr.scanned import strip

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# (file name, query that should find it first)
PARAPHRASE_QUERIES: list[tuple[str, str]] = [
    ("kitten.txt", "pet feline napping near heater"),
    ("sourdough.md", "homemade loaf using wild yeast culture"),
    ("fibonacci.py", "recursive series where each term adds the two preceding values"),
    ("paris-guide.html", "sightseeing trip to the French capital"),
    ("quarterly-report.pdf", "firm earnings went up"),
    ("resignation.docx", "quitting my job"),
    ("climate.pptx", "planet heating up and ice sheets shrinking"),
    ("garden.odt", "growing produce in a backyard plot"),
    ("astronomy.epub", "watching the heavens and faraway celestial objects"),
    ("IMG_0412.png", "mending a bike puncture"),
    ("backup-2023.zip", "carpentry project in the shed"),
    ("dentist.eml", "teeth cleaning"),
    ("school.mbox", "children's outing to watch marine animals"),
    ("boiler.msg", "central heating maintenance"),
    ("bills.xlsx", "what I paid the power company"),
    ("contacts.csv", "who do I phone for the physician"),
    ("minutes.rtf", "what the neighbours agreed about the rubbish store"),
    ("tenancy.doc", "vacating the rented apartment"),
]


def build_sample_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kitten.txt").write_text(
        "My kitten loves sleeping on the warm radiator every winter afternoon. She curls up "
        "into a ball, purrs softly and ignores everybody until dinner time.\n",
        encoding="utf-8",
    )
    (folder / "sourdough.md").write_text(
        "# Bread baking\n\nFeed the starter with flour and water the night before. Mix, knead "
        "and let the dough rise slowly for twelve hours, then bake it in a hot Dutch oven "
        "until the crust is dark and crackly.\n",
        encoding="utf-8",
    )
    (folder / "fibonacci.py").write_text(
        '"""Fibonacci numbers."""\n\n\ndef fibonacci(n: int) -> int:\n'
        '    """Return the n-th Fibonacci number: fib(n) = fib(n - 1) + fib(n - 2)."""\n'
        "    if n < 2:\n        return n\n    return fibonacci(n - 1) + fibonacci(n - 2)\n",
        encoding="utf-8",
    )
    docfactory.write_html(
        folder / "paris-guide.html",
        "Visiting Paris",
        "Paris in three days",
        [
            "Climb the Eiffel Tower at sunset, stroll along the Seine and spend "
            "a morning at the Louvre museum.",
            "Montmartre offers cafés, painters and a view over the rooftops.",
        ],
    )
    docfactory.write_pdf(
        folder / "quarterly-report.pdf",
        [
            "Quarterly results. Revenue rose twelve percent compared with the same quarter "
            "last year, and operating profit margins widened.",
            "Outlook: management expects sales growth to continue into the next quarter.",
        ],
        title="Q3 results",
    )
    docfactory.write_docx(
        folder / "resignation.docx",
        [
            "Dear Ms Smith, I am writing to formally resign from my position as senior analyst. "
            "My last working day will be the thirtieth of June.",
            "Thank you for the opportunities and support during my time here.",
        ],
        headings=["Letter of resignation"],
        title="Resignation letter",
    )
    docfactory.write_pptx(
        folder / "climate.pptx",
        [
            ["Global warming", "Average temperatures keep rising every decade."],
            ["Glaciers are melting", "Greenhouse gas emissions must fall quickly."],
        ],
    )
    docfactory.write_odt(
        folder / "garden.odt",
        [
            "Plant tomatoes, basil and courgettes in spring.",
            "Water the vegetable beds every evening and pull weeds on Sundays.",
        ],
        heading="Kitchen garden plan",
    )
    docfactory.write_epub(
        folder / "astronomy.epub",
        "Stargazing for beginners",
        [
            ("Telescopes", "A small telescope shows the rings of Saturn and the moons of Jupiter."),
            ("Galaxies", "The Andromeda galaxy and distant nebulae are visible on dark evenings."),
        ],
    )
    write_new_kinds(folder)
    write_tables_and_legacy_documents(folder)
    return folder


def write_tables_and_legacy_documents(folder: Path) -> None:
    """A spreadsheet of bills, a CSV of contacts, RTF minutes and a Word 97 letter."""
    write_xlsx(
        folder / "bills.xlsx",
        {
            "2024": [
                ["Date", "Supplier", "Category", "Amount"],
                [dt.date(2024, 3, 2), "Voltia", "Electricity", 84.20],
                [dt.date(2024, 3, 5), "Aqua Clear", "Water", 31.10],
                [dt.date(2024, 3, 9), "Fibrenet", "Broadband", 29.99],
            ]
        },
    )
    (folder / "contacts.csv").write_text(
        "Name,Telephone,Role\nDr Amira Haddad,0161 555 0192,family doctor\n"
        "Pete Lowe,0161 555 0110,plumber\nJune Okoro,0161 555 0178,piano teacher\n",
        encoding="utf-8",
    )
    (folder / "minutes.rtf").write_text(
        "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 Residents' committee minutes. The new "
        "shelter for the bins and the recycling will be built in April.\\par}",
        encoding="ascii",
    )
    shutil.copy(FIXTURES / "move-out-notice.doc", folder / "tenancy.doc")  # LibreOffice's Word 97


def write_new_kinds(folder: Path) -> None:
    """A photo of a receipt (read by OCR), an archive, a saved mail, a mailbox and an
    Outlook message."""
    strip(["Cycle workshop", "New inner tube and brake pads 34.90"]).save(folder / "IMG_0412.png")
    member = docfactory.write_docx(
        folder / "workbench.docx",
        ["Build the workbench from oak boards, glue the joints and sand the top smooth."],
    )
    with zipfile.ZipFile(folder / "backup-2023.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(member, "garage/workbench.docx")
    member.unlink()
    mail = EmailMessage()
    mail["From"] = "Smile Clinic <reception@smile-clinic.example>"
    mail["To"] = "Laura <laura@example.org>"
    mail["Subject"] = "Your check-up appointment"
    mail["Date"] = "Mon, 01 Jul 2024 10:00:00 +0000"
    mail.set_content(
        "We look forward to welcoming you on Tuesday 9 July at 15:40 for your six-monthly "
        "check-up with the hygienist: a scale and polish, and X-rays of your molars."
    )
    (folder / "dentist.eml").write_bytes(bytes(mail))
    letters = []
    for subject, body in (
        (
            "Aquarium visit on Friday",
            "Year 4 goes to the aquarium on Friday: sharks, rays and jellyfish. "
            "Please sign the permission slip and pack a lunch.",
        ),
        ("Band practice", "Rehearsal is moved to Thursday evening in the music room."),
    ):
        letter = EmailMessage()
        letter["From"] = "Oakfield Primary <office@oakfield.example>"
        letter["Subject"] = subject
        letter["Date"] = "Wed, 05 Jun 2024 08:00:00 +0000"
        letter.set_content(body)
        letters.append(b"From office@oakfield.example Wed Jun  5 08:00:00 2024\n" + bytes(letter))
    (folder / "school.mbox").write_bytes(b"\n".join(letters))
    write_msg(
        folder / "boiler.msg",
        MsgSpec(
            subject="Boiler service booked",
            body="Our engineer will inspect the gas boiler and bleed the radiators on Monday.",
        ),
    )
