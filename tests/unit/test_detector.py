"""The personal-data detector, rule by rule (the corpus test measures it as a whole)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from facilitation import detector, privacy
from facilitation.detector import KINDS, find_personal_data
from facilitation.i18n import has, t

ROOT = Path(__file__).resolve().parent.parent.parent


def kinds(text: str, lang: str = "fr", field: str = "text") -> list[str]:
    return [f.kind for f in find_personal_data(text, lang, field)]


def matches(text: str, lang: str = "fr", field: str = "text") -> list[str]:
    return [f.match for f in find_personal_data(text, lang, field)]


@pytest.mark.parametrize(
    "number",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "+33 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "0612345678",
    ],
)
def test_french_phone_formats(number: str) -> None:
    assert matches(f"Appelez-moi au {number} ce soir.") == [number]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Call 020 7946 0123 today", "en"),
        ("Text (202) 555-0143 please", "en"),
        ("ou le +44 20 7946 0999", "fr"),
    ],
)
def test_other_phone_formats(text: str, lang: str) -> None:
    assert kinds(text, lang) == ["phone"]


@pytest.mark.parametrize(
    "text",
    [
        "Budget 2018 : 12 000 euros, 15 références, 3 ateliers.",
        "La loi n° 2016-1321 du 7 octobre 2016.",
        "Le 3939 répond aux questions, le 115 aussi.",
        "Rendez-vous le 12/03/2024 à 18 h 30, salle 204.",
        "ISBN 978-2-07-036822-8",
        "Un budget de 1 200 000 000 euros.",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert find_personal_data(text) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Selon M. Dupont, c'est trop tôt.", "fr", "M. Dupont"),
        ("Mme Lefebvre a présenté le bilan.", "fr", "Mme Lefebvre"),
        ("Mlle Garnier ne voulait pas être citée.", "fr", "Mlle Garnier"),
        ("Monsieur Lemoine a demandé la parole.", "fr", "Monsieur Lemoine"),
        ("Madame Chevalier est d'accord.", "fr", "Madame Chevalier"),
        ("Dr Mercier rappelle la règle.", "fr", "Dr Mercier"),
        ("Pr Rousseau a cité une étude.", "fr", "Pr Rousseau"),
        ("Me Fournier a relu la charte.", "fr", "Me Fournier"),
        ("Mme la directrice Bertrand souhaite un retour.", "fr", "Mme la directrice Bertrand"),
        ("Le préfet Martin a promis une réponse.", "fr", "Le préfet Martin"),
        ("Le directeur général Fabre a répondu.", "fr", "Le directeur général Fabre"),
        ("Mr Thompson said no.", "en", "Mr Thompson"),
        ("Dr. Ahmed Khan reviewed it.", "en", "Dr. Ahmed Khan"),
        ("Mayor Collins promised a register.", "en", "Mayor Collins"),
    ],
)
def test_titles_and_roles_with_a_surname(text: str, lang: str, expected: str) -> None:
    found = find_personal_data(text, lang)
    assert [(f.kind, f.match) for f in found] == [("title", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "Monsieur le Maire a ouvert la séance.",
        "Le maire de Nantes soutient la démarche.",
        "La ministre chargée du numérique a conclu.",
        "La directrice interministérielle du numérique pilote le projet.",
        "Me voilà convaincue.",
    ],
)
def test_titles_and_roles_without_a_surname_are_not_held(text: str) -> None:
    assert find_personal_data(text) == []


def test_me_is_a_title_not_an_english_pronoun() -> None:
    assert kinds("Me Fournier a relu.", "fr") == ["title"] == kinds("Me Fournier a relu.", "en")
    assert find_personal_data("Give Me Liberty, the campaign said.", "en") == []


@pytest.mark.parametrize(
    "text",
    [
        "Comme l'a dit Oluwaseun Adebayo, il faut publier le code.",
        "Selon Mme Kowalczyk, la réponse arrive.",
        "As Kwabena Asante said, the data is late.",
        "Hélène a raison.",
    ],
)
def test_the_page_language_changes_nothing(text: str) -> None:
    assert find_personal_data(text, "fr") == find_personal_data(text, "en") != []


@pytest.mark.parametrize(
    ("text", "kind", "match"),
    [
        ("jean dupont a proposé de reporter le vote.", "name", "jean"),
        (
            "Comme l'a dit J\u0435\u0430n Du\u0440\u043ent, il faut ouvrir.",
            "name",
            "J\u0435\u0430n Du\u0440\u043ent",
        ),
        ("Ｓｏｐｈｉｅ Ｌａｍｂｅｒｔ est d'accord.", "name", "Ｓｏｐｈｉｅ Ｌａｍｂｅｒｔ"),
        ("𝐉𝐞𝐚𝐧 𝐃𝐮𝐩𝐨𝐧𝐭 a raison.", "name", "𝐉𝐞𝐚𝐧 𝐃𝐮𝐩𝐨𝐧𝐭"),
        ("J3an Dup0nt a proposé un amendement.", "name", "J3an Dup0nt"),
        ("Merci à S.o.p.h.i.e L.a.m.b.e.r.t pour la synthèse.", "name", "S.o.p.h.i.e L.a.m.b.e.r.t"),
        ("JeanDupont a raison.", "name", "JeanDupont"),
        ("Appelle-moi au 06 OO l2 34 S6.", "phone", "06 OO l2 34 S6"),
        ("Mon numéro : zéro six, zéro zéro, douze, trente-quatre, cinquante-six.", "phone", None),
        (
            "Écrivez-moi : claire point b arobase example point org.",
            "email",
            "claire point b arobase example point org",
        ),
        ("Contact: sarah [at] example [dot] com", "email", "sarah [at] example [dot] com"),
        ("J'habite au 12 rue des Lilas à Bordeaux.", "address", "12 rue des Lilas"),
        ("Send the forms to 18 Willow Lane, Leeds LS6 2AB.", "address", "18 Willow Lane"),
        ("Rose a dit qu'elle préférait le vote à main levée.", "name", "Rose"),
        ("La DINUM via Hélène nous a transmis les chiffres.", "name", "Hélène"),
        ("Claire, la directrice de la DITP, a validé le plan.", "name", "Claire"),
    ],
)
def test_disguises_and_families_point_at_the_original_text(text: str, kind: str, match: str | None) -> None:
    found = find_personal_data(text)
    assert kind in [f.kind for f in found]
    finding = next(f for f in found if f.kind == kind)
    assert text[finding.start : finding.end] == finding.match
    if match is not None:
        assert finding.match == match
    else:
        assert finding.match.startswith("zéro six") and finding.match.endswith("cinquante-six")


@pytest.mark.parametrize(
    "text",
    [
        "La rose est le symbole du parti.",
        "Pierre par pierre, on construit la confiance.",
        "Marianne est le symbole de la République.",
        "Turnout rose from 12% to 34% in 2024.",
        "Au point 3 de l'ordre du jour, on parle du budget.",
        "We will meet at the library at 6 pm.",
        "On attend deux cent cinquante participants et douze ateliers.",
        "La rue de la République sera piétonne.",
        "Le musée Victor Hugo prête ses salles.",
    ],
)
def test_what_only_looks_like_them_is_not_held(text: str) -> None:
    assert find_personal_data(text) == []


@pytest.mark.parametrize(
    ("actor", "held"), [("Rose", True), ("Hélène", True), ("France", False), ("Orange", False)]
)
def test_a_first_name_alone_in_an_actor_field(actor: str, held: bool) -> None:
    assert bool(find_personal_data(actor, "fr", "actor")) is held
    assert find_personal_data("Rose", "fr", "text") == []  # the flower, in a text


def test_handles_but_not_the_at_of_an_address() -> None:
    assert [(f.kind, f.match) for f in find_personal_data("Suivez @fictif_jmartin.")] == [
        ("handle", "@fictif_jmartin")
    ]
    assert kinds("Écrivez à claire.durand@example.org") == ["email"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La synthèse est de Jean DUPONT.", "Jean DUPONT"),
        ("DUPONT Jean n'est pas d'accord.", "DUPONT Jean"),
        ("Olivier ROBIN a porté la proposition.", "Olivier ROBIN"),
    ],
)
def test_names_in_capitals(text: str, expected: str) -> None:
    assert [(f.kind, f.match) for f in find_personal_data(text)] == [("name", expected)]


@pytest.mark.parametrize(
    ("text", "lang", "held"),
    [
        ("Pierre Lefebvre pense que le budget doit doubler.", "fr", True),
        ("Rose Dubois a proposé un atelier.", "fr", True),
        ("La pierre angulaire de la réforme, c'est la confiance.", "fr", False),
        ("Pierre angulaire du projet : la participation.", "fr", False),
        ("Rose des vents pour orienter les débats.", "fr", False),
        ("Grace Mitchell asked who audits the algorithms.", "en", True),
        ("Grace period for comments ends on Friday.", "en", False),
        ("Will the ministry publish the data?", "en", False),
        ("Mark Edwards will send the draft.", "en", True),
        ("Mark the date: 12 March.", "en", False),
        ("June and July are busy months.", "en", False),
    ],
)
def test_first_names_that_are_common_words_only_before_a_surname(text: str, lang: str, held: bool) -> None:
    assert bool(find_personal_data(text, lang)) is held


@pytest.mark.parametrize(
    "text",
    [
        "La rue Pierre Lefebvre est fermée.",
        "Le lycée Rose Dubois participe.",
        "Saint-Pierre-et-Miquelon vote.",
    ],
)
def test_places_named_after_someone_are_not_people(text: str) -> None:
    assert find_personal_data(text) == []


def test_places_named_after_someone_in_english() -> None:
    assert find_personal_data("The Emily Clarke Institute and Victoria Station.", "en") == []


@pytest.mark.parametrize(
    "actor", ["Marie Martin", "Jean DUPONT", "M. Bernard", "DURAND Claire", "Fatou Diallo"]
)
def test_a_person_in_an_actor_field_is_held(actor: str) -> None:
    assert find_personal_data(actor, "fr", "actor")


@pytest.mark.parametrize(
    ("actor", "lang"),
    [("Siobhan Walsh", "en"), ("Harris, Daniel", "en"), ("Aisha Okafor", "en"), ("Gwenola Kerhervé", "fr")],
)
def test_an_actor_field_holds_names_the_lists_do_not_know(actor: str, lang: str) -> None:
    assert kinds(actor, lang, "actor") == ["name"]


@pytest.mark.parametrize(
    ("actor", "lang"),
    [
        ("la DINUM", "fr"),
        ("Etalab", "fr"),
        ("la Cour des comptes", "fr"),
        ("Conseil départemental du Gard", "fr"),
        ("France Stratégie", "fr"),
        ("Région Bretagne", "fr"),
        ("La Poste", "fr"),
        ("Cabinet Office", "en"),
        ("Open Knowledge Foundation", "en"),
        ("Democracy Club", "en"),
        ("Citizens Advice", "en"),
        ("The Electoral Commission", "en"),
    ],
)
def test_an_organisation_in_an_actor_field_is_not_held(actor: str, lang: str) -> None:
    assert find_personal_data(actor, lang, "actor") == []


def test_links_and_ibans() -> None:
    assert kinds("Mon profil : https://www.example.org/membres/lucie-fabre") == ["url"]
    assert kinds("Voir hugolemaire.example.com pour la suite.") == ["url"]
    assert kinds("Virement sur FR76 3000 6000 0112 3456 7890 189 merci.") == ["iban"]
    assert kinds("Send it to GB82 WEST 1234 5698 7654 32.", "en") == ["iban"]
    assert find_personal_data("Le débat a duré longtemps.La salle était pleine.") == []  # a typo, not a link


def test_one_finding_per_stretch_of_text_the_most_specific() -> None:
    assert kinds("écrire à marie.martin@example.org") == ["email"]  # not a link to example.org
    found = find_personal_data("Mme la directrice Claire Moreau et Jean Dupont, au 06 00 00 00 00.")
    assert [f.kind for f in found] == ["title", "name", "phone"]
    for f in found:
        assert (
            f.match == "Mme la directrice Claire Moreau et Jean Dupont, au 06 00 00 00 00."[f.start : f.end]
        )


def test_empty_texts_and_english_texts() -> None:
    assert find_personal_data("") == [] and find_personal_data("   ") == []
    assert kinds("Please email sarah.jones@example.com", "en") == ["email"]
    assert kinds("As Emily Clarke said, the audit office should publish.", "en-GB") == ["name"]


def test_the_privacy_module_keeps_the_public_shape() -> None:
    assert privacy.find_personal_data is find_personal_data and privacy.Finding is detector.Finding
    assert privacy.looks_personal("Jean Dupont a raison") and not privacy.looks_personal("la DINUM")
    [finding] = privacy.find_personal_data("Comme l'a dit Jean Dupont hier")
    assert (finding.kind, finding.match, finding.start, finding.end) == ("name", "Jean Dupont", 14, 25)


def test_every_kind_has_a_label_in_both_languages() -> None:
    import facilitation.ui.restitution  # noqa: F401 (the labels of the first four kinds)

    for kind in KINDS:
        key = f"restitution.ui.finding.{kind}"
        assert has(key) and t(key, "fr") and t(key, "en"), key


def test_the_engine_loads_once_even_when_threads_race(monkeypatch) -> None:
    from facilitation.detector import analysis

    built = []

    def slow_build():
        time.sleep(0.05)
        built.append(object())
        return built[-1]

    monkeypatch.setattr(detector, "_analyzer", None)
    monkeypatch.setattr(detector, "_report", None)
    monkeypatch.setattr(analysis, "build", slow_build)
    got = []
    threads = [threading.Thread(target=lambda: got.append(detector.engine())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1 and all(g is built[0] for g in got)


def test_importing_the_detector_loads_no_model() -> None:
    code = "import sys, facilitation.privacy, facilitation.detector; print(sorted({'spacy', 'presidio_analyzer'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_engine_never_reaches_the_network() -> None:
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from facilitation.detector import find_personal_data\n"
        "print([f.kind for f in find_personal_data('Écrire à a.b@example.org, Jean Dupont')])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['email', 'name']"
    assert "network used" not in out.stderr
