"""The documents of the personal-folder collection: one person's Documents folder.

Laura Mendes, a data analyst in Portland, Oregon, her husband Tom and their daughter Ella:
letters, a CV, bills, recipes, travel, health, code, manuals, tax, insurance, school, car
and home papers, written as a person writes them. ``personal_folder.py`` writes each one in
the format its name ends with and holds the judged queries.

Some files hold ordinary words that a query about another file also uses ("lime leaves"
in a curry, "bring" in a thank-you letter, "pressure" in a car's service log): the traps
a lone incidental keyword match falls into.
"""

from __future__ import annotations

from benchmarks.folder_collection import Document


def _doc(path: str, title: str, *paragraphs: str, headings: tuple[str, ...] = ()) -> Document:
    return Document(path, title, paragraphs, headings)


_LETTERS = [
    _doc(
        "Letters/resignation-letter-2024.docx",
        "Resignation - Laura Mendes",
        "Dear Daniel,",
        "Please accept this letter as formal notice of my resignation from my position as "
        "Senior Data Analyst at Brightwater Analytics. In line with the four-week notice "
        "period in my contract, my final working day will be Friday, 14 June 2024.",
        "I have accepted an offer to lead the analytics team at a healthcare nonprofit, and "
        "it was not an easy decision. The past six years here have shaped how I work, and I am "
        "grateful for the trust you placed in me, especially when you let me run the "
        "warehouse migration in 2022.",
        "Over the coming weeks I will document the monthly reporting pipelines, hand over the "
        "churn dashboard to Priyanka and make sure every open ticket has an owner. If it "
        "helps, I am happy to stay reachable by email for a couple of weeks after I go.",
        "Thank you again for your support and mentorship. I hope we stay in touch.",
        "Kind regards, Laura Mendes",
    ),
    _doc(
        "Letters/complaint-to-landlord-mold.odt",
        "Complaint about mold and heating - Apartment 3B",
        "Dear Mr. Patterson,",
        "I am writing to formally complain about two problems in apartment 3B at 2417 SE "
        "Alder Street that I first reported by phone on 8 January 2024 and again by email on "
        "22 January. Neither has been dealt with.",
        "First, black mold has spread across the bathroom ceiling and behind the wardrobe in "
        "the second bedroom. Our daughter sleeps in that room and has had a cough for most of "
        "the winter. Bleach only hides it for a few days; the extractor fan is broken and the "
        "window frame lets in rain.",
        "Second, the radiator in the living room has been cold since before Christmas. We "
        "have been relying on a plug-in heater, which is pushing our electricity bill up.",
        "Under section 12 of our lease and Oregon law, repairs affecting habitability must "
        "be made within a reasonable time. Please arrange for a contractor to inspect both "
        "issues within the next 14 days. If nothing is done I will contact the city's "
        "housing inspection office and consider withholding the relevant part of the rent.",
        "Yours sincerely, Laura Mendes",
    ),
    _doc(
        "Letters/thank-you-aunt-rosa.txt",
        "",
        "Dear Aunt Rosa,",
        "Thank you so much for having the three of us over Thanksgiving weekend. Ella has not "
        "stopped talking about the pie-baking lesson, and Tom says your stuffing has ruined "
        "every other stuffing for him forever.",
        "It was so kind of you to bring out the old photo albums after dinner. I had never "
        "seen the pictures of Mom at Ella's age, and Ella could not believe how alike they "
        "look. If you don't mind, I would love to borrow a few of them to scan so everyone in "
        "the family can have copies.",
        "Thank you as well for the hand-knitted scarf. It is exactly the shade of green I "
        "always wear and it has already been to work with me twice.",
        "Next time it is our turn to host. We would love you to come up to Portland in the "
        "spring, maybe for Ella's birthday in April. Bring your walking shoes, the azaleas in "
        "the park are beautiful then.",
        "With love, Laura",
    ),
    _doc(
        "Letters/cover-letter-greenleaf-health.docx",
        "Cover letter - Analytics Lead, Greenleaf Health",
        "Dear Hiring Committee,",
        "I am applying for the Analytics Lead position at Greenleaf Health advertised on your "
        "careers page. For the past six years I have worked as a Senior Data Analyst at "
        "Brightwater Analytics, where I built the reporting platform that 40 account managers "
        "use every morning and led the move of our data warehouse from on-premise servers to "
        "Snowflake.",
        "What draws me to Greenleaf is your community clinic network. My mother relied on a "
        "free clinic for years, and I would like my work to help clinics understand which "
        "patients miss follow-up appointments and why.",
        "In my current role I manage two junior analysts, run our weekly data quality review "
        "and regularly present results to the executive team. I am fluent in SQL and Python, "
        "comfortable with dbt and Tableau, and I care about explaining numbers in plain "
        "language.",
        "I have attached my CV and would welcome the chance to discuss how I could "
        "contribute. I am available for an interview any weekday after 4 pm.",
        "Sincerely, Laura Mendes",
    ),
    _doc(
        "Letters/note-to-teacher-absence.txt",
        "",
        "Dear Ms. Alvarez,",
        "Please excuse Ella's absence on Thursday 7 and Friday 8 March. She had a fever and a "
        "bad ear infection, and our doctor advised keeping her at home until the antibiotics "
        "had started working.",
        "She is feeling much better now and will be back on Monday. Could you let me know if "
        "there is any homework or reading she should catch up on? We are happy to work on it "
        "over the weekend.",
        "Thank you for your understanding, Laura Mendes (Ella's mom), 503-555-0147",
    ),
]

_WORK = [
    _doc(
        "Work/CV-Laura-Mendes-2024.pdf",
        "Laura Mendes - CV",
        "Laura Mendes - Senior Data Analyst. 2417 SE Alder Street, Apt 3B, Portland, OR 97214. "
        "laura.mendes@example.com, 503-555-0147. Analyst with nine years of experience "
        "turning messy operational data into reporting that people actually use. Strong in "
        "SQL, Python, dbt, Tableau and stakeholder communication.",
        "Experience. Brightwater Analytics, Portland - Senior Data Analyst, 2018 to present: "
        "built the account health dashboard used by 40 account managers; led the warehouse "
        "migration to Snowflake, cutting nightly load times from 5 hours to 40 minutes; "
        "mentor two junior analysts. Columbia Logistics, Vancouver WA - Data Analyst, 2015 to "
        "2018: automated weekly freight cost reports in Python and SQL Server.",
        "Education. M.S. Applied Statistics, Portland State University, 2015. B.A. Economics, "
        "University of Oregon, 2013. Certifications: Tableau Desktop Specialist (2020), dbt "
        "Fundamentals (2022). Languages: English (native), Portuguese (fluent), Spanish "
        "(intermediate). References available on request.",
    ),
    _doc(
        "Work/meeting-notes-2024-03-12.md",
        "Team meeting - 12 March 2024",
        "Attendees: Daniel Hart, Laura Mendes, Priyanka Rao, Marcus Lee. Apologies: Jenna Ortiz.",
        "1. Snowflake migration: the last three legacy reports move over this sprint. Marcus "
        "flagged that the finance extract still reads from the old server; Laura will pair "
        "with him on Thursday.",
        "2. Churn dashboard: sales wants a weekly email digest instead of logging in. "
        "Priyanka to mock up the digest and share it by 19 March. Daniel asked us to keep the "
        "metric definitions identical to the board deck.",
        "3. Hiring: the junior analyst role closes on 29 March. Laura and Marcus will run the "
        "technical interviews; the take-home exercise needs updating for dbt.",
        "Action items: Laura - finance extract fix with Marcus (14 Mar). Priyanka - digest "
        "mock-up (19 Mar). Marcus - update the take-home exercise (22 Mar). Daniel - confirm "
        "budget for the second licence seat.",
    ),
    _doc(
        "Work/meeting-notes-2024-04-09.md",
        "Team meeting - 9 April 2024",
        "Attendees: Daniel Hart, Laura Mendes, Priyanka Rao, Jenna Ortiz.",
        "1. The Q1 review went well; the board liked the new retention chart. Jenna will turn "
        "the appendix into a self-serve Tableau workbook.",
        "2. Data quality: two days of duplicated orders in the events table. Root cause was a "
        "retried job without an idempotency key. Laura to add a uniqueness test in dbt.",
        "3. Interviews: two strong junior candidates; offers go out this week.",
        "Action items: Laura - uniqueness test (12 Apr). Jenna - self-serve workbook "
        "(26 Apr). Daniel - send the offers.",
    ),
    _doc(
        "Work/quarterly-review-q1-2024.pptx",
        "Q1 2024 Retention Review",
        "Gross churn fell from 3.1% to 2.4% a month; net revenue retention reached 108%.",
        "Most lost accounts are small teams in their first 90 days, usually after a failed "
        "onboarding call or an unanswered support request.",
        "The onboarding checklist email and the in-app setup guide cut early churn by a "
        "third. Annual plans churn at a quarter of the rate of monthly ones.",
        "Next quarter: pilot a health score alert for account managers; target gross churn "
        "under 2%.",
        headings=("Headline", "Where we lose accounts", "What worked", "Next quarter"),
    ),
    _doc(
        "Work/performance-review-2023.docx",
        "Performance review 2023 - Laura Mendes",
        "Employee: Laura Mendes. Manager: Daniel Hart. Period: January to December 2023.",
        "Goals met: delivered the Snowflake migration two weeks early and under budget; cut "
        "dashboard load time from 40 seconds to under 5; onboarded two junior analysts who "
        "now own the weekly revenue report.",
        "Where I fell short: documentation of the legacy pipelines is still patchy, and I "
        "said yes to too many ad hoc requests in the third quarter, which pushed the churn "
        "model back by a month.",
        "Goals for 2024: publish a metrics dictionary, move the churn model into production "
        "and take a management course.",
        "Manager comments: Laura consistently exceeds expectations. Rating: 4 of 5. "
        "Recommended salary adjustment: 5 percent from 1 March 2024.",
    ),
    _doc(
        "Work/expense-claim-data-council-2024.odt",
        "Expense claim - Data Council, Austin, 26-28 February 2024",
        "Employee: Laura Mendes, cost center 4410 (Analytics). Approved in advance by Daniel "
        "Hart on 5 January.",
        "Conference pass (early bird): $799.00. Flights PDX to AUS return, Alaska Airlines: "
        "$412.60. Hotel, The LINE Austin, 3 nights: $687.00. Taxis and rideshare: $74.25. "
        "Meals not provided at the conference: $96.80.",
        "Total claimed: $2,069.65. Receipts attached as one PDF. Please reimburse to my "
        "usual account with the March payroll.",
    ),
]

_BILLS = [
    _doc(
        "Bills/2024/electricity-bill-2024-02.pdf",
        "Portland General Electric - February 2024",
        "Portland General Electric. Account number 7734-201-558. Service address: 2417 SE "
        "Alder St Apt 3B, Portland OR 97214. Billing period: January 12, 2024 to February 11, "
        "2024 (31 days). Statement date: February 14, 2024.",
        "Account summary. Previous balance $96.40. Payment received January 30, thank you: "
        "-$96.40. Basic charge $13.00. Energy charge 1,124 kWh at $0.1187: $133.42. Public "
        "purpose charge $4.60. Total amount due $151.02 by March 6, 2024.",
        "Your usage this period was 38% higher than the same period last year, mostly because "
        "of space heating. Tip: enrolling in Time of Day pricing could lower your bill if you "
        "run the dishwasher and laundry after 9 pm. Autopay is not active on this account.",
    ),
    _doc(
        "Bills/2024/internet-bill-2024-03.pdf",
        "Ziply Fiber - March 2024",
        "Ziply Fiber. Invoice for March 2024. Customer: Laura Mendes. Account 55-10928-3. "
        "Plan: Fiber Gig 1000, unlimited data.",
        "Monthly service $60.00. Router rental $10.00. Promotional discount (month 7 of 12) "
        "-$20.00. Taxes and fees $3.87. Total due $53.87 on 2024-03-25, charged "
        "automatically to the card ending 4471.",
        "Your promotional price ends in September 2024, after which the plan renews at $80.00 "
        "a month. Call 1-866-555-0199 to review your options.",
    ),
    _doc(
        "Bills/2024/phone-bill-2024-05.html",
        "Cascade Wireless - May 2024 statement",
        "Account holder: Laura Mendes. Lines: 503-555-0147 (Laura), 503-555-0162 (Tom).",
        "Plan: Unlimited Plus, 2 lines, $70.00. Device installment, iPhone 13, 18 of 24: "
        "$27.08. International day pass used in Lisbon, 3 days: $30.00. Surcharges and "
        "taxes $9.41.",
        "Total due June 18, 2024: $136.49. We noticed roaming charges this cycle; a Travel "
        "Pass add-on could save you money on your next trip abroad.",
    ),
    _doc(
        "Bills/2024/bank-statement-2024-04.pdf",
        "Riverbend Credit Union - statement",
        "Riverbend Credit Union. Checking account ending 8830. Statement period 04/01/2024 to "
        "04/30/2024. Laura Mendes and Tom Becker.",
        "Opening balance $4,212.55. 04/01 Rent, Oakview Property Mgmt -$1,650.00. 04/03 "
        "Safeway #1423 -$142.18. 04/05 Payroll Brightwater Analytics +$3,480.22. 04/09 "
        "Trader Joe's -$86.40. 04/12 Portland General Electric -$151.02. 04/15 IRS USATAXPYMT "
        "-$412.00. 04/16 New Seasons Market -$63.25. 04/19 Payroll Brightwater Analytics "
        "+$3,480.22. 04/22 Chevron -$48.90. 04/26 Safeway #1423 -$118.77. 04/29 Hawthorne "
        "Family Dental -$95.00.",
        "Closing balance $8,408.47. Dividends earned this period $0.42.",
    ),
    _doc(
        "Bills/2024/credit-card-statement-2024-05.html",
        "Visa Signature - May 2024",
        "Riverbend Visa Signature ending 4471. Statement closing date May 20, 2024. Credit "
        "limit $12,000.",
        "Transactions: 04/24 REI Portland, rain jackets $189.90. 04/27 Casa do Largo Lisbon, "
        "deposit $247.61. 05/02 Powell's Books $42.15. 05/06 Pine State Biscuits $38.60. "
        "05/11 Amazon, plug adapters $18.99. 05/15 Ziply Fiber $53.87.",
        "New balance $591.12. Minimum payment $35.00 due June 14, 2024. Pay the full "
        "balance to avoid interest (APR 21.24%). You earned 591 points this period.",
    ),
    _doc(
        "Bills/Invoices 2023/plumber-invoice-hartley.pdf",
        "Hartley & Sons Plumbing - invoice 2023-0412",
        "Hartley & Sons Plumbing. Invoice #2023-0412. Date: 17 October 2023. Bill to: Laura "
        "Mendes, 2417 SE Alder St Apt 3B, Portland OR.",
        "Replaced leaking kitchen faucet cartridge and supply hoses: parts $64.50, labor 1.5 "
        "hours at $95.00: $142.50. Cleared slow bathroom drain with auger: $80.00. Trip "
        "charge $35.00.",
        "Total $322.00, paid by card on site. 90-day guarantee on labor. Thank you for your "
        "business! (Note to self: Oakview agreed by email on 18 Oct to take it off November's "
        "rent.)",
    ),
    _doc(
        "Bills/Invoices 2023/invoice-rise-and-shine-bakery.odt",
        "Invoice 2023-03",
        "From: Laura Mendes, freelance data consulting, 2417 SE Alder St Apt 3B, Portland OR. "
        "To: Rise & Shine Bakery, 1820 NE Broadway, Portland. Date: 30 November 2023.",
        "Services: set up a sales dashboard in Google Sheets linked to the point-of-sale "
        "export (6 hours); trained the owner on a weekly review routine (2 hours). 8 hours at "
        "$75.00 = $600.00.",
        "Payment due within 30 days by check or Zelle to 503-555-0147. Thank you for your "
        "business!",
    ),
    _doc(
        "Bills/Invoices 2023/vet-invoice-miso.txt",
        "Hawthorne Animal Clinic - invoice 88213",
        "Patient: Miso (cat, 6 years, spayed female). Owner: Laura Mendes. Date: 12 June 2023.",
        "Annual wellness exam $68.00. FVRCP booster $32.00. Rabies 3-year $38.00. Dental "
        "cleaning under anesthesia with two extractions $612.00. Pain medication to go home "
        "$24.50.",
        "Total $774.50. Paid by Visa. Soft food only for 10 days; recheck in two weeks.",
    ),
]

_RECIPES = [
    _doc(
        "Recipes/lasagna.md",
        "Tom's lasagna",
        "Serves 8. About 2 hours start to finish including 20 minutes of resting, and it "
        "freezes well in portions.",
        "Sauce: brown 1 lb ground beef and 1/2 lb Italian sausage in a heavy pot, pour off "
        "most of the fat, then soften one chopped onion and 3 garlic cloves. Add a 28 oz can "
        "of crushed tomatoes, 2 tbsp tomato paste, a splash of red wine, basil and oregano. "
        "Simmer uncovered for 45 minutes.",
        "Filling: mix 15 oz ricotta, 1 egg, a handful of chopped parsley and 1/2 cup grated "
        "parmesan. Shred 1 lb mozzarella.",
        "Assembly: in a 9x13 dish spread a ladle of sauce, then no-boil noodles, a third of "
        "the ricotta, a third of the mozzarella and more sauce. Repeat twice and finish with "
        "mozzarella and parmesan. Cover with foil and cook 45 minutes at 375F, uncovering for "
        "the last 15 until bubbling and browned.",
        "Tom's tip: let it rest for 20 minutes before cutting or it slides apart. Leftovers "
        "taste even better the next day.",
    ),
    _doc(
        "Recipes/thai-green-curry.txt",
        "Thai green curry with chicken (from the cooking class in Chiang Mai, adapted)",
        "Serves 4, 35 minutes.",
        "Ingredients: 2 tbsp green curry paste, 1 can (400 ml) coconut milk, 500 g chicken "
        "thighs sliced, 1 small eggplant, a handful of green beans, 4 kaffir lime leaves torn, "
        "1 tbsp fish sauce, 1 tsp palm sugar, Thai basil, 1 red chili.",
        "Fry the curry paste in a spoonful of the thick coconut cream until fragrant, about 2 "
        "minutes. Add the chicken and stir until it turns white, then pour in the rest of the "
        "coconut milk with the lime leaves. Simmer 10 minutes, add the eggplant and beans and "
        "cook until just tender.",
        "Season with fish sauce and palm sugar: it should taste salty, sweet and hot at the "
        "same time. Take out the lime leaves before serving if Ella is eating, tear in the "
        "basil and serve with jasmine rice.",
    ),
    _doc(
        "Recipes/banana-bread.md",
        "Banana bread",
        "Best with really spotty bananas: the blacker the peel, the sweeter the bread. Makes "
        "one 9x5 pan.",
        "Mash 3 large bananas. Stir in 1/3 cup melted butter, 3/4 cup brown sugar, 1 egg and "
        "1 tsp vanilla. Sprinkle 1 tsp baking soda and a pinch of salt over the top, then fold "
        "in 1 1/2 cups flour until no streaks remain. Walnuts or chocolate chips optional.",
        "Bake at 350F for 55 to 65 minutes, until a skewer comes out clean. Cool 10 minutes "
        "in the pan before turning it out.",
    ),
    _doc(
        "Recipes/sourdough-starter.odt",
        "Keeping the sourdough starter alive",
        "Our starter is called Herbert and he is four years old. He lives in the fridge in a "
        "quart jar with a loose lid.",
        "Weekly routine: take Herbert out the night before, discard all but 50 g, and "
        "refresh with 50 g whole wheat flour and 50 g lukewarm water. Leave on the counter "
        "until doubled and bubbly, usually 6 to 8 hours, then use it for bread or put it back "
        "in the fridge.",
        "If a gray liquid (hooch) forms on top he is hungry: pour it off and refresh twice a "
        "day for two days. Pink or orange streaks mean it has gone bad and you have to start "
        "over.",
        "To dry some as a spare, smear a thin layer on parchment, let it dry completely, "
        "crumble it and store it in a labelled jar.",
    ),
    _doc(
        "Recipes/chocolate-chip-cookies.html",
        "Chewy chocolate chip cookies",
        "This is the recipe Ella and I make for the school bake sale. It doubles easily and "
        "the dough keeps in the fridge for three days.",
        "Cream 1 cup softened butter with 1 cup brown sugar and 1/2 cup white sugar until "
        "fluffy. Beat in 2 eggs and 2 tsp vanilla. Whisk 2 1/4 cups flour, 1 tsp baking soda "
        "and 1 tsp salt, add to the butter mixture, then fold in 2 cups chocolate chips.",
        "Chill the dough for at least an hour. Scoop 2 tbsp balls onto a lined tray and bake "
        "at 375F for 10 to 11 minutes: they should look underdone in the middle. Leave them "
        "on the tray for 5 minutes to firm up.",
    ),
    _doc(
        "Recipes/vegetable-soup.docx",
        "Winter vegetable soup",
        "A big pot for cold evenings; it feeds four with leftovers for lunch.",
        "Soften 1 diced onion, 2 carrots and 2 celery sticks in olive oil with a pinch of "
        "salt for 10 minutes. Add 2 cloves garlic, 1 tsp thyme, 1 diced potato, 1 can of "
        "cannellini beans, 1 can of chopped tomatoes and 6 cups of vegetable stock.",
        "Simmer for 25 minutes, stir in a big handful of kale and cook 5 minutes more. "
        "Finish with lemon juice and parmesan.",
        "Freezes well for up to three months. Ella likes it blended smooth; Tom likes it chunky.",
    ),
    _doc(
        "Recipes/grandmas-apple-pie.pdf",
        "Grandma Jo's apple pie",
        "Grandma Jo wrote this on an index card in 1971; I copied it out before the card fell "
        "apart.",
        "Crust: 2 1/2 cups flour, 1 tsp salt, 1 cup very cold butter cut in cubes, 6 to 8 "
        "tbsp ice water. Rub the butter into the flour until it looks like coarse crumbs with "
        "some pea-sized bits, add water until it holds together, divide in two discs and "
        "chill one hour.",
        "Filling: 6 to 7 tart apples (Granny Smith and Honeycrisp), peeled and sliced, 3/4 "
        "cup sugar, 2 tbsp flour, 1 tsp cinnamon, a pinch of nutmeg, juice of half a lemon.",
        "Roll out one disc into the pie plate, pile in the apples, dot with butter, cover "
        "with the second disc and cut vents. Bake at 425F for 15 minutes, then at 350F for 40 "
        "to 45 minutes until the juices bubble. Cool at least 3 hours or it runs.",
    ),
]

_TRAVEL = [
    _doc(
        "Travel/packing-list-lisbon.txt",
        "Packing list - Lisbon, 6 to 13 July 2024",
        "Documents: passports (check Ella's expiry date!), printed hotel confirmation, "
        "boarding passes on the phone, health insurance cards, a copy of Ella's birth "
        "certificate, some euros in cash.",
        "Clothes per person: 5 T-shirts, 2 pairs of shorts, 1 pair of light trousers, a "
        "sweater for the evenings by the river, swimsuits, sun hats, comfortable sneakers for "
        "the hills and cobblestones, sandals.",
        "Toiletries: sunscreen SPF 50, after-sun, toothbrushes, Tom's allergy tablets, a "
        "small first-aid kit with band-aids and motion sickness pills for the tram up to the "
        "castle.",
        "Electronics: EU plug adapters (two), phone chargers, Kindle, headphones for the "
        "flight. Ella: her sketchbook, colored pencils and the stuffed rabbit she cannot "
        "sleep without.",
    ),
    _doc(
        "Travel/flight-booking-lisbon.pdf",
        "Booking confirmation K7QX2M",
        "Delta Air Lines booking confirmation. Confirmation code: K7QX2M. Passengers: Laura "
        "Mendes, Tom Becker, Ella Becker (child).",
        "Outbound: Saturday 6 July 2024, DL 1522 Portland (PDX) 06:05 to New York (JFK) 14:32; "
        "DL 260 New York (JFK) 19:15 to Lisbon (LIS) 07:35 on 7 July. Return: Saturday 13 July "
        "2024, DL 261 Lisbon (LIS) 10:20 to New York (JFK) 13:05; DL 1519 New York (JFK) 16:40 "
        "to Portland (PDX) 20:05.",
        "Fare: Main Cabin, 2 adults and 1 child, $3,874.20 including taxes and carrier-imposed "
        "fees. Seats 32A, 32B and 32C on the transatlantic legs. One checked bag of 23 kg per "
        "person included.",
        "Check-in opens 24 hours before departure in the Fly Delta app. Passports must be "
        "valid for at least three months beyond the date of return from the Schengen area.",
    ),
    _doc(
        "Travel/hotel-reservation-lisbon.html",
        "Reservation confirmed - Casa do Largo, Lisbon",
        "Dear Ms Mendes, thank you for booking with Casa do Largo in the Alfama district.",
        "Reservation number 88412. Check-in Sunday 7 July 2024 from 14:00 (arriving early "
        "after an overnight flight? We will store your luggage and you can use our lounge). "
        "Check-out Saturday 13 July by 11:00. Family room with a double bed and a sofa bed, "
        "balcony with river view, breakfast included. Six nights, EUR 1,140.00; a deposit of "
        "EUR 228.00 has been charged to your card.",
        "Free cancellation until 23 June 2024. The city tourist tax of EUR 2 per adult per "
        "night is settled at the front desk. Our street is pedestrian only: ask your taxi to "
        "stop at Largo do Chafariz de Dentro and we will meet you there.",
    ),
    _doc(
        "Travel/itinerary-japan-2023.md",
        "Japan, 14 days (October 2023)",
        "Day 1-4 Tokyo: stay at Hotel Gracery Shinjuku. Tsukiji outer market breakfast, "
        "Senso-ji at opening time, teamLab Planets (book ahead!), day trip to Kamakura for the "
        "big Buddha.",
        "Day 5-6 Hakone: ryokan Fukuzumiro with a private onsen, the loop by ropeway and "
        "pirate ship on Lake Ashi, fingers crossed for a clear view of Fuji.",
        "Day 7-11 Kyoto: Fushimi Inari early, Arashiyama bamboo grove, Kinkaku-ji, a tea "
        "ceremony in Gion, a half day in Nara with the deer.",
        "Day 12-14 Osaka: Dotonbori street food, Osaka castle, then the Haruka express to "
        "Kansai airport. A 7-day Japan Rail Pass covers days 5 to 11.",
    ),
    _doc(
        "Travel/passport-renewal-ella.odt",
        "Passport renewal - Ella",
        "Ella's passport is only valid until 2 August 2024, and Portugal wants three months "
        "of validity after we come back, so it has to be renewed before July.",
        "Children under 16 cannot renew by mail: both parents must appear in person with "
        "Ella at an acceptance facility. Booked: Portland main post office, 715 NW Hoyt St, "
        "18 April 2024 at 10:30.",
        "Bring: form DS-11 (unsigned), her current passport, certified birth certificate, "
        "both our driver's licenses, one 2x2 photo taken within six months, and two "
        "payments: a $100 check to the U.S. Department of State and $35 for the facility.",
        "Routine processing takes 6 to 8 weeks; expedited (+$60) takes 2 to 3 weeks. Status "
        "online at travel.state.gov with the application number.",
    ),
    _doc(
        "Travel/lisbon-pocket-guide.epub",
        "Lisbon in a Week: a Pocket Guide",
        "Buy a Viva Viagem card at any metro station and load it with zapping credit; it "
        "works on the metro, buses, trams and the ferry to Cacilhas. Tram 28 is charming but "
        "packed with pickpockets, so ride it early in the morning.",
        "Alfama is the oldest quarter, a maze of stairs and laundry lines below the castle. "
        "Bairro Alto sleeps all day and wakes up at night. Belem has the monastery, the tower "
        "and the famous custard tarts.",
        "Order the prato do dia at a tasca for lunch, try grilled sardines in June, and do "
        "not be surprised by the bread and olives on the table: they are charged if you eat "
        "them.",
        "Sintra's palaces are 40 minutes away by train from Rossio. Go on a weekday, start "
        "with Pena Palace at opening time and walk down through the Moorish castle.",
        headings=("Trams and metro", "Neighbourhoods", "Eating", "Day trips"),
    ),
]

_HEALTH = [
    _doc(
        "Health/vaccination-record.pdf",
        "Immunization record - Laura Mendes",
        "Immunization record. Patient: Laura Mendes, date of birth 03/22/1986. Provider: Dr. "
        "Alan Whitaker, Hawthorne Medical Group, Portland.",
        "Childhood series completed per parent records: DTaP (5 doses), polio IPV (4 doses), "
        "MMR (2 doses, 1987 and 1990), varicella (disease history, no vaccine).",
        "Adult: tetanus-diphtheria-pertussis (Tdap) booster 11/04/2019. Hepatitis A, 2 "
        "doses, 2016, before a work trip to Mexico. Hepatitis B series completed 2004. "
        "Typhoid (oral) 2016.",
        "Influenza: every autumn since 2015, most recent 10/12/2023. COVID-19: Pfizer primary "
        "series 2021, updated booster 10/12/2023. Next due: Td or Tdap booster in 2029.",
    ),
    _doc(
        "Health/prescription-lisinopril.txt",
        "Hawthorne Medical Group - medication note, 5 February 2024",
        "Patient: Laura Mendes. Prescriber: Dr. Alan Whitaker.",
        "Rx: Lisinopril 10 mg tablets. Take one tablet by mouth every morning. Quantity 90, "
        "refills 3. Indication: hypertension, found at the January check-up (readings 148/94 "
        "and 152/96).",
        "Possible side effects: a dry cough, dizziness when standing up quickly, and rarely "
        "swelling of the lips or face, which needs urgent care. Avoid potassium supplements "
        "and salt substitutes.",
        "Check readings at home twice a week with the cuff and take the log to the follow-up "
        "on 6 May 2024.",
    ),
    _doc(
        "Health/dentist-visit-2024-03.md",
        "Dentist - Hawthorne Family Dental, 28 March 2024",
        "Dr. Priya Nair, hygienist Kelly. Six-monthly checkup with scale and polish.",
        "X-rays: small cavity on the lower left molar (tooth 19) and the old filling on 30 is "
        "cracked. Gums fine, a little bleeding around the lower front; floss more, use the "
        "soft brush.",
        "Treatment plan: composite filling on 19 on 11 April at 8:30 ($95 after insurance), "
        "crown on 30 in May (estimate $1,240, insurance covers 50% after the deductible). Ask "
        "Delta Dental for pre-authorization.",
        "Ella's checkup is booked for 20 June; she needs sealants on her new molars.",
    ),
    _doc(
        "Health/eye-exam-2024.docx",
        "Eye exam results",
        "Pacific Eye Care, Dr. Samuel Ortiz. Exam date 9 January 2024.",
        "Distance Rx: right eye -2.25 sphere, -0.50 cylinder, axis 180; left eye -2.00 "
        "sphere, -0.75 cylinder, axis 170. Pupillary distance 62 mm. Slight increase in the "
        "right eye since 2022.",
        "Eye pressure normal (15 and 16 mmHg), retina healthy, no signs of glaucoma. "
        "Recommended anti-glare lenses for night driving and a break every 20 minutes at the "
        "computer.",
        "Frames I tried: Warby Parker Durand in crystal ($145). Vision insurance (VSP) pays "
        "$150 toward frames and lenses once every 24 months.",
    ),
    _doc(
        "Health/running-plan-10k.odt",
        "10K training plan",
        "Goal: finish the Bridge to Brews 10K on 15 September in under 60 minutes without "
        "walking. Current: 5K in 31 minutes.",
        "Weeks 1-3: three easy runs of 30 to 40 minutes at conversation pace, one strength "
        "session (squats, lunges, planks). Week 4: add 6 x 2 minutes faster with 2 minutes "
        "walking between.",
        "Weeks 5-7: Sunday run grows to 9, 10 then 11 km; tempo run of 20 minutes on "
        "Wednesdays. Week 8: cut volume by half, two short easy runs, rest two days before.",
        "Shoes: replace the Brooks Ghost after 500 miles. Stretch calves after every run; "
        "the left Achilles gets tight.",
    ),
    _doc(
        "Health/allergies-tom.txt",
        "Tom - allergies",
        "Seasonal: grass and birch pollen, April to June. Cetirizine 10 mg daily in season, "
        "Flonase when it is bad.",
        "Food: tree nuts (walnuts, pecans) give him an itchy mouth; no anaphylaxis so far, "
        "the allergist did not prescribe an EpiPen but says to keep avoiding them.",
        "Cat dander: mild. Miso is fine as long as the bedroom door stays closed.",
    ),
]

_CODE = [
    _doc(
        "Code/backup_photos.py",
        "",
        '''"""Mirror the phone's camera roll onto the USB drive, one folder per month.

Usage: python3 backup_photos.py /media/laura/BACKUP
Files already on the drive with the same size are skipped, so it is safe to rerun.
"""

from __future__ import annotations

import shutil
import sys
from datetime import datetime
from pathlib import Path

CAMERA_ROLL = Path.home() / "Camera"
EXTENSIONS = {".jpg", ".jpeg", ".heic", ".png", ".mov", ".mp4"}


def month_folder(photo: Path) -> str:
    taken = datetime.fromtimestamp(photo.stat().st_mtime)
    return taken.strftime("%Y-%m")


def mirror(destination: Path) -> int:
    done = 0
    for photo in sorted(CAMERA_ROLL.rglob("*")):
        if photo.suffix.lower() not in EXTENSIONS:
            continue
        target = destination / month_folder(photo) / photo.name
        if target.exists() and target.stat().st_size == photo.stat().st_size:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(photo, target)
        done += 1
    return done


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: backup_photos.py DRIVE_FOLDER")
    print(f"{mirror(Path(sys.argv[1]))} new files saved")
''',
    ),
    _doc(
        "Code/budget_tracker.py",
        "",
        '''"""Monthly budget report from the credit union's CSV export.

Reads every transactions-*.csv in the given folder and prints the total per category,
flagging the ones over the limits below.
"""

import csv
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

LIMITS = {
    "groceries": Decimal("700"),
    "dining": Decimal("250"),
    "transport": Decimal("200"),
    "utilities": Decimal("350"),
    "fun": Decimal("150"),
}
RULES = {
    "SAFEWAY": "groceries",
    "TRADER JOE": "groceries",
    "NEW SEASONS": "groceries",
    "CHEVRON": "transport",
    "TRIMET": "transport",
    "PORTLAND GENERAL": "utilities",
    "ZIPLY": "utilities",
    "PINE STATE": "dining",
}


def category(description: str) -> str:
    upper = description.upper()
    for needle, name in RULES.items():
        if needle in upper:
            return name
    return "other"


def summarise(folder: Path) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for export in sorted(folder.glob("transactions-*.csv")):
        with export.open(newline="") as fh:
            for row in csv.DictReader(fh):
                amount = Decimal(row["Amount"])
                if amount < 0:
                    totals[category(row["Description"])] += -amount
    return totals


if __name__ == "__main__":
    for name, total in sorted(summarise(Path(sys.argv[1])).items(), key=lambda i: -i[1]):
        limit = LIMITS.get(name)
        flag = "  OVER" if limit is not None and total > limit else ""
        print(f"{name:12s} {total:10.2f}{flag}")
''',
    ),
    _doc(
        "Code/todo-app/app.js",
        "",
        """// Family to-do board for the kitchen tablet. Items live in localStorage,
// so nothing leaves the device.

const STORAGE_KEY = "family-todos";

function load() {
  return JSON.parse(localStorage.getItem(STORAGE_KEY) || "[]");
}

function save(items) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
}

function render(items) {
  const list = document.getElementById("items");
  list.innerHTML = "";
  items.forEach((item, index) => {
    const li = document.createElement("li");
    li.textContent = `${item.text} (${item.who})`;
    li.className = item.done ? "done" : "";
    li.addEventListener("click", () => {
      items[index].done = !items[index].done;
      save(items);
      render(items);
    });
    list.appendChild(li);
  });
}

document.getElementById("add").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = document.getElementById("text").value.trim();
  const who = document.getElementById("who").value;
  if (!text) return;
  const items = load();
  items.push({ text, who, done: false });
  save(items);
  render(items);
  event.target.reset();
});

render(load());
""",
    ),
    _doc(
        "Code/rename_scans.py",
        "",
        '''"""Give the scanner's output sensible names: scan_0001.pdf -> 2024-03-05_scan_0001.pdf.

The scanner only counts; prefixing the day each file was written makes the Paperwork
folder sort by date. Files that already start with a date are left alone.
"""

import re
import sys
from datetime import date
from pathlib import Path

DATED = re.compile(r"^\\d{4}-\\d{2}-\\d{2}_")


def rename_all(folder: Path) -> None:
    for scan in sorted(folder.glob("scan_*.pdf")):
        if DATED.match(scan.name):
            continue
        day = date.fromtimestamp(scan.stat().st_mtime).isoformat()
        scan.rename(scan.with_name(f"{day}_{scan.name}"))


if __name__ == "__main__":
    rename_all(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
''',
    ),
]

_MANUALS = [
    _doc(
        "Manuals/dishwasher-manual.pdf",
        "Bosch 300 Series dishwasher - quick guide",
        "Bosch 300 Series dishwasher SHE53C85N. Quick reference for loading, programs and "
        "error codes. Keep this guide with your appliance.",
        "Programs: Auto (45-65 C, senses soil), Heavy (70 C, pots and pans), Normal "
        "(energy-saving, 2 h 15 min), Speed60 (one hour), Rinse. Add Extra Dry for plastics. "
        "Use the delay start button to run at night.",
        "Error codes: E15 water in the base pan, switch off at the breaker and call service. "
        "E24 drain blocked: clean the filter and check the drain hose for kinks. E25 drain "
        "pump cover blocked: remove the cover under the filter and take out any glass or "
        "seeds.",
        "Monthly care: twist out the cylindrical filter, rinse it under the tap and scrub it "
        "with a soft brush. Every three months run the Heavy cycle with a descaler and no "
        "dishes inside if your water is hard.",
    ),
    _doc(
        "Manuals/thermostat-setup.html",
        "Ecobee thermostat setup notes",
        "Installed 14 November 2023 by Tom. The old Honeywell had no C wire, so we used the "
        "Power Extender Kit at the furnace.",
        "Comfort settings: Home 68F, Away 62F, Sleep 64F. Schedule: Sleep from 10:30 pm to "
        "6:30 am, Away from 8:30 am to 4 pm on weekdays. Follow Me uses the room sensors to "
        "heat the rooms people are in.",
        "If the screen says Aux heat: that is the backup furnace running while the heat pump "
        "struggles below 30F. It costs more, so raise the target by no more than 2 degrees "
        "at a time.",
        "Wi-Fi: it joins the 2.4 GHz network only (Mendes-IoT). Reset: hold the screen edges "
        "for 10 seconds, then choose Reset, Factory reset.",
    ),
    _doc(
        "Manuals/coffee-machine-descaling.txt",
        "Breville Barista Express - descaling",
        "Every 2 to 3 months, or when the CLEAN ME light and the filter size buttons flash.",
        "1. Empty the drip tray and take the water filter out of the tank. 2. Dissolve one "
        "descaling tablet in the tank, filled to the MAX line with warm water.",
        "3. Turn the dial to standby, then hold the 1 CUP, 2 CUP and power buttons together "
        "for 5 seconds to enter descale mode. 4. Open the steam dial for 8 seconds, close it, "
        "and press 1 CUP to run the solution through the group head for 25 seconds.",
        "5. Rinse the tank, refill with fresh water and repeat step 4 without a tablet. Never "
        "use vinegar: it damages the seals.",
    ),
    _doc(
        "Manuals/bicycle-care.epub",
        "Keep Riding: Basic Bicycle Care",
        "Lever the tire off one side of the rim, pull out the inner tube and pump it up to "
        "find the hole by listening or in a bowl of water. Roughen the rubber with sandpaper, "
        "spread a thin film of vulcanizing solution, wait until it goes tacky and press the "
        "patch on firmly. Check the inside of the tire for the thorn or glass that caused it.",
        "Wipe the chain with a rag every few rides and oil it every 150 to 200 km, one drop "
        "per link, then wipe off the excess. A chain that squeaks or shows orange rust has "
        "waited too long.",
        "If the lever touches the handlebar, the pads are worn or the cable has stretched. "
        "Turn the barrel adjuster out a couple of turns; replace the pads when the grooves "
        "disappear.",
        "Road tires want 80 to 100 psi, hybrids 50 to 70, mountain tires 25 to 35. Check "
        "with a gauge every week: a soft tire wears quickly and pinches the tube on curbs.",
        headings=("Punctures", "Chain care", "Brakes", "Tire pressure"),
    ),
]

_TAX = [
    _doc(
        "Tax/tax-return-2023-notes.md",
        "2023 taxes - what we need",
        "Joint return again, through FreeTaxUSA like last time. Due Monday 15 April 2024.",
        "Income: W-2 from Brightwater (Laura), W-2 from Portland Public Schools (Tom), "
        "1099-NEC from Rise & Shine Bakery ($600, Laura's consulting), 1099-INT from "
        "Riverbend Credit Union ($5.12).",
        "Deductions: the standard deduction ($27,700 joint) is probably higher than "
        "itemizing again. Keep the charitable receipts with the donations list anyway. Student "
        "loan interest 1098-E for Tom: $1,104.",
        "Oregon: Portland Arts Tax $35 each; the Metro and Multnomah preschool taxes are now "
        "withheld by both employers. Kicker credit this year!",
        "We owe about $412 federal because the consulting income had no withholding. Pay "
        "through IRS Direct Pay by 15 April and set aside 25% of any future consulting "
        "invoices.",
    ),
    _doc(
        "Tax/charitable-donations-2023.odt",
        "Charitable donations 2023 (receipts in the blue folder)",
        "Oregon Food Bank: $25 monthly by card, $300 in total, receipt emailed in January.",
        "OPB membership: $120, tote bag declined so fully deductible.",
        "Ella's school auction: $150 for the Friday art club sponsorship; the school's tax ID "
        "is on the receipt.",
        "Clothes and a crib to Goodwill on 3 June (receipt, fair value about $180). Red Cross "
        "after the Maui fires: $100.",
        "Cash total $670; with the Goodwill items $850. We will probably take the standard "
        "deduction anyway, but keep it all in case.",
    ),
]

_INSURANCE = [
    _doc(
        "Insurance/car-insurance-policy-2024.pdf",
        "Policy declarations PM-44-819-2024",
        "Policy declarations. Pacific Mutual Insurance Company, policy PM-44-819-2024. Policy "
        "period 1 March 2024 to 1 September 2024. Named insured: Laura Mendes and Tom Becker, "
        "2417 SE Alder St Apt 3B, Portland OR.",
        "Insured car: 2017 Honda Civic EX, VIN 19XFC1F7XHE204417, garaged in Portland, used "
        "for commuting 12 miles a day. Listed drivers: Laura Mendes, Tom Becker.",
        "Coverages and limits: bodily injury liability $100,000 per person and $300,000 per "
        "accident; property damage liability $100,000; uninsured motorist $100,000 / "
        "$300,000; personal injury protection $15,000; collision with a $500 deductible; "
        "comprehensive with a $250 deductible; rental reimbursement $40 per day up to 30 "
        "days; roadside assistance.",
        "Six-month premium: $684.30, paid in full. Multi-policy and good driver discounts "
        "applied. To start a claim call 1-800-555-0111 any time, or use the app.",
    ),
    _doc(
        "Insurance/renters-claim-burglary-2023.docx",
        "Renters insurance claim - burglary, 2 December 2023",
        "Policy: Lemonade renters policy LR-7730021. Claim number 23-118-4471.",
        "On Saturday 2 December 2023 between 1 pm and 6 pm, while we were at Tom's parents', "
        "someone forced the lock on our storage cage in the basement and the back door of the "
        "apartment.",
        "Stolen: Tom's Trek FX 2 bicycle (bought 2021, $750), my Specialized helmet ($90), a "
        "MacBook Air from the hall desk ($999) and a Nikon camera with a 35 mm lens ($620).",
        "Portland Police case number 23-339112. Photos of the forced lock and the receipts "
        "for the MacBook and the Trek are attached.",
        "Total claimed $2,459 less the $250 deductible. Payout approved 19 December 2023: "
        "$2,209 by direct deposit.",
    ),
    _doc(
        "Insurance/health-plan-summary-2024.html",
        "Health plan summary 2024",
        "Plan: Regence BlueCross BlueShield Innova PPO through Brightwater Analytics. "
        "Members: Laura, Tom, Ella. Member ID ZGX 8834412.",
        "Deductible $1,500 per person, $3,000 family; out-of-pocket maximum $6,000 / $12,000. "
        "Preventive care covered in full. Primary care visit $25 copay, specialist $50, "
        "urgent care $75, emergency room $250 then 20%.",
        "Prescriptions: generic $10, preferred brand $40 (lisinopril is generic: $10 for 90 "
        "days by mail order).",
        "Dental is separate (Delta Dental PPO) and vision is VSP.",
    ),
]

_SCHOOL = [
    _doc(
        "School/ella-report-card-2024.pdf",
        "Report card - Ella Becker, Grade 4",
        "Abernethy Elementary School. Student: Ella Becker. Grade 4, Ms. Alvarez. Second "
        "trimester, 2023-24.",
        "Reading: 4, exceeds standard; reads widely and writes thoughtful responses. "
        "Writing: 3, meets standard; working on paragraph structure. Mathematics: 3, meets "
        "standard; multiplication facts are solid, fractions still developing. Science: 4. "
        "Art: 4.",
        "Work habits: completes homework on time, sometimes rushes classwork. Social: kind "
        "and inclusive, a leader in group projects.",
        "Attendance: 2 absences (excused), 1 tardy. Teacher's note: Ella is a joy to have "
        "around. Please keep encouraging reading at home every night.",
    ),
    _doc(
        "School/field-trip-permission.docx",
        "Permission slip - Oregon Zoo field trip",
        "Grade 4 field trip to the Oregon Zoo on Friday 17 May 2024, leaving school at 9:00 "
        "and returning by 2:30.",
        "Cost $12 per student (covers the bus and entry). Students need a packed lunch in a "
        "disposable bag, a water bottle and a rain jacket.",
        "I give permission for my child Ella Becker to attend. Parent signature: Laura "
        "Mendes. Emergency contact: Tom Becker 503-555-0162. Allergies: none. I can volunteer "
        "as a chaperone: yes.",
    ),
    _doc(
        "School/parent-teacher-conference-2023-11.txt",
        "Parent-teacher conference, 14 November 2023, Ms. Alvarez",
        "Ella is reading two levels above grade; Ms. Alvarez suggested the library's "
        "Battle of the Books team.",
        "Math: needs practice with times tables, 10 minutes a day with flash cards or the "
        "Prodigy game. Long division comes in January.",
        "Friendships: some drama at recess with Maya and Chloe in October, resolved now. "
        "Ella volunteers to help new students.",
    ),
    _doc(
        "School/science-fair-volcanoes.pptx",
        "Why do volcanoes erupt? by Ella Becker",
        "Deep under the ground the rock is so hot that it melts into magma.",
        "Magma is lighter than the rock around it, so it rises. Gas bubbles in the magma push "
        "harder and harder, like shaking a soda bottle.",
        "When the pressure is too big the volcano erupts and the magma comes out as lava. "
        "Mount St. Helens erupted in 1980 and is only 50 miles from Portland!",
        "My experiment: baking soda plus vinegar makes carbon dioxide gas, which pushes the "
        "red foam out of my clay volcano.",
        headings=("What is inside", "Why it rises", "Eruption", "My experiment"),
    ),
]

_COURSES = [
    _doc(
        "Courses/spanish-vocabulary-lesson-7.pptx",
        "Spanish II - Lesson 7: at the doctor",
        "Me duele la cabeza: my head hurts. Tengo fiebre: I have a fever. Estoy mareada: I "
        "feel dizzy.",
        "La receta: the prescription. La farmacia: the pharmacy. Las pastillas: the tablets. "
        "Dos veces al dia: twice a day.",
        "Homework: write a dialogue between a patient and a doctor, 10 lines, for Tuesday. "
        "Quiz on the preterite next week.",
        headings=("Symptoms", "At the pharmacy", "Homework"),
    ),
]

_CAR = [
    _doc(
        "Car/service-record-civic.txt",
        "Honda Civic service log",
        "2017 Honda Civic EX, VIN 19XFC1F7XHE204417, bought used in August 2021 at 38,200 miles.",
        "12 Jan 2022 - 43,950 mi - Jiffy Lube, oil and filter 0W-20 synthetic, $79.99.",
        "30 Aug 2022 - 49,120 mi - Honda dealer, Maintenance Minder B1: oil, filter, tire "
        "rotation, brake inspection, $189.40.",
        "3 Apr 2023 - 54,600 mi - new front brake pads and rotors at Les Schwab, $412.00.",
        "2 Dec 2023 - 60,050 mi - oil change, cabin air filter, wiper blades, $134.75. Next "
        "service due at 65,000 mi or June 2024.",
        "Tire pressure: 35 psi front and rear (sticker inside the driver's door).",
    ),
    _doc(
        "Car/car-purchase-agreement.pdf",
        "Vehicle purchase agreement",
        "Vehicle purchase agreement. Seller: Mark Delgado, 880 NE 60th Ave, Portland. Buyer: "
        "Laura Mendes and Tom Becker. Date of sale: 14 August 2021.",
        "Vehicle: 2017 Honda Civic EX sedan, silver, VIN 19XFC1F7XHE204417, odometer 38,200 "
        "miles. Sold as is, with no warranty expressed or implied.",
        "Price $15,900 by cashier's check. The seller confirms the title is free of liens and "
        "will sign it over at payment. The buyer registers it with the Oregon DMV within 30 "
        "days.",
    ),
]

_HOME = [
    _doc(
        "Home/lease-agreement-2023.pdf",
        "Residential lease agreement",
        "Residential lease agreement. Landlord: Oakview Property Management LLC, agent Greg "
        "Patterson. Tenants: Laura Mendes, Tom Becker. Premises: 2417 SE Alder Street, "
        "Apartment 3B, Portland, Oregon 97214.",
        "Term: 12 months from 1 September 2023 to 31 August 2024, then month to month unless "
        "either party gives 90 days' written notice. Rent: $1,650 per month due on the 1st; "
        "late fee $50 after the 4th. Security deposit: $1,650, returned within 31 days of "
        "move-out less itemized deductions.",
        "Utilities: tenants pay electricity, internet and phone; the landlord pays water, "
        "sewer and garbage. One cat allowed with a $300 pet deposit. No smoking anywhere on "
        "the premises.",
        "Section 12, repairs: tenants must report needed repairs in writing; the landlord "
        "will make repairs affecting habitability within a reasonable time as required by "
        "ORS 90.320.",
    ),
    _doc(
        "Home/moving-checklist.md",
        "Moving checklist (August 2023)",
        "Six weeks before: book movers (Two Guys and a Truck, quote $1,180 for a Saturday). "
        "Ask Oakview for the move-in inspection date.",
        "Forward mail with USPS; update the address with the bank, DMV, employer and "
        "Ella's school. Transfer electricity to the new apartment and set up Ziply for 1 "
        "September.",
        "Take apart the flat-pack bookshelves and keep the screws in labelled bags. Defrost "
        "the fridge the day before; pack a box of essentials (kettle, mugs, toilet paper, "
        "chargers, Ella's night light).",
        "Photograph the old place for the deposit and hand the keys back on 31 August.",
    ),
    _doc(
        "Home/wifi-router-settings.txt",
        "Wi-Fi and router",
        "Router: TP-Link Archer AX55 in the hall closet. Admin page 192.168.0.1, admin "
        "password on the sticker underneath.",
        "Networks: Mendes-Home (5 GHz and 2.4 GHz), Mendes-IoT (2.4 GHz only, for the "
        "thermostat, printer and TV), Mendes-Guest (password sunny-alder-47, changed every few "
        "months).",
        "If the connection drops: check that the Ziply ONT light in the closet is green, then "
        "restart the router by unplugging it for 30 seconds.",
    ),
    _doc(
        "Home/balcony-garden-plan.odt",
        "Balcony garden plan 2024",
        "Containers on the south-facing balcony get sun from 11 am to 5 pm.",
        "Tomatoes: two Sungold cherry plants in 10 gallon fabric bags, staked; buy nursery "
        "starts in mid-May after the last frost.",
        "Herbs: basil, parsley, chives and mint (mint in its own pot or it takes over). "
        "Strawberries in the hanging planter.",
        "Water every morning in July and August; feed the tomatoes liquid seaweed every two "
        "weeks once they flower.",
    ),
    _doc(
        "Home/Warranties/laptop-warranty-dell.pdf",
        "Dell XPS 13 - Premium Support",
        "Dell XPS 13 (9315), service tag 7HX2Q93. Purchased 28 November 2022 from Dell.com, "
        "order 1008834521, $1,149.00.",
        "Coverage: 3 years of Premium Support with Accidental Damage until 27 November 2025: "
        "drops, spills and cracked displays are repaired, up to one incident per year. Onsite "
        "service the next business day after remote diagnosis.",
        "Battery covered for the first year only. Call 1-800-624-9897 with the service tag, "
        "or start a request at dell.com/support.",
    ),
    _doc(
        "Home/Warranties/refrigerator-warranty.txt",
        "Samsung refrigerator RF28T5001SR",
        "Bought 5 May 2023 at Best Buy for $1,799, delivered and installed 9 May.",
        "Manufacturer warranty: 1 year parts and labor, 5 years on the sealed refrigeration "
        "system, 10 years on the digital inverter compressor. Registered online with the "
        "serial number from inside the left door.",
        "If the ice maker stops: press the test button under the ice bucket for 3 seconds. "
        "Keep the receipt in the kitchen drawer.",
    ),
]

_NOTES = [
    _doc(
        "Notes/book-club-notes.md",
        "Book club - The Remains of the Day (February)",
        "Hosted at Jenna's. Everyone finished it this time!",
        "Stevens as the unreliable narrator: we argued about whether he knows he is lying to "
        "himself. Sofia thinks the banter scene is the saddest in the book.",
        "Miss Kenton's letter and the bench at Weymouth pier: half of us cried.",
        "Next month: Klara and the Sun (same author), at our place on 21 March. I'm making the "
        "banana bread.",
    ),
    _doc(
        "Notes/wedding-speech-draft.docx",
        "Speech for Sofia and James",
        "Good evening everyone. For those who don't know me, I'm Laura, Sofia's big sister, "
        "and I have been waiting thirty-one years to embarrass her in public.",
        "When Sofia was seven she ran a lemonade stand on our street and charged the "
        "neighbors extra for ice. She still negotiates like that, so James, good luck with "
        "every car purchase from here on.",
        "James, the first time you came to dinner you fixed Mom's gate, ate three helpings of "
        "her feijoada and asked for the recipe. That is when we knew.",
        "Please raise your glasses: to Sofia and James, may your house always be loud and "
        "your fridge always full.",
    ),
    _doc(
        "Notes/gift-ideas.txt",
        "Gift ideas",
        "Tom (birthday 3 October): trail running shoes (size 10.5), the Dune box set, a "
        "pottery class for two.",
        "Ella (9 in April): art set with alcohol markers, Lego Botanical, a day at the Oregon "
        "Coast Aquarium.",
        "Mom: a framed print of the old photo of her at Ella's age (borrow it from Aunt "
        "Rosa!), a nice tea sampler.",
        "Aunt Rosa: the cookbook Salt Fat Acid Heat, or flowers in the spring.",
    ),
]

DOCUMENTS: tuple[Document, ...] = tuple(
    _LETTERS
    + _WORK
    + _BILLS
    + _RECIPES
    + _TRAVEL
    + _HEALTH
    + _CODE
    + _MANUALS
    + _TAX
    + _INSURANCE
    + _SCHOOL
    + _COURSES
    + _CAR
    + _HOME
    + _NOTES
)
