"""A personal Documents folder and the judged queries a person would type into it.

``build(folder)`` writes the documents of ``personal_documents.py`` (real txt, md, pdf, docx,
pptx, odt, html, epub, py and js files, in sub-folders as a person keeps them) and returns
the judged queries, each with its relevant file (or small set of files) and a kind:

- ``paraphrase``: worded differently from the file. Those marked ``disjoint`` share no
  content word with any of their relevant files (``shared_words`` checks it: a simple
  tokenizer, a stop-word list and crude stemming), so only meaning can find them.
- ``keyword``: the file's own words.
- ``filename``: part of a file or folder name ("resignation letter", "invoices 2023").
- ``typo``: a misspelt short query ("lasgna recpie").

Some queries name ``distractors``: files that share an incidental word with the query
("lime leaves" in a curry against "telling my boss I'm leaving the company"), so a lone
keyword match that ranks them first is punished by the metric.

Everything is fixed text: two builds write the same documents.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Literal

from benchmarks.folder_collection import JudgedQuery as JudgedQuery  # re-exported
from benchmarks.folder_collection import document_text as document_text  # re-exported
from benchmarks.folder_collection import write_collection
from benchmarks.personal_documents import DOCUMENTS

Kind = Literal["paraphrase", "keyword", "filename", "typo"]
KINDS: tuple[Kind, ...] = ("paraphrase", "keyword", "filename", "typo")


def _paraphrase(
    text: str, relevant: str | tuple[str, ...], *distractors: str, disjoint: bool = True
) -> JudgedQuery:
    paths = (relevant,) if isinstance(relevant, str) else relevant
    return JudgedQuery(text, "paraphrase", paths, disjoint, distractors)


def _kind(kind: Kind, text: str, *relevant: str) -> JudgedQuery:
    return JudgedQuery(text, kind, relevant)


_RESIGNATION = "Letters/resignation-letter-2024.docx"
_CURRY = "Recipes/thai-green-curry.txt"
_PACKING = "Travel/packing-list-lisbon.txt"
_THANK_YOU = "Letters/thank-you-aunt-rosa.txt"
_PASSPORT = "Travel/passport-renewal-ella.odt"
_LASAGNA = "Recipes/lasagna.md"
_VACCINATION = "Health/vaccination-record.pdf"
_DISHWASHER = "Manuals/dishwasher-manual.pdf"
_PRESCRIPTION = "Health/prescription-lisinopril.txt"
_MOVING = "Home/moving-checklist.md"
_CV = "Work/CV-Laura-Mendes-2024.pdf"
_MEETING_MARCH = "Work/meeting-notes-2024-03-12.md"
_MEETING_APRIL = "Work/meeting-notes-2024-04-09.md"
_INVOICES_2023 = (
    "Bills/Invoices 2023/plumber-invoice-hartley.pdf",
    "Bills/Invoices 2023/invoice-rise-and-shine-bakery.odt",
    "Bills/Invoices 2023/vet-invoice-miso.txt",
)
_WARRANTIES = (
    "Home/Warranties/laptop-warranty-dell.pdf",
    "Home/Warranties/refrigerator-warranty.txt",
)

QUERIES: tuple[JudgedQuery, ...] = (
    # -- paraphrase: the two traps the issue reports first --------------------------------
    _paraphrase(
        "telling my boss I'm leaving the company",
        _RESIGNATION,
        _CURRY,
        "Recipes/sourdough-starter.odt",
        "Code/todo-app/app.js",
        "School/field-trip-permission.docx",
        "Insurance/car-insurance-policy-2024.pdf",
    ),
    _paraphrase("what to bring on vacation", _PACKING, _THANK_YOU, _PASSPORT),
    # -- paraphrase: letters and work -----------------------------------------------------
    _paraphrase(
        "angry note about damp and a freezing flat",
        "Letters/complaint-to-landlord-mold.odt",
        _LASAGNA,
        "Recipes/vegetable-soup.docx",
        _MOVING,
    ),
    _paraphrase(
        "selling myself to a prospective employer",
        "Letters/cover-letter-greenleaf-health.docx",
        _MOVING,
        "Tax/tax-return-2023-notes.md",
    ),
    _paraphrase(
        "my kid was sick and missed two days of class", "Letters/note-to-teacher-absence.txt"
    ),
    _paraphrase("latest resume for job hunting", _CV),
    _paraphrase(
        "why some purchases were counted twice",
        _MEETING_APRIL,
        "Car/car-purchase-agreement.pdf",
        "Recipes/sourdough-starter.odt",
        _PRESCRIPTION,
    ),
    _paraphrase(
        "deck on why clients stop subscribing", "Work/quarterly-review-q1-2024.pptx", _MEETING_MARCH
    ),
    _paraphrase(
        "my yearly appraisal and pay rise",
        "Work/performance-review-2023.docx",
        "Tax/tax-return-2023-notes.md",
        "School/science-fair-volcanoes.pptx",
    ),
    _paraphrase("business trip to Texas", "Work/expense-claim-data-council-2024.odt", _VACCINATION),
    # -- paraphrase: bills ----------------------------------------------------------------
    _paraphrase(
        "how much power we used in winter",
        "Bills/2024/electricity-bill-2024-02.pdf",
        "Manuals/thermostat-setup.html",
        "Manuals/coffee-machine-descaling.txt",
    ),
    _paraphrase(
        "what broadband costs us",
        "Bills/2024/internet-bill-2024-03.pdf",
        "Manuals/thermostat-setup.html",
    ),
    _paraphrase(
        "what our mobile contract costs each month",
        "Bills/2024/phone-bill-2024-05.html",
        _RESIGNATION,
    ),
    _paraphrase(
        "where our money went in April",
        "Bills/2024/bank-statement-2024-04.pdf",
        _MEETING_APRIL,
        "Notes/gift-ideas.txt",
        "Bills/2024/phone-bill-2024-05.html",
    ),
    _paraphrase("my pet having teeth pulled", "Bills/Invoices 2023/vet-invoice-miso.txt"),
    # -- paraphrase: recipes --------------------------------------------------------------
    _paraphrase(
        "cheesy pasta bake for a crowd",
        _LASAGNA,
        "Recipes/chocolate-chip-cookies.html",
        "Recipes/banana-bread.md",
    ),
    _paraphrase("loaf made from overripe fruit", "Recipes/banana-bread.md"),
    _paraphrase(
        "feeding the wild yeast culture",
        "Recipes/sourdough-starter.odt",
        "Recipes/vegetable-soup.docx",
        "Home/balcony-garden-plan.odt",
    ),
    _paraphrase(
        "biscuits for the fundraiser",
        "Recipes/chocolate-chip-cookies.html",
        "Bills/2024/credit-card-statement-2024-05.html",
    ),
    _paraphrase(
        "hearty broth for chilly nights",
        "Recipes/vegetable-soup.docx",
        "Travel/hotel-reservation-lisbon.html",
    ),
    _paraphrase("the dessert my late grandmother used to make", "Recipes/grandmas-apple-pie.pdf"),
    _paraphrase("spicy coconut dinner from Thailand", _CURRY, disjoint=False),
    # -- paraphrase: travel ---------------------------------------------------------------
    _paraphrase("plane tickets to Portugal", "Travel/flight-booking-lisbon.pdf", _PASSPORT),
    _paraphrase("lodging for the Portuguese trip", "Travel/hotel-reservation-lisbon.html", _CV),
    _paraphrase(
        "autumn holiday with shrines and hot springs",
        "Travel/itinerary-japan-2023.md",
        _VACCINATION,
        _CURRY,
    ),
    _paraphrase(
        "my daughter's identity papers for going abroad run out soon",
        _PASSPORT,
        "Letters/complaint-to-landlord-mold.odt",
        "Bills/2024/phone-bill-2024-05.html",
    ),
    _paraphrase(
        "sightseeing advice for the Portuguese capital", "Travel/lisbon-pocket-guide.epub", _CV
    ),
    # -- paraphrase: health ---------------------------------------------------------------
    _paraphrase("list of jabs I've had over the years", _VACCINATION, _PACKING, _RESIGNATION),
    _paraphrase(
        "pills for high blood pressure",
        _PRESCRIPTION,
        _PACKING,
        "Car/service-record-civic.txt",
        "Health/eye-exam-2024.docx",
    ),
    _paraphrase(
        "getting my teeth cleaned",
        "Health/dentist-visit-2024-03.md",
        "Bills/Invoices 2023/vet-invoice-miso.txt",
    ),
    _paraphrase(
        "new glasses prescription",
        "Health/eye-exam-2024.docx",
        _PRESCRIPTION,
        "Notes/wedding-speech-draft.docx",
        _DISHWASHER,
    ),
    _paraphrase("building stamina for jogging", "Health/running-plan-10k.odt"),
    # -- paraphrase: code and manuals -----------------------------------------------------
    _paraphrase(
        "script that copies my pictures to an external disk", "Code/backup_photos.py", _THANK_YOU
    ),
    _paraphrase(
        "program that tallies my spending by type of expense",
        "Code/budget_tracker.py",
        "Work/expense-claim-data-council-2024.odt",
    ),
    _paraphrase(
        "browser page for ticking off household chores",
        "Code/todo-app/app.js",
        "Letters/cover-letter-greenleaf-health.docx",
        "Home/wifi-router-settings.txt",
    ),
    _paraphrase(
        "plate-washing machine flashes a fault message",
        _DISHWASHER,
        "Manuals/coffee-machine-descaling.txt",
        "Recipes/grandmas-apple-pie.pdf",
    ),
    _paraphrase(
        "controlling how warm the flat gets while we're out",
        "Manuals/thermostat-setup.html",
        _MOVING,
        "Manuals/coffee-machine-descaling.txt",
    ),
    _paraphrase(
        "getting the limescale out of the espresso maker", "Manuals/coffee-machine-descaling.txt"
    ),
    _paraphrase(
        "repairing a flat on my bike",
        "Manuals/bicycle-care.epub",
        _MOVING,
        "Home/Warranties/laptop-warranty-dell.pdf",
    ),
    # -- paraphrase: tax, insurance, car --------------------------------------------------
    _paraphrase(
        "what to prepare before filing with the government",
        "Tax/tax-return-2023-notes.md",
        "Code/rename_scans.py",
    ),
    _paraphrase(
        "money we gave to good causes",
        "Tax/charitable-donations-2023.odt",
        "Bills/2024/phone-bill-2024-05.html",
        "Insurance/car-insurance-policy-2024.pdf",
    ),
    _paraphrase(
        "what happens if someone smashes into me on the road",
        "Insurance/car-insurance-policy-2024.pdf",
        "Manuals/bicycle-care.epub",
    ),
    _paraphrase(
        "getting reimbursed after the break-in",
        "Insurance/renters-claim-burglary-2023.docx",
        "Work/expense-claim-data-council-2024.odt",
    ),
    _paraphrase("how much we paid for our secondhand automobile", "Car/car-purchase-agreement.pdf"),
    # -- paraphrase: school and courses ---------------------------------------------------
    _paraphrase(
        "how our daughter is doing in her lessons",
        ("School/ella-report-card-2024.pdf", "School/parent-teacher-conference-2023-11.txt"),
        "Letters/complaint-to-landlord-mold.odt",
        "Courses/spanish-vocabulary-lesson-7.pptx",
    ),
    _paraphrase(
        "consent form for the class outing to see animals",
        "School/field-trip-permission.docx",
        _PASSPORT,
        _CURRY,
    ),
    _paraphrase(
        "why mountains blow their tops",
        "School/science-fair-volcanoes.pptx",
        "Manuals/bicycle-care.epub",
    ),
    _paraphrase(
        "phrases for being unwell, in another language",
        "Courses/spanish-vocabulary-lesson-7.pptx",
        _CV,
    ),
    # -- paraphrase: home and notes -------------------------------------------------------
    _paraphrase(
        "is my notebook computer still protected if the screen breaks",
        "Home/Warranties/laptop-warranty-dell.pdf",
        "Manuals/thermostat-setup.html",
        "Health/eye-exam-2024.docx",
    ),
    _paraphrase(
        "how long is the guarantee on the fridge",
        "Home/Warranties/refrigerator-warranty.txt",
        "Bills/Invoices 2023/plumber-invoice-hartley.pdf",
        "Recipes/sourdough-starter.odt",
    ),
    _paraphrase("how long our tenancy lasts", "Home/lease-agreement-2023.pdf"),
    _paraphrase("tasks before relocating", _MOVING),
    _paraphrase(
        "how visitors get on the wireless at our place",
        "Home/wifi-router-settings.txt",
        "Bills/2024/phone-bill-2024-05.html",
        _MOVING,
    ),
    _paraphrase(
        "growing veggies on our little outdoor deck",
        "Home/balcony-garden-plan.odt",
        _MEETING_MARCH,
    ),
    _paraphrase(
        "what the reading circle said about the novel with the butler",
        "Notes/book-club-notes.md",
        "School/ella-report-card-2024.pdf",
    ),
    _paraphrase("toast for the bride and groom", "Notes/wedding-speech-draft.docx"),
    _paraphrase(
        "what to buy my husband and daughter",
        "Notes/gift-ideas.txt",
        "Letters/complaint-to-landlord-mold.odt",
        "Home/balcony-garden-plan.odt",
    ),
    # -- keyword: the file's own words ----------------------------------------------------
    _kind("keyword", "kaffir lime leaves coconut milk", _CURRY),
    _kind("keyword", "Lisinopril 10 mg", _PRESCRIPTION),
    _kind("keyword", "E24 drain blocked filter", _DISHWASHER),
    _kind("keyword", "Tdap booster", _VACCINATION),
    _kind("keyword", "Delta confirmation K7QX2M", "Travel/flight-booking-lisbon.pdf"),
    _kind("keyword", "Hartley plumbing faucet cartridge", _INVOICES_2023[0]),
    _kind("keyword", "tire rotation brake pads", "Car/service-record-civic.txt"),
    _kind("keyword", "Mendes-Guest password", "Home/wifi-router-settings.txt"),
    _kind("keyword", "copay urgent care specialist", "Insurance/health-plan-summary-2024.html"),
    _kind(
        "keyword",
        "Ms. Alvarez parent-teacher conference",
        "School/parent-teacher-conference-2023-11.txt",
    ),
    _kind("keyword", "Klara and the Sun", "Notes/book-club-notes.md"),
    _kind("keyword", "magma lava eruption", "School/science-fair-volcanoes.pptx"),
    # -- filename: part of a file or folder name ------------------------------------------
    _kind("filename", "resignation letter", _RESIGNATION),
    _kind("filename", "invoices 2023", *_INVOICES_2023),
    _kind("filename", "cv", _CV),
    _kind("filename", "packing list", _PACKING),
    _kind("filename", "vaccination record", _VACCINATION),
    _kind("filename", "meeting notes", _MEETING_MARCH, _MEETING_APRIL),
    _kind("filename", "japan itinerary", "Travel/itinerary-japan-2023.md"),
    _kind("filename", "lease agreement", "Home/lease-agreement-2023.pdf"),
    _kind("filename", "warranties", *_WARRANTIES),
    _kind("filename", "backup photos", "Code/backup_photos.py"),
    _kind("filename", "report card", "School/ella-report-card-2024.pdf"),
    _kind("filename", "todo app", "Code/todo-app/app.js"),
    # -- typo: a misspelt short query -----------------------------------------------------
    _kind("typo", "lasgna recpie", _LASAGNA),
    _kind("typo", "resignaton leter", _RESIGNATION),
    _kind("typo", "vacination recrod", _VACCINATION),
    _kind("typo", "dishwaser manual", _DISHWASHER),
    _kind("typo", "pasport renewel", _PASSPORT),
    _kind("typo", "bananna bred", "Recipes/banana-bread.md"),
    _kind("typo", "electricty bil", "Bills/2024/electricity-bill-2024-02.pdf"),
    _kind("typo", "thermostst setup", "Manuals/thermostat-setup.html"),
)

# -- writing the folder --------------------------------------------------------------------


def build(folder: Path) -> list[JudgedQuery]:
    """Writes the collection into ``folder`` (created if missing); returns the queries.

    A folder that already holds other files is refused: they would change the benchmark.
    """
    write_collection(folder, DOCUMENTS)
    return list(QUERIES)


# -- the "no shared content word" check ------------------------------------------------------

_STOPWORD_TEXT = """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most much my myself no nor not now of off on once
    only or other our ours ourselves out over own per same she should so some someone such
    than that the their theirs them themselves then there these they this those through to
    too under until up us very was we were what when where which while who whom why will
    with would you your yours yourself yourselves s t m d ll re ve don didn doesn isn wasn
    won
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_TOKEN = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def crude_stem(word: str) -> str:
    """Strips -ies/-ing/-ed/-es/-s and a final -e: "leaving", "leaves", "leave" -> "leav"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and not word.endswith("ss") and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ing", "ed") and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "getting" -> "get", "stopped" -> "stop"; "filling" stays
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def content_tokens(text: str) -> list[str]:
    """The lowercased words of ``text`` that are not stop words, unstemmed, in order."""
    return [w for w in _TOKEN.findall(text.lower()) if w not in _STOPWORDS]


def content_words(text: str) -> set[str]:
    """Stemmed words of ``text`` that are not stop words."""
    return {crude_stem(w) for w in content_tokens(text)}


_BY_PATH = {document.path: document for document in DOCUMENTS}


@functools.lru_cache(maxsize=256)
def _words_of(path: str) -> frozenset[str]:
    return frozenset(content_words(document_text(_BY_PATH[path])))


def shared_words(query: str, path: str) -> set[str]:
    """The query's content words that the file at ``path`` (its text or its name) holds too."""
    return content_words(query) & _words_of(path)
