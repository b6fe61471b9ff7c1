"""Search, word frequency and coding queries on the hand-counted study (both backends)."""

from __future__ import annotations

import pytest
from tests.tiny_study import DOC1, DOC2, DOC3

import thematic
from thematic.errors import Invalid


def _titles(frame) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(set(frame["document"]))


def test_search_words_phrases_prefixes_and_boolean(tiny: thematic.Study) -> None:
    hits = tiny.search("internet")
    assert _titles(hits) == ["doc1", "doc3"]
    assert len(hits) == 3  # twice in doc1, once in doc3
    first = hits[hits.document == "doc1"].sort_values("start").iloc[0]
    assert DOC1[first.start : first.end] == "internet" and first.match == "internet"
    assert first.left.endswith("The ") and first.right.startswith(" is slow.")
    assert first.speaker == "P1" and first.participant == "P1"
    assert _titles(tiny.search('"no law"')) == ["doc1", "doc2"]  # "No law exists" too
    assert _titles(tiny.search("internet NOT law")) == ["doc3"]
    assert _titles(tiny.search("licens*")) == ["doc2"]
    assert _titles(tiny.search("law OR training")) == ["doc1", "doc2"]
    assert _titles(tiny.search("(law OR training) AND internet")) == ["doc1"]
    assert tiny.search("telephone").empty
    assert _titles(tiny.search("internet", where={"site": "Lahore"})) == ["doc3"]
    with pytest.raises(Invalid):
        tiny.search("NOT internet")


def test_search_ranks_and_follows_edits(tiny: thematic.Study) -> None:
    ranked = tiny.search("internet")
    assert ranked.iloc[0]["rank"] == 1
    assert ranked.attrs["documents"] == 2
    fresh = tiny.add_document("doc5", "Telephone calls and internet bundles.", participant="P4")
    assert "doc5" in _titles(tiny.search("telephone"))
    tiny.delete_document(fresh.id)
    assert tiny.search("telephone").empty


def test_search_urdu_and_emoji(new_study: thematic.Study) -> None:
    text = "مریض کو انٹرنیٹ کا مسئلہ ہے 👍🏽 ڈاکٹر\u200cصاحب نے کہا"
    document = new_study.add_document("urdu", text, language="ur")
    hits = new_study.search("انٹرنیٹ")
    assert hits.iloc[0]["document_id"] == document.id
    assert text[hits.iloc[0]["start"] : hits.iloc[0]["end"]] == "انٹرنیٹ"
    assert len(new_study.search("ڈاکٹر\u200cصاحب")) == 1


def test_word_frequencies(tiny: thematic.Study) -> None:
    words = tiny.word_frequencies()
    table = {row.word: (row.count, row.documents) for row in words.itertuples()}
    assert table["internet"] == (3, 2)
    assert table["law"] == (2, 2)
    assert "the" not in table and "is" not in table  # stop words
    everything = tiny.word_frequencies(stop_words=False, limit=None)
    counts = {row.word: row.count for row in everything.itertuples()}
    # "the": "The internet", "the internet fails", "The internet never" (i is one letter).
    assert counts["the"] == 3
    nurses = tiny.word_frequencies(where={"role": "nurse"})
    assert {r.word: r.count for r in nurses.itertuples()}["internet"] == 3  # P1 and P3
    doctors = tiny.word_frequencies(where={"role": "doctor"})
    assert "internet" not in set(doctors["word"])


def test_word_frequencies_urdu(new_study: thematic.Study) -> None:
    new_study.add_document("urdu", "انٹرنیٹ کا مسئلہ ہے۔ انٹرنیٹ نہیں ہے۔", language="ur")
    table = {r.word: r.count for r in new_study.word_frequencies().itertuples()}
    assert table == {"انٹرنیٹ": 2, "مسئلہ": 1}  # کا, ہے and نہیں are stop words


def test_coding_query_and_or_not(tiny: thematic.Study) -> None:
    internet = tiny.coding_query("Technological/Internet")
    assert sorted(internet.text) == [
        "The internet is slow.",
        "The internet never works here.",
        "the internet fails.",
    ]
    assert internet.attrs["layer"] == "consensus"
    overlap = tiny.coding_query("Technological/Internet", all_of=["Systemic"])
    assert list(overlap.text) == ["the internet fails."]
    turn = tiny.coding_query("Technological/Internet", all_of=["Systemic"], near="turn")
    assert sorted(turn.text) == ["The internet is slow.", "the internet fails."]
    alone = tiny.coding_query("Technological/Internet", none_of=["Systemic"], near="turn")
    assert list(alone.text) == ["The internet never works here."]
    either = tiny.coding_query(
        "Technological/Internet",
        any_of=["Systemic/Funding", "Technological/Skills"],
        near="document",
    )
    assert sorted(either.text) == ["The internet is slow.", "the internet fails."]
    with pytest.raises(Invalid, match="near must be one of"):
        tiny.coding_query("Technological", near="sentence")


def test_coding_query_subtree_filters_and_coders(tiny: thematic.Study) -> None:
    systemic = tiny.coding_query("Systemic")
    assert len(systemic) == 4 and set(systemic.theme) == {"Systemic"}
    assert set(systemic.code) == {
        "Systemic/Policy/No law",
        "Systemic/Policy/Licensing",
        "Systemic/Funding",
    }
    nurses = tiny.coding_query("Technological/Internet", where={"role": "nurse"})
    assert len(nurses) == 3 and set(nurses.role) == {"nurse"}
    lahore = tiny.coding_query("Technological", where={"site": ["Lahore"]})
    assert list(lahore.text) == ["The internet never works here."]
    bilal = tiny.coding_query("Technological", coder="bilal")
    assert list(bilal.text) == ["The internet is slow"]
    row = tiny.coding_query("Technological/Skills").iloc[0]
    assert DOC2[row.start : row.end] == row.text == "Training is missing."
    assert (row.participant, row.site, row.speaker, row.coder) == (
        "P2",
        "Karachi",
        "P2",
        "consensus",
    )


def test_codings_table_and_blind_coding(tiny: thematic.Study) -> None:
    table = tiny.codings_table()
    assert len(table) == 9 and set(table.coder) == {"consensus", "bilal"}
    doc3 = table[table.document == "doc3"].iloc[0]
    assert doc3.text == DOC3[doc3.start : doc3.end]
    # Blind coding: sana, assigned doc1 and not finished, does not see others' codings there.
    tiny.add_coder("sana")
    tiny.assign("doc1", ["sana"])
    tiny.set_blind_coding(True)
    sana = tiny.as_user("sana")
    assert set(sana.codings_table().document) == {"doc2", "doc3"}
    assert "doc1" not in set(sana.coding_query("Technological").document)
