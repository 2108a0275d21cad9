"""The aspect a comparison asks about, beyond its sides."""

from __future__ import annotations

from tutor.comparing import aspect_of


def test_the_clause_after_the_sides_is_the_aspect() -> None:
    sides = ["nieuwe taak", "rechtstreekse herhaalaankoop"]
    q = "nieuwe taak vs rechtstreekse herhaalaankoop, hoe groot is de dmu"
    assert aspect_of(q, sides) == {"groot", "dmu"}
    assert aspect_of("hunter of farmer qua talent", ["hunter", "farmer"]) == {"talent"}
    # No clause, or one that only asks for the comparison: no aspect.
    assert aspect_of("verschil tussen een lead en een prospect", ["lead", "prospect"]) == set()
    assert aspect_of("lead vs prospect, wat is het verschil", ["lead", "prospect"]) == set()

