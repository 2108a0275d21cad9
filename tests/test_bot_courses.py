"""A learner's own summary through Telegram: upload a PDF, watch the progress, confirm, ask and
quiz from it, switch back with /vak, and /vergeet_mij removes it with its files and index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.store import index_dir
from knowledge.catalog import ingested_dir
from tests.documents import scanned_pdf, summary_pdf
from tests.double import BotApiDouble
from tests.harness import make_settings, start_bot

pytestmark = pytest.mark.slow
ANNA, BOB = 515, 516
GROUP = -100515


async def test_upload_study_switch_and_forget_an_own_course(
    double: BotApiDouble, tmp_path: Path, index_template: Path
) -> None:
    settings = make_settings(double, tmp_path / "data", index_template)
    bot = await start_bot(settings)
    anna = double.user(ANNA, "Anna")
    try:
        # Not a summary format, and a scan without text: clear refusals, nothing kept.
        await double.send_document(anna, "cijfers.xlsx", b"PK\x03\x04", "application/vnd.ms-excel")
        await double.send_document(anna, "scan.pdf", scanned_pdf(tmp_path / "scan.pdf").read_bytes())
        await double.wait_for(lambda: any("geen tekstlaag" in s.text for s in double.sent_to(ANNA)), 30)
        assert "bestandstype lees ik niet" in double.sent_to(ANNA)[0].text
        assert bot.tutor.store.courses_of(ANNA) == []

        pdf = summary_pdf(tmp_path / "logistiek.pdf").read_bytes()
        await double.send_document(anna, "Samenvatting logistiek.pdf", pdf)
        status = await double.wait_for(
            lambda: next((s for s in double.sent_to(ANNA) if "Opslaan" in str(s.buttons())), None), 60
        )
        assert double.downloads  # fetched through getFile and the file URL
        assert any("Bezig" in t or "ophalen" in t for t in status.history)  # live progress, one message
        assert "3 hoofdstukken, 6 onderwerpen, 3 begrippen" in status.text
        assert "Samenvatting Logistiek" in status.text  # the title the document gives itself
        slug = next(d for _, d in status.buttons() if d.startswith("u:ok:"))[len("u:ok:"):]
        await double.press(anna, status, f"u:ok:{slug}")
        await double.wait_for(lambda: "staat klaar" in status.text)

        before = len(double.sent_to(ANNA))
        await double.send(anna, "wat is een veiligheidsvoorraad?")
        (answer,) = (await double.wait_sent(ANNA, before + 1))[before:]
        assert "buffer" in answer.text and "Voorraadbeheer" in answer.text
        await double.send(anna, "/quiz")
        question = (await double.wait_sent(ANNA, before + 2))[-1]
        session = bot.tutor.store.session(int(question.buttons()[0][1].split(":")[1]))
        assert session is not None and session["course"] == slug  # a quiz item from the new course

        # /vak lists both courses; back to the shipped one.
        await double.send(anna, "/vak")
        menu = (await double.wait_sent(ANNA, before + 3))[-1]
        buttons = dict((d, t) for t, d in menu.buttons())
        assert buttons[f"v:{slug}"].startswith("✅") and "v:inleiding-in-de-sales" in buttons
        await double.press(anna, menu, "v:inleiding-in-de-sales")
        await double.wait_for(lambda: "Je studeert nu" in menu.text)
        await double.send(anna, "wat is nps?")
        nps = (await double.wait_sent(ANNA, before + 4))[-1]
        assert "Net Promoter Score" in nps.text

        # In a group, an admin picks the group's course (from the shipped ones and her own);
        # a member may not, and everyone's questions then come from it.
        bob = double.user(BOB, "Bob")
        double.group(GROUP, "Logistiek studiegroep", creator=ANNA)
        await double.add_bot(GROUP, anna)
        await double.wait_sent(GROUP, 1)
        await double.send(bob, "/vak", chat_id=GROUP)
        await double.wait_for(lambda: any("Alleen beheerders" in s.text for s in double.sent_to(GROUP)))
        await double.send(anna, "/vak", chat_id=GROUP)
        group_menu = await double.wait_for(
            lambda: next((s for s in double.sent_to(GROUP) if f"v:{slug}" in str(s.buttons())), None)
        )
        refused = await double.press(bob, group_menu, f"v:{slug}")
        await double.wait_for(lambda: double.callback_answers[refused] is not None)
        assert "Alleen beheerders" in str(double.callback_answers[refused])
        await double.press(anna, group_menu, f"v:{slug}")
        await double.wait_for(lambda: "Je studeert nu" in group_menu.text)
        before_group = len(double.sent_to(GROUP))
        await double.send(bob, "/vraag wat is een veiligheidsvoorraad?", chat_id=GROUP)
        answer = (await double.wait_sent(GROUP, before_group + 1))[-1]
        assert "buffer" in answer.text

        await double.send(anna, "/mijndata")
        (export,) = await double.wait_sent(ANNA, 1, kind="document")
        assert json.loads(export.data)["courses"][0]["slug"] == slug

        assert (ingested_dir(settings.data_dir) / slug).is_dir()
        assert index_dir(settings.data_dir, slug).is_dir()
        await double.send(anna, "/vergeet_mij")
        confirm = await double.wait_for(
            lambda: next((s for s in double.sent_to(ANNA) if "Ja, wis alles" in str(s.buttons())), None)
        )
        await double.press(anna, confirm, next(d for t, d in confirm.buttons() if t.startswith("Ja")))
        await double.wait_for(lambda: "Al je gegevens zijn gewist" in confirm.text)
        assert not (ingested_dir(settings.data_dir) / slug).exists()
        assert not index_dir(settings.data_dir, slug).exists()
        assert bot.tutor.store.course(slug) is None and bot.tutor.store.count_rows(ANNA) == 0
    finally:
        await bot.stop()
