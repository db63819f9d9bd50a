# ruff: noqa: RUF001  (text in many scripts, on purpose)
"""The documents of the multilingual collection: personal papers in eleven languages.

Eight households keep their papers in one shared folder, each in its own language, in
sub-folders named as each person would name them (some in native script):

- English: Hannah Brooks in Leeds, her partner Owen and their son Alfie;
- German: Katrin Vogel in Leipzig, her husband Jörg and their daughter Mia;
- French: Camille Rousseau in Lyon, her husband Julien and their son Hugo;
- Spanish: Lucía Fernández in Valencia, her husband Andrés and their daughter Paula;
- Russian: Ольга Смирнова in Kazan, her husband Дмитрий and their son Артём;
- Arabic: ليلى حداد in Amman, her husband سامر and their son يوسف;
- Chinese: 王晓梅 in Hangzhou, her husband 李强 and their daughter 李欣然;
- Japanese: 佐藤美咲 in Osaka, her husband 健太 and their son 蓮;

and a few papers of Giulia Romano (Italian, Bologna), Beatriz Almeida (Portuguese, Porto)
and 김지은 (Korean, Seoul). Each main language has the same kinds of paper (a letter, a
bill, a recipe, a booking, a health paper, meeting notes, a rental contract, a school
paper, a manual, a CV and one more), so many topics have twins in other languages: a
query must find the right language and the right household, not only the topic.

PDF is used for English only: ``tests/docfactory.py``'s PDF writer encodes its text as
Latin-1 in a Type 1 font without an encoding, so Cyrillic, Arabic and CJK text cannot be
written at all and accented Latin letters come back as other characters (``é`` as ``Œ``).
"""

from __future__ import annotations

from benchmarks.folder_collection import Document


def _doc(language: str, path: str, title: str, *paragraphs: str) -> Document:
    return Document(path, title, paragraphs, language=language)


# -- English ---------------------------------------------------------------------------------

_EN = [
    _doc(
        "en",
        "Letters/condolence-letter-mrs-okafor.txt",
        "",
        "Dear Mrs Okafor,",
        "Owen and I were so sorry to hear about Emmanuel. For eleven years he was the first "
        "person we saw most mornings, waving from the front garden with his radio on, and the "
        "street feels very quiet without him. Alfie keeps asking who will fix his bike now.",
        "Please don't hesitate to knock if you need anything at all: a lift to the shops, "
        "someone to take the bins out, or just company for a cup of tea. We will bring round a "
        "lasagne on Thursday so you don't have to think about cooking for a few days.",
        "With our love and deepest sympathy, Hannah, Owen and Alfie (number 14)",
    ),
    _doc(
        "en",
        "Bills/water-bill-yorkshire-water-2024.pdf",
        "Yorkshire Water - annual bill 2024/25",
        "Account holder: Ms H Brooks, 14 Granby Grove, Leeds LS6 3AT. Account number "
        "4471 0932 8815. Billing period: 1 April 2024 to 31 March 2025.",
        "Your charges this year: water supply (metered) GBP 243.60, sewerage GBP 281.15, "
        "surface water drainage GBP 38.00. Total GBP 562.75, payable in 10 monthly instalments "
        "of GBP 56.28 by Direct Debit from 15 April.",
        "Your average daily use was 312 litres, which is a little above the average for a "
        "household of three. A free water-saving pack with a shower timer and tap aerators is "
        "available on request. To report a leak call 0345 124 2424, open 24 hours.",
    ),
    _doc(
        "en",
        "Recipes/shepherds-pie.md",
        "Mum's shepherd's pie (serves 4-6)",
        "Brown 500 g of lamb mince in a large pan, then lift it out. Soften a chopped onion, "
        "two diced carrots and a stick of celery in the fat for ten minutes. Stir in a "
        "tablespoon of tomato purée and a tablespoon of flour, return the lamb, add 400 ml of "
        "lamb stock, a good splash of Worcestershire sauce and some thyme, and simmer for 30 "
        "minutes until thick.",
        "Meanwhile boil 1 kg of floury potatoes, mash them with butter, warm milk and a handful "
        "of grated cheddar. Spoon the meat into a dish, spread the mash over it and rough up the "
        "top with a fork. Bake at 200 C for 25 minutes until golden. Frozen peas on the side, "
        "always.",
    ),
    _doc(
        "en",
        "Travel/ferry-booking-hull-rotterdam.html",
        "P&O Ferries - booking confirmation HX48217",
        "Thank you for booking with P&O Ferries. Booking reference HX48217.",
        "Outbound: Hull to Rotterdam (Europoort), Friday 26 July 2024, check-in closes 19:30, "
        "departs 20:30, arrives 08:00 local time. Return: Rotterdam to Hull, Sunday 4 August "
        "2024, departs 21:00.",
        "Passengers: Hannah Brooks, Owen Price, Alfie Price (child, 9). Vehicle: Skoda Octavia "
        "estate, registration YE19 KPL, with roof box (height under 1.85 m). Cabin: 4-berth "
        "inside cabin, deck 9. Dinner and breakfast buffet included for all passengers.",
        "Please bring a valid passport for every traveller. Pets are not included in this booking.",
    ),
    _doc(
        "en",
        "Health/asthma-review-alfie.docx",
        "Asthma review - Alfie Price",
        "Seen today at Hyde Park Surgery with his mother for his annual asthma review. Alfie "
        "has had two chest infections since October, both needing extra reliever, and wakes "
        "with a cough about once a week. He uses his blue inhaler before football on Saturdays.",
        "Peak flow 260 L/min (predicted 280). Inhaler technique checked: he was not waiting "
        "between puffs, so we practised with the spacer again. Preventer (Clenil 100 "
        "micrograms, two puffs twice daily) to continue; a written asthma action plan was "
        "given and a copy sent to school.",
        "Flu vaccine (nasal spray) recommended in the autumn. Review again in six months or "
        "sooner if he needs his reliever more than three times a week.",
    ),
    _doc(
        "en",
        "Work/sprint-retrospective-2024-05.md",
        "Sprint 31 retrospective - 14 May 2024",
        "Present: Hannah (facilitator), Raj, Sophie, Marek, Deborah. Sprint goal (the new "
        "invoice export for the finance team) was met two days late.",
        "What went well: pairing on the PDF layout, the finance team testing early, no "
        "out-of-hours incidents. What did not: the staging database was down for a day and a "
        "half, tickets kept growing after planning, and code reviews sat for too long.",
        "Actions: Raj to raise the staging outage with the platform team; no new tickets after "
        "day two without Deborah agreeing; reviews picked up within one working day, tracked "
        "on the board. Next retro on 28 May, Sophie facilitating.",
    ),
    _doc(
        "en",
        "Home/tenancy-agreement-leeds.pdf",
        "Assured shorthold tenancy agreement",
        "This agreement is made on 20 August 2022 between the landlord, Mr Graham Hirst, of "
        "Oakwood Lettings, and the tenants, Hannah Brooks and Owen Price, for the house at 14 "
        "Granby Grove, Leeds LS6 3AT.",
        "The tenancy is for a fixed term of 12 months from 1 September 2022 and continues "
        "afterwards as a periodic tenancy from month to month. The rent is GBP 1,150 per "
        "calendar month, payable in advance on the 1st of each month. A deposit of GBP 1,325 "
        "is protected with the Deposit Protection Service.",
        "The tenants will keep the garden tidy, will not keep pets without written consent and "
        "will allow access for repairs with 24 hours notice. The landlord is responsible for "
        "the structure, the boiler and an annual gas safety check.",
    ),
    _doc(
        "en",
        "School/year-4-trip-letter-jorvik.txt",
        "Year 4 trip to York - Jorvik Viking Centre",
        "Dear parents and carers,",
        "As part of our topic on the Vikings, Year 4 will visit the Jorvik Viking Centre and "
        "York Minster on Wednesday 12 June. The coach leaves school at 8:45 and we expect to be "
        "back by 3:30. Children should wear school uniform and comfortable shoes and bring a "
        "packed lunch in a disposable bag, a drink and a waterproof coat.",
        "The cost of the trip is £14.50 per child, payable on ParentPay by 31 May. No child "
        "will miss out because of cost; please speak to Mrs Akhtar in the office in "
        "confidence. Please return the consent slip below.",
        "Mr Daniels, Year 4 teacher",
    ),
    _doc(
        "en",
        "Manuals/bread-maker-quick-guide.pdf",
        "Panasonic SD-YR2550 bread maker - quick guide",
        "Always put the ingredients in the pan in this order: dry yeast first, then flour, "
        "sugar, butter and salt, and the water last. Keep the yeast away from the water until "
        "the programme starts.",
        "Programme 1 (basic white) takes 4 hours, programme 3 (wholemeal) takes 5 hours, "
        "programme 8 makes dough only. Choose the crust colour with the crust button. You can "
        "set the timer up to 13 hours ahead for fresh bread in the morning.",
        "If the loaf collapses, use less water or yeast. If it is dense and low, check the yeast "
        "is in date. Remove the kneading blade before slicing. Wash the pan by hand; it is not "
        "dishwasher safe.",
    ),
    _doc(
        "en",
        "Work/CV-Hannah-Brooks.docx",
        "Hannah Brooks - Software Engineer",
        "Leeds, West Yorkshire. Software engineer with nine years of experience building web "
        "applications for finance and public-sector teams, and a calm facilitator of agile "
        "teams.",
        "Experience: Senior Software Engineer, Northgate Finance Systems, Leeds (2019-present): "
        "led the invoice export and payment reconciliation services in Python and PostgreSQL; "
        "mentor to three junior developers. Software Developer, Leeds City Council digital team "
        "(2015-2019): built the online school admissions form used by 9,000 families a year.",
        "Education: BSc Computer Science, University of Sheffield (2015), first class. Skills: "
        "Python, Django, TypeScript, PostgreSQL, AWS, accessibility testing. Interests: fell "
        "running, allotment gardening.",
    ),
    _doc(
        "en",
        "Insurance/home-contents-insurance-renewal.odt",
        "Home contents insurance - renewal notice",
        "Policyholder: Hannah Brooks. Policy number HCI-7781203. Your cover renews on 1 October "
        "2024 with Aviva.",
        "Contents sum insured: £35,000. Accidental damage: included. Personal possessions away "
        "from home: £2,500, single item limit £1,000. Bicycles: covered up to £800 each when "
        "locked. Excess: £100.",
        "Your annual premium is £186.40, up from £162.10 last year because of a rise in claims "
        "in your postcode. If anything has changed, for example you have bought an expensive "
        "item, tell us before the renewal date.",
    ),
]

# -- German ----------------------------------------------------------------------------------

_DE = [
    _doc(
        "de",
        "Briefe/Kündigung-Wohnung.txt",
        "Kündigung des Mietverhältnisses",
        "Sehr geehrte Frau Lehmann,",
        "hiermit kündigen wir, Katrin und Jörg Vogel, das Mietverhältnis über die Wohnung in der "
        "Bleichertstraße 17, 2. OG links, 04155 Leipzig, fristgerecht zum 31. Juli 2024. Da "
        "unsere Tochter im Herbst eingeschult wird, ziehen wir in ein Haus am Stadtrand.",
        "Wir bitten um einen Termin für die Wohnungsübergabe in der letzten Juliwoche und um "
        "Rückzahlung der Kaution auf unser bekanntes Konto. Die Schönheitsreparaturen führen "
        "wir wie im Vertrag vereinbart vor dem Auszug durch. Bitte bestätigen Sie uns den "
        "Eingang dieses Schreibens schriftlich.",
        "Mit freundlichen Grüßen, Katrin Vogel und Jörg Vogel",
    ),
    _doc(
        "de",
        "Rechnungen/Stromrechnung-2024.odt",
        "Jahresabrechnung Strom 2023 - Leipziger Stadtwerke",
        "Kundennummer 30071845, Verbrauchsstelle Bleichertstraße 17, 04155 Leipzig. "
        "Abrechnungszeitraum 01.01.2023 bis 31.12.2023, Zählernummer 1ESY1160427.",
        "Ihr Verbrauch: 2.874 kWh (Vorjahr 3.312 kWh). Arbeitspreis 34,19 Cent/kWh, Grundpreis "
        "11,50 Euro im Monat. Gesamtbetrag 1.120,60 Euro, davon bereits gezahlt durch "
        "Abschläge 1.188,00 Euro. Ihr Guthaben von 67,40 Euro überweisen wir in den nächsten "
        "Tagen.",
        "Ihr neuer monatlicher Abschlag ab Februar 2024 beträgt 92 Euro. Tipp: Ein "
        "Wäschetrockner verbraucht so viel wie alle Lampen im Haushalt zusammen.",
    ),
    _doc(
        "de",
        "Rezepte/Rinderrouladen.md",
        "Omas Rinderrouladen",
        "Vier dünne Scheiben aus der Rinderoberschale flach klopfen, salzen, pfeffern und mit "
        "mittelscharfem Senf bestreichen. Mit je zwei Scheiben durchwachsenem Speck, "
        "Zwiebelstreifen und einer halben Gewürzgurke belegen, fest aufrollen und mit "
        "Küchengarn oder Rouladennadeln schließen.",
        "Die Rouladen im Bräter von allen Seiten kräftig anbraten, dann Suppengrün "
        "mitrösten, mit einem Glas Rotwein ablöschen und 500 ml Rinderfond angießen. Zugedeckt "
        "bei kleiner Hitze gut anderthalb Stunden schmoren lassen. Die Soße durch ein Sieb "
        "streichen und mit etwas Mehlbutter binden. Dazu gibt es bei uns Rotkohl und "
        "Kartoffelklöße.",
    ),
    _doc(
        "de",
        "Reisen/Bahnbuchung-Hamburg.html",
        "Ihre Buchung bei der Deutschen Bahn - Auftragsnummer 7QK2PX",
        "Vielen Dank für Ihre Buchung. Auftragsnummer 7QK2PX.",
        "Hinfahrt: Leipzig Hbf ab 09:15, Hamburg Hbf an 12:31, ICE 1606, Wagen 24, Plätze 51 "
        "und 53 (Fenster, Großraum). Rückfahrt am Sonntag, 9. Juni 2024: Hamburg Hbf ab 17:01, "
        "Leipzig Hbf an 20:18, ICE 1607.",
        "Reisende: Katrin Vogel mit BahnCard 25, Mia Vogel (6 Jahre, fährt kostenlos mit). "
        "Flexpreis, Gesamtpreis 148,90 Euro. Bitte halten Sie bei der Kontrolle Ihre BahnCard "
        "und einen amtlichen Lichtbildausweis bereit.",
    ),
    _doc(
        "de",
        "Gesundheit/Befund-Hausarzt-Blutwerte.docx",
        "Laborbefund - Praxis Dr. med. Anja Kretschmer",
        "Patientin: Katrin Vogel, geb. 03.11.1986. Blutentnahme am 22.02.2024 nüchtern.",
        "Auffällig ist ein niedriger Ferritinwert von 11 ng/ml (Referenzbereich 15 bis 150) bei "
        "noch normalem Hämoglobin. Das passt zu der Müdigkeit und den brüchigen Nägeln, über "
        "die Sie geklagt haben. Schilddrüsenwerte (TSH 1,8) und Blutzucker sind unauffällig, "
        "das LDL-Cholesterin ist mit 142 mg/dl leicht erhöht.",
        "Empfehlung: Eisentabletten (100 mg) jeden zweiten Tag morgens auf nüchternen Magen, "
        "mit Orangensaft statt Kaffee. Kontrolle der Werte in drei Monaten.",
    ),
    _doc(
        "de",
        "Arbeit/Protokoll-Teamsitzung-2024-04.md",
        "Protokoll der Teamsitzung vom 16. April 2024",
        "Anwesend: Katrin Vogel (Protokoll), Herr Brandt, Frau Yilmaz, Herr Schulze, Frau "
        "Nowak. Entschuldigt: Herr Hoffmann.",
        "TOP 1: Umzug der Abteilung in den dritten Stock. Der Umzug wird auf das Wochenende "
        "nach Pfingsten verschoben, weil die Netzwerkkabel noch nicht verlegt sind. Jede und "
        "jeder packt den eigenen Schreibtisch bis Freitagmittag in Kisten.",
        "TOP 2: Urlaubsplanung Sommer. Bis Ende April tragen alle ihre Wünsche in die Liste "
        "ein; in den Schulferien muss immer mindestens eine Person aus der Buchhaltung "
        "erreichbar sein.",
        "TOP 3: Das neue Ticketsystem startet am 2. Mai, Schulung bei Frau Yilmaz.",
    ),
    _doc(
        "de",
        "Wohnung/Mietvertrag-Leipzig-Gohlis.docx",
        "Mietvertrag für Wohnraum",
        "Zwischen Frau Gerda Lehmann (Vermieterin) und Katrin und Jörg Vogel (Mieter) wird "
        "folgender Mietvertrag über die Wohnung Bleichertstraße 17, 2. Obergeschoss links, "
        "04155 Leipzig-Gohlis, geschlossen: drei Zimmer, Küche, Bad, Balkon und ein Kellerabteil, "
        "Wohnfläche ca. 78 Quadratmeter.",
        "Das Mietverhältnis beginnt am 1. März 2019 und läuft auf unbestimmte Zeit. Die "
        "Nettokaltmiete beträgt 640 Euro, dazu kommen Vorauszahlungen für Betriebskosten von "
        "160 Euro und für Heizung von 85 Euro monatlich. Die Miete ist bis zum dritten Werktag "
        "eines Monats zu zahlen.",
        "Die Mieter leisten eine Mietsicherheit von drei Nettokaltmieten (1.920 Euro). "
        "Haustiere bedürfen der Zustimmung der Vermieterin. Die Kündigungsfrist für die Mieter "
        "beträgt drei Monate.",
    ),
    _doc(
        "de",
        "Schule/Elternbrief-Klassenfahrt.txt",
        "Elternbrief: Klassenfahrt der 4b an die Ostsee",
        "Liebe Eltern der Klasse 4b,",
        "vom 10. bis 14. Juni fahren wir mit der Klasse in die Jugendherberge Prerow auf dem "
        "Darß. Wir fahren mit dem Bus ab der Schule um 7:30 Uhr. Geplant sind eine Wattwanderung "
        "am Bodden, ein Besuch im Nationalparkhaus und natürlich viel Zeit am Strand.",
        "Die Fahrt kostet 215 Euro pro Kind (Übernachtung, Vollpension, Bus und Eintritte). "
        "Bitte überweisen Sie den Betrag bis zum 30. April auf das Klassenkonto. Wenn Ihr Kind "
        "Medikamente braucht oder Allergien hat, geben Sie uns bitte auf dem beiliegenden "
        "Bogen Bescheid.",
        "Viele Grüße, Frau Becker und Herr Albrecht",
    ),
    _doc(
        "de",
        "Anleitungen/Waschmaschine-Bedienungsanleitung.odt",
        "Bosch Serie 6 Waschmaschine - Kurzanleitung",
        "Wäsche nach Farbe und Pflegesymbol sortieren, Taschen leeren, Reißverschlüsse "
        "schließen. Die Trommel locker befüllen: bei Baumwolle höchstens 9 kg, bei Pflegeleicht "
        "4 kg, bei Wolle 2 kg.",
        "Das Waschmittel kommt in Kammer II, Weichspüler in die mittlere Kammer. Programm am "
        "Drehwähler einstellen, Temperatur und Schleuderdrehzahl anpassen und Start drücken. "
        "Das Programm Eco 40-60 braucht am wenigsten Strom, dauert aber fast vier Stunden.",
        "Fehlermeldung E18: Das Wasser läuft nicht ab. Flusensieb unten rechts hinter der "
        "Klappe aufdrehen, Restwasser in eine flache Schale ablassen und Fremdkörper entfernen. "
        "Einmal im Monat ein Programm mit 90 Grad ohne Wäsche laufen lassen, damit es nicht "
        "muffig riecht.",
    ),
    _doc(
        "de",
        "Bewerbung/Lebenslauf-Katrin-Vogel.docx",
        "Lebenslauf Katrin Vogel",
        "Persönliche Daten: geboren am 3. November 1986 in Chemnitz, verheiratet, ein Kind. "
        "Anschrift: Bleichertstraße 17, 04155 Leipzig.",
        "Berufserfahrung: seit 2016 Sachbearbeiterin Finanzbuchhaltung bei der Mitteldeutschen "
        "Logistik GmbH, Leipzig (Kreditorenbuchhaltung, Monatsabschlüsse, Einführung von "
        "DATEV Unternehmen online). 2010 bis 2016 Steuerfachangestellte in der Kanzlei Hübner "
        "und Partner, Chemnitz.",
        "Ausbildung: Ausbildung zur Steuerfachangestellten (2007 bis 2010), Abitur am "
        "Georgius-Agricola-Gymnasium Chemnitz (2006). Kenntnisse: DATEV, SAP FI, Excel sehr "
        "gut, Englisch gut. Hobbys: Chor, Radfahren.",
    ),
    _doc(
        "de",
        "Versicherung/Kfz-Versicherung-Schadensmeldung.txt",
        "Schadensmeldung an die HUK-Coburg, Versicherungsschein 512/883401-K",
        "Sehr geehrte Damen und Herren,",
        "am Dienstag, 5. März 2024, gegen 17:40 Uhr bin ich auf dem Parkplatz des Kauflands in "
        "der Georg-Schumann-Straße beim Ausparken mit unserem VW Golf (Kennzeichen L-KV 4821) "
        "gegen einen geparkten Opel Corsa gestoßen. Am Corsa ist die hintere Stoßstange "
        "eingedrückt, an unserem Wagen ist das Rücklicht zerbrochen.",
        "Die Halterin des Corsa, Frau Sabine Krug, war vor Ort; wir haben Namen und "
        "Anschriften ausgetauscht und Fotos gemacht, die ich beilege. Bitte regulieren Sie den "
        "Schaden über unsere Haftpflicht und teilen Sie mir mit, ob der Schaden am eigenen "
        "Fahrzeug über die Vollkasko läuft.",
        "Mit freundlichen Grüßen, Jörg Vogel",
    ),
]

# -- French ----------------------------------------------------------------------------------

_FR = [
    _doc(
        "fr",
        "Courrier/lettre-à-mamie.txt",
        "",
        "Chère Mamie,",
        "Merci mille fois pour le colis ! Hugo a dévoré les calissons en deux jours et il porte "
        "déjà le pull bleu que tu lui as tricoté, même s'il fait encore doux à Lyon. Julien te "
        "remercie pour le pot de confiture de figues, c'est la meilleure du monde d'après lui.",
        "Ici tout va bien. Hugo est entré en CM1, il adore sa nouvelle maîtresse et il s'est mis "
        "au judo le mercredi. Moi, je cours toujours entre le bureau et la maison, mais on "
        "s'organise. Nous pensons descendre te voir à Aix pour la Toussaint, si ça te convient. "
        "On prendra le train du samedi matin.",
        "Prends bien soin de toi et appelle-nous quand tu veux. Gros bisous de nous trois, Camille",
    ),
    _doc(
        "fr",
        "Factures/facture-edf-février-2024.html",
        "Facture EDF - février 2024",
        "Titulaire du contrat : Mme Camille Rousseau, 8 rue Juliette Récamier, 69006 Lyon. "
        "Référence client : 6003 418 257. Offre : Tarif Bleu, option heures creuses, "
        "puissance souscrite 9 kVA.",
        "Consommation relevée du 12 décembre 2023 au 12 février 2024 : 1 046 kWh, dont 612 kWh "
        "en heures creuses. Montant de l'électricité : 231,84 euros, abonnement : 36,58 euros, "
        "taxes et contributions : 41,27 euros. Total TTC : 309,69 euros, prélevé le 28 février.",
        "Votre consommation est en hausse de 14 % par rapport à la même période l'an dernier, "
        "en raison des températures plus basses. Pensez au chèque énergie si vous y avez droit.",
    ),
    _doc(
        "fr",
        "Recettes/tarte-tatin.md",
        "La tarte Tatin de Julien",
        "Faire un caramel blond avec 120 g de sucre et 60 g de beurre demi-sel directement dans "
        "le moule à manqué, sur le feu. Éplucher 8 pommes (des reinettes ou des golden bien "
        "fermes), les couper en quartiers et les serrer debout sur le caramel. Laisser cuire dix "
        "minutes à feu doux pour qu'elles commencent à confire.",
        "Recouvrir d'une pâte brisée en rentrant les bords à l'intérieur du moule, piquer à la "
        "fourchette et enfourner 35 minutes à 190 °C. Attendre cinq minutes puis retourner d'un "
        "coup sur un plat. À servir tiède avec une cuillère de crème fraîche épaisse.",
    ),
    _doc(
        "fr",
        "Voyages/réservation-gîte-ardèche.odt",
        "Confirmation de réservation - Gîte Le Mas des Oliviers",
        "Madame Rousseau, nous avons le plaisir de vous confirmer votre réservation au Mas des "
        "Oliviers, à Vallon-Pont-d'Arc (Ardèche), du samedi 3 août au samedi 10 août 2024, pour "
        "deux adultes et un enfant.",
        "Le gîte comprend deux chambres, une cuisine équipée, une terrasse ombragée et l'accès à "
        "la piscine partagée. Les draps et le linge de toilette sont fournis ; le ménage de fin "
        "de séjour est en option (60 euros).",
        "Prix de la semaine : 890 euros. Un acompte de 30 % (267 euros) a été reçu le 14 mars ; "
        "le solde est à régler à votre arrivée. Arrivée à partir de 16 heures, départ avant 10 "
        "heures. Location de canoës pour la descente des gorges à 2 km.",
    ),
    _doc(
        "fr",
        "Santé/ordonnance-kiné-genou.txt",
        "Ordonnance - Dr Philippe Garnier, médecine du sport, Lyon 3e",
        "Lyon, le 6 mai 2024. Mme Camille Rousseau, 38 ans.",
        "Séances de kinésithérapie : 15 séances de rééducation du genou droit après entorse du "
        "ligament latéral interne, survenue lors d'une course le 21 avril. Renforcement du "
        "quadriceps, travail de proprioception, glaçage après chaque séance. À débuter dès que "
        "possible, deux à trois séances par semaine.",
        "Genouillère ligamentaire articulée pendant quatre semaines pour les activités "
        "sportives. Paracétamol 1 g si douleur, maximum trois fois par jour. Reprise progressive "
        "de la course à pied pas avant six semaines. Revoir en consultation après les séances.",
    ),
    _doc(
        "fr",
        "Travail/compte-rendu-réunion-projet.md",
        "Compte rendu - comité de projet refonte du site, 18 mars 2024",
        "Participants : Camille Rousseau (cheffe de projet), Nadia Benali, Thomas Girard, "
        "Élodie Marchand, l'agence Pixelune (Antoine). Absente excusée : Sandrine Petit.",
        "Avancement : les maquettes de la page d'accueil et du tunnel de commande sont "
        "validées. Le développement du catalogue a pris deux semaines de retard à cause de "
        "l'export des fiches produits depuis l'ancien logiciel.",
        "Décisions : la mise en ligne est repoussée du 15 avril au 6 mai ; la version anglaise "
        "est reportée à l'automne. Antoine envoie un nouveau planning vendredi. Nadia organise "
        "les tests avec cinq clients la semaine du 22 avril.",
    ),
    _doc(
        "fr",
        "Logement/bail-appartement-lyon.docx",
        "Contrat de location - logement vide",
        "Entre M. Bernard Fauconnier, bailleur, et Mme Camille Rousseau et M. Julien Rousseau, "
        "locataires, il a été convenu la location d'un appartement de type T4 situé au 8 rue "
        "Juliette Récamier, 69006 Lyon, au 4e étage avec ascenseur, d'une surface habitable de "
        "86 m², avec une cave et une place de parking.",
        "Le bail est conclu pour une durée de trois ans à compter du 1er septembre 2021. Le "
        "loyer mensuel est fixé à 1 280 euros hors charges, avec une provision pour charges de "
        "140 euros, payable le 5 de chaque mois. Le loyer est révisé chaque année selon "
        "l'indice de référence des loyers.",
        "Un dépôt de garantie d'un mois de loyer hors charges (1 280 euros) est versé à la "
        "signature. Le locataire peut donner congé à tout moment avec un préavis de trois mois, "
        "réduit à un mois en cas de mutation professionnelle.",
    ),
    _doc(
        "fr",
        "École/bulletin-hugo-trimestre-2.odt",
        "Bulletin du deuxième trimestre - Hugo Rousseau, CM1",
        "Français : très bonne lecture à voix haute, Hugo comprend bien les textes. "
        "L'orthographe reste fragile, surtout les accords dans le groupe nominal ; il faut "
        "continuer les dictées à la maison. Mathématiques : à l'aise avec les fractions simples "
        "et le calcul mental, plus lent en résolution de problèmes.",
        "Questionner le monde : exposé réussi sur les volcans d'Auvergne. Anglais : participe "
        "volontiers. Comportement : élève agréable mais bavard, qui doit apprendre à lever le "
        "doigt avant de parler.",
        "Appréciation générale : un bon trimestre, des progrès nets depuis la rentrée. Continue "
        "ainsi, Hugo ! Mme Lefèvre",
    ),
    _doc(
        "fr",
        "Notices/notice-four-micro-ondes.odt",
        "Four micro-ondes Whirlpool MWP 338 - notice d'utilisation",
        "Ne faites jamais fonctionner le four à vide. N'utilisez pas de récipients métalliques "
        "ni de vaisselle à bord doré en mode micro-ondes ; le verre, la porcelaine et les "
        "plastiques marqués « micro-ondes » conviennent.",
        "Décongélation : appuyez sur la touche Jet Defrost, choisissez le type d'aliment "
        "(viande, volaille, poisson, pain), entrez le poids puis appuyez sur Start. Retournez "
        "l'aliment quand le four émet un signal. Fonction gril : utilisez la grille haute, "
        "jamais de plat en plastique.",
        "Entretien : nettoyez l'intérieur avec un chiffon humide et un peu de liquide vaisselle. "
        "Pour les odeurs, faites chauffer un bol d'eau avec du jus de citron pendant deux "
        "minutes. Si l'écran affiche F2, débranchez l'appareil pendant une minute.",
    ),
    _doc(
        "fr",
        "CV/CV-Camille-Rousseau.docx",
        "Camille Rousseau - Cheffe de projet digital",
        "Lyon. Cheffe de projet web depuis dix ans, spécialisée dans les sites de commerce en "
        "ligne et la coordination entre équipes marketing, agences et développeurs.",
        "Expérience : depuis 2019, cheffe de projet digital chez Maison Clairval (arts de la "
        "table), Lyon : refonte du site marchand, lancement de la vente en Belgique et en "
        "Suisse. De 2014 à 2019, chargée de projet web à l'agence Pixelune, Villeurbanne : "
        "sites pour une vingtaine de clients régionaux.",
        "Formation : master en communication numérique, Université Lumière Lyon 2 (2014). "
        "Compétences : gestion de projet agile, Shopify, Google Analytics, rédaction de cahiers "
        "des charges. Langues : anglais courant, espagnol scolaire. Loisirs : course à pied, "
        "céramique.",
    ),
    _doc(
        "fr",
        "Impôts/déclaration-revenus-2023-notes.md",
        "Déclaration de revenus 2023 - à ne pas oublier",
        "À déclarer avant le 30 mai (zone 1 en ligne) : salaires de Camille et de Julien "
        "(préremplis, à vérifier), revenus du livret et de l'assurance-vie.",
        "Réductions et crédits d'impôt : frais de garde de Hugo au centre de loisirs "
        "(1 140 euros, case 7GA), dons à la Croix-Rouge et aux Restos du Cœur (250 euros, case "
        "7UF), emploi d'une femme de ménage en chèque emploi service (2 600 euros, case 7DB).",
        "Penser aux frais réels pour Julien ? Il fait 48 km aller-retour pour aller à l'usine "
        "de Vénissieux : calculer avec le barème kilométrique avant de choisir. Garder les "
        "justificatifs trois ans.",
    ),
]

# -- Spanish ---------------------------------------------------------------------------------

_ES = [
    _doc(
        "es",
        "Cartas/reclamación-compañía-telefónica.docx",
        "Reclamación por cobro indebido",
        "A la atención del servicio de atención al cliente de Movistar:",
        "Me llamo Lucía Fernández Soler, con DNI 24871365-K y titular de la línea de fibra y "
        "móvil con número de cliente 8830127. En las facturas de marzo y abril me han cobrado "
        "29,90 euros al mes por un paquete de fútbol que nunca he contratado. Llamé el 4 de "
        "abril y me aseguraron que lo darían de baja, pero el cargo ha vuelto a aparecer.",
        "Solicito la anulación inmediata de ese servicio y la devolución de los 59,80 euros "
        "cobrados de más. Si en un plazo de quince días no recibo respuesta, presentaré una "
        "reclamación ante la Oficina de Atención al Usuario de Telecomunicaciones.",
        "Atentamente, Lucía Fernández",
    ),
    _doc(
        "es",
        "Facturas/factura-gas-naturgy-enero.html",
        "Factura de gas natural - enero 2024",
        "Titular: Lucía Fernández Soler. Dirección de suministro: calle de Cuba 42, puerta 7, "
        "46006 Valencia. Contrato 120458873, tarifa RL.2.",
        "Periodo de facturación: del 14 de noviembre de 2023 al 15 de enero de 2024 (62 días). "
        "Consumo: 1.254 kWh según lectura real del contador. Término fijo: 13,52 euros; término "
        "variable: 98,74 euros; alquiler del contador: 1,86 euros; impuesto de hidrocarburos e "
        "IVA incluidos. Total a pagar: 139,17 euros.",
        "El importe se cargará en su cuenta el 25 de enero. Su consumo ha sido un 22 % mayor "
        "que en el mismo periodo del año anterior, sobre todo por la calefacción.",
    ),
    _doc(
        "es",
        "Recetas/paella-valenciana.md",
        "Paella valenciana de la abuela Amparo",
        "En la paellera, con un buen chorro de aceite, dorar a fuego medio medio pollo y medio "
        "conejo troceados, con sal, durante unos veinte minutos. Añadir la judía verde plana "
        "y el garrofón y rehogar. Hacer un hueco en el centro, sofreír el tomate rallado y "
        "echar una cucharadita de pimentón dulce, sin que se queme.",
        "Cubrir con agua hasta los remaches de las asas, añadir unas hebras de azafrán y "
        "dejar hervir veinte minutos. Rectificar de sal, repartir el arroz bomba (unos 100 g "
        "por persona) y no volver a removerlo. Diez minutos a fuego fuerte y ocho a fuego "
        "suave, con una ramita de romero al final. Dejar reposar cinco minutos tapada con un "
        "paño. El socarrat es lo mejor.",
    ),
    _doc(
        "es",
        "Viajes/reserva-vuelo-valencia-roma.html",
        "Confirmación de su reserva - Vueling",
        "Código de reserva: LQ7M4D. Gracias por volar con nosotros.",
        "Ida: vuelo VY6104, Valencia (VLC) - Roma Fiumicino (FCO), jueves 18 de abril de 2024, "
        "salida 07:05, llegada 09:10. Vuelta: vuelo VY6105, Roma Fiumicino - Valencia, lunes 22 "
        "de abril, salida 20:15, llegada 22:20.",
        "Pasajeros: Lucía Fernández Soler y Andrés Molina Ruiz. Tarifa Optima con una maleta "
        "facturada de 25 kg por pasajero y asiento elegido (filas 12 C y D). Precio total: "
        "286,40 euros. Recuerde llevar su DNI o pasaporte en vigor; el embarque se cierra 20 "
        "minutos antes de la salida.",
    ),
    _doc(
        "es",
        "Salud/informe-dentista-paula.txt",
        "Clínica Dental Ruzafa - informe de revisión",
        "Paciente: Paula Molina Fernández, 11 años. Fecha: 9 de febrero de 2024.",
        "En la revisión semestral se observa una caries pequeña en el primer molar inferior "
        "derecho, que se obturará en la próxima cita. Encías sanas. La radiografía panorámica "
        "muestra que los caninos definitivos están erupcionando con poco espacio y hay "
        "apiñamiento en la arcada superior.",
        "Se recomienda valoración de ortodoncia: probablemente un aparato fijo durante unos 18 "
        "meses, con un presupuesto aproximado de 2.400 euros. Mientras tanto, cepillado tres "
        "veces al día, hilo dental por la noche y menos zumos azucarados.",
    ),
    _doc(
        "es",
        "Trabajo/acta-reunión-equipo-ventas.md",
        "Acta de la reunión del equipo comercial - 8 de mayo de 2024",
        "Asistentes: Lucía Fernández (directora comercial), Marcos Gil, Carmen Ortega, Iván "
        "Sanchis, Rocío Beltrán.",
        "1. Resultados del primer trimestre: las ventas en la Comunidad Valenciana crecen un "
        "8 %, pero Murcia cae un 12 % tras la pérdida del cliente Hiperfruta. 2. Feria "
        "Alimentaria de Barcelona: Carmen e Iván atenderán el estand; hay que tener listos los "
        "catálogos nuevos antes del 20 de mayo. 3. Comisiones: se mantiene el sistema actual "
        "hasta diciembre.",
        "Tareas: Marcos preparará una propuesta para recuperar clientes en Murcia; Rocío "
        "actualizará el CRM antes del viernes. Próxima reunión: 22 de mayo a las 9:30.",
    ),
    _doc(
        "es",
        "Vivienda/contrato-arrendamiento-valencia.docx",
        "Contrato de arrendamiento de vivienda",
        "En Valencia, a 15 de junio de 2022. De una parte, don Vicente Llorens Martí, como "
        "arrendador; de otra, doña Lucía Fernández Soler y don Andrés Molina Ruiz, como "
        "arrendatarios. Objeto: vivienda situada en la calle de Cuba 42, puerta 7, 46006 "
        "Valencia, de tres dormitorios, con trastero.",
        "Duración: un año a partir del 1 de julio de 2022, prorrogable anualmente hasta cinco "
        "años según la Ley de Arrendamientos Urbanos. Renta: 950 euros mensuales, que se "
        "abonarán por transferencia dentro de los siete primeros días de cada mes. La renta se "
        "actualizará cada año según el índice de referencia.",
        "Fianza: los arrendatarios entregan una mensualidad (950 euros), que se depositará en "
        "la Generalitat. Los gastos de comunidad corren a cargo del arrendador; los suministros, "
        "a cargo de los arrendatarios. No se permite subarrendar.",
    ),
    _doc(
        "es",
        "Colegio/circular-excursión-granja-escuela.txt",
        "Circular: excursión de 5.º de primaria a la granja escuela",
        "Estimadas familias:",
        "El próximo viernes 17 de mayo, los alumnos de 5.º de primaria irán de excursión a la "
        "granja escuela Mas de Noguera, en Caudiel. Saldremos del colegio a las 8:30 en autobús "
        "y volveremos hacia las 17:30. Los niños darán de comer a los animales, harán pan y "
        "participarán en un taller sobre el huerto.",
        "El precio es de 24 euros, que incluye transporte, actividades y comida. Deben llevar "
        "ropa cómoda, gorra, crema solar y una botella de agua. Entregad la autorización "
        "firmada a la tutora antes del 10 de mayo.",
        "Un saludo, el equipo docente de 5.º",
    ),
    _doc(
        "es",
        "Manuales/manual-aire-acondicionado.odt",
        "Aire acondicionado split Daikin - guía rápida del mando",
        "Pulse ON/OFF para encender el equipo. Con el botón MODE elija entre frío, calor, "
        "deshumidificación, ventilación o automático. Ajuste la temperatura con las flechas; "
        "en verano se recomiendan 25 o 26 grados para ahorrar energía.",
        "El botón SWING mueve las lamas arriba y abajo. La función ECONO limita el consumo "
        "cuando hay otros aparatos encendidos, y el modo noche sube la temperatura un grado "
        "cada hora para dormir mejor.",
        "Limpie los filtros cada dos semanas con agua tibia y déjelos secar a la sombra. Si el "
        "piloto parpadea y la pantalla muestra U4, hay un fallo de comunicación entre la unidad "
        "interior y la exterior: desconecte el aparato y llame al servicio técnico.",
    ),
    _doc(
        "es",
        "CV/currículum-Lucía-Fernández.docx",
        "Currículum vítae - Lucía Fernández Soler",
        "Valencia. Directora comercial con quince años de experiencia en el sector "
        "agroalimentario, acostumbrada a negociar con grandes cadenas de distribución.",
        "Experiencia: desde 2018, directora comercial en Cítricos del Turia, S.L., Alzira: "
        "equipo de cinco personas, apertura de clientes en Francia y Alemania, facturación de "
        "14 millones de euros. De 2009 a 2018, key account manager en Frutas Nieves, Valencia.",
        "Formación: licenciatura en Administración y Dirección de Empresas, Universitat de "
        "València (2008); máster en comercio internacional (2012). Idiomas: inglés C1, francés "
        "B2, valenciano. Carné de conducir B.",
    ),
    _doc(
        "es",
        "Seguros/póliza-seguro-hogar.odt",
        "Póliza de seguro de hogar - condiciones particulares",
        "Tomadora: Lucía Fernández Soler. Riesgo asegurado: vivienda en calle de Cuba 42, "
        "puerta 7, Valencia (inquilina). Número de póliza: HG-20931877. Vigencia: del 1 de julio "
        "de 2024 al 30 de junio de 2025.",
        "Capital asegurado: contenido 30.000 euros, joyas 3.000 euros. Coberturas: incendio, "
        "daños por agua, robo dentro de la vivienda, rotura de cristales, responsabilidad civil "
        "hasta 300.000 euros y asistencia de fontanero y cerrajero las 24 horas. Franquicia en "
        "daños por agua: 150 euros.",
        "Prima anual: 212,60 euros, domiciliada en un solo pago. Para declarar un siniestro "
        "llame al 900 100 222.",
    ),
]

# -- Russian ---------------------------------------------------------------------------------

_RU = [
    _doc(
        "ru",
        "Письма/письмо-подруге-Лене.txt",
        "",
        "Леночка, привет!",
        "Прости, что так долго не писала: с переездом совсем закрутилась. Мы наконец-то "
        "в новой квартире, на улице Чистопольской. Артём в восторге от своей комнаты, а "
        "Дима третий вечер собирает шкаф и ругается на инструкцию. Из окна видно Казанку, "
        "а по утрам слышно, как кричат чайки.",
        "Как ты? Как мама после операции? Очень жду вас в гости летом: места теперь "
        "хватит всем, а Артём уже придумал, что покажет Соне в Кремле. Напиши, когда у тебя "
        "отпуск, и мы всё спланируем.",
        "Обнимаю крепко, твоя Оля",
    ),
    _doc(
        "ru",
        "Счета/квитанция-ЖКХ-март-2024.docx",
        "Единый платёжный документ за март 2024 года",
        "Плательщик: Смирнова Ольга Викторовна. Адрес: г. Казань, ул. Чистопольская, д. 61, "
        "кв. 118. Лицевой счёт 4021753390. Площадь квартиры 64,2 кв. м, зарегистрировано три "
        "человека.",
        "Начислено: содержание жилого помещения 1 605,00 руб., отопление 2 318,47 руб., "
        "горячая вода (4,1 куб. м) 1 012,62 руб., холодная вода и водоотведение 486,30 руб., "
        "электроэнергия (215 кВт·ч) 1 036,30 руб., вывоз мусора 389,00 руб., капитальный "
        "ремонт 481,50 руб.",
        "Итого к оплате: 7 329,19 руб. Оплатить до 10 апреля без комиссии можно в "
        "мобильном приложении банка или на почте. Показания счётчиков передавайте с 20 по "
        "25 число.",
    ),
    _doc(
        "ru",
        "Рецепты/борщ.md",
        "Борщ, как у мамы",
        "Полкило говядины на косточке залить тремя литрами холодной воды, довести до "
        "кипения, снять пену и варить полтора часа на слабом огне. Мясо вынуть, отделить "
        "от кости и нарезать.",
        "Свёклу натереть на крупной тёрке и потушить с ложкой уксуса и томатной пастой, "
        "чтобы сохранила цвет. Отдельно обжарить лук и морковь. В бульон положить нарезанный "
        "картофель, через десять минут — нашинкованную капусту, потом зажарку, свёклу и "
        "мясо. Посолить, добавить лавровый лист, перец и зубчик чеснока.",
        "Дать борщу настояться под крышкой хотя бы полчаса. Подавать со сметаной, укропом и "
        "чёрным хлебом, а лучше с пампушками.",
    ),
    _doc(
        "ru",
        "Поездки/билеты-поезд-Казань-Москва.html",
        "Электронный билет РЖД — заказ 75220418833",
        "Поезд 002Й «Татарстан», Казань-Пассажирская — Москва Казанская. Отправление "
        "14 июня 2024 года в 20:22, прибытие 15 июня в 08:00 (время московское).",
        "Вагон 7, купе. Места 21 и 22 (нижнее и верхнее). Пассажиры: Смирнова Ольга "
        "Викторовна и Смирнов Артём Дмитриевич (детский билет). Стоимость: 9 846,20 руб., "
        "включая постельное бельё и питание.",
        "Электронная регистрация пройдена. При посадке предъявите оригинал документа, "
        "удостоверяющего личность, для ребёнка — свидетельство о рождении. Обратный билет "
        "оформлен отдельным заказом.",
    ),
    _doc(
        "ru",
        "Здоровье/выписка-из-поликлиники.odt",
        "Выписка из медицинской карты — Городская поликлиника № 21, Казань",
        "Пациент: Смирнов Дмитрий Андреевич, 41 год. Обращение 11 марта 2024 года с жалобами "
        "на боль в пояснице после подъёма тяжёлого шкафа, боль отдаёт в левую ногу.",
        "Осмотр: ограничение движений в поясничном отделе, напряжение мышц. МРТ от 14 марта: "
        "протрузия диска L4–L5 без сдавления корешков. Диагноз: люмбоишиалгия слева.",
        "Назначено: нимесулид 100 мг два раза в день после еды в течение пяти дней, "
        "миорелаксант на ночь, лечебная физкультура и массаж, затем плавание. Не поднимать "
        "тяжести больше пяти килограммов в течение месяца. Больничный лист с 11 по 22 марта.",
    ),
    _doc(
        "ru",
        "Работа/протокол-планёрки.md",
        "Протокол планёрки отдела логистики, 3 июня 2024 года",
        "Присутствовали: О. В. Смирнова (начальник отдела), Р. Гарипов, Е. Кузнецова, "
        "А. Хабибуллин, М. Орлова.",
        "1. Задержки поставок из Набережных Челнов: в мае опоздали 14 машин из 60. Гарипову "
        "до пятницы согласовать с перевозчиком новый график и штрафы за опоздания. 2. "
        "Инвентаризация склада переносится на 22 июня, в субботу, с оплатой в двойном "
        "размере. 3. Отпуска: Кузнецова уходит с 1 июля, её замещает Орлова.",
        "Следующая планёрка — в понедельник в 9:00, как обычно.",
    ),
    _doc(
        "ru",
        "Документы/Договор аренды квартиры.odt",
        "Договор найма жилого помещения",
        "г. Казань, 25 августа 2023 года. Наймодатель Валиев Ринат Ильдарович и наниматель "
        "Смирнова Ольга Викторовна заключили настоящий договор о следующем. Наймодатель "
        "передаёт во временное пользование двухкомнатную квартиру по адресу: ул. "
        "Чистопольская, д. 61, кв. 118, общей площадью 64,2 кв. м, с мебелью и бытовой "
        "техникой.",
        "Срок найма — 11 месяцев с 1 сентября 2023 года с правом продления. Плата за наем "
        "составляет 35 000 рублей в месяц и вносится до 5 числа каждого месяца переводом на "
        "карту наймодателя. Коммунальные платежи оплачивает наниматель по квитанциям.",
        "При подписании договора наниматель вносит залог в размере 35 000 рублей, который "
        "возвращается при выезде, если имущество не повреждено. О досрочном расторжении "
        "стороны предупреждают друг друга за один месяц. Проживание с домашними животными "
        "не допускается.",
    ),
    _doc(
        "ru",
        "Школа/записка-классному-руководителю.txt",
        "",
        "Уважаемая Гульнара Рашидовна!",
        "Прошу считать пропуск занятий моим сыном, Смирновым Артёмом, учеником 3 «Б» класса, "
        "с 15 по 17 апреля уважительным. У Артёма была высокая температура и сильный "
        "кашель, он лечился дома под наблюдением педиатра, справка будет в понедельник.",
        "Подскажите, пожалуйста, какие темы по математике и русскому языку он пропустил, "
        "чтобы мы позанимались дома. И можно ли ему неделю не ходить на физкультуру, как "
        "советует врач?",
        "С уважением, О. В. Смирнова, 18 апреля",
    ),
    _doc(
        "ru",
        "Инструкции/инструкция-мультиварка.docx",
        "Мультиварка Redmond RMC-M90 — краткая инструкция",
        "Перед первым использованием вымойте чашу и включите программу «Варка на пару» с "
        "водой на 10 минут, чтобы ушёл заводской запах. Не включайте прибор без чаши и не "
        "наливайте воду выше отметки MAX.",
        "Программы: «Каша» (молочные каши, 35 минут), «Плов», «Тушение» (от 20 минут до 12 "
        "часов), «Выпечка», «Йогурт». Кнопка «Мультиповар» позволяет самому выставить "
        "температуру от 35 до 170 градусов. Отложенный старт — до 24 часов.",
        "Если на дисплее горит ошибка E3, прибор перегрелся: отключите его от сети, дайте "
        "остыть и проверьте, есть ли в чаше жидкость. Уплотнитель крышки снимайте и мойте "
        "после каждого приготовления.",
    ),
    _doc(
        "ru",
        "Работа/резюме-Ольга-Смирнова.docx",
        "Смирнова Ольга Викторовна — руководитель отдела логистики",
        "Казань, готова к командировкам. Опыт работы в логистике 14 лет, из них шесть — на "
        "руководящих должностях.",
        "Опыт работы: с 2018 года — начальник отдела логистики, ООО «ВолгаТрансСнаб», "
        "Казань: команда из 12 человек, организация доставки запчастей по Поволжью, снижение "
        "транспортных расходов на 18 %. 2010–2018 — менеджер по закупкам, сеть магазинов "
        "«Бахетле».",
        "Образование: Казанский государственный финансово-экономический институт, "
        "специальность «Менеджмент организации» (2009). Навыки: 1С:Управление торговлей, "
        "складской учёт, ведение переговоров. Английский — средний уровень.",
    ),
    _doc(
        "ru",
        "Машина/полис-ОСАГО-2024.txt",
        "Полис ОСАГО — страховая компания «Росгосстрах»",
        "Страхователь: Смирнов Дмитрий Андреевич. Транспортное средство: Kia Rio, 2019 года "
        "выпуска, государственный номер А 482 КМ 116. Номер полиса ХХХ 0372815546. Срок "
        "действия: с 2 февраля 2024 года по 1 февраля 2025 года.",
        "К управлению допущены: Смирнов Д. А. и Смирнова О. В. Страховая премия: 6 812,40 "
        "руб. Лимит по ущербу имуществу — 400 000 руб., по вреду жизни и здоровью — 500 000 "
        "руб.",
        "При ДТП оформите европротокол через приложение «Госуслуги Авто» или вызовите ГИБДД, "
        "сфотографируйте место аварии и в течение пяти рабочих дней подайте заявление в "
        "страховую компанию.",
    ),
]

# -- Arabic ----------------------------------------------------------------------------------

_AR = [
    _doc(
        "ar",
        "رسائل/رسالة-إلى-أختي-ريم.txt",
        "",
        "أختي الحبيبة ريم،",
        "اشتقت إليكِ كثيراً. البيت هادئ جداً منذ سفرك إلى كندا، ويوسف يسأل عنكِ كل مساء "
        "ويريد أن يعرف متى سيرى الثلج معكِ. أمي بخير والحمد لله، لكنها تتعب من صعود الدرج، "
        "لذلك نفكر أن ننقلها إلى الطابق الأرضي عند خالتي.",
        "كيف الدراسة والجامعة؟ وهل وجدتِ سكناً أقرب من الذي حدثتِني عنه؟ لا تنسي أن تأكلي "
        "جيداً وأن تلبسي ثياباً دافئة، فالشتاء هناك لا يرحم. سأرسل لكِ مع أم خالد علبة "
        "زعتر ومعمول من صنع أمي.",
        "مع كل الحب والشوق، أختك ليلى",
    ),
    _doc(
        "ar",
        "فواتير/فاتورة-الكهرباء-نيسان-2024.docx",
        "شركة الكهرباء الأردنية - فاتورة شهر نيسان 2024",
        "اسم المشترك: ليلى محمود حداد. رقم الاشتراك: 01-228-5567431. العنوان: عمّان، "
        "ضاحية الرشيد، شارع عبد الله بن رواحة، عمارة 12، شقة 5.",
        "قراءة العداد السابقة: 48217، القراءة الحالية: 48712. الاستهلاك: 495 كيلوواط ساعة. "
        "قيمة الطاقة: 52.37 ديناراً، رسوم التلفزيون والنفايات: 3.00 دنانير، فلس الريف: 2.48 "
        "دينار. المجموع المستحق: 57.85 ديناراً.",
        "آخر موعد للدفع هو 20 أيار 2024، ويمكن الدفع عبر تطبيق إي فواتيركم. نلفت انتباهكم "
        "إلى أن استهلاككم تجاوز الشريحة الثالثة هذا الشهر، ما رفع سعر الكيلوواط.",
    ),
    _doc(
        "ar",
        "وصفات/المقلوبة.md",
        "مقلوبة الدجاج والباذنجان على طريقة حماتي",
        "ينقع كوبان من الأرز المصري في ماء فاتر مدة نصف ساعة. يسلق دجاج مقطع مع بصلة "
        "وحبات الهيل وورق الغار والقرفة، ويحتفظ بالمرق. يقطع الباذنجان شرائح مستديرة "
        "ويملح ثم يقلى حتى يصبح ذهبياً، وكذلك القرنبيط والبطاطا.",
        "في قدر عميق توضع شرائح البندورة في القاع، ثم الدجاج، ثم طبقة الباذنجان والخضار، "
        "ثم الأرز المتبل بالبهارات السبع والكركم. يغمر كل شيء بالمرق الساخن ويترك على نار "
        "هادئة أربعين دقيقة.",
        "يرتاح القدر عشر دقائق ثم يقلب بحذر على صينية كبيرة. يزين باللوز والصنوبر المحمص "
        "ويقدم مع اللبن والسلطة.",
    ),
    _doc(
        "ar",
        "سفر/حجز-فندق-العقبة.html",
        "تأكيد حجز - فندق موفنبيك تالا باي العقبة",
        "عزيزتنا السيدة ليلى حداد، يسعدنا تأكيد حجزكم رقم TB-55832.",
        "تاريخ الوصول: الخميس 15 آب 2024 بعد الساعة الثالثة عصراً. تاريخ المغادرة: الأحد 18 "
        "آب 2024 قبل الظهر. الغرفة: غرفة عائلية مطلة على البحر لشخصين بالغين وطفل واحد، "
        "مع وجبة الإفطار.",
        "المبلغ الإجمالي: 465 ديناراً أردنياً شاملاً الضرائب، يدفع عند الوصول. يشمل الحجز "
        "استخدام الشاطئ الخاص والمسابح، ويمكن حجز رحلات الغطس والقارب ذي القاع الزجاجي من "
        "مكتب الاستقبال. الإلغاء مجاني حتى 48 ساعة قبل موعد الوصول.",
    ),
    _doc(
        "ar",
        "صحة/تقرير-طبيب-العيون.txt",
        "عيادة د. رامي الخطيب لطب وجراحة العيون",
        "اسم المريض: يوسف سامر العلي، العمر: 8 سنوات. تاريخ الفحص: 3 شباط 2024.",
        "حضر الطفل مع والدته بسبب شكوى المعلمة من أنه لا يرى السبورة جيداً ويقرب الكتاب من "
        "وجهه. أظهر الفحص قصر نظر في العينين: العين اليمنى سالب 1.75 والعين اليسرى سالب "
        "2.00، مع انحراف بسيط. قاع العين سليم.",
        "التوصيات: نظارة طبية للاستعمال الدائم، والجلوس في الصفوف الأمامية في المدرسة، "
        "وتقليل استعمال الأجهزة اللوحية إلى ساعة في اليوم مع اللعب في الهواء الطلق. "
        "المراجعة بعد ستة أشهر.",
    ),
    _doc(
        "ar",
        "عمل/محضر-اجتماع-قسم-الموارد-البشرية.md",
        "محضر اجتماع قسم الموارد البشرية - 12 آذار 2024",
        "الحضور: ليلى حداد (مديرة القسم)، عمر الزعبي، هبة النابلسي، فراس القيسي. اعتذر "
        "عن الحضور: نادر خليل.",
        "أولاً: خطة التوظيف للربع الثاني، والموافقة على تعيين محاسبين اثنين ومهندس شبكات. "
        "ثانياً: دوام شهر رمضان من التاسعة صباحاً حتى الثالثة عصراً، مع إمكانية العمل من "
        "المنزل يوماً واحداً في الأسبوع. ثالثاً: برنامج التدريب على نظام الرواتب الجديد في "
        "نيسان.",
        "المهام: تعد هبة إعلانات الوظائف قبل نهاية الأسبوع، ويرسل فراس تعميم الدوام الرمضاني "
        "إلى جميع الموظفين. الاجتماع القادم يوم الثلاثاء 26 آذار.",
    ),
    _doc(
        "ar",
        "سكن/عقد-إيجار-شقة-عمان.docx",
        "عقد إيجار شقة سكنية",
        "إنه في يوم الأحد الموافق 1 تشرين الأول 2023 تم الاتفاق بين المؤجر السيد خليل "
        "إبراهيم المصري والمستأجرة السيدة ليلى محمود حداد على استئجار الشقة رقم 5 في "
        "العمارة رقم 12، شارع عبد الله بن رواحة، ضاحية الرشيد، عمّان، وتتكون من ثلاث غرف نوم "
        "وصالة ومطبخ وحمامين.",
        "مدة العقد سنة واحدة تبدأ من 1 تشرين الأول 2023 وتنتهي في 30 أيلول 2024، قابلة "
        "للتجديد باتفاق الطرفين. بدل الإيجار السنوي 4200 دينار أردني، يدفع على أربعة أقساط "
        "كل ثلاثة أشهر مقدماً.",
        "دفعت المستأجرة تأميناً قدره 350 ديناراً يعاد عند انتهاء العقد بعد التأكد من سلامة "
        "الشقة. لا يحق للمستأجرة التأجير من الباطن، وتتحمل فواتير الكهرباء والمياه، بينما "
        "يتحمل المؤجر الصيانة الأساسية للعمارة.",
    ),
    _doc(
        "ar",
        "مدرسة/ملاحظات-اجتماع-أولياء-الأمور.txt",
        "ملاحظات من اجتماع أولياء الأمور - الصف الثالث",
        "التقيت اليوم بمعلمة الصف الأستاذة سناء عبيدات في مدرسة يوسف. قالت إن يوسف "
        "مجتهد ومحبوب من زملائه، وقد تحسن خطه كثيراً منذ بداية الفصل، وقراءته باللغة "
        "العربية ممتازة.",
        "لكنه يتشتت بسرعة في حصة الرياضيات ولا يكمل الواجبات أحياناً، خصوصاً مسائل جدول "
        "الضرب. اقترحت أن نراجع معه جدول الضرب عشر دقائق كل يوم، وأن نتأكد من أنه ينام "
        "قبل التاسعة. كذلك يحتاج إلى تحسين مستواه في اللغة الإنجليزية.",
        "موعد الامتحانات النهائية في منتصف حزيران، والرحلة المدرسية إلى جرش في أيار.",
    ),
    _doc(
        "ar",
        "أدلة/دليل-استخدام-الثلاجة.html",
        "دليل استخدام الثلاجة سامسونج ذات الباب المزدوج",
        "بعد التركيب، انتظر ساعتين قبل تشغيل الثلاجة لأول مرة، واترك مسافة خمسة سنتيمترات "
        "على الأقل بين الجدار والجهاز لتسهيل التهوية. درجة الحرارة المثالية لحجرة التبريد "
        "ثلاث درجات مئوية، ولحجرة التجميد سالب ثماني عشرة درجة.",
        "لا تضع الطعام الساخن مباشرة في الثلاجة، ولا تسد فتحات الهواء في الداخل. استخدم درج "
        "الخضار للفواكه والخضروات، واحفظ اللحوم في الرف السفلي.",
        "إذا ظهر الرمز 22E على الشاشة فهناك مشكلة في مروحة حجرة التبريد، افصل الجهاز عن "
        "الكهرباء واتصل بمركز الصيانة. نظف الحشوة المطاطية للباب بالماء والصابون مرة كل "
        "شهر.",
    ),
    _doc(
        "ar",
        "عمل/السيرة-الذاتية-ليلى-حداد.docx",
        "السيرة الذاتية - ليلى محمود حداد",
        "عمّان، الأردن. مديرة موارد بشرية بخبرة اثنتي عشرة سنة في قطاعي الاتصالات "
        "والمصارف، متخصصة في التوظيف وتطوير أنظمة تقييم الأداء.",
        "الخبرات: منذ عام 2019 مديرة قسم الموارد البشرية في شركة زين للاتصالات، عمّان، "
        "وأشرفت على توظيف أكثر من مئتي موظف. من 2012 إلى 2019 أخصائية توظيف في البنك "
        "العربي.",
        "التعليم: بكالوريوس إدارة أعمال من الجامعة الأردنية (2011)، وشهادة مهنية في الموارد "
        "البشرية (2016). اللغات: العربية اللغة الأم، الإنجليزية بطلاقة، الفرنسية مبتدئ.",
    ),
    _doc(
        "ar",
        "مالية/كشف-حساب-بنكي-آذار.odt",
        "البنك العربي - كشف حساب جاري لشهر آذار 2024",
        "صاحب الحساب: ليلى محمود حداد. رقم الحساب: 0118-502347-500. الرصيد الافتتاحي في 1 "
        "آذار: 1,842.15 ديناراً.",
        "الحركات: إيداع الراتب 1,650.00 ديناراً، دفعة إيجار الربع 1,050.00 ديناراً، قسط "
        "السيارة 215.00 ديناراً، مشتريات من كارفور 187.40 ديناراً، رسوم مدرسة يوسف 600.00 "
        "دينار، تحويل إلى ريم في كندا 300.00 دينار.",
        "الرصيد الختامي في 31 آذار: 1,139.75 ديناراً. للاستفسار اتصلوا بمركز خدمة العملاء "
        "على الرقم 065600600.",
    ),
]

# -- Chinese ---------------------------------------------------------------------------------

_ZH = [
    _doc(
        "zh",
        "家书/给妈妈的信.txt",
        "",
        "亲爱的妈妈：",
        "见字如面。上周寄来的粽子和咸鸭蛋都收到了，欣然一口气吃了两个，说还是外婆包的最香。"
        "杭州这几天一直下雨，衣服晾了三天都没干，您那边天气怎么样？膝盖还疼不疼？医生开的"
        "药一定要按时吃，别舍不得。",
        "欣然这学期当上了语文课代表，每天回家都抢着给我们讲学校里的事。李强单位最近很忙，"
        "经常加班到很晚，不过他说国庆节一定请假，我们一家三口回老家陪您住一个星期。",
        "天冷了记得多穿点衣服。想您！女儿晓梅",
    ),
    _doc(
        "zh",
        "家计/电费账单.txt",
        "国网浙江省电力有限公司杭州供电公司 电费账单（2024年7月）",
        "户名：王晓梅　户号：3301068825417　用电地址：杭州市西湖区文三路188号3幢1单元602室",
        "本期抄表日期：2024年7月31日，上期示数8264，本期示数8791，本期用电量527千瓦时。"
        "执行阶梯电价：第一档230千瓦时，每千瓦时0.538元；第二档297千瓦时，每千瓦时0.588元。"
        "本期电费合计298.38元，已于8月5日通过支付宝自动扣款。",
        "温馨提示：本月正值高温，空调用电较多，您的用电量比上月增加了41%。建议空调温度设置在"
        "26度以上，出门前关闭电器电源。",
    ),
    _doc(
        "zh",
        "菜谱/红烧肉.md",
        "外婆的红烧肉",
        "五花肉一斤半，切成三厘米见方的块，冷水下锅，加两片姜和一勺料酒焯水，撇去浮沫后捞出"
        "洗净沥干。锅里放少许油，小火放入三十克冰糖，慢慢炒到冰糖融化、颜色变成枣红色，"
        "马上倒入肉块翻炒，让每一块都裹上糖色。",
        "加入葱段、姜片、两颗八角和一小块桂皮炒香，沿锅边淋入两勺生抽、一勺老抽和三勺"
        "黄酒，再倒入没过肉的开水。大火烧开后转小火，盖上锅盖炖一个小时，中间翻动一两次。"
        "最后开大火收汁，汤汁浓稠、红亮就可以出锅了。配一碗白米饭，再来一盘清炒青菜正好。",
    ),
    _doc(
        "zh",
        "旅行/高铁票-杭州到西安.html",
        "12306 购票成功通知",
        "订单号：E872634519。您已成功购买2024年10月2日G1930次列车车票，杭州东站07:41开，"
        "西安北站15:36到，历时7小时55分。",
        "乘车人：王晓梅（二等座，07车12F号），李强（二等座，07车12D号），李欣然（儿童票，"
        "二等座，07车12A号）。票价合计1,863.50元，已通过微信支付。",
        "请携带购票时使用的有效身份证件，于开车前20分钟到达检票口检票进站。如需退票或改签，"
        "请在开车前通过12306办理，开车前8天以上退票不收取退票费。",
    ),
    _doc(
        "zh",
        "健康/体检报告-2024.docx",
        "浙江大学医学院附属第一医院 健康体检报告",
        "受检者：李强，男，42岁。体检日期：2024年4月13日。",
        "主要异常结果：一、血压142/93毫米汞柱，偏高，建议低盐饮食，一个月后复测。二、"
        "总胆固醇6.2毫摩尔每升，甘油三酯2.4毫摩尔每升，血脂偏高。三、腹部超声提示轻度脂肪肝。"
        "四、体重指数27.8，属于超重。肝功能、肾功能、血常规、空腹血糖均在正常范围。",
        "医生建议：减少饮酒和油炸食物，每周至少运动三次、每次三十分钟以上，争取半年内减重"
        "五公斤。三个月后复查血脂和肝功能，如血压持续偏高，请到心内科门诊就诊。",
    ),
    _doc(
        "zh",
        "工作/周会纪要-2024-05-20.md",
        "市场部周会纪要（5月20日）",
        "参会人：王晓梅（主持）、陈浩、刘婷、赵磊、孙悦。记录：孙悦。",
        "一、“618”大促准备：主会场页面本周五前定稿，陈浩负责与设计部对接；直播带货的"
        "主播名单周三前确认。二、上周投放数据：小红书笔记的转化率比抖音高，下阶段预算向"
        "小红书倾斜百分之二十。三、新品防晒霜的包装打样延期，刘婷跟进供应商，争取下周一"
        "拿到样品。",
        "下次周会时间：5月27日上午十点，三楼小会议室。",
    ),
    _doc(
        "zh",
        "住房/房屋租赁合同-杭州.docx",
        "房屋租赁合同",
        "出租方（甲方）：周建国。承租方（乙方）：王晓梅。甲方将位于杭州市西湖区文三路188号"
        "3幢1单元602室的住房出租给乙方居住使用，房屋建筑面积89平方米，两室一厅一卫，"
        "附带家具家电清单一份。",
        "租赁期限自2023年3月1日起至2025年2月28日止，共两年。月租金为人民币5,200元，"
        "按季度支付，乙方应于每季度第一个月的5日前将当季租金转入甲方指定账户。租赁期间，"
        "水费、电费、燃气费、网络费及物业管理费由乙方承担。",
        "签订本合同时，乙方向甲方支付押金一个月租金，即5,200元。租赁期满或合同解除后，"
        "房屋经甲方验收无损坏，押金全额无息退还。未经甲方书面同意，乙方不得转租，也不得擅自"
        "改变房屋结构。任何一方提前解除合同，须提前一个月书面通知对方，并支付一个月租金作为"
        "违约金。",
    ),
    _doc(
        "zh",
        "学校/家长会笔记.odt",
        "欣然二年级家长会笔记",
        "班主任张老师介绍了这学期的情况：全班四十二个孩子，期中考试语文平均分九十一分。"
        "欣然的朗读和作文都受到表扬，老师说她上课发言积极，但有时候太着急，题目没看完就"
        "动笔，数学计算题经常粗心丢分。",
        "老师提醒家长：每天陪孩子阅读二十分钟，睡前检查书包；作业尽量在九点前完成，保证"
        "睡眠。下个月学校组织去杭州植物园春游，需要交三十元车费。",
        "我的打算：每天让欣然做十道口算题，计时完成，错题让她自己改正。",
    ),
    _doc(
        "zh",
        "说明书/空气净化器使用说明.odt",
        "小米空气净化器4 使用说明（节选）",
        "使用前请先拆开底部滤芯的塑料包装袋，否则无法正常净化。净化器应放置在距离墙壁和"
        "家具至少二十厘米的位置，保证进风和出风通畅。",
        "按下顶部按键开机，短按切换自动模式、睡眠模式和手动档位。自动模式下，机器根据"
        "室内PM2.5浓度自动调节风量；睡眠模式下指示灯熄灭，噪音最低。也可以在米家APP中"
        "设置定时开关和童锁。",
        "滤芯寿命一般为六到十二个月，当APP提示剩余寿命低于百分之十，或者闻到明显异味时，"
        "请及时更换原装滤芯。清洁机身时请先拔掉电源，用干布擦拭，不要用水冲洗。",
    ),
    _doc(
        "zh",
        "求职/个人简历-王晓梅.docx",
        "个人简历",
        "姓名：王晓梅　性别：女　出生年月：1987年6月　现居：杭州　求职意向：市场总监",
        "工作经历：2017年至今，杭州某美妆品牌电商公司市场部经理，负责天猫和抖音店铺的营销"
        "策划，带领八人团队，2023年线上销售额同比增长百分之三十五。2011年至2017年，"
        "在上海某广告公司担任客户主管，服务过多个快消品牌。",
        "教育背景：2007年至2011年，浙江大学，广告学专业，本科。技能：熟练使用数据分析工具，"
        "英语六级，普通话一级乙等。",
    ),
    _doc(
        "zh",
        "保险/车险理赔记录.txt",
        "车险理赔记录",
        "2024年1月9日晚上七点左右，李强开车在天目山路等红灯时被后车追尾。我们的车是2020年"
        "的大众朗逸，车牌浙A·5K823，后保险杠和尾灯受损，人没有受伤。",
        "对方司机全责，当场报了交警并拍照，对方的保险公司是平安保险，报案号"
        "RDAA202433010000412。1月12日在4S店定损，维修费用共计3,460元，由对方保险公司"
        "直接赔付给4S店，修车期间没有代步车。",
        "注意：我们自己的保险在人保，今年续保的时候要问一下这次出险会不会影响保费。",
    ),
]

# -- Japanese --------------------------------------------------------------------------------

_JA = [
    _doc(
        "ja",
        "手紙/田中先生へのお礼状.txt",
        "",
        "田中先生",
        "拝啓　桜の花もすっかり散り、若葉がまぶしい季節になりました。先生にはお変わりなく"
        "お過ごしのことと存じます。先日は、蓮の進学について親身にご相談に乗っていただき、"
        "本当にありがとうございました。",
        "おかげさまで、蓮は第一志望の中学校に合格し、毎朝元気に電車で通っております。"
        "小学校の六年間、特に算数が苦手だった頃に放課後まで付き合ってくださったことを、"
        "本人も今でもよく話しています。",
        "季節の変わり目ですので、どうぞご自愛ください。近いうちに蓮と一緒にご挨拶に"
        "伺います。敬具　佐藤美咲",
    ),
    _doc(
        "ja",
        "家計/電気料金-2024年3月.md",
        "関西電力 電気ご使用量のお知らせ（2024年3月分）",
        "お客さま名：佐藤美咲様　ご使用場所：大阪市北区天神橋4丁目7-12 ハイツ天神502号",
        "ご使用期間：2月6日から3月6日まで（30日間）。ご使用量：412kWh。契約種別：従量電灯A。"
        "電気料金：13,486円（燃料費調整額、再生可能エネルギー発電促進賦課金を含む）。"
        "ご指定の口座から3月27日に振り替えさせていただきます。",
        "前年同月と比べて使用量が18%増えています。暖房の設定温度を一度下げると、約10%の"
        "節電になります。",
    ),
    _doc(
        "ja",
        "レシピ/肉じゃが.md",
        "うちの肉じゃが",
        "じゃがいも四個は皮をむいて大きめに切り、水にさらす。玉ねぎ一個はくし切り、"
        "にんじん一本は乱切りにする。牛こま切れ肉二百グラムは食べやすい大きさに切る。",
        "鍋にサラダ油を熱して牛肉を炒め、色が変わったら野菜を加えて全体に油が回るまで炒める。"
        "だし汁三百ミリリットル、砂糖大さじ二、みりん大さじ二、酒大さじ二を入れ、落とし蓋を"
        "して中火で十分煮る。しょうゆ大さじ三を加えてさらに十五分、じゃがいもがやわらかく"
        "なるまで煮る。",
        "火を止めてしばらく置くと味がよく染みる。彩りにゆでた絹さやを散らすときれい。"
        "次の日の肉じゃがはもっとおいしい。",
    ),
    _doc(
        "ja",
        "旅行/京都旅館予約確認.html",
        "ご予約確認書　京の宿 嵐山 花つばき",
        "佐藤美咲様　この度はご予約いただき、誠にありがとうございます。予約番号：KH-240511。",
        "ご宿泊日：2024年5月11日（土）から1泊。ご人数：大人2名、小学生1名。お部屋："
        "桂川を望む和室（露天風呂付き）。ご夕食は会席料理をお部屋にてご用意いたします。"
        "料金：合計68,200円（税・サービス料込み、入湯税別）。",
        "チェックインは15時から、チェックアウトは11時までです。嵐山駅から徒歩7分、"
        "駅への送迎をご希望の場合は前日までにお電話ください。キャンセル料は前日50%、"
        "当日100%を頂戴いたします。",
    ),
    _doc(
        "ja",
        "健康/歯科検診結果.docx",
        "歯科検診結果のお知らせ　なかむら歯科クリニック",
        "受診者：佐藤健太様（42歳）　受診日：2024年2月20日",
        "検診の結果、右下の奥歯に小さな虫歯が一本見つかりました。また、歯と歯ぐきの境目に"
        "歯石がたまっており、歯周ポケットが4ミリの部分があります。軽度の歯周病です。",
        "治療計画：虫歯の治療を一回、歯石除去を二回に分けて行います。歯間ブラシを毎晩"
        "使ってください。喫煙は歯周病を悪化させるため、できれば控えましょう。"
        "次回のご予約は3月5日（火）18時です。",
    ),
    _doc(
        "ja",
        "仕事/定例会議議事録-4月.md",
        "営業企画部 定例会議 議事録（4月15日）",
        "出席者：佐藤（議長）、山本、小林、中村、吉田。書記：吉田。",
        "一、新年度の販売目標について：関西エリアの売上目標を前年比5%増とすることで合意。"
        "二、新人研修：4月22日から二週間、各チームで一名ずつ受け入れる。指導担当は山本さんと"
        "中村さん。三、展示会の準備：6月の東京ビッグサイトの展示会に出展する。ブースの"
        "デザイン案を小林さんが来週までに作成する。",
        "次回の会議は5月13日（月）10時から、第二会議室にて。",
    ),
    _doc(
        "ja",
        "住まい/賃貸借契約書-大阪.docx",
        "建物賃貸借契約書",
        "貸主 株式会社天満不動産（以下「甲」という）と借主 佐藤健太（以下「乙」という）は、"
        "次の物件について賃貸借契約を締結する。物件：大阪市北区天神橋4丁目7-12 ハイツ天神"
        "502号室、2LDK、専有面積58.3平方メートル。",
        "契約期間は2022年4月1日から2024年3月31日までの二年間とし、双方に異議がなければ"
        "同一条件で更新する。更新の際、乙は新賃料の一か月分を更新料として支払う。賃料は"
        "月額98,000円、共益費は月額6,000円とし、毎月末日までに翌月分を甲の指定口座に振り込む。",
        "敷金は賃料の二か月分（196,000円）とし、退去時に原状回復費用を差し引いて返還する。"
        "乙は甲の書面による承諾なく、ペットを飼育し、または転貸してはならない。乙が解約する"
        "場合は、一か月前までに書面で通知するものとする。",
    ),
    _doc(
        "ja",
        "学校/連絡帳-担任の先生へ.txt",
        "連絡帳より",
        "山口先生　いつもお世話になっております。",
        "蓮ですが、昨夜から熱が38度あり、今朝も下がらないため、本日は欠席させていただきます。"
        "病院でインフルエンザの検査を受ける予定です。結果がわかり次第、学校にお電話いたします。",
        "また、明日が提出期限の読書感想文は、元気になってから提出してもよろしいでしょうか。"
        "ご迷惑をおかけしますが、よろしくお願いいたします。　佐藤美咲",
    ),
    _doc(
        "ja",
        "取扱説明書/炊飯器-取扱説明書.odt",
        "圧力IH炊飯ジャー NW-JX10 取扱説明書（抜粋）",
        "お米は付属の計量カップで正確に量ってください。内釜でお米をとぐと、フッ素加工が"
        "はがれる原因になります。水は内釜の目盛りに合わせて入れます。無洗米の場合は専用の"
        "目盛りを使ってください。",
        "「炊飯」ボタンを押すと炊き始めます。メニューボタンで白米、玄米、おかゆ、炊き込みを"
        "選べます。予約炊飯は、タイマーボタンで炊き上がりの時刻を設定します（最長13時間）。",
        "表示部に「H01」が出たときは、内釜が正しくセットされていません。電源プラグを抜き、"
        "内釜を入れ直してください。ふたのパッキンと蒸気口は使用のたびに洗ってください。",
    ),
    _doc(
        "ja",
        "仕事/履歴書-佐藤美咲.docx",
        "履歴書　佐藤美咲",
        "生年月日：1985年9月2日　現住所：大阪市北区天神橋4丁目7-12",
        "学歴：2008年3月 関西大学 商学部 卒業。職歴：2008年4月 株式会社なにわ食品 入社、"
        "営業部に配属、スーパー向けの営業を担当。2016年4月 営業企画部に異動、2021年より"
        "課長として販売計画と新商品の販売促進を統括。",
        "資格：普通自動車第一種運転免許、TOEIC 780点、販売士2級。志望動機：これまでの営業"
        "企画の経験を生かし、地域の食文化を全国に発信する仕事に挑戦したいと考えております。",
    ),
    _doc(
        "ja",
        "保険/火災保険-更新のお知らせ.html",
        "火災保険 ご契約更新のご案内",
        "佐藤健太様　現在ご契約中の火災保険（証券番号 82-4471309）は、2024年6月30日で"
        "満期を迎えます。",
        "更新後の補償内容：家財 500万円、借家人賠償責任 2,000万円、個人賠償責任 1億円。"
        "火災、落雷、風災、水濡れ、盗難を補償します。地震による損害は補償されないため、"
        "地震保険のご加入をおすすめします。",
        "年間保険料：18,240円（前年より1,120円の値上がり）。更新をご希望の場合は、"
        "同封の書類にご記入のうえ、6月15日までにご返送ください。",
    ),
]

# -- Italian, Portuguese, Korean: a few papers each ------------------------------------------

_IT = [
    _doc(
        "it",
        "Ricette/ragù-alla-bolognese.md",
        "Il ragù della nonna Lina",
        "Tritare finemente una carota, un gambo di sedano e mezza cipolla e farli appassire in "
        "un tegame di coccio con olio e una noce di burro. Aggiungere 150 g di pancetta tritata "
        "e poi 300 g di macinato di manzo e 200 g di maiale, rosolando bene finché la carne non "
        "sfrigola.",
        "Sfumare con un bicchiere di vino bianco secco, unire la passata di pomodoro e un "
        "cucchiaio di concentrato, abbassare la fiamma e cuocere almeno tre ore, aggiungendo "
        "ogni tanto un po' di latte intero. Servire con le tagliatelle fresche, mai con gli "
        "spaghetti.",
    ),
    _doc(
        "it",
        "Casa/contratto-affitto-bologna.docx",
        "Contratto di locazione ad uso abitativo (canone concordato)",
        "Il signor Paolo Benassi, locatore, concede in locazione alla signora Giulia Romano, "
        "conduttrice, l'appartamento sito in via Mascarella 24, 40126 Bologna, composto da due "
        "camere, cucina abitabile e bagno, al terzo piano senza ascensore.",
        "La durata del contratto è di tre anni a decorrere dal 1° ottobre 2023, con proroga "
        "di due anni. Il canone annuo è di 9.600 euro, da corrispondere in rate mensili "
        "anticipate di 800 euro entro il giorno 5 di ogni mese.",
        "A garanzia degli obblighi contrattuali la conduttrice versa un deposito cauzionale di "
        "due mensilità (1.600 euro), produttivo di interessi legali.",
    ),
    _doc(
        "it",
        "Salute/referto-analisi-del-sangue.txt",
        "Laboratorio analisi Sant'Orsola - referto",
        "Paziente: Giulia Romano, nata il 14/05/1990. Prelievo del 10 gennaio 2024.",
        "Emocromo nella norma. Vitamina D: 14 ng/ml (carenza, valori desiderabili sopra 30). "
        "Glicemia a digiuno 88 mg/dl, colesterolo totale 176 mg/dl. Funzionalità tiroidea "
        "regolare.",
        "Il medico curante consiglia un'integrazione di vitamina D con gocce settimanali per tre "
        "mesi e più tempo all'aria aperta. Ricontrollo in primavera.",
    ),
]

_PT = [
    _doc(
        "pt",
        "Receitas/bacalhau-à-brás.md",
        "Bacalhau à Brás da tia Fernanda",
        "Demolhar 400 g de bacalhau durante dois dias, mudando a água várias vezes. Cozer "
        "ligeiramente, retirar peles e espinhas e desfiar em lascas finas.",
        "Fritar 500 g de batata palha bem fininha. Numa frigideira grande, alourar duas cebolas "
        "às rodelas finas e dois dentes de alho em azeite, juntar o bacalhau e deixar apurar. "
        "Misturar a batata e, fora do lume, seis ovos batidos, mexendo até ficarem cremosos. "
        "Temperar com pimenta e salsa picada e decorar com azeitonas pretas.",
    ),
    _doc(
        "pt",
        "Viagens/reserva-voo-porto-paris.html",
        "TAP Air Portugal - confirmação de reserva",
        "Código de reserva: 8XKP2Q. Passageira: Beatriz Almeida.",
        "Ida: voo TP438, Porto (OPO) - Paris Orly (ORY), sexta-feira, 8 de março de 2024, "
        "partida 06:35, chegada 10:05. Regresso: voo TP439, Paris Orly - Porto, domingo, 10 de "
        "março, partida 19:30, chegada 21:00.",
        "Tarifa Classic com bagagem de mão de 8 kg e uma mala de porão de 23 kg. Total: 214,80 "
        "euros. O check-in online abre 36 horas antes da partida.",
    ),
    _doc(
        "pt",
        "Contas/fatura-água-porto-2024.txt",
        "Águas do Porto - fatura de fevereiro de 2024",
        "Cliente: Beatriz Almeida. Local de consumo: Rua de Cedofeita 310, 2.º esquerdo, "
        "4050-174 Porto. Número de cliente: 2045581.",
        "Consumo faturado: 7 m³ (leitura real). Água: 9,12 euros; saneamento: 6,48 euros; "
        "resíduos urbanos: 7,35 euros; taxa de recursos hídricos: 0,42 euros. Total com IVA: "
        "24,85 euros, a debitar em 12 de março.",
        "Aderiu à fatura eletrónica: obrigado por poupar papel.",
    ),
]

_KO = [
    _doc(
        "ko",
        "요리/김치찌개.md",
        "엄마표 김치찌개",
        "잘 익은 신김치 두 컵을 한입 크기로 썰고, 돼지고기 앞다리살 이백 그램도 먹기 좋게 "
        "썬다. 냄비에 참기름을 두르고 고기를 볶다가 김치를 넣고 오 분 정도 더 볶는다.",
        "쌀뜨물 세 컵과 김칫국물 반 컵을 붓고 고춧가루 한 큰술, 다진 마늘 한 큰술을 넣어 "
        "이십 분간 끓인다. 두부와 대파를 넣고 오 분 더 끓이면 완성. 간은 국간장으로 맞춘다.",
    ),
    _doc(
        "ko",
        "집/전세-계약서.docx",
        "부동산 전세 계약서",
        "임대인 박상철과 임차인 김지은은 아래 부동산에 대하여 전세 계약을 체결한다. 소재지: "
        "서울특별시 마포구 성미산로 15길 22, 301호. 면적: 59제곱미터, 방 두 개와 욕실 하나.",
        "전세보증금은 삼억 이천만 원으로 하며, 계약금 삼천이백만 원은 계약 시에 지급하고 "
        "잔금은 2024년 3월 15일 입주일에 지급한다. 임대 기간은 입주일로부터 24개월로 한다.",
        "임차인은 입주 후 즉시 전입신고와 확정일자를 받는다. 임대인은 계약 기간이 끝나면 "
        "보증금을 즉시 반환한다.",
    ),
    _doc(
        "ko",
        "건강/건강검진-결과.txt",
        "국민건강보험공단 일반건강검진 결과 통보서",
        "수검자: 김지은 (여, 36세). 검진일: 2024년 5월 7일.",
        "판정: 정상B (경계). 공복혈당 108mg/dL로 공복혈당장애가 의심됩니다. 혈압 118/76, "
        "총콜레스테롤 186mg/dL은 정상입니다. 체질량지수 24.1.",
        "생활습관 개선을 권고합니다: 단 음료와 야식을 줄이고, 일주일에 150분 이상 걷기 "
        "운동을 하십시오. 일 년 후 재검사를 받으시기 바랍니다.",
    ),
]

DOCUMENTS: tuple[Document, ...] = (*_EN, *_DE, *_FR, *_ES, *_RU, *_AR, *_ZH, *_JA, *_IT, *_PT, *_KO)

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "ru", "ar", "zh", "ja", "it", "pt", "ko")
