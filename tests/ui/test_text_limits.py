"""Every free text a participant sends is limited per participant, with a translated refusal,
and cut to its field's maximum before the personal-data detector reads it."""

from __future__ import annotations

import pytest

from activities.debat_mouvant.state import ARGUMENT_MAX
from facilitation.detector import screening
from facilitation.limits import CommentLimiter
from facilitation.ui import context
from tests.ui.test_debat_mouvant import debate, live_debate


async def arguments_round(create_user):  # type: ignore[no-untyped-def]
    room, host, (phone,) = await live_debate(create_user)
    host.find("Ouvrir le vote").click()
    await phone.should_see("Où vous placez-vous ?")
    phone.find(marker="dm-choice-a").click()
    await phone.should_see("Position enregistrée : A")
    host.find("Clore le tour").click()
    await host.should_see("Passer aux arguments")
    host.find("Passer aux arguments").click()
    await phone.should_see("Un argument pour un côté ?")
    return room, host, phone


async def test_a_phone_past_its_limit_is_refused_and_the_detector_spared(
    create_user, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "TEXTS", CommentLimiter(gap=0.0, burst=3))
    checked: list[str] = []
    real = screening.screen_text

    async def counted(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        checked.append(text)
        return await real(text, *args, **kwargs)

    monkeypatch.setattr(screening, "screen_text", counted)
    room, host, phone = await arguments_round(create_user)
    for n in range(1, 4):
        phone.find(marker="dm-argument").type(f"Argument numéro {n}")
        phone.find(marker="dm-send").click()
        await host.should_see(f"Argument numéro {n}")
    phone.find(marker="dm-argument").type("Argument de trop")
    phone.find(marker="dm-send").click()
    await phone.should_see("avant d'envoyer un autre texte. Rien n'a été envoyé.")
    assert [a.text for a in debate(room).run.arguments] == [f"Argument numéro {n}" for n in range(1, 4)]
    # each text alone, and after the phone's last ones (a name split over two texts)
    assert checked and all(text.endswith(f"numéro {n + 1}") for n, text in enumerate(checked[::2]))
    assert not any("de trop" in text for text in checked)  # the refused text never reached the detector


async def test_a_huge_text_is_cut_to_its_field_before_the_detector_reads_it(
    create_user, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[int] = []
    real = screening.screen_text

    async def measured(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        checked.append(len(text))
        return await real(text, *args, **kwargs)

    monkeypatch.setattr(screening, "screen_text", measured)
    room, host, phone = await arguments_round(create_user)
    phone.find(marker="dm-argument").type("Un argument " + "très " * 180_000)  # 900 KB, past maxlength
    phone.find(marker="dm-send").click()
    await phone.should_see("Merci, votre argument est noté.")
    assert checked == [ARGUMENT_MAX]
    assert len(debate(room).run.arguments[0].text) <= ARGUMENT_MAX
