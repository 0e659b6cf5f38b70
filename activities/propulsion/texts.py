"""The propulsion board's strings, French first."""

from __future__ import annotations

from facilitation.i18n import add

add(
    {
        "propulsion.title": ("Propulsion", "Propulsion"),
        "propulsion.unspecified": ("Collège non précisé", "Stakeholder group not given"),
        "propulsion.support_n": (
            {"one": "{n} soutien", "other": "{n} soutiens"},
            {"one": "{n} supporter", "other": "{n} supporters"},
        ),
        "propulsion.support_few": ("moins de {k} soutiens", "fewer than {k} supporters"),
        "propulsion.fewer": ("moins de {k}", "fewer than {k}"),
        "propulsion.contributors": (
            {"one": "{n} veut contribuer : {parts}", "other": "{n} veulent contribuer : {parts}"},
            {"one": "{n} wants to contribute: {parts}", "other": "{n} want to contribute: {parts}"},
        ),
        "propulsion.contributors_few": (
            "moins de {k} veulent contribuer",
            "fewer than {k} want to contribute",
        ),
        "propulsion.rating.met": ("rempli", "met"),
        "propulsion.rating.partly": ("en partie", "partly"),
        "propulsion.rating.not": ("non", "not"),
        "propulsion.criterion.ambitious": ("Ambitieux", "Ambitious"),
        "propulsion.criterion.values": (
            "Incarne les valeurs du gouvernement ouvert",
            "Embodies open-government values",
        ),
        "propulsion.criterion.new": ("Inédit", "New"),
        "propulsion.criterion.ministry": (
            "Concerne un ministère dans son ensemble",
            "Involves a ministry as a whole",
        ),
        "propulsion.criterion.civil_society": ("Porté avec la société civile", "Carried with civil society"),
        "propulsion.criterion.durable": ("Durable", "Durable"),
        "propulsion.criterion.measurable": ("Mesurable", "Measurable"),
        "propulsion.klass.engagement": ("Engagement", "Commitment"),
        "propulsion.klass.action": ("Action", "Action"),
        "propulsion.klass.initiative": ("Initiative", "Initiative"),
        "propulsion.klass.unclassed": ("À classer", "To class"),
        "propulsion.group.engagements": ("Engagements et leurs actions", "Commitments and their actions"),
        "propulsion.group.initiatives": ("Initiatives", "Initiatives"),
        "propulsion.group.unclassed": ("À classer", "To class"),
        "propulsion.next_step": ("Prochaine étape", "Next step"),
        "propulsion.horizon_by": ("(d'ici {date})", "(by {date})"),
        "propulsion.carried_by": ("Portée par : {names}", "Carried by: {names}"),
        "propulsion.criteria_ticked": ("Critères cochés : {n}/{total}", "Criteria ticked: {n}/{total}"),
        "propulsion.rated": ("Avis de la salle — {ratings}", "The room's view — {ratings}"),
        "propulsion.empty": ("Le tableau est vide pour l'instant.", "The board is empty for now."),
        "propulsion.more": ("et {n} de plus", "and {n} more"),
        "propulsion.where": ("Proposition {n}", "Proposal {n}"),
        "propulsion.origin.ideas": (
            {"one": "{title}, {n} point", "other": "{title}, {n} points"},
            {"one": "{title}, {n} dot", "other": "{title}, {n} dots"},
        ),
        "propulsion.origin.controversy": ("{title}, divergence {n} %", "{title}, divergence {n}%"),
        "propulsion.by.facilitator": ("tapée par l'animation", "typed by the facilitator"),
        "propulsion.by.phone": ("proposée depuis un téléphone", "proposed from a phone"),
        "propulsion.by.promoted": ("venue d'un atelier", "from a workshop"),
        "propulsion.stage.open": ("Tableau ouvert", "Board open"),
        "propulsion.stage.closed": ("Tableau clos", "Board closed"),
        # phone
        "propulsion.phone.hint": (
            "Dites ce que vous soutenez et où vous voulez contribuer : c'est compté, jamais relié à vous.",
            "Say what you support and where you want to contribute: it is counted, never linked to you.",
        ),
        "propulsion.phone.empty": (
            "Les propositions des ateliers arrivent : suivez l'écran.",
            "The workshops' proposals are coming: follow the screen.",
        ),
        "propulsion.phone.support": ("Je soutiens", "I support this"),
        "propulsion.phone.contribute": ("Je veux contribuer", "I want to contribute"),
        "propulsion.phone.rate": ("Noter les critères ({n}/{total})", "Rate the criteria ({n}/{total})"),
        "propulsion.phone.propose": ("Proposer une piste", "Propose a track"),
        "propulsion.phone.track": ("Votre proposition", "Your proposal"),
        "propulsion.phone.organisation": (
            "Organisation qui pourrait la porter (facultatif, jamais une personne)",
            "Organisation that could carry it (optional, never a person)",
        ),
        "propulsion.phone.send": ("Proposer", "Propose"),
        "propulsion.phone.sent": (
            "Merci : l'animation pourra la classer au tableau.",
            "Thank you: the facilitator may class it on the board.",
        ),
        # console
        "propulsion.console.settings_error": (
            "Les réglages du programme sont invalides : {details}. Corrigez le fichier du programme.",
            "The plan's settings are invalid: {details}. Fix the plan file.",
        ),
        "propulsion.console.sources": ("Ce que les ateliers proposent", "What the workshops offer"),
        "propulsion.console.no_sources": (
            "Aucun atelier d'idées ni carte des controverses dans cette session : tapez les propositions.",
            "No idea workshop nor controversy map in this session: type the proposals.",
        ),
        "propulsion.console.promote": ("Promouvoir", "Promote"),
        "propulsion.console.promoted": ("Au tableau", "On the board"),
        "propulsion.console.new": ("Nouvelle proposition", "New proposal"),
        "propulsion.console.add": ("Ajouter", "Add"),
        "propulsion.console.board": ("Le tableau", "The board"),
        "propulsion.console.class": ("Nature", "Class"),
        "propulsion.console.parent": ("Rattachée à l'engagement", "Attached to the commitment"),
        "propulsion.console.hide": ("Masquer", "Hide"),
        "propulsion.console.next_step": ("Prochaine étape", "Next step"),
        "propulsion.console.horizon": ("Échéance (AAAA-MM)", "Horizon (YYYY-MM)"),
        "propulsion.console.save": ("Enregistrer", "Save"),
        "propulsion.console.saved": ("Prochaine étape enregistrée.", "Next step saved."),
        "propulsion.console.organisation": ("Organisation porteuse", "Carrying organisation"),
        "propulsion.console.add_organisation": ("Ajouter l'organisation", "Add the organisation"),
        "propulsion.console.held": ("en relecture", "under review"),
        "propulsion.console.close": ("Clore le tableau", "Close the board"),
        "propulsion.console.reopen": ("Rouvrir le tableau", "Reopen the board"),
        # report
        "propulsion.report.summary": (
            "{engagements}, {actions}, {initiatives}.",
            "{engagements}, {actions}, {initiatives}.",
        ),
        "propulsion.report.engagements_n": (
            {"one": "{n} engagement", "other": "{n} engagements"},
            {"one": "{n} commitment", "other": "{n} commitments"},
        ),
        "propulsion.report.actions_n": (
            {"one": "{n} action rattachée", "other": "{n} actions rattachées"},
            {"one": "{n} attached action", "other": "{n} attached actions"},
        ),
        "propulsion.report.initiatives_n": (
            {"one": "{n} initiative", "other": "{n} initiatives"},
            {"one": "{n} initiative", "other": "{n} initiatives"},
        ),
        "propulsion.report.class": ("Nature", "Class"),
        "propulsion.report.proposal": ("Proposition", "Proposal"),
        "propulsion.report.next_step": ("Prochaine étape", "Next step"),
        "propulsion.report.horizon": ("Échéance", "Horizon"),
        "propulsion.report.organisations": ("Portée par", "Carried by"),
        "propulsion.report.support": ("Soutiens", "Support"),
        "propulsion.report.contributors": ("Contributeurs par collège", "Contributors by stakeholder group"),
        "propulsion.report.criteria": ("Critères cochés", "Criteria ticked"),
        "propulsion.report.engagements": ("Engagements et actions", "Commitments and actions"),
        "propulsion.report.initiatives": ("Initiatives", "Initiatives"),
        "propulsion.report.unclassed": ("Propositions non classées", "Proposals not classed"),
        "propulsion.report.criteria_of": (
            "Critères notés par la salle : {text}",
            "Criteria rated by the room: {text}",
        ),
        "propulsion.report.criterion": ("Critère", "Criterion"),
        "propulsion.report.ticked_of": (
            "Critères cochés par l'animation : {text}",
            "Criteria ticked by the facilitator: {text}",
        ),
        # errors
        "propulsion.error.not_current": (
            "Ce tableau n'est plus en cours : suivez l'écran.",
            "This board is no longer running: follow the screen.",
        ),
        "propulsion.error.length": (
            "Une proposition fait de {min} à {max} caractères ({n} ici).",
            "A proposal is {min} to {max} characters long ({n} here).",
        ),
        "propulsion.error.organisation_length": (
            "Un nom d'organisation fait de {min} à {max} caractères ({n} ici).",
            "An organisation's name is {min} to {max} characters long ({n} here).",
        ),
        "propulsion.error.too_many_organisations": (
            "{max} organisations au plus par proposition.",
            "{max} organisations at most per proposal.",
        ),
        "propulsion.error.person": (
            "« {name} » ressemble au nom d'une personne : indiquez une organisation (un service, une "
            "association, une entreprise), jamais une personne.",
            "“{name}” looks like a person's name: give an organisation (a department, an association, a "
            "company), never a person.",
        ),
        "propulsion.error.no_proposals": (
            "Ce tableau ne prend pas de propositions des téléphones : dites-la dans la salle.",
            "This board takes no proposals from phones: say it in the room.",
        ),
        "propulsion.error.closed": (
            "Le tableau est clos : rien n'a été changé.",
            "The board is closed: nothing was changed.",
        ),
        "propulsion.error.already_promoted": ("C'est déjà au tableau.", "It is already on the board."),
        "propulsion.error.no_source": (
            "Ce texte n'est plus proposé par son atelier. Rechargez la page.",
            "That text is no longer offered by its workshop. Reload the page.",
        ),
        "propulsion.error.unknown_proposal": (
            "Cette proposition n'est pas (ou plus) au tableau.",
            "That proposal is not (or no longer) on the board.",
        ),
        "propulsion.error.unknown_class": (
            "Choisissez engagement, action ou initiative.",
            "Choose commitment, action or initiative.",
        ),
        "propulsion.error.no_engagement": (
            "Une action se rattache à un engagement du tableau : choisissez-le.",
            "An action is attached to a commitment of the board: choose it.",
        ),
        "propulsion.error.has_actions": (
            "Des actions sont rattachées à cet engagement : rattachez-les ailleurs d'abord.",
            "Actions are attached to this commitment: attach them elsewhere first.",
        ),
        "propulsion.error.step_length": (
            "{max} caractères au plus pour l'étape.",
            "{max} characters at most for the step.",
        ),
        "propulsion.error.horizon": (
            "Échéance au format AAAA-MM ou AAAA-MM-JJ (par exemple 2026-06).",
            "Horizon as YYYY-MM or YYYY-MM-DD (for instance 2026-06).",
        ),
        "propulsion.error.unknown_criterion": ("Ce critère n'existe pas.", "That criterion does not exist."),
        "propulsion.error.not_engagement": (
            "Les critères ne concernent que les engagements.",
            "Criteria apply to commitments only.",
        ),
        "propulsion.error.unknown_backing": ("Choix inconnu.", "Unknown choice."),
        "propulsion.error.stale": (
            "Le tableau a déjà changé d'étape entre-temps : rien n'a été changé.",
            "The board moved on meanwhile: nothing was changed.",
        ),
        "propulsion.error.bad_stage": ("Étape inconnue.", "Unknown stage."),
    }
)
