"""Learner input for settings, checked strictly: times, timezones, seconds (Dutch hints)."""

from __future__ import annotations

import functools
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from tutor.errors import TutorError

TIME_RE = re.compile(r"^(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)$")


def parse_time(text: str) -> str:
    """'7:30' → '07:30'; TutorError with a Dutch hint otherwise."""
    m = TIME_RE.match(text.strip())
    if not m:
        raise TutorError("Geef een tijd als UU:MM, bijvoorbeeld /dagelijks 19:30.")
    return f"{int(m['h']):02d}:{m['m']}"


@functools.cache
def _zone_names() -> frozenset[str]:
    """Every real IANA zone (files, not folders such as 'Europe')."""
    return frozenset(available_timezones())


def check_timezone(name: str) -> str:
    """A real IANA timezone name; TutorError with a Dutch hint otherwise (never an OS error)."""
    zone = name.strip()
    shown = zone if len(zone) <= 40 else zone[:40] + "…"
    known = _zone_names()
    if len(zone) > 64 or not re.fullmatch(r"[A-Za-z0-9_+\-/]+", zone) or (known and zone not in known):
        raise TutorError(
            f"Tijdzone '{shown}' ken ik niet. Gebruik een naam als Europe/Amsterdam of Europe/Brussels."
        )
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise TutorError(
            f"Tijdzone '{shown}' kan ik niet laden. Gebruik bijvoorbeeld Europe/Amsterdam."
        ) from exc
    return zone


def parse_seconds(text: str, low: int = 5, high: int = 600) -> int:
    """'30' → 30 (or 0 for no limit); only ASCII digits, so '²' or '①' get the Dutch hint too."""
    value = text.strip()
    if not re.fullmatch(r"[0-9]{1,4}", value) or not (int(value) == 0 or low <= int(value) <= high):
        raise TutorError(f"Gebruik /quiztijd <seconden>, tussen {low} en {high} (0 = geen limiet).")
    return int(value)
