"""How small talk is said: greetings, thanks, farewells, "wie ben jij" — to the bot, not about the notes."""

from __future__ import annotations

import re

# Whom small talk is said to: "yo studiemaatje", "thanks man", "hoe staat het erbij, buddy".
_ADDRESSEE = "studiemaatje|studymaatje|buddy|maatje|studybot|bot|botje|man|gast|makker"
SMALLTALK = re.compile(
    r"^(?:(?:heel |erg |super |hartstikke |echt |enorm )*"
    r"(?:hoi+|he+y*|hee+|ey+|hallo+(?:tjes)?|hai|hi+|hel+o+|yo+|goedemorgen|goedemiddag|goedenavond|goeienavond|"
    r"goeiemiddag|hoe is het|waarmee (?:kun|kan|kunt) (?:je|jij|u) (?:me|mij) helpen(?: bij| met)?(?: het)?"
    r"(?: leren| studeren| de stof)?|wat kun je voor (?:me|mij) doen|"
    r"fijne (?:avond|dag|middag|ochtend|weekend)(?: nog)?|welterusten|slaap lekker|"
    r"tot (?:morgen|straks|later)|"
    r"goeiemorgen|morgen|middag|dag|doei|tot ziens|bye|dank ?je(?: wel)?|dank u(?: wel)?|dankjewel|"
    r"dankuwel|bedankt|dank|thanks(?: a lot| so much)?|thank you(?: so much| very much)?|thx|merci|top|super|"
    r"cool|ok[eé]?y?|aight|alright|prima|fijn|nice|haha+|(?:is )?(?:er )?iemand (?:thuis|daar|wakker)|"
    r"(?:dank|bedankt|thanks|dankjewel|dankuwel) (?:je |u )?(?:wel )?voor (?:je|jouw|uw|de|the) "
    r"(?:hulp|uitleg|antwoord\w*|help)|"
    r"wie ben (?:jij|je)|wat ben (?:jij|je)(?: voor (?:een )?(?:bot|app|ding|programma))?|"
    r"waar ben (?:je|jij) (?:goed|sterk) in|"
    # "waar ben je eigenlijk voor bedoeld", "waarvoor ben jij gemaakt", "hoe staat het ervoor".
    r"(?:waar ben (?:je|jij)(?: eigenlijk| precies)? voor|waarvoor ben (?:je|jij)(?: eigenlijk| precies)?) "
    r"(?:bedoeld|gemaakt|bedacht|gebouwd)|hoe staat (?:het|'t) (?:ervoor|erbij)|"
    # "waar weet jij iets van": what the bot knows; "ik ben lotte", "mijn naam is sam": an introduction.
    r"(?:waar|waarover) weet (?:jij|je|u) (?:iets|veel|allemaal|wat)? ?(?:van|over)|"
    r"wat weet (?:jij|je|u)(?: allemaal)?|"
    r"(?:ik ben|ik heet|mijn naam is) [a-z]{2,15}|"
    r"(?:daar|hier|dit|dat) heb ik (?:echt |veel |wel |iets |wat |nu )*aan|"
    r"wat (?:kan|kun|kunt) (?:je|jij|u)(?: allemaal)?(?: doen)?|"
    r"(?:wat|waarover) (?:kan|mag) ik (?:je|jou|u)(?: allemaal)? vragen|"
    r"(?:wat voor|welke) (?:vragen|dingen) (?:kan|mag) ik (?:je|jou|u)(?: allemaal)? (?:stellen|vragen)|"
    r"waar (?:kan|mag) ik (?:je|jou|u)(?: allemaal)? mee (?:lastigvallen|lastig vallen|terecht)|"
    r"wat (?:kan|doet) (?:deze|die|de|jouw) (?:bot|app|studybot)(?: allemaal)?(?: doen)?|"
    # "over welke onderwerpen gaat deze bot", "waar gaat deze bot over": what the bot covers.
    r"(?:over )?(?:welke|wat voor) (?:onderwerpen|vakken|stof|dingen) (?:gaat|ken|kent|weet|doet) "
    r"(?:deze|die|de|jij|je) ?(?:bot|app|studybot)?(?: over| allemaal)?|"
    r"waar gaat (?:deze|die|de) (?:bot|app|studybot) over|"
    r"lekker bezig|"
    # "ben je wakker?", "hoe werkt deze studiehulp", "praat ik met een echt persoon", "je bent echt handig",
    # "mijn hoofd zit vol, ik ga pauze nemen": presence, how the bot works, who it is, praise, a break.
    r"(?:ben|zijn) (?:je|jij|jullie) (?:(?:er|daar|wakker|online|aan)(?: nog)?|"
    r"nog (?:er|daar|wakker|online))|"
    r"hoe werkt (?:deze|die|de|jouw|dit) (?:bot|app|studybot|studiehulp|chatbot|tool|ding)"
    r"(?: eigenlijk| precies)?|"
    r"(?:praat|chat|spreek) ik (?:nu )?(?:met|tegen) (?:een )?(?:echt(?:e)? )?"
    r"(?:persoon|mens|bot|robot|computer|ai)|"
    r"(?:je|jij) bent (?:echt |super |heel |erg |zo )*"
    r"(?:handig|slim|goed|top|geweldig|de beste|een topper|een held|een kanjer|lief)|"
    r"mijn hoofd (?:zit|is) (?:vol|leeg|op)|ik (?:ga|neem) (?:even )?(?:een )?pauze(?: nemen| houden)?|"
    r"wat doe je|hoe werk (?:jij|je)|help|hulp|hoe gaat (?:het|ie|'t)(?: met (?:je|jou))?|alles goed|bot|"
    r"(?:that|this|it) (?:helped|helps|was (?:helpful|clear|useful|great))(?: a lot| me)?|"
    r"wie heeft (?:jou|je) (?:gemaakt|gebouwd|bedacht)|who made you|"
    r"zit er (?:een )?(?:mens|persoon|echt(?:e)? (?:mens|persoon)) achter"
    r"(?: (?:deze|de|die|jou|je)(?: bot| app)?)?|"
    r"ik (?:stop|kap|ga stoppen|ga slapen|ga pauzeren|ga eten|ben weg)(?: ermee| ervoor)?"
    r"(?: voor (?:vandaag|nu|vanavond))?|alles goed met (?:je|jou|u)|"
    r"how are you|who are you|what can you do|"
    r"(?:dat|dit|je|jij) (?:hielp|helpt|was (?:duidelijk|handig|nuttig|helder))(?: me| mij)?"
    r"(?: echt| enorm| goed| heel| erg)*|ik ben (?:nieuw|net begonnen|er weer)(?: hier)?|"
    r"ben (?:jij|je) (?:een )?(?:mens|bot|robot|ai|chatgpt|gpt|chatbot|echt(?:e)?)(?: (?:persoon|mens))?"
    r"(?: of (?:een )?\w+)?|"
    r"(?:ah |o+h? )?(?:zo|ok[eé]?) zit (?:het|dat)(?: dus)?|later|"
    r"ik ben (?:echt |zo |super )?(?:gestrest|zenuwachtig|moe|nerveus)(?: voor (?:mijn|de|het) \w+)?|"
    r"are you (?:a )?(?:human|bot|robot)|"
    r"(?:heel |erg |helemaal )?(?:duidelijk|helder)(?: nu)?|ik snap het(?: nu)?|"
    r"(?:nu )?snap ik(?: het)?(?: nu)?|"
    # "ik heb vragen over sales": a question announced, none asked yet.
    r"ik heb (?:een |nog (?:een |wat |een paar )?|wat |een paar |veel )?(?:vraag|vragen|vraagje|vraagjes)"
    r"(?: (?:over|voor|bij|aan) (?:je|jou|u|sales|de stof|het vak|dit vak|de samenvatting|het tentamen))?)"
    # "yo studiemaatje", "thanks man": whom it is said to.
    rf"(?: (?:{_ADDRESSEE}|studybuddy|allemaal|daar|jij|jullie))?[\s,.!?]*)+"
    # "…, buddy", "… hoor": said after a comma, or a word that closes the sentence.
    rf"(?:{_ADDRESSEE}|daar|allemaal|iedereen|eigenlijk|hoor|nou)?[\s,.!?🙂😊👍]*$"
)

# "dankzij jou haal ik mijn tentamen, dank!": thanks said in a sentence that asks nothing.
THANKS = re.compile(
    r"^(?!.*\b(?:wat|welke?|hoe|waarom|wie|waar|wanneer|hoeveel|noem|geef|leg|what|how|why)\b)"
    r"(?!.*\b(?:klant\w*|verkoper\w*|inkoper\w*|hij|zij|ze|hem|haar)\b)"
    r"(?=.*\b(?:dank|bedankt|dankjewel|dankuwel|thanks|thank you|thx|dankzij jou)\b).{0,80}$"
)
