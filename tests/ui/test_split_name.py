"""A name split over two texts of one phone is held: "Marie", then "Lefèvre a dit ça"."""

from __future__ import annotations

from tests.ui.test_debat_mouvant import debate
from tests.ui.test_text_limits import arguments_round


async def test_a_surname_sent_after_a_first_name_waits_for_review(create_user) -> None:
    room, host, phone = await arguments_round(create_user)
    phone.find(marker="dm-argument").type("Marie")
    phone.find(marker="dm-send").click()
    await host.should_see("Marie")
    phone.find(marker="dm-argument").type("Lefèvre a dit ça")
    phone.find(marker="dm-send").click()
    await phone.should_see("Votre texte attend une relecture")
    first, second = debate(room).run.arguments
    assert (first.text, first.held) == ("Marie", False)  # harmless alone: shown
    assert (second.text, second.held, second.held_reason) == ("Lefèvre a dit ça", True, "personal")
    assert [second.text[s.start : s.end] for s in second.spans] == ["Lefèvre"]
