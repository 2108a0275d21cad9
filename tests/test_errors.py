"""The error handler: bugs are errors with a traceback; Telegram failing through every retry is not."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace
from typing import Any, cast

import pytest
from telegram.error import BadRequest, NetworkError

from bot.errors import on_error


def _handle(error: Exception) -> None:
    asyncio.run(on_error(object(), cast(Any, SimpleNamespace(error=error))))


def test_an_outage_is_a_warning_and_a_bug_an_error(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="bot.errors"):
        _handle(NetworkError("Internal Server Error"))
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="bot.errors"):
        _handle(BadRequest("Can't parse entities"))  # our request was wrong: a bug
        _handle(ValueError("boom"))
    assert [r.levelno for r in caplog.records] == [logging.ERROR, logging.ERROR]
