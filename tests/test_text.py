"""Dutch text helpers of the index: the parts of an unknown compound."""

from __future__ import annotations

from index.text import compound_parts


def test_compound_parts_finds_the_notes_compounds_an_unknown_word_is_part_of() -> None:
    vocab = {"deskresearch", "fieldresearch", "kwadrant", "knelpuntproduct", "klant"}
    assert sorted(compound_parts("research", vocab)) == ["deskresearch", "fieldresearch"]
    assert compound_parts("knelpuntkwadrant", vocab) == ["kwadrant", "knelpuntproduct"]
    assert compound_parts("klant", vocab) == []  # too short to be a compound's part
    assert compound_parts("zonnepaneel", vocab) == []
