# ruff: noqa: RUF001  (the texts are meant to hold look-alike letters of many scripts)
"""Varied multilingual texts for checking an encoder conversion (not a retrieval set).

:func:`texts` mixes hand-written sentences in 20 languages into single sentences,
paragraphs, mixed-language texts, texts with emoji, URLs, e-mail addresses, code,
combining accents, full-width letters and odd whitespace, and very long texts (well past
512 tokens). Deterministic for a given seed.
"""

from __future__ import annotations

import random

SENTENCES: dict[str, list[str]] = {
    "en": [
        "I am resigning from my position as project manager, effective the end of next month.",
        "The quarterly report shows revenue growth of twelve percent in Europe.",
        "Please find attached the signed lease agreement for the apartment on Elm Street.",
        "Preheat the oven to 180 degrees and bake the bread for forty minutes.",
        "My doctor recommended more sleep and less coffee after the blood test.",
        "The flight to Lisbon was cancelled because of the storm.",
        "Could you send me the minutes of yesterday's meeting?",
        "Insurance claims must be filed within thirty days of the incident.",
        "The children's school trip to the museum is planned for Friday.",
        "Remember to renew the car registration before it expires in May.",
        "Photosynthesis converts sunlight, water and carbon dioxide into sugar.",
        "The invoice total is 1,249.50 USD, payable within 14 days.",
    ],
    "de": [
        "Hiermit kündige ich mein Arbeitsverhältnis fristgerecht zum 31. März.",
        "Die Nebenkostenabrechnung für das Jahr 2023 liegt diesem Schreiben bei.",
        "Bitte überweisen Sie den Betrag bis spätestens Freitag auf unser Konto.",
        "Der Kuchen braucht 45 Minuten bei 175 Grad Umluft.",
        "Meine Krankenversicherung übernimmt die Kosten für die Zahnreinigung nicht.",
        "Wir treffen uns am Samstag um zehn Uhr vor dem Hauptbahnhof.",
        "Die Straßenbahn fährt wegen Bauarbeiten nur bis zur Haltestelle Müllerstraße.",
        "Können Sie mir eine Kopie des Mietvertrags zuschicken?",
        "Das Finanzamt hat den Steuerbescheid für 2022 geändert.",
        "Größere Änderungen am Gebäude müssen vom Vermieter genehmigt werden.",
    ],
    "fr": [
        "Je vous informe de ma démission du poste de comptable à compter du 1er juin.",
        "Veuillez trouver ci-joint la facture d'électricité du mois de février.",
        "La réunion du conseil d'administration est reportée à jeudi prochain.",
        "Mélangez la farine, les œufs et le lait pour obtenir une pâte lisse.",
        "Le médecin m'a prescrit des antibiotiques pendant une semaine.",
        "Notre vol pour Montréal part à 14 h 30 de l'aéroport Charles-de-Gaulle.",
        "Le propriétaire refuse de rembourser la caution de l'appartement.",
        "Les enfants ont été très sages pendant la fête d'anniversaire.",
        "Pourriez-vous m'envoyer le compte rendu de l'assemblée générale ?",
        "L'hôpital a changé la date de mon rendez-vous chez le cardiologue.",
    ],
    "es": [
        "Por la presente presento mi renuncia al puesto de ingeniera a partir del lunes.",
        "Adjunto el contrato de alquiler firmado por ambas partes.",
        "La reunión de vecinos será el martes a las ocho de la tarde.",
        "Añade una pizca de sal y cocina el arroz durante veinte minutos.",
        "El seguro médico no cubre la consulta con el dermatólogo.",
        "Nuestro tren a Sevilla sale de la estación de Atocha a las nueve.",
        "¿Podrías enviarme las fotos de la boda de mi hermana?",
        "La declaración de la renta debe presentarse antes del 30 de junio.",
        "El niño tiene fiebre y tos desde anoche.",
        "Mañana cambian la caldera del edificio y no habrá agua caliente.",
    ],
    "pt": [
        "Venho por meio desta comunicar o meu pedido de demissão.",
        "A conta de luz deste mês veio muito mais alta do que o normal.",
        "O voo para São Paulo atrasou três horas por causa do nevoeiro.",
        "Não se esqueça de levar o passaporte e o cartão de vacinação.",
    ],
    "it": [
        "Con la presente rassegno le mie dimissioni dal ruolo di responsabile vendite.",
        "La bolletta del gas è aumentata del venti per cento rispetto all'anno scorso.",
        "Cuocere la pasta in abbondante acqua salata per otto minuti.",
        "Il treno per Firenze partirà dal binario sette con quindici minuti di ritardo.",
    ],
    "nl": [
        "Hierbij zeg ik mijn huurcontract op per 1 september.",
        "De vergadering van de vereniging is verplaatst naar woensdagavond.",
        "Vergeet niet de fietsen binnen te zetten voordat het gaat regenen.",
    ],
    "pl": [
        "Niniejszym składam wypowiedzenie umowy o pracę z zachowaniem okresu wypowiedzenia.",
        "Rachunek za prąd trzeba zapłacić do piętnastego dnia miesiąca.",
        "Żółta łódź płynęła powoli po jeziorze w świetle księżyca.",
    ],
    "ru": [
        "Прошу уволить меня по собственному желанию с первого апреля.",
        "К письму приложен договор аренды квартиры на улице Ленина.",
        "Собрание жильцов состоится в среду в семь часов вечера.",
        "Добавьте в тесто яйца, сахар и немного соли.",
        "Врач посоветовал больше гулять и меньше сидеть за компьютером.",
        "Наш поезд в Санкт-Петербург отправляется в 23:55.",
        "Пожалуйста, пришлите мне счёт за услуги связи за март.",
        "Налоговая инспекция прислала уведомление о перерасчёте.",
        "Дети поехали на экскурсию в музей истории города.",
        "Страховая компания отказалась оплатить ремонт машины.",
    ],
    "uk": [
        "Прошу звільнити мене з посади бухгалтера за власним бажанням.",
        "Рахунок за опалення потрібно сплатити до кінця місяця.",
    ],
    "ar": [
        "أتقدم باستقالتي من منصب مدير المشروع اعتبارا من نهاية الشهر القادم.",
        "مرفق عقد إيجار الشقة الموقع من الطرفين.",
        "سيعقد اجتماع مجلس الإدارة يوم الخميس المقبل في الساعة العاشرة صباحا.",
        "اخلط الدقيق مع البيض والحليب حتى تحصل على عجينة ناعمة.",
        "نصحني الطبيب بشرب الماء بكثرة والراحة لمدة ثلاثة أيام.",
        "تم تأجيل رحلتنا إلى القاهرة بسبب سوء الأحوال الجوية.",
        "يرجى إرسال فاتورة الكهرباء لشهر مارس في أقرب وقت.",
        "الْعَرَبِيَّةُ لُغَةٌ جَمِيلَةٌ وَغَنِيَّةٌ بِالْمُفْرَدَاتِ.",
        "يجب تقديم الإقرار الضريبي قبل الثلاثين من أبريل.",
        "ذهب الأطفال في رحلة مدرسية إلى المتحف الوطني.",
    ],
    "he": [
        "אני מודיע על התפטרותי מתפקיד מנהל החשבונות החל מהחודש הבא.",
        "החשבון על המים צריך להיות משולם עד סוף השבוע.",
    ],
    "fa": [
        "بدینوسیله استعفای خود را از سمت مدیر فروش اعلام می‌کنم.",
        "قبض برق این ماه خیلی بیشتر از ماه گذشته است.",
    ],
    "hi": [
        "मैं अगले महीने के अंत से परियोजना प्रबंधक के पद से इस्तीफा दे रहा हूँ।",
        "बिजली का बिल इस महीने बहुत ज़्यादा आया है।",
        "डॉक्टर ने मुझे एक सप्ताह आराम करने की सलाह दी।",
    ],
    "zh": [
        "我决定辞去公司项目经理的职务，从下个月底开始生效。",
        "附件是双方签字的公寓租赁合同。",
        "董事会会议改到下周四上午十点举行。",
        "把面粉、鸡蛋和牛奶混合，搅拌成光滑的面糊。",
        "医生建议我多喝水，休息三天。",
        "由于天气原因，我们飞往北京的航班被取消了。",
        "请尽快把三月份的电费账单发给我。",
        "孩子们星期五要去博物馆参观。",
        "保险公司拒绝支付汽车维修费用。",
        "个人所得税申报截止日期是六月三十日。",
    ],
    "ja": [
        "一身上の都合により、来月末をもって退職いたします。",
        "アパートの賃貸契約書を添付いたしますので、ご確認ください。",
        "取締役会は来週の木曜日午前十時に延期されました。",
        "小麦粉と卵と牛乳を混ぜて、なめらかな生地を作ります。",
        "医者に三日間ゆっくり休むように言われました。",
        "台風のため、大阪行きの飛行機が欠航になりました。",
        "三月分の電気料金の請求書を送ってください。",
        "子供たちは金曜日に博物館へ見学に行きます。",
        "カタカナとひらがなと漢字が混ざった文章です。",
        "確定申告の締め切りは三月十五日です。",
    ],
    "ko": [
        "개인적인 사정으로 다음 달 말에 회사를 그만두게 되었습니다.",
        "양측이 서명한 아파트 임대 계약서를 첨부합니다.",
        "이사회 회의는 다음 주 목요일 오전 10시로 연기되었습니다.",
        "밀가루와 달걀, 우유를 섞어서 부드러운 반죽을 만드세요.",
        "의사 선생님이 사흘 동안 푹 쉬라고 하셨습니다.",
        "태풍 때문에 제주도행 비행기가 결항되었습니다.",
        "3월 전기 요금 청구서를 보내 주세요.",
        "아이들이 금요일에 박물관 견학을 갑니다.",
    ],
    "tr": [
        "İşimden istifa ettiğimi bildirmek isterim; son günüm ayın otuzu olacak.",
        "Kira sözleşmesinin imzalı bir kopyasını ekte bulabilirsiniz.",
    ],
    "vi": [
        "Tôi xin thông báo nghỉ việc kể từ cuối tháng sau.",
        "Hóa đơn tiền điện tháng này cao hơn nhiều so với tháng trước.",
    ],
    "el": [
        "Σας ενημερώνω για την παραίτησή μου από τη θέση του λογιστή.",
        "Ο λογαριασμός του ρεύματος πρέπει να πληρωθεί μέχρι την Παρασκευή.",
    ],
    "th": [
        "ฉันขอลาออกจากตำแหน่งผู้จัดการโครงการตั้งแต่สิ้นเดือนหน้า",
        "ค่าไฟฟ้าเดือนนี้สูงกว่าเดือนที่แล้วมาก",
    ],
}

EXTRAS = [
    "😀",
    "👍🏽",
    "❤️",
    "👨\u200d👩\u200d👧\u200d👦",
    "🇩🇪",
    "🎉🎉🎉",
    "✅",
    "https://example.com/reports/2024/q3?lang=de&page=2#summary",
    "www.stadtwerke-musterstadt.de/kundenportal",
    "maria.garcia@example.org",
    "IBAN DE89 3704 0044 0532 0130 00",
    "def total(items): return sum(i.price for i in items)",
    "SELECT name FROM users WHERE id = 42;",
    "C:\\Users\\anna\\Documents\\Steuer\\2023.pdf",
    "#Rechnung #2024",
    "e\u0301te\u0301 (decomposed accents)",
    "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３",
    "ﬁnance ﬂow №5 ½ ™ ①②③",
    "𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐",
    "𠀀𠀁 rare CJK",
    "Ω≈ç√∫˜µ≤≥÷ åß∂ƒ©˙∆˚¬",
    "ÀÉÎÕÜ àéîõü ñ ç ø å æ œ",
]

WHITESPACE = [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u200b", " \n\n "]


def _paragraph(rng: random.Random, language: str, sentences: int) -> str:
    pool = SENTENCES[language]
    return " ".join(rng.choice(pool) for _ in range(sentences))


def _long(rng: random.Random, language: str) -> str:
    """Roughly 600 to 2,000 tokens of one language's sentences."""
    pool = SENTENCES[language]
    count = rng.randint(25, 70)
    return "\n".join(rng.choice(pool) for _ in range(count))


def texts(count: int = 600, seed: int = 20240611) -> list[str]:
    """``count`` varied texts (see the module doc), the same ones for the same seed."""
    rng = random.Random(seed)
    languages = sorted(SENTENCES)
    result: list[str] = []
    while len(result) < count:
        language = rng.choice(languages)
        roll = rng.random()
        if roll < 0.25:
            text = rng.choice(SENTENCES[language])
        elif roll < 0.5:
            text = _paragraph(rng, language, rng.randint(2, 5))
        elif roll < 0.6:
            other = rng.choice(languages)
            text = f"{_paragraph(rng, language, 2)} {_paragraph(rng, other, 2)}"
        elif roll < 0.8:
            parts = [_paragraph(rng, language, rng.randint(1, 3))]
            for _ in range(rng.randint(1, 3)):
                parts.insert(rng.randint(0, len(parts)), rng.choice(EXTRAS))
            text = " ".join(parts)
        elif roll < 0.9:
            words = _paragraph(rng, language, rng.randint(1, 3)).split(" ")
            text = "".join(w + rng.choice(WHITESPACE) for w in words)
        elif roll < 0.95:
            text = _long(rng, language)
        else:
            text = rng.choice(SENTENCES[language]).upper()
        result.append(text)
    return result
