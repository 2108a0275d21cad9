"""Dutch text helpers of the index: the parts of an unknown compound."""

from __future__ import annotations

from index.text import bm25_tokens, compound_parts, compounds, remembered


def test_compound_parts_finds_the_notes_compounds_an_unknown_word_is_part_of() -> None:
    vocab = {"deskresearch", "fieldresearch", "kwadrant", "knelpuntproduct", "klant"}
    assert sorted(compound_parts("research", vocab)) == ["deskresearch", "fieldresearch"]
    assert compound_parts("knelpuntkwadrant", vocab) == ["kwadrant", "knelpuntproduct"]
    assert compound_parts("klant", vocab) == []  # too short to be a compound's part
    assert compound_parts("zonnepaneel", vocab) == []
    # Two words of the notes joined: "klantbinding" is "klant" and "binding" (stemmed "bind").
    assert compound_parts("klantbind", {"klant", "bind", "klantinzicht", "klanttevred", "klantgericht",
                                        "klantbewust"}) == ["klant", "bind"]
    # A three-letter head only when both parts are the notes' words: "nepreview" is "nep-review".
    assert compound_parts("nepreview", {"nep", "review"}) == ["nep", "review"]
    assert compound_parts("nepreview", {"review"}) == []
    # A head joined by a linking "s": "bindingsvorm" is "binding" (stemmed "bind") and "vorm".
    assert compound_parts("bindingsvorm", {"bind", "vorm"}) == ["bind", "vorm"]
    assert compound_parts("bindingsvorm", {"vorm"}) == []
    # A short tail the stemmer cut differently: "nazorgfase" stems to "nazorgfas", "fase" to "fase".
    assert compound_parts("nazorgfas", {"nazorg", "fase"}) == ["nazorg", "fase"]


def test_remembered_makes_once_and_stays_bounded() -> None:
    memo: dict[str, int] = {}
    made: list[str] = []

    def make(key: str) -> int:
        made.append(key)
        return len(key)

    assert remembered(memo, "abc", lambda: make("abc")) == 3
    assert remembered(memo, "abc", lambda: make("abc")) == 3 and made == ["abc"]
    for i in range(10):
        remembered(memo, f"k{i}", lambda i=i: make(f"k{i}"), bound=4)
    assert len(memo) <= 5


def test_separable_verbs_are_joined_to_each_word_before_their_particle() -> None:
    from index.text import separable_joins

    assert "tegenhoud" in separable_joins("die mevrouw houdt me telkens tegen als ik bel").split()
    assert "afval" in separable_joins("waarom vallen er in elke fase klanten af?").split()
    assert "overstap" in separable_joins("de klant stapt over naar de concurrent").split()
    assert separable_joins("wat is een lead") == ""


def test_fold_lowers_and_strips_accents_with_or_without_them() -> None:
    from index.text import fold

    assert fold("Beïnvloeden") == "beinvloeden" and fold("DMU-Rollen") == "dmu-rollen"
    assert fold("Café Crème") == "cafe creme"


def test_compounds_within_reach() -> None:
    assert "marktaandeel" in compounds("het aandeel in de markt", reach=1)
    # "klant … oriëntatiefase … relatie": words two apart make no compound within reach 1.
    assert "relatieklant" in compounds("klant in de orientatiefase van de relatie")
    assert "relatieklant" not in compounds("klant in de orientatiefase van de relatie", reach=1)


def test_a_plural_typed_without_its_apostrophe_meets_the_notes_word() -> None:
    # "paginas", "autos", "kpis": the notes' "pagina's", "auto's", "KPI's".
    assert bm25_tokens("paginas autos kpis") == ["pagina", "auto", "kpi"]
    assert bm25_tokens("pagina's")[0] == "pagina"
    # Words that end so of their own stay whole.
    assert bm25_tokens("basis kennis status campus chaos klas") == [
        "basis", "kennis", "status", "campus", "chaos", "klas"
    ]
