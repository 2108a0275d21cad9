"""Real webhook replicas for tests: ``studybot run --webhook`` processes on one database."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.double import BotApiDouble
from tests.pg import free_port

SECRET = "replica-s3cret"  # noqa: S105 - test value


class Replica:
    """One bot process; its log is a file (the test reads what it claimed)."""

    def __init__(
        self, name: str, double: BotApiDouble, data_dir: Path, database_url: str, **env: str
    ) -> None:
        self.name = name
        self.port = free_port()
        self.log = data_dir.parent / f"{name}.log"
        environ = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": double.token,
            "TELEGRAM_API_URL": double.base_url,
            "STUDYBOT_DATA_DIR": str(data_dir),
            "STUDYBOT_DATABASE_URL": database_url,
            "STUDYBOT_REPLICAS": "2",
            **env,
        }
        command = [
            sys.executable, "-m", "studybot.cli", "run", "--webhook", "--listen", "127.0.0.1",
            "--port", str(self.port), "--public-url", f"{double.base_url}/lb", "--secret-token", SECRET,
        ]  # fmt: skip
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, env=environ, cwd=data_dir.parent
            )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/telegram"

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def ready(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"replica {self.name} exited:\n{self.text()[-3000:]}")
        return "tutor ready" in self.text()

    def claimed(self) -> int:
        """Pushes this replica claimed so far (from its log)."""
        return sum(int(n) for n in re.findall(r"claimed (\d+) daily pushes", self.text()))

    def kill(self) -> None:
        """Die at once, mid-work: no shutdown, no confirmation of anything."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def wait_ready(replicas: list[Replica], timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while not all(r.ready() for r in replicas):
        if time.monotonic() > deadline:
            raise TimeoutError("replicas did not start:\n" + "\n".join(r.text()[-2000:] for r in replicas))
        time.sleep(0.2)
