"""Background passages: what a question looks like when it is about anything but the course.

A question is off-topic when it resembles these generic passages at least as much as it
resembles the course. They cover everyday subjects and questions about the document or
shop itself (price, payment, seller), which a summary's store page would otherwise answer.
"""

from __future__ import annotations

import hashlib

BACKGROUND = (
    "Tomaten zaai je binnen in maart en zet je na de laatste nachtvorst buiten in een zonnige moestuin.",
    "Een sjaal brei je met rechte en averechte steken; begin met het opzetten van zestig steken.",
    "Snoekbaars vang je in het najaar met een kunstaas langs de rand van diep water.",
    "Bij de grote beurt van een auto worden de olie, de filters en de remblokken vervangen.",
    "Een gitaar stem je van de lage E-snaar naar de hoge; een capo verhoogt de toonhoogte.",
    "Een puppy leert zindelijk worden door hem na elke maaltijd en elk dutje naar buiten te laten.",
    "Krullend haar heeft baat bij een milde shampoo en een conditioner zonder siliconen.",
    "Een kast van een woonwarenhuis zet je in elkaar met deuvels, schroeven en een inbussleutel.",
    "Voor een wintersportvakantie neem je thermokleding, een skibril en zonnebrand mee.",
    "Kinderen halen hun zwemdiploma A na lessen in drijven, watertrappen en onder water zwemmen.",
    "Voor een kinderfeestje regel je slingers, een taart met kaarsjes en een speurtocht in de tuin.",
    "Een sonnet is een gedicht van veertien regels met een wending na het achtste vers.",
    "In het theater speelt het toneelgezelschap een tragedie in vijf bedrijven met een pauze.",
    "De tandarts adviseert twee keer per dag poetsen en eenmaal per dag flossen.",
    "Een houten vloer schuur je eerst grof en daarna fijn, en werk je af met olie of lak.",
    "Een vogelhuisje hang je op anderhalve meter hoogte met de opening van de wind af.",
    "Een vulpen vul je met een inktpatroon; vlekken op textiel verwijder je met melk.",
    "Bij een marathon loop je ruim tweeënveertig kilometer; train vooral lange duurlopen.",
    "Een aquarium heeft een filter, een verwarming en planten nodig voordat de vissen erin gaan.",
    "De trein naar het vliegveld vertrekt elk kwartier vanaf spoor vijf; de check-in sluit vroeg.",
    "Een sollicitatiebrief begint met je motivatie en eindigt met een uitnodiging voor een gesprek.",
    "Verkiezingen voor de gemeenteraad zijn elke vier jaar; stemmen doe je met je stempas en een id-bewijs.",
    "Het ijs op de vijver is pas betrouwbaar bij tien centimeter dikte na meerdere nachten vorst.",
    "Een fotocamera stel je scherp met de autofocus; een groot diafragma geeft een onscherpe achtergrond.",
    "Een huurcontract regelt de huurprijs, de opzegtermijn en wie het onderhoud betaalt.",
    "Een migraineaanval gaat vaak samen met misselijkheid en gevoeligheid voor licht en geluid.",
    "Op de camping zet je de tent op een vlakke plek en span je de scheerlijnen stevig aan.",
    "Een wasmachine ontkalk je met azijn; wol was je op een koud programma met weinig toeren.",
    "Verzendkosten, levertijden en het retourbeleid van een webwinkel staan bij de klantenservice.",
    "Over dit bestand: het aantal bladzijden, de auteur, de uploaddatum en de beoordelingen van lezers.",
    "Het rooster van de opleiding staat online; tentamenzalen en inschrijftermijnen vind je op het portaal.",
    "Schrijf een verhaal, verzin een raadsel of vertel een mop over dieren.",
)


def background_hash() -> str:
    """Version of the background set, for the index manifest."""
    return hashlib.sha256("\n".join(BACKGROUND).encode("utf-8")).hexdigest()[:12]
