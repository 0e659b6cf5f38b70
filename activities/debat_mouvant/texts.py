"""The débat mouvant's words, French first. Imported by `state` so that refusals translate."""

from __future__ import annotations

from facilitation.i18n import add

add(
    {
        "debat_mouvant.title": ("Débat mouvant", "Moving debate"),
        "debat_mouvant.statement": ("Énoncé {n}", "Statement {n}"),
        "debat_mouvant.hesitant": ("Hésitant·es", "Hesitant"),
        "debat_mouvant.position": ("Position", "Position"),
        "debat_mouvant.nobody_yet": ("Aucune position pour l'instant", "No positions yet"),
        "debat_mouvant.scale.1": ("Tout à fait d'accord", "Strongly agree"),
        "debat_mouvant.scale.2": ("Plutôt d'accord", "Rather agree"),
        "debat_mouvant.scale.3": ("Partagé·e", "Undecided"),
        "debat_mouvant.scale.4": ("Plutôt pas d'accord", "Rather disagree"),
        "debat_mouvant.scale.5": ("Pas du tout d'accord", "Strongly disagree"),
        "debat_mouvant.side.a": ("Côté A", "Side A"),
        "debat_mouvant.side.b": ("Côté B", "Side B"),
        "debat_mouvant.side.agree": ("Côté d'accord", "Agree side"),
        "debat_mouvant.side.disagree": ("Côté pas d'accord", "Disagree side"),
        "debat_mouvant.round.1": ("Premier tour", "First round"),
        "debat_mouvant.round.2": ("Tour final", "Final round"),
        # stages
        "debat_mouvant.stage.ready": ("Pas encore ouvert", "Not open yet"),
        "debat_mouvant.stage.round1": ("Premier tour ouvert", "First round open"),
        "debat_mouvant.stage.closed1": ("Premier tour clos", "First round closed"),
        "debat_mouvant.stage.arguments": ("Arguments", "Arguments"),
        "debat_mouvant.stage.round2": ("Tour final ouvert", "Final round open"),
        "debat_mouvant.stage.done": ("Terminé", "Finished"),
        # movement
        "debat_mouvant.movement.title": ("Le mouvement", "The movement"),
        "debat_mouvant.movement.nobody_both": (
            "Personne n'a pris position aux deux tours.",
            "Nobody took a position in both rounds.",
        ),
        "debat_mouvant.movement.none": ("Personne n'a changé de position.", "Nobody changed position."),
        "debat_mouvant.movement.moved": (
            {"one": "{n} personne a changé de position", "other": "{n} personnes ont changé de position"},
            {"one": "{n} person changed position", "other": "{n} people changed position"},
        ),
        "debat_mouvant.movement.one_to": ("{head}, vers {to}.", "{head}, toward {to}."),
        "debat_mouvant.movement.towards": ("{head}, dont {k} vers {to}.", "{head}, {k} of them toward {to}."),
        "debat_mouvant.movement.towards_agree": (
            "{head}, dont {k} vers l'accord.",
            "{head}, {k} of them toward agreement.",
        ),
        "debat_mouvant.movement.towards_disagree": (
            "{head}, dont {k} vers le désaccord.",
            "{head}, {k} of them toward disagreement.",
        ),
        "debat_mouvant.movement.part": ("{k} vers {to}", "{k} toward {to}"),
        "debat_mouvant.movement.list": ("{head} : {parts}.", "{head}: {parts}."),
        "debat_mouvant.movement.split": (
            "{head}, autant dans un sens que dans l'autre.",
            "{head}, as many each way.",
        ),
        "debat_mouvant.movement.phones_only": (
            "Mouvement mesuré sur les téléphones présents aux deux tours ; les comptages à main levée "
            "n'y figurent pas.",
            "Movement measured on phones present in both rounds; head counts are not part of it.",
        ),
        # counts
        "debat_mouvant.voted": (
            {
                "one": "{n} a pris position sur {participants}",
                "other": "{n} ont pris position sur {participants}",
            },
            "{n} of {participants} took a position",
        ),
        "debat_mouvant.voted_heads": (
            {"one": "+ {n} compté·e à main levée", "other": "+ {n} compté·es à main levée"},
            "+ {n} counted by hand",
        ),
        "debat_mouvant.room": ("salle", "room"),
        "debat_mouvant.remote": ("distance", "remote"),
        "debat_mouvant.heads": ("compté·es", "counted"),
        "debat_mouvant.heads_marked": (
            {"one": "dont {n} compté·e à main levée", "other": "dont {n} compté·es à main levée"},
            "including {n} counted by hand",
        ),
        "debat_mouvant.hidden_until_closed": (
            "Les résultats s'afficheront à la clôture du tour.",
            "Results will show when the round closes.",
        ),
        "debat_mouvant.no_statement": (
            "Aucun énoncé pour l'instant. L'animateur·rice va en proposer un.",
            "No statement yet. The facilitator will offer one.",
        ),
        # phone
        "debat_mouvant.phone.ready": (
            "Le vote n'est pas encore ouvert. Écoutez l'énoncé.",
            "Voting is not open yet. Listen to the statement.",
        ),
        "debat_mouvant.phone.choose": ("Où vous placez-vous ?", "Where do you stand?"),
        "debat_mouvant.phone.final_hint": (
            "Vous partez de votre première position. Restez ou changez de côté.",
            "You start from your first position. Stay or change sides.",
        ),
        "debat_mouvant.phone.counted": ("Position enregistrée : {position}", "Position recorded: {position}"),
        "debat_mouvant.phone.kept": (
            "Votre première position compte : {position}. Touchez une autre pour changer.",
            "Your first position counts: {position}. Tap another one to change.",
        ),
        "debat_mouvant.phone.closed": (
            "Le tour est clos. Votre position : {position}.",
            "The round is closed. Your position: {position}.",
        ),
        "debat_mouvant.phone.closed_none": (
            "Le tour est clos ; vous n'avez pas pris position.",
            "The round is closed; you did not take a position.",
        ),
        "debat_mouvant.phone.arguments": ("Un argument pour un côté ?", "An argument for one side?"),
        "debat_mouvant.phone.choose_side": (
            "Choisissez d'abord le côté que votre argument soutient, puis envoyez-le.",
            "First choose the side your argument supports, then send it.",
        ),
        "debat_mouvant.phone.argument_hint": (
            "Anonyme, {max} caractères au plus. L'animateur·rice peut le masquer.",
            "Anonymous, at most {max} characters. The facilitator may hide it.",
        ),
        "debat_mouvant.phone.argument_sent": (
            "Merci, votre argument est noté.",
            "Thank you, your argument is noted.",
        ),
        "debat_mouvant.phone.result": ("Résultat", "Result"),
        "debat_mouvant.phone.done": ("Merci ! Suivez l'écran.", "Thank you! Follow the screen."),
        "debat_mouvant.movement.other": (
            "Autres mouvements (trop peu de personnes pour être montrés)",
            "Other moves (too few people to be shown)",
        ),
        "debat_mouvant.movement.caption": ("Qui a bougé, d'où vers où", "Who moved, from where to where"),
        "debat_mouvant.movement.from": ("Au premier tour", "First round"),
        "debat_mouvant.movement.to": ("Au tour final", "Final round"),
        "debat_mouvant.movement.people": ("Personnes", "People"),
        "debat_mouvant.phone.done.remote": (
            "Merci ! Le résultat s'affiche ci-dessous, comme à l'écran.",
            "Thank you! The result appears below, as on the screen.",
        ),
        "debat_mouvant.send": ("Envoyer", "Send"),
        "debat_mouvant.argument": ("Argument", "Argument"),
        # console
        "debat_mouvant.console.statements": ("Énoncés", "Statements"),
        "debat_mouvant.console.present": ("Présenter", "Present"),
        "debat_mouvant.console.current": ("à l'écran", "on screen"),
        "debat_mouvant.console.open1": ("Ouvrir le vote", "Open the vote"),
        "debat_mouvant.console.close": ("Clore le tour", "Close the round"),
        "debat_mouvant.console.arguments": ("Passer aux arguments", "Move to arguments"),
        "debat_mouvant.console.open2": ("Ouvrir le tour final", "Open the final round"),
        "debat_mouvant.console.reveal": ("Révéler sur les téléphones", "Reveal on phones"),
        "debat_mouvant.console.revealed": ("Révélé sur les téléphones", "Revealed on phones"),
        "debat_mouvant.console.hide": ("Masquer les résultats pendant le vote", "Hide results while voting"),
        "debat_mouvant.console.reset": ("Recommencer cet énoncé", "Restart this statement"),
        "debat_mouvant.error.translation_empty": (
            "Donnez au moins l'énoncé en anglais.",
            "Give at least the statement in English.",
        ),
        "debat_mouvant.console.reset_confirm": (
            "Recommencer cet énoncé ? Ses tours et comptages repartent de zéro (ils restent dans le "
            "journal ; les arguments sont gardés).",
            "Restart this statement? Its rounds and counts start over (they stay in the log; arguments "
            "are kept).",
        ),
        "debat_mouvant.console.heads": (
            "Comptage à main levée (personnes sans téléphone)",
            "Head count (people without a phone)",
        ),
        "debat_mouvant.console.new": ("Nouvel énoncé", "New statement"),
        "debat_mouvant.console.prompt": ("Énoncé", "Statement"),
        "debat_mouvant.console.form": ("Forme", "Form"),
        "debat_mouvant.console.dilemma": ("Dilemme A ou B", "Dilemma A or B"),
        "debat_mouvant.console.scale": ("Échelle en 5 points", "5-point scale"),
        "debat_mouvant.console.a": ("Choix A", "Choice A"),
        "debat_mouvant.console.b": ("Choix B", "Choice B"),
        "debat_mouvant.console.with_hesitant": (
            "Position « hésitant·es » au milieu",
            "A middle “hesitant” position",
        ),
        "debat_mouvant.console.add": ("Ajouter et présenter", "Add and present"),
        "debat_mouvant.console.arguments_title": ("Arguments", "Arguments"),
        "debat_mouvant.console.hide_argument": ("Masquer", "Hide"),
        "debat_mouvant.console.show_argument": ("Rétablir", "Show"),
        "debat_mouvant.console.correct": ("Corriger", "Correct"),
        "debat_mouvant.console.save": ("Enregistrer", "Save"),
        "debat_mouvant.console.hidden": ("masqué", "hidden"),
        "debat_mouvant.console.by_facilitator": ("animation", "facilitator"),
        "debat_mouvant.console.no_arguments": ("Aucun argument pour l'instant.", "No arguments yet."),
        "debat_mouvant.console.settings_error": (
            "Les réglages du programme sont invalides : {details}. Corrigez le fichier du programme "
            "ou tapez les énoncés ici.",
            "The plan's settings are invalid: {details}. Fix the plan file or type the statements here.",
        ),
        # errors
        "debat_mouvant.error.settings": (
            "Énoncé invalide : {details}.",
            "Invalid statement: {details}.",
        ),
        "debat_mouvant.error.unknown_statement": (
            "Cet énoncé n'existe pas. Rechargez la page.",
            "That statement does not exist. Reload the page.",
        ),
        "debat_mouvant.error.not_current": (
            "Cet énoncé n'est plus celui du moment : suivez l'écran.",
            "That statement is no longer the current one: follow the screen.",
        ),
        "debat_mouvant.error.not_open": (
            "Le vote n'est pas encore ouvert ; attendez le signal de l'animateur·rice.",
            "Voting is not open yet; wait for the facilitator's signal.",
        ),
        "debat_mouvant.error.round_closed": (
            "Ce tour est clos : votre choix n'a pas été pris en compte, la position déjà comptée reste "
            "inchangée.",
            "This round is closed: your choice was not recorded; the position already counted stays as it was.",
        ),
        "debat_mouvant.error.unknown_position": (
            "Cette position n'existe pas pour cet énoncé.",
            "That position does not exist for this statement.",
        ),
        "debat_mouvant.error.round_open": (
            "Un tour est ouvert : clôturez-le d'abord.",
            "A round is open: close it first.",
        ),
        "debat_mouvant.error.cannot_open": (
            "Les deux tours de cet énoncé ont eu lieu ; recommencez-le pour voter à nouveau.",
            "Both rounds of this statement are done; restart it to vote again.",
        ),
        "debat_mouvant.error.not_closed": (
            "Ce tour n'est pas clos : il n'y a rien à révéler encore.",
            "This round is not closed: there is nothing to reveal yet.",
        ),
        "debat_mouvant.error.arguments_after_first": (
            "Les arguments viennent après le premier tour : clôturez-le d'abord.",
            "Arguments come after the first round: close it first.",
        ),
        "debat_mouvant.error.arguments_closed": (
            "Le temps des arguments est passé ; dites-le dans la salle.",
            "The time for arguments is over; say it in the room.",
        ),
        "debat_mouvant.error.arguments_closed.remote": (
            "Le temps des arguments est passé ; dites-le dans l'appel.",
            "The time for arguments is over; say it in the call.",
        ),
        "debat_mouvant.error.argument_length": (
            "Un argument fait de {min} à {max} caractères ({n} ici). Raccourcissez-le.",
            "An argument is {min} to {max} characters long ({n} here). Shorten it.",
        ),
        "debat_mouvant.error.argument_duplicate": (
            "Cet argument est déjà noté de ce côté.",
            "This argument is already noted on that side.",
        ),
        "debat_mouvant.error.unknown_side": ("Choisissez le côté A ou B.", "Choose side A or B."),
        "debat_mouvant.error.unknown_argument": (
            "Cet argument n'existe pas.",
            "That argument does not exist.",
        ),
        "debat_mouvant.error.head_count": (
            "Un comptage est un nombre entier entre 0 et {max}.",
            "A head count is a whole number between 0 and {max}.",
        ),
        "debat_mouvant.error.head_round": (
            "On ne compte que les tours déjà ouverts.",
            "Only rounds already opened can be counted.",
        ),
        "debat_mouvant.error.stale": (
            "Le débat a déjà avancé entre-temps : rien n'a été changé. Vérifiez l'étape affichée.",
            "The debate moved on meanwhile: nothing was changed. Check the stage shown.",
        ),
        "debat_mouvant.error.already_closed": ("Ce tour est déjà clos.", "This round is already closed."),
        "debat_mouvant.error.nothing_to_reset": (
            "Cet énoncé n'a pas commencé ; il n'y a rien à recommencer.",
            "This statement has not started; there is nothing to restart.",
        ),
    }
)
