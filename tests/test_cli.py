"""The `studybot ask` command-line contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _run(args: list[str], data_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STUDYBOT_DATA_DIR": str(data_dir)}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "studybot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def test_ask_json_contract(real_data_dir: Path) -> None:
    proc = _run(["ask", "--json", "wat is nps?"], real_data_dir)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert set(payload) == {"question", "found", "kind", "answer", "sources"}
    assert payload["found"] is True and payload["kind"] == "definition"
    src = payload["sources"][0]
    assert set(src) == {"course", "chapter", "section", "score"}
    assert src == {**src, "course": "inleiding-in-de-sales", "section": "Net Promoter Score (NPS)"}
    assert isinstance(src["score"], float)


def test_ask_stdin_answers_every_line_in_order(real_data_dir: Path) -> None:
    lines = ["wat is clv", "", "hoe bak ik brood?", "kraljik matrix"]
    proc = _run(["ask", "--json", "--stdin"], real_data_dir, "\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert out[0]["question"] == "wat is clv"
    assert len(out) == 4
    assert out[0]["sources"][0]["section"] == "Customer Lifetime Value (CLV)"
    assert out[1]["found"] is False and out[1]["kind"] == "none" and out[1]["answer"]
    assert out[2]["found"] is False
    assert out[3]["sources"][0]["section"] == "Inkoopportfoliomatrix (Kraljic)"


def test_ask_plain_text_and_unknown_course(real_data_dir: Path) -> None:
    proc = _run(["ask", "wat is stp?"], real_data_dir)
    assert proc.returncode == 0
    assert "Bron: College 2" in proc.stdout
    bad = _run(["ask", "--course", "bestaat-niet", "wat is stp?"], real_data_dir)
    assert bad.returncode == 1 and "bestaat niet" in bad.stderr


def test_run_without_token_opens_the_terminal_chat(real_data_dir: Path) -> None:
    proc = _run(["run"], real_data_dir, "wat is kam?\n/quiz\nA\n/stats\n/stop\n")
    assert proc.returncode == 0, proc.stderr
    assert "terminalchat" in proc.stderr
    assert "Key account management" in proc.stdout
    assert "1 van 32 onderwerpen geoefend" in proc.stdout  # /stats, with the quiz still open
    assert "Quiz gestopt" in proc.stdout and "Tot de volgende keer" in proc.stdout
