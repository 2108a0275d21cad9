"""Short friendly replies to greetings, thanks and 'wie ben jij' — never 'staat niet in de samenvatting'."""

from __future__ import annotations

import re

from tutor.intent import clean

EXAMPLE = "Vraag bijvoorbeeld: wat is NPS? of: noem de principes van Cialdini."


def smalltalk_reply(question: str, course_title: str) -> str:
    """A Dutch reply that fits the small talk in ``question``."""
    q = clean(question)
    if re.search(r"\b(?:dank|bedankt|thanks|thank you|thx|merci)", q):
        return "Graag gedaan! Succes met leren 💪 Stel gerust nog een vraag."
    identity = (
        r"\b(?:wie|wat) ben (?:jij|je)\b|"
        r"\bben (?:jij|je) (?:een )?(?:mens|bot|robot|ai|echt|chatgpt|gpt|chatbot)|"
        r"\bachter (?:deze|de|die|jou|je)\b|\b(?:praat|chat|spreek) ik\b|"
        r"\b(?:waar|waarvoor) ben (?:jij|je)\b.*\b(?:bedoeld|gemaakt|bedacht|gebouwd)\b"
    )
    if re.search(rf"{identity}|who are you|are you|wie heeft (?:jou|je)|who made you", q):
        return (
            f"Ik ben studybot, je studiemaatje voor {course_title}. Ik beantwoord vragen uit de "
            f"samenvatting en overhoor je met /quiz. {EXAMPLE}"
        )
    if re.search(r"\b(?:hielp|helpt)\b|\bheb ik (?:\w+ )*aan\b|\bbent (?:\w+ )*(?:handig|slim|goed|top)", q):
        return "Fijn dat het helpt! Stel gerust nog een vraag, of oefen met /quiz."
    help_ = r"\b(?:help|helpen|hulp|wat (?:kan|kun|kunt) (?:je|jij|u)|(?:kan|mag) ik (?:je|jou|u)\b.*\bvragen"
    help_ += r"|waar ben (?:je|jij) (?:goed|sterk) in|\bweet (?:jij|je|u)\b"
    if re.search(help_ + r"|what can you do|hoe werk)", q):
        return (
            "Stel een vraag over de stof en ik zoek het antwoord in de samenvatting op. "
            f"{EXAMPLE} Oefenen? Typ /quiz."
        )
    if re.search(r"\bik heb .*\bvra(?:ag|gen|agje|agjes)\b", q):
        return f"Vraag maar raak! Ik zoek het antwoord op in de samenvatting van {course_title}. {EXAMPLE}"
    if re.search(r"\bik ben (?:nieuw|net begonnen)", q):
        return f"Welkom! Ik ben studybot en help je met {course_title}. {EXAMPLE} Oefenen? Typ /quiz."
    if re.search(r"\b(?:gestrest|zenuwachtig|nerveus|moe)\b", q):
        return (
            "Dat snap ik, een tentamen is spannend. Oefen een paar vragen met /quiz, "
            f"of vraag me wat je nog lastig vindt. {EXAMPLE}"
        )
    if re.search(r"\bhoe gaat het|alles goed|how are you|hoe staat (?:het|'t) (?:ervoor|erbij)", q):
        return f"Goed, dank je! Klaar om te leren? {EXAMPLE}"
    farewell = (
        r"\b(?:doei|tot ziens|bye|dag|later|tot (?:morgen|straks))$|\bfijne \w+|welterusten|slaap|\bik stop\b"
    )
    if re.search(r"\bpauze\b|\bhoofd (?:zit|is) vol\b", q):
        return "Goed idee, even pauze! Daarna verder? Typ /quiz voor een paar vragen. 👋"
    if re.search(farewell, q):
        return "Tot ziens en succes met leren! 👋"
    if re.search(r"\b(?:duidelijk|helder|snap)\b", q):
        return "Mooi! Stel gerust nog een vraag, of test jezelf met /quiz."
    if re.fullmatch(r"(?:top|super|cool|ok[eé]?y?|prima|fijn|nice|haha+)", q):
        return f"👍 {EXAMPLE}"
    return f"Hoi! Ik help je met {course_title}. {EXAMPLE}"
