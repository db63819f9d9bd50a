# ruff: noqa: RUF001  (text in many scripts, on purpose)
"""A multilingual personal folder and the judged queries its owners would type into it.

``build(folder)`` writes the documents of ``multilingual_documents.py`` (txt, md, docx, odt,
html and, for English, pdf files; some names in native script) and returns the judged
queries, each with its language (``JudgedQuery.language``), its relevant file and a kind:

- ``same_language``: the query in its file's language, worded differently from it. Those
  marked ``disjoint`` share no content word with the file (``language_words.py`` says what
  a content word is in each language, CJK included), so only meaning can find them.
- ``cross_language``: the query in another language than its file (English for a German
  file, German for an English one, Chinese for a French one, ...). Those marked
  ``disjoint`` share no word either: no name, no number.

Some queries name ``distractors``: files that share an incidental word with the query (a
German query word that also stands in an unrelated German file, a shared name or number),
so a lone keyword match that ranks them first is punished. Every query on a topic that
other languages' files share (rental contracts, bills, recipes, CVs ...) names those
files as its ``twins``: the right language and household must come first, not only the
topic.

Everything is fixed text: two builds write the same documents.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from benchmarks.folder_collection import JudgedQuery, document_text, write_collection
from benchmarks.language_words import content_words
from benchmarks.multilingual_documents import DOCUMENTS, LANGUAGES

Kind = Literal["same_language", "cross_language"]
KINDS: tuple[Kind, ...] = ("same_language", "cross_language")

LANGUAGE_OF = {document.path: document.language for document in DOCUMENTS}

# -- the files the queries name ---------------------------------------------------------------

_CONDOLENCE = "Letters/condolence-letter-mrs-okafor.txt"
_WATER = "Bills/water-bill-yorkshire-water-2024.pdf"
_SHEPHERD = "Recipes/shepherds-pie.md"
_FERRY = "Travel/ferry-booking-hull-rotterdam.html"
_ASTHMA = "Health/asthma-review-alfie.docx"
_RETRO = "Work/sprint-retrospective-2024-05.md"
_TENANCY = "Home/tenancy-agreement-leeds.pdf"
_TRIP_EN = "School/year-4-trip-letter-jorvik.txt"
_BREAD = "Manuals/bread-maker-quick-guide.pdf"
_CV_EN = "Work/CV-Hannah-Brooks.docx"
_CONTENTS = "Insurance/home-contents-insurance-renewal.odt"
_KUENDIGUNG = "Briefe/Kündigung-Wohnung.txt"
_STROM = "Rechnungen/Stromrechnung-2024.odt"
_ROULADEN = "Rezepte/Rinderrouladen.md"
_BAHN = "Reisen/Bahnbuchung-Hamburg.html"
_BEFUND = "Gesundheit/Befund-Hausarzt-Blutwerte.docx"
_TEAMSITZUNG = "Arbeit/Protokoll-Teamsitzung-2024-04.md"
_MIETVERTRAG = "Wohnung/Mietvertrag-Leipzig-Gohlis.docx"
_KLASSENFAHRT = "Schule/Elternbrief-Klassenfahrt.txt"
_WASCHMASCHINE = "Anleitungen/Waschmaschine-Bedienungsanleitung.odt"
_LEBENSLAUF = "Bewerbung/Lebenslauf-Katrin-Vogel.docx"
_KFZ = "Versicherung/Kfz-Versicherung-Schadensmeldung.txt"
_MAMIE = "Courrier/lettre-à-mamie.txt"
_EDF = "Factures/facture-edf-février-2024.html"
_TATIN = "Recettes/tarte-tatin.md"
_GITE = "Voyages/réservation-gîte-ardèche.odt"
_KINE = "Santé/ordonnance-kiné-genou.txt"
_PROJET_FR = "Travail/compte-rendu-réunion-projet.md"
_BAIL = "Logement/bail-appartement-lyon.docx"
_BULLETIN = "École/bulletin-hugo-trimestre-2.odt"
_MICROWAVE = "Notices/notice-four-micro-ondes.odt"
_CV_FR = "CV/CV-Camille-Rousseau.docx"
_IMPOTS = "Impôts/déclaration-revenus-2023-notes.md"
_RECLAMACION = "Cartas/reclamación-compañía-telefónica.docx"
_GAS = "Facturas/factura-gas-naturgy-enero.html"
_PAELLA = "Recetas/paella-valenciana.md"
_VUELO = "Viajes/reserva-vuelo-valencia-roma.html"
_DENTISTA = "Salud/informe-dentista-paula.txt"
_ACTA = "Trabajo/acta-reunión-equipo-ventas.md"
_CONTRATO_ES = "Vivienda/contrato-arrendamiento-valencia.docx"
_GRANJA = "Colegio/circular-excursión-granja-escuela.txt"
_AIRE = "Manuales/manual-aire-acondicionado.odt"
_CV_ES = "CV/currículum-Lucía-Fernández.docx"
_HOGAR = "Seguros/póliza-seguro-hogar.odt"
_LENA = "Письма/письмо-подруге-Лене.txt"
_ZHKH = "Счета/квитанция-ЖКХ-март-2024.docx"
_BORSCHT = "Рецепты/борщ.md"
_POEZD = "Поездки/билеты-поезд-Казань-Москва.html"
_POLIKLINIKA = "Здоровье/выписка-из-поликлиники.odt"
_PLANERKA = "Работа/протокол-планёрки.md"
_DOGOVOR = "Документы/Договор аренды квартиры.odt"
_ZAPISKA = "Школа/записка-классному-руководителю.txt"
_MULTIVARKA = "Инструкции/инструкция-мультиварка.docx"
_REZYUME = "Работа/резюме-Ольга-Смирнова.docx"
_OSAGO = "Машина/полис-ОСАГО-2024.txt"
_KAHRABA = "فواتير/فاتورة-الكهرباء-نيسان-2024.docx"
_MAQLUBA = "وصفات/المقلوبة.md"
_AQABA = "سفر/حجز-فندق-العقبة.html"
_EYES = "صحة/تقرير-طبيب-العيون.txt"
_MAHDAR = "عمل/محضر-اجتماع-قسم-الموارد-البشرية.md"
_AQD = "سكن/عقد-إيجار-شقة-عمان.docx"
_PARENTS_AR = "مدرسة/ملاحظات-اجتماع-أولياء-الأمور.txt"
_FRIDGE = "أدلة/دليل-استخدام-الثلاجة.html"
_BANK = "مالية/كشف-حساب-بنكي-آذار.odt"
_MAMA = "家书/给妈妈的信.txt"
_DIANFEI = "家计/电费账单.txt"
_HONGSHAO = "菜谱/红烧肉.md"
_GAOTIE = "旅行/高铁票-杭州到西安.html"
_TIJIAN = "健康/体检报告-2024.docx"
_HETONG = "住房/房屋租赁合同-杭州.docx"
_JIAZHANGHUI = "学校/家长会笔记.odt"
_PURIFIER = "说明书/空气净化器使用说明.odt"
_JIANLI = "求职/个人简历-王晓梅.docx"
_CHEXIAN = "保险/车险理赔记录.txt"
_OREIJO = "手紙/田中先生へのお礼状.txt"
_DENKI = "家計/電気料金-2024年3月.md"
_NIKUJAGA = "レシピ/肉じゃが.md"
_RYOKAN = "旅行/京都旅館予約確認.html"
_SHIKA = "健康/歯科検診結果.docx"
_CHINTAI = "住まい/賃貸借契約書-大阪.docx"
_RENRAKUCHO = "学校/連絡帳-担任の先生へ.txt"
_SUIHANKI = "取扱説明書/炊飯器-取扱説明書.odt"
_RIREKISHO = "仕事/履歴書-佐藤美咲.docx"
_KASAI = "保険/火災保険-更新のお知らせ.html"
_RAGU = "Ricette/ragù-alla-bolognese.md"
_AFFITTO = "Casa/contratto-affitto-bologna.docx"
_REFERTO = "Salute/referto-analisi-del-sangue.txt"
_BACALHAU = "Receitas/bacalhau-à-brás.md"
_VOO = "Viagens/reserva-voo-porto-paris.html"
_AGUA = "Contas/fatura-água-porto-2024.txt"
_KIMCHI = "요리/김치찌개.md"
_JEONSE = "집/전세-계약서.docx"
_GEONGANG = "건강/건강검진-결과.txt"

# -- topics that files in several languages share ---------------------------------------

_TOPICS: dict[str, tuple[str, ...]] = {
    "rent": (
        "Home/tenancy-agreement-leeds.pdf",
        "Wohnung/Mietvertrag-Leipzig-Gohlis.docx",
        "Logement/bail-appartement-lyon.docx",
        "Vivienda/contrato-arrendamiento-valencia.docx",
        "Документы/Договор аренды квартиры.odt",
        "سكن/عقد-إيجار-شقة-عمان.docx",
        "住房/房屋租赁合同-杭州.docx",
        "住まい/賃貸借契約書-大阪.docx",
        "Casa/contratto-affitto-bologna.docx",
        "집/전세-계약서.docx",
    ),
    "utility bill": (
        "Bills/water-bill-yorkshire-water-2024.pdf",
        "Rechnungen/Stromrechnung-2024.odt",
        "Factures/facture-edf-février-2024.html",
        "Facturas/factura-gas-naturgy-enero.html",
        "Счета/квитанция-ЖКХ-март-2024.docx",
        "فواتير/فاتورة-الكهرباء-نيسان-2024.docx",
        "家计/电费账单.txt",
        "家計/電気料金-2024年3月.md",
        "Contas/fatura-água-porto-2024.txt",
    ),
    "recipe": (
        "Recipes/shepherds-pie.md",
        "Rezepte/Rinderrouladen.md",
        "Recettes/tarte-tatin.md",
        "Recetas/paella-valenciana.md",
        "Рецепты/борщ.md",
        "وصفات/المقلوبة.md",
        "菜谱/红烧肉.md",
        "レシピ/肉じゃが.md",
        "Ricette/ragù-alla-bolognese.md",
        "Receitas/bacalhau-à-brás.md",
        "요리/김치찌개.md",
    ),
    "travel booking": (
        "Travel/ferry-booking-hull-rotterdam.html",
        "Reisen/Bahnbuchung-Hamburg.html",
        "Voyages/réservation-gîte-ardèche.odt",
        "Viajes/reserva-vuelo-valencia-roma.html",
        "Поездки/билеты-поезд-Казань-Москва.html",
        "سفر/حجز-فندق-العقبة.html",
        "旅行/高铁票-杭州到西安.html",
        "旅行/京都旅館予約確認.html",
        "Viagens/reserva-voo-porto-paris.html",
    ),
    "health": (
        "Health/asthma-review-alfie.docx",
        "Gesundheit/Befund-Hausarzt-Blutwerte.docx",
        "Santé/ordonnance-kiné-genou.txt",
        "Salud/informe-dentista-paula.txt",
        "Здоровье/выписка-из-поликлиники.odt",
        "صحة/تقرير-طبيب-العيون.txt",
        "健康/体检报告-2024.docx",
        "健康/歯科検診結果.docx",
        "Salute/referto-analisi-del-sangue.txt",
        "건강/건강검진-결과.txt",
    ),
    "meeting notes": (
        "Work/sprint-retrospective-2024-05.md",
        "Arbeit/Protokoll-Teamsitzung-2024-04.md",
        "Travail/compte-rendu-réunion-projet.md",
        "Trabajo/acta-reunión-equipo-ventas.md",
        "Работа/протокол-планёрки.md",
        "عمل/محضر-اجتماع-قسم-الموارد-البشرية.md",
        "工作/周会纪要-2024-05-20.md",
        "仕事/定例会議議事録-4月.md",
    ),
    "school": (
        "School/year-4-trip-letter-jorvik.txt",
        "Schule/Elternbrief-Klassenfahrt.txt",
        "École/bulletin-hugo-trimestre-2.odt",
        "Colegio/circular-excursión-granja-escuela.txt",
        "Школа/записка-классному-руководителю.txt",
        "مدرسة/ملاحظات-اجتماع-أولياء-الأمور.txt",
        "学校/家长会笔记.odt",
        "学校/連絡帳-担任の先生へ.txt",
    ),
    "manual": (
        "Manuals/bread-maker-quick-guide.pdf",
        "Anleitungen/Waschmaschine-Bedienungsanleitung.odt",
        "Notices/notice-four-micro-ondes.odt",
        "Manuales/manual-aire-acondicionado.odt",
        "Инструкции/инструкция-мультиварка.docx",
        "أدلة/دليل-استخدام-الثلاجة.html",
        "说明书/空气净化器使用说明.odt",
        "取扱説明書/炊飯器-取扱説明書.odt",
    ),
    "cv": (
        "Work/CV-Hannah-Brooks.docx",
        "Bewerbung/Lebenslauf-Katrin-Vogel.docx",
        "CV/CV-Camille-Rousseau.docx",
        "CV/currículum-Lucía-Fernández.docx",
        "Работа/резюме-Ольга-Смирнова.docx",
        "عمل/السيرة-الذاتية-ليلى-حداد.docx",
        "求职/个人简历-王晓梅.docx",
        "仕事/履歴書-佐藤美咲.docx",
    ),
    "insurance": (
        "Insurance/home-contents-insurance-renewal.odt",
        "Versicherung/Kfz-Versicherung-Schadensmeldung.txt",
        "Seguros/póliza-seguro-hogar.odt",
        "Машина/полис-ОСАГО-2024.txt",
        "保险/车险理赔记录.txt",
        "保険/火災保険-更新のお知らせ.html",
    ),
    "family letter": (
        "Letters/condolence-letter-mrs-okafor.txt",
        "Courrier/lettre-à-mamie.txt",
        "Письма/письмо-подруге-Лене.txt",
        "رسائل/رسالة-إلى-أختي-ريم.txt",
        "家书/给妈妈的信.txt",
        "手紙/田中先生へのお礼状.txt",
    ),
}
_TOPIC_OF = {path: topic for topic, paths in _TOPICS.items() for path in paths}


def twins_of(paths: Iterable[str]) -> tuple[str, ...]:
    """The files in other languages on the topic of ``paths``."""
    paths = tuple(paths)
    languages = {LANGUAGE_OF[p] for p in paths}
    topics = {_TOPIC_OF[p] for p in paths if p in _TOPIC_OF}
    return tuple(
        p
        for topic in sorted(topics)
        for p in _TOPICS[topic]
        if p not in paths and LANGUAGE_OF[p] not in languages
    )


def _query(
    language: str,
    text: str,
    relevant: str,
    *distractors: str,
    disjoint: bool = True,
) -> JudgedQuery:
    kind: Kind = "same_language" if LANGUAGE_OF[relevant] == language else "cross_language"
    return JudgedQuery(
        text,
        kind,
        (relevant,),
        disjoint,
        distractors,
        language=language,
        twins=twins_of((relevant,)),
    )


# fmt: off
QUERIES: tuple[JudgedQuery, ...] = (
    # -- English files ----------------------------------------------------------------------
    _query("en", "note to the widow next door", _CONDOLENCE, _RETRO),
    _query("en", "cost of what comes out of the kitchen faucet", _WATER, _TRIP_EN),
    _query("en", "my boy's wheezing and his puffer", _ASTHMA),
    _query("en", "overnight boat crossing to the Netherlands with the car", _FERRY),
    _query("de", "Mietvertrag für unser Haus in Leeds", _TENANCY, _WATER, _CV_EN, _KUENDIGUNG,
           disjoint=False),
    _query("fr", "parcours professionnel d'une ingénieure logiciel anglaise", _CV_EN,
           _PROJET_FR, _CV_FR),
    _query("es", "instrucciones de la panificadora", _BREAD),
    _query("ru", "школьная экскурсия к викингам", _TRIP_EN),
    _query("ar", "تأمين محتويات المنزل في إنجلترا", _CONTENTS),
    _query("zh", "英国同事写的冲刺回顾会议记录", _RETRO, _CHEXIAN),
    _query("ja", "羊のひき肉とマッシュポテトのパイ", _SHEPHERD),
    # -- German files -----------------------------------------------------------------------
    _query("de", "Brief an die Vermieterin, dass wir ausziehen", _KUENDIGUNG, _MIETVERTRAG,
           disjoint=False),
    _query("de", "Rückerstattung vom Energieversorger", _STROM),
    _query("de", "Eisenmangel und ständige Erschöpfung laut Ärztin", _BEFUND),
    _query("de", "Fehlercode beim Wäschewaschen", _WASCHMASCHINE, _KFZ),
    _query("de", "geschmorte Fleischröllchen wie bei Großmutter", _ROULADEN),
    _query("en", "notice to the landlady that we are moving out of the Leipzig flat", _KUENDIGUNG,
           _MIETVERTRAG, _MICROWAVE, _TENANCY, disjoint=False),
    _query("en", "train tickets to Hamburg", _BAHN, _MAMIE, disjoint=False),
    _query("en", "minutes of the team meeting about the office move", _TEAMSITZUNG, _SHEPHERD,
           _TATIN),
    _query("en", "school trip to the Baltic Sea", _KLASSENFAHRT, _ASTHMA),
    _query("es", "parte del accidente con el coche en un aparcamiento", _KFZ, _CONTENTS),
    _query("ar", "السيرة الذاتية لمحاسبة ألمانية", _LEBENSLAUF),
    # -- French files -----------------------------------------------------------------------
    _query("fr", "gratitude envers grand-mère pour son envoi", _MAMIE, _CV_ES),
    _query("fr", "combien nous a coûté le courant cet hiver", _EDF, _MAMIE, _CV_FR),
    _query("fr", "exercices prescrits pour ma jambe abîmée pendant un footing", _KINE),
    _query("fr", "gâteau renversé aux fruits caramélisés", _TATIN),
    _query("en", "holiday cottage booking in the Ardeche", _GITE, _FERRY, disjoint=False),
    _query("en", "my son's school report for the second term", _BULLETIN, _TENANCY, _WATER),
    _query("de", "Steuererklärung: Spenden und Kinderbetreuung absetzen", _IMPOTS),
    _query("zh", "法国公寓的租房合同", _BAIL),
    _query("zh", "微波炉怎么解冻", _MICROWAVE),
    _query("ru", "протокол совещания о переносе запуска сайта", _PROJET_FR, _PLANERKA),
    # -- Spanish files ----------------------------------------------------------------------
    _query("es", "queja porque me cobran un servicio que no pedí", _RECLAMACION, _AIRE,
           disjoint=False),
    _query("es", "cuánto nos costó calentar la casa en los meses fríos", _GAS, _CONTRATO_ES,
           _DENTISTA),
    _query("es", "cuándo se va a Roma y a qué hora sale el avión", _VUELO, _PAELLA, _AIRE,
           disjoint=False),
    _query("es", "la niña necesita brackets", _DENTISTA, _GRANJA),
    _query("en", "rice dish with rabbit, chicken and saffron", _PAELLA, _SHEPHERD),
    _query("en", "rental contract for our flat in Valencia", _CONTRATO_ES, _GAS, _VUELO, _CV_ES,
           _HOGAR, disjoint=False),
    _query("de", "Ausflug der Klasse auf einen Bauernhof", _GRANJA, _KLASSENFAHRT),
    _query("de", "Bedienungsanleitung der Klimaanlage", _AIRE, _WASCHMASCHINE),
    _query("ja", "営業チームの会議の議事録、スペイン", _ACTA, _RIREKISHO),
    _query("fr", "assurance habitation de l'appartement de Valence", _HOGAR, _BAIL, _IMPOTS),
    # -- Russian files ----------------------------------------------------------------------
    _query("ru", "наваристая красная похлёбка по-домашнему", _BORSCHT, _DOGOVOR),
    _query("ru", "сколько платим за коммуналку", _ZHKH, _DOGOVOR),
    _query("ru", "у мужа защемило позвоночник, что сказал невролог", _POLIKLINIKA),
    _query("ru", "объяснительная учительнице о том, почему ребёнок отсутствовал", _ZAPISKA),
    _query("en", "beetroot soup recipe", _BORSCHT, _SHEPHERD),
    _query("en", "letter to a friend about our new apartment in Kazan", _LENA, _TRIP_EN),
    _query("en", "overnight train from Kazan to Moscow", _POEZD, _MAMIE),
    _query("ja", "マルチクッカーの使い方", _MULTIVARKA),
    _query("zh", "俄罗斯的汽车保险单", _OSAGO),
    _query("fr", "contrat de location d'un appartement à Kazan", _DOGOVOR, _EDF, _GITE),
    # -- Arabic files -----------------------------------------------------------------------
    _query("ar", "وصفة الرز المقلوب", _MAQLUBA, disjoint=False),
    _query("ar", "ابني يحتاج إلى نظارات", _EYES, _PARENTS_AR),
    _query("ar", "كم دفعنا ثمن الكهرباء في الشهر الماضي", _KAHRABA, _AQD, _FRIDGE,
           disjoint=False),
    _query("ar", "عطلة صيفية مع العائلة في منتجع ساحلي", _AQABA),
    _query("en", "my son's eye test and glasses prescription", _EYES, _RETRO),
    _query("en", "hotel booking in Aqaba", _AQABA, _FERRY),
    _query("en", "bank statement for March in Jordanian dinars", _BANK, _WATER),
    _query("de", "Protokoll der Personalabteilung zu Ramadan-Arbeitszeiten", _MAHDAR,
           _TEAMSITZUNG),
    _query("fr", "réunion avec l'institutrice de mon fils à Amman", _PARENTS_AR, _PROJET_FR),
    _query("zh", "冰箱说明书", _FRIDGE, _PURIFIER),
    # -- Chinese files ----------------------------------------------------------------------
    _query("zh", "夏天用了多少度电", _DIANFEI),
    _query("zh", "老公体检发现血压高", _TIJIAN, disjoint=False),
    _query("zh", "杭州房子的押金和房租", _HETONG, _DIANFEI, _GAOTIE, disjoint=False),
    _query("zh", "国庆回老家看外婆", _MAMA, _HONGSHAO, disjoint=False),
    _query("zh", "滤网多久换一次", _PURIFIER),
    _query("en", "braised pork belly with rock sugar", _HONGSHAO, _BREAD),
    _query("en", "high-speed train tickets to Xi'an", _GAOTIE, _MAMIE, _RETRO),
    _query("en", "how to use the air purifier", _PURIFIER, _AIRE, _BREAD),
    _query("fr", "réunion de parents d'élèves de ma fille en Chine", _JIAZHANGHUI, _BULLETIN),
    _query("ru", "резюме менеджера по маркетингу из Ханчжоу", _JIANLI, _REZYUME),
    _query("ar", "حادث سيارة وتعويض التأمين في الصين", _CHEXIAN, _MAQLUBA),
    # -- Japanese files ---------------------------------------------------------------------
    _query("ja", "大阪の部屋の家賃と敷金", _CHINTAI, _DENKI, _RIREKISHO, disjoint=False),
    _query("ja", "息子が熱で学校を休む連絡", _RENRAKUCHO, _NIKUJAGA, disjoint=False),
    _query("ja", "家電が動かないときの対処法", _SUIHANKI),
    _query("ja", "昔の担任にお礼を伝える", _OREIJO, _RENRAKUCHO),
    _query("en", "ryokan reservation in Kyoto", _RYOKAN, _GITE),
    _query("en", "dentist checkup: cavity and gum disease", _SHIKA, _DENTISTA),
    _query("es", "factura de la luz de marzo en Osaka", _DENKI, _EDF, _RECLAMACION),
    _query("de", "Lebenslauf einer japanischen Vertriebsleiterin", _RIREKISHO, _LEBENSLAUF),
    _query("ru", "японский рецепт тушёного мяса с картошкой", _NIKUJAGA, _BORSCHT),
    _query("ar", "تجديد تأمين المنزل ضد الحريق في اليابان", _KASAI, _AQD),
    # -- Italian, Portuguese and Korean files -----------------------------------------------
    _query("it", "condimento lento per la pasta all'uovo", _RAGU, _BULLETIN),
    _query("it", "carenza di vitamina nelle analisi", _REFERTO, disjoint=False),
    _query("en", "lease of the flat in Bologna", _AFFITTO, disjoint=False),
    _query("pt", "quanto pagámos de água em fevereiro", _AGUA, _BACALHAU, disjoint=False),
    _query("pt", "peixe salgado desfiado com ovo mexido", _BACALHAU, disjoint=False),
    _query("es", "vuelo de Oporto a París", _VOO, _VUELO, disjoint=False),
    _query("ko", "김치로 끓인 찌개 만드는 법", _KIMCHI, disjoint=False),
    _query("ko", "당뇨 걱정되는 수치", _GEONGANG),
    _query("en", "jeonse deposit contract for the Seoul apartment", _JEONSE, _TENANCY),
    _query("ja", "韓国の健康診断の結果", _GEONGANG, _TIJIAN),
)
# fmt: on


def build(folder: Path) -> list[JudgedQuery]:
    """Writes the collection into ``folder`` (created if missing); returns the queries.

    A folder that already holds other files is refused: they would change the benchmark.
    """
    write_collection(folder, DOCUMENTS)
    return list(QUERIES)


# -- the "no shared content word" check ------------------------------------------------------

_BY_PATH = {document.path: document for document in DOCUMENTS}


@functools.lru_cache(maxsize=1024)
def _words_of(path: str, language: str) -> frozenset[str]:
    """The content words of the file at ``path`` read as its own language and as
    ``language`` (a name or number is the same word in both)."""
    text = document_text(_BY_PATH[path])
    return frozenset(content_words(text, LANGUAGE_OF[path]) | content_words(text, language))


def shared_words(query: str, language: str, path: str) -> set[str]:
    """The content words of ``query`` (in ``language``) that the file at ``path`` (its text
    or its name) holds too."""
    return content_words(query, language) & _words_of(path, language)


def document_language(query: JudgedQuery) -> str:
    """The language of the query's relevant files."""
    return LANGUAGE_OF[query.relevant[0]]


__all__ = ["DOCUMENTS", "KINDS", "LANGUAGES", "QUERIES", "JudgedQuery", "build", "shared_words"]
