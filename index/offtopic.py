"""Background passages: what a question looks like when it is about anything but the course.

A question is off-topic when it resembles these generic passages at least as much as it
resembles the course. They cover everyday subjects and questions about the document or
shop itself (price, payment, seller), which a summary's store page would otherwise answer.
"""

from __future__ import annotations

import hashlib

BACKGROUND = (
    "Morgen wordt het bewolkt met af en toe regen; in het weekend stijgt de temperatuur naar twintig graden.",
    "Kook de pasta tien minuten in ruim gezouten water en roer er daarna de saus met knoflook door.",
    "De wedstrijd eindigde gelijk; in de verlenging miste de aanvoerder een strafschop.",
    "De Romeinen bouwden wegen, aquaducten en legerkampen langs de Rijn.",
    "De Rijn stroomt van Zwitserland via Duitsland naar Nederland en mondt uit in de Noordzee.",
    "Een cel heeft een kern met DNA, een celmembraan en mitochondriën die energie leveren.",
    "Breuken tel je op door ze eerst gelijknamig te maken en daarna de tellers op te tellen.",
    "Bij een chemische reactie ontstaan nieuwe stoffen; zuur en base vormen samen een zout en water.",
    "Zwaartekracht trekt voorwerpen naar de aarde; de valversnelling is bijna tien meter per seconde.",
    "Op je telefoon zet je meldingen uit via instellingen; een update installeer je via de app-winkel.",
    "Van Gogh schilderde zonnebloemen en sterrennachten met dikke, kleurrijke penseelstreken.",
    "Een symfonie is een muziekstuk voor orkest, meestal in vier delen.",
    "Een koorts boven de 39 graden met hoofdpijn kan wijzen op een virusinfectie; rust en drink veel.",
    "Sporten in de sportschool: begin met een warming-up en bouw het gewicht langzaam op.",
    "Met de nachttrein reis je van Amsterdam naar Wenen; een couchette reserveer je vooraf.",
    "Een kat slaapt zo'n zestien uur per dag en heeft een krabpaal nodig.",
    "Duits leer je sneller met dagelijkse oefening van werkwoorden en naamvallen.",
    "Op de snelweg is de maximumsnelheid overdag honderd kilometer per uur.",
    "Je aangifte inkomstenbelasting doe je voor 1 mei; spaargeld valt in box 3.",
    "Het broeikaseffect warmt de aarde op doordat gassen warmte vasthouden in de atmosfeer.",
    "Een vulkaanuitbarsting, een aardbeving of een tsunami ontstaan door bewegende aardplaten.",
    "De ruimtevaart bracht mensen in 1969 naar de maan met de Apollo-missie.",
    "Het boek speelt zich af in een klein dorp waar de hoofdpersoon op zoek gaat naar haar vader.",
    "Een grondwet legt de rechten van burgers en de inrichting van de staat vast.",
    "Een goede nachtrust, gezond eten en genoeg bewegen houden je lichaam fit.",
    "Programmeren: een variabele slaat een waarde op en een functie geeft een resultaat terug.",
    "Deze samenvatting kost een paar euro en is direct na betaling te downloaden als pdf.",
    "Betalen kan met iDEAL, creditcard of tegoed; je zit nergens aan vast en er is geen abonnement.",
    "Hoeveel pagina's heeft dit document, wie heeft het geschreven en hoe vaak is het verkocht?",
    "Niet tevreden over je aankoop? Met de geld-terug-garantie vraag je je geld terug bij de klantenservice.",
    "Beoordelingen van kopers: vier en een halve ster, duizenden samenvattingen verkocht via de website.",
    "Hoe log ik in, hoe verander ik mijn wachtwoord en waar vind ik mijn bestellingen?",
    "Het tentamen is volgende week dinsdag; waar is het lokaal en hoe laat begint het?",
    "Wat is jouw naam, hoe oud ben je en ben je een mens of een computerprogramma?",
    "Vertel een grap, zing een liedje of schrijf een gedicht.",
    "Hoi, hoe gaat het met je? Goedemorgen, fijne dag verder en tot morgen!",
)


def background_hash() -> str:
    """Version of the background set, for the index manifest."""
    return hashlib.sha256("\n".join(BACKGROUND).encode("utf-8")).hexdigest()[:12]
