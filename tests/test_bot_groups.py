"""Group study end to end: quiz polls, per-member records, scoreboard, admin checks, push, rate budget."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from tests.double import BotApiDouble
from tests.harness import RunningBot, make_settings, start_bot
from tests.sql import rows

pytestmark = pytest.mark.slow
GROUP = -1001
ADMIN, BOB, CARA = 11, 12, 13


@pytest.fixture
async def bot(double: BotApiDouble, tmp_path: Path, index_template: Path):  # type: ignore[no-untyped-def]
    running = await start_bot(make_settings(double, tmp_path, index_template, push_test_interval=1.5,
                                            group_rate=(10, 6.0)))  # fmt: skip
    yield running
    await running.stop()


async def setup_group(double: BotApiDouble) -> tuple[dict, dict, dict]:
    admin = double.user(ADMIN, "Ada")
    bob = double.user(BOB, "Bob")
    cara = double.user(CARA, "Cara")
    double.group(GROUP, "Sales studiegroep", creator=ADMIN)
    await double.add_bot(GROUP, admin)
    await double.wait_sent(GROUP, 1)
    return admin, bob, cara


async def test_group_quiz_records_each_member_once(bot: RunningBot, double: BotApiDouble) -> None:
    admin, bob, cara = await setup_group(double)
    assert bot.tutor.store.chat(GROUP)["active"] == 1
    await double.send(bob, "/quiz", chat_id=GROUP)
    (poll_msg,) = await double.wait_sent(GROUP, 1, kind="poll")
    poll = poll_msg.poll
    assert poll["type"] == "quiz" and poll["is_anonymous"] is False and poll["explanation"]
    right = poll["correct_option_ids"][0]
    wrong = (right + 1) % len(poll["options"])
    assert poll["allows_revoting"] is False and poll["open_period"] == 600  # a quiz answer is final
    await double.vote(admin, poll["id"], [right])
    await double.vote(bob, poll["id"], [wrong])
    await double.vote(cara, poll["id"], [wrong])
    assert not await double.vote(cara, poll["id"], [right])  # Telegram refuses a second answer
    double.raw_poll_answer(cara, poll["id"], [right])  # and a forged or replayed one records nothing
    double.raw_poll_answer(bob, poll["id"], [])  # nor does a forged retraction
    store = bot.tutor.store
    await double.wait_for(lambda: len(rows(store, "select * from poll_votes")) == 3)
    await asyncio.sleep(0.5)
    answers = {uid: store.answers(uid) for uid in (ADMIN, BOB, CARA)}
    assert [len(a) for a in answers.values()] == [1, 1, 1]
    assert [a[0]["correct"] for a in answers.values()] == [1, 0, 0]
    assert all(a[0]["context"] == "group" and a[0]["chat_id"] == GROUP for a in answers.values())

    # When the poll closes, the group gets the result once.
    await double.close_poll(poll["id"])
    result = await double.wait_for(lambda: [m for m in double.sent_to(GROUP) if "Uitslag" in m.text])
    assert "1 van 3 deelnemers goed" in result[0].text and "Bron:" in result[0].text
    await double.close_poll(poll["id"])  # a second close changes nothing
    double._enqueue({"poll": dict(poll, is_closed=True)})  # nor does a replayed update
    await asyncio.sleep(0.5)
    assert len([m for m in double.sent_to(GROUP) if "Uitslag" in m.text]) == 1

    # Bob's wrong answer shows up in his own weak topics and stats (he never spoke privately before).
    await double.send(bob, "/stats")
    (photo,) = await double.wait_sent(BOB, 1, kind="photo")
    assert photo.text.startswith("1 van 32 onderwerpen geoefend")
    assert bot.tutor.weak_topics(BOB)

    await double.send(cara, "/scorebord", chat_id=GROUP)
    board = (await double.wait_sent(GROUP, 4))[-1]
    assert "Scorebord deze week" in board.text
    lines = board.text.splitlines()
    assert lines.index("1. Ada — 1/1") < lines.index("2. Bob — 0/1")
    assert "Cara — 0/1" in board.text and "Aller tijden" in board.text


async def test_admin_only_group_push_and_it_fires(bot: RunningBot, double: BotApiDouble) -> None:
    admin, bob, _ = await setup_group(double)
    await double.send(bob, "/dagelijks 18:00", chat_id=GROUP)
    refusal = (await double.wait_sent(GROUP, 2))[-1]
    assert "Alleen beheerders" in refusal.text
    assert bot.tutor.store.subscription(GROUP) is None
    await double.send(admin, "/dagelijks 18:00", chat_id=GROUP)
    await double.wait_for(lambda: any("Elke dag om 18:00" in s.text for s in double.sent_to(GROUP)))
    assert bot.tutor.store.subscription(GROUP)["time"] == "18:00"
    await double.wait_sent(GROUP, 1, kind="poll", timeout=10)
    assert any(s.text.startswith("📅 Dagelijkse groepsquiz") for s in double.sent_to(GROUP))
    await double.send(bob, "/stop", chat_id=GROUP)
    await double.wait_for(
        lambda: len([s for s in double.sent_to(GROUP) if "Alleen beheerders" in s.text]) == 2
    )
    assert bot.tutor.store.subscription(GROUP)["active"] == 1


async def test_privacy_mode_mentions_and_private_commands(bot: RunningBot, double: BotApiDouble) -> None:
    _, bob, _ = await setup_group(double)
    hidden = await double.send(bob, "wat is nps?", chat_id=GROUP)
    assert hidden is None  # privacy mode: the bot never sees plain chatter
    await double.send(bob, "@studybot_test_bot wat is clv?", chat_id=GROUP)
    answer = (await double.wait_sent(GROUP, 2))[-1]
    assert "Customer Lifetime Value" in answer.text
    await double.send(bob, "/vraag@studybot_test_bot wat is stp?", chat_id=GROUP)
    await double.wait_for(lambda: any("STP" in s.text for s in double.sent_to(GROUP)[2:]))
    assert await double.send(bob, "/vraag@some_other_bot wat is stp?", chat_id=GROUP) is None
    await double.send(bob, "/mijndata", chat_id=GROUP)
    await double.wait_for(lambda: any("privéchat" in s.text for s in double.sent_to(GROUP)))
    assert double.sent_to(GROUP, "document") == []
    count = len(double.sent_to(GROUP))
    await double.send(bob, "/help", chat_id=GROUP)
    help_text = (await double.wait_sent(GROUP, count + 1))[-1].text
    assert "/scorebord" in help_text and "/quiztijd" in help_text and "privéchat" in help_text
    assert "/mijndata" not in help_text and "/zwakkepunten" not in help_text


async def test_burst_is_queued_within_the_group_budget(bot: RunningBot, double: BotApiDouble) -> None:
    _, bob, _ = await setup_group(double)
    double.group_limit, double.group_window = 20, 6.0
    start = time.monotonic()
    for i in range(24):
        await double.send(bob, f"/vraag wat is nps? ({i})", chat_id=GROUP)
    await double.wait_sent(GROUP, 25, timeout=40)
    assert double.rate_violations == []
    times = sorted(s.sent_at for s in double.sent_to(GROUP)[1:])
    worst = max(sum(1 for t in times if t0 <= t < t0 + 6.0) for t0 in times)
    assert worst <= 20
    assert time.monotonic() - start > 3  # the limiter really held messages back


async def test_forget_removes_member_from_scoreboard(bot: RunningBot, double: BotApiDouble) -> None:
    admin, bob, _ = await setup_group(double)
    await double.send(bob, "/quiz", chat_id=GROUP)
    (poll_msg,) = await double.wait_sent(GROUP, 1, kind="poll")
    right = poll_msg.poll["correct_option_ids"][0]
    await double.vote(bob, poll_msg.poll["id"], [right])
    await double.vote(admin, poll_msg.poll["id"], [right])
    await double.wait_for(lambda: len(rows(bot.tutor.store, "select * from poll_votes")) == 2)
    await double.send(bob, "/vergeet_mij")
    confirm = (await double.wait_sent(BOB, 1))[0]
    await double.press(bob, confirm, next(d for t, d in confirm.buttons() if t.startswith("Ja")))
    await double.wait_for(lambda: bot.tutor.store.count_rows(BOB) == 0)
    await double.send(admin, "/scorebord", chat_id=GROUP)
    board = (await double.wait_sent(GROUP, 3))[-1]
    assert "Bob" not in board.text and "Ada" in board.text


async def test_scoreboard_opt_out_removal_and_migration(bot: RunningBot, double: BotApiDouble) -> None:
    admin, bob, _ = await setup_group(double)
    await double.send(bob, "/quiz", chat_id=GROUP)
    (poll_msg,) = await double.wait_sent(GROUP, 1, kind="poll")
    await double.vote(bob, poll_msg.poll["id"], [0])
    await double.wait_for(lambda: len(bot.tutor.store.answers(BOB)) == 1)
    await double.send(bob, "/scorebord uit", chat_id=GROUP)
    await double.wait_for(lambda: bot.tutor.store.user(BOB)["scoreboard_opt_out"] == 1)
    new_id = -1002
    await double.migrate(GROUP, new_id, admin)
    await double.wait_for(lambda: bot.tutor.store.chat(new_id) is not None)
    assert bot.tutor.store.chat(GROUP) is None
    assert bot.tutor.store.answers(BOB)[0]["chat_id"] == new_id
    await double.send(admin, "/scorebord", chat_id=new_id)
    board = (await double.wait_sent(new_id, 1))[-1]
    assert "Bob" not in board.text
    await double.remove_bot(new_id, admin)
    await double.wait_for(lambda: bot.tutor.store.chat(new_id)["active"] == 0)


async def test_two_groups_keep_their_own_polls_settings_and_scoreboards(
    bot: RunningBot, double: BotApiDouble
) -> None:
    admin, bob, cara = await setup_group(double)
    other = -2002
    double.group(other, "Andere groep", creator=CARA)
    await double.add_bot(other, cara)
    await double.wait_sent(other, 1)
    await double.send(bob, "/quiztijd 30", chat_id=GROUP)  # not an admin here
    await double.send(cara, "/quiztijd 45", chat_id=other)  # creator of the other group
    await double.wait_for(lambda: bot.tutor.store.chat(other)["open_period"] == 45)
    assert bot.tutor.store.chat(GROUP)["open_period"] is None  # unset: the default applies
    await double.send(bob, "/quiz", chat_id=GROUP)
    await double.send(cara, "/quiz", chat_id=other)
    (p1,) = await double.wait_sent(GROUP, 1, kind="poll")
    (p2,) = await double.wait_sent(other, 1, kind="poll")
    assert p1.poll["open_period"] == 600 and p2.poll["open_period"] == 45
    await double.vote(bob, p1.poll["id"], [p1.poll["correct_option_ids"][0]])
    await double.vote(cara, p2.poll["id"], [p2.poll["correct_option_ids"][0]])
    await double.wait_for(lambda: len(rows(bot.tutor.store, "select * from poll_votes")) == 2)
    await double.send(admin, "/scorebord", chat_id=GROUP)
    await double.send(cara, "/scorebord", chat_id=other)
    await double.wait_for(lambda: any("Scorebord" in s.text for s in double.sent_to(GROUP)))
    await double.wait_for(lambda: any("Scorebord" in s.text for s in double.sent_to(other)))
    board1 = next(s for s in double.sent_to(GROUP) if "Scorebord" in s.text).text
    board2 = next(s for s in double.sent_to(other) if "Scorebord" in s.text).text
    assert "Bob" in board1 and "Cara" not in board1
    assert "Cara" in board2 and "Bob" not in board2


async def test_group_follow_up_uses_the_groups_last_topic(bot: RunningBot, double: BotApiDouble) -> None:
    _, bob, _ = await setup_group(double)
    await double.send(bob, "/vraag@studybot_test_bot wat is een prospect?", chat_id=GROUP)
    await double.wait_for(lambda: any("Prospect" in s.text for s in double.sent_to(GROUP)))
    await double.send(bob, "/vraag@studybot_test_bot en wat is het verschil met een lead?", chat_id=GROUP)
    await double.wait_for(lambda: any("• Lead" in s.text for s in double.sent_to(GROUP)))
    reply = next(s for s in double.sent_to(GROUP) if "• Lead" in s.text)
    assert "• Prospect" in reply.text


async def test_quiztijd_checks_admins_first_and_only_ascii_digits(
    bot: RunningBot, double: BotApiDouble
) -> None:
    admin = double.user(ADMIN, "Ada")
    bob = double.user(BOB, "Bob")
    # A group whose "bot added" update the bot never saw (added while it was down): no chat row yet.
    double.group(GROUP, "Sales studiegroep", creator=ADMIN)["_bot_member"] = True
    await double.send(bob, "/quiztijd ²", chat_id=GROUP)  # a member: refused before the argument is read
    await double.wait_for(lambda: any("Alleen beheerders" in s.text for s in double.sent_to(GROUP)))
    for bad in ("²", "①", "abc", "4", "99999"):
        await double.send(admin, f"/quiztijd {bad}", chat_id=GROUP)
    await double.wait_for(lambda: sum("tussen 5 en 600" in s.text for s in double.sent_to(GROUP)) == 5)
    await double.send(admin, "/quiztijd 30", chat_id=GROUP)
    await double.wait_for(lambda: any("30 seconden" in s.text for s in double.sent_to(GROUP)))
    assert bot.tutor.store.chat(GROUP)["open_period"] == 30
    assert not any("Oeps" in s.text for s in double.sent_to(GROUP))


async def test_a_throttled_group_never_delays_private_chats(bot: RunningBot, double: BotApiDouble) -> None:
    _, bob, _ = await setup_group(double)
    double.group_limit, double.group_window = 20, 6.0
    anna = double.user(111, "Anna")
    for i in range(22):  # the group's budget is 10 per 6 s: twelve of these wait for the next window
        await double.send(bob, f"/vraag wat is nps? ({i})", chat_id=GROUP)
    await asyncio.sleep(0.5)
    delays = []
    for question in ("wat is clv?", "wat is stp?", "wat is een lead?"):
        sent = len(double.sent_to(111))
        start = time.monotonic()
        await double.send(anna, question)
        await double.wait_for(lambda n=sent: len(double.sent_to(111)) > n, timeout=10)
        delays.append(time.monotonic() - start)
    assert max(delays) < 1.5, delays
    assert len(double.sent_to(GROUP)) < 23  # the group was still being held back meanwhile
    # Never more than 30 sends in any one-second window, from the very first second.
    times = sorted(s.sent_at for chat in (GROUP, 111) for s in double.sent_to(chat))
    assert max(sum(1 for t in times if t0 <= t < t0 + 1.0) for t0 in times) <= 30
