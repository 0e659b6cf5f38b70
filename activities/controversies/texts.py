"""The controversy map's strings, French first."""

from __future__ import annotations

from facilitation.i18n import add

add(
    {
        "controversies.title": ("Carte des controverses", "Controversy map"),
        "controversies.position.1": ("Pas du tout d'accord", "Strongly disagree"),
        "controversies.position.2": ("Plutôt pas d'accord", "Rather disagree"),
        "controversies.position.3": ("Ni l'un ni l'autre", "Neither"),
        "controversies.position.4": ("Plutôt d'accord", "Rather agree"),
        "controversies.position.5": ("Tout à fait d'accord", "Strongly agree"),
        "controversies.position.dk": ("Je ne sais pas", "I don't know"),
        "controversies.unspecified": ("Collège non précisé", "Collège not given"),
        "controversies.everyone": ("Ensemble", "Everyone"),
        "controversies.divergence": ("Divergence {n} %", "Divergence {n}%"),
        "controversies.gap": (
            "écart entre collèges : {n} pt ({low} ↔ {high})",
            "gap between collèges: {n} pt ({low} ↔ {high})",
        ),
        "controversies.divergence_rule": (
            "Divergence : l'écart-type des positions rapporté à son maximum (0 % : tout le monde au même "
            "point ; 100 % : la salle coupée en deux aux extrêmes), « je ne sais pas » exclu ; l'écart "
            "entre collèges est la plus grande différence entre leurs positions moyennes, sur 4 points.",
            "Divergence: the standard deviation of positions over its maximum (0%: everyone at the same "
            "point; 100%: the room split in two at both ends), “I don't know” left out; the gap between "
            "collèges is the largest difference between their mean positions, out of 4 points.",
        ),
        "controversies.no_statement": ("Aucun énoncé pour l'instant.", "No statement yet."),
        "controversies.more": ("et {n} autres énoncés", "and {n} more statements"),
        "controversies.hidden_until_closed": (
            "La carte s'affichera à la clôture des positions.",
            "The map will show when positions close.",
        ),
        "controversies.where": ("Énoncé {n}", "Statement {n}"),
        "controversies.where_proposal": ("Proposition d'énoncé {n}", "Proposed statement {n}"),
        # stages
        "controversies.stage.ready": ("Pas encore ouvert", "Not open yet"),
        "controversies.stage.open": ("Positions ouvertes", "Positions open"),
        "controversies.stage.closed": ("Positions closes", "Positions closed"),
        # phone
        "controversies.phone.ready": (
            "Les énoncés arrivent : écoutez l'animation.",
            "The statements are coming: listen to the facilitator.",
        ),
        "controversies.phone.open": (
            "Positionnez-vous sur chaque énoncé ; vous pouvez changer d'avis jusqu'à la clôture.",
            "Take a position on each statement; you may change your mind until they close.",
        ),
        "controversies.phone.closed": (
            "Les positions sont closes. Merci !",
            "Positions are closed. Thank you!",
        ),
        "controversies.phone.count": (
            "Énoncé {n} / {total} · {answered} répondu(s)",
            "Statement {n} / {total} · {answered} answered",
        ),
        "controversies.phone.choose": ("Touchez votre position.", "Tap your position."),
        "controversies.phone.recorded": (
            "Position enregistrée : {position}",
            "Position recorded: {position}",
        ),
        "controversies.phone.prev": ("Précédent", "Previous"),
        "controversies.phone.next": ("Suivant", "Next"),
        "controversies.phone.propose": ("Proposer un point de controverse", "Propose a point of controversy"),
        "controversies.phone.statement": ("Énoncé proposé", "Proposed statement"),
        "controversies.phone.send": ("Proposer", "Propose"),
        "controversies.phone.sent": (
            "Merci : l'animation pourra l'ajouter à la carte.",
            "Thank you: the facilitator may add it to the map.",
        ),
        # console
        "controversies.console.settings_error": (
            "Les réglages du programme sont invalides : {details}. Corrigez le fichier du programme.",
            "The plan's settings are invalid: {details}. Fix the plan file.",
        ),
        "controversies.console.statements": ("Énoncés", "Statements"),
        "controversies.console.new": ("Nouvel énoncé", "New statement"),
        "controversies.console.add": ("Ajouter", "Add"),
        "controversies.console.proposals": ("Propositions de la salle", "Proposals from the room"),
        "controversies.console.no_proposal": ("Aucune proposition en attente.", "No proposal waiting."),
        "controversies.console.accept": ("Ajouter à la carte", "Add to the map"),
        "controversies.console.hide": ("Masquer", "Hide"),
        "controversies.console.map": ("La carte", "The map"),
        "controversies.console.open": ("Ouvrir les positions", "Open positions"),
        "controversies.console.close": ("Clore les positions", "Close positions"),
        "controversies.console.reopen": ("Rouvrir les positions", "Reopen positions"),
        "controversies.console.answered": ("{n} personnes ont pris position", "{n} people took a position"),
        # report
        "controversies.report.who": ("Qui", "Who"),
        "controversies.report.no_figure": (
            "trop peu de positions pour un chiffre",
            "too few positions for a figure",
        ),
        "controversies.report.chart": (
            "Divergence par énoncé, du plus clivant au plus consensuel",
            "Divergence by statement, from the most divisive to the most consensual",
        ),
        "controversies.report.divergence": ("Divergence", "Divergence"),
        # errors
        "controversies.error.not_current": (
            "Cette carte n'est plus en cours : suivez l'écran.",
            "This map is no longer running: follow the screen.",
        ),
        "controversies.error.length": (
            "Un énoncé fait de {min} à {max} caractères ({n} ici).",
            "A statement is {min} to {max} characters long ({n} here).",
        ),
        "controversies.error.too_many": (
            "La carte compte déjà {max} énoncés : masquez-en un d'abord.",
            "The map already holds {max} statements: hide one first.",
        ),
        "controversies.error.duplicate": (
            "Cet énoncé est déjà sur la carte.",
            "This statement is already on the map.",
        ),
        "controversies.error.no_proposals": (
            "Cette carte ne prend pas de propositions : dites-le dans la salle.",
            "This map takes no proposals: say it in the room.",
        ),
        "controversies.error.closed": (
            "Les positions sont closes : rien n'a été changé.",
            "Positions are closed: nothing was changed.",
        ),
        "controversies.error.not_open": (
            "Les positions ne sont pas encore ouvertes ; attendez le signal de l'animation.",
            "Positions are not open yet; wait for the facilitator's signal.",
        ),
        "controversies.error.unknown_proposal": (
            "Cette proposition n'est pas (ou plus) disponible.",
            "That proposal is not (or no longer) available.",
        ),
        "controversies.error.stale": (
            "La carte a déjà changé d'étape entre-temps : rien n'a été changé.",
            "The map moved on meanwhile: nothing was changed.",
        ),
        "controversies.error.bad_stage": (
            "Cette étape ne peut pas suivre celle-ci.",
            "That stage cannot follow this one.",
        ),
        "controversies.error.no_statement": (
            "Ajoutez d'abord un énoncé à la carte.",
            "Add a statement to the map first.",
        ),
        "controversies.error.unknown_statement": (
            "Cet énoncé n'est plus sur la carte. Rechargez la page.",
            "That statement is no longer on the map. Reload the page.",
        ),
        "controversies.error.unknown_position": (
            "Cette position n'existe pas.",
            "That position does not exist.",
        ),
    }
)
