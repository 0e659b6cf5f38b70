"""The speaking turns' interface text: French first, English second."""

from __future__ import annotations

from facilitation.i18n import add

add(
    {
        "speaking_turns.title": ("Tours de parole", "Speaking turns"),
        "speaking_turns.speaker": ("Intervenant·e {n}", "Speaker {n}"),
        # errors
        "speaking_turns.error.not_current": (
            "Ces tours de parole ne sont pas le point en cours de l'ordre du jour. Passez d'abord à ce point.",
            "These speaking turns are not the current agenda item. Move to it first.",
        ),
        "speaking_turns.error.settings": (
            "Réglages des tours de parole invalides ({details}). Corrigez le programme ; en attendant, "
            "la file suit l'ordre paritaire sans limite de temps.",
            "Invalid speaking-turn settings ({details}). Fix the plan; meanwhile the queue is "
            "parity-aware with no time limit.",
        ),
        "speaking_turns.error.already_waiting": (
            "Votre main est déjà levée : vous êtes dans la file. Attendez votre tour ou baissez la main.",
            "Your hand is already raised: you are in the queue. Wait for your turn or lower your hand.",
        ),
        "speaking_turns.error.point_waiting": (
            "Vous avez déjà une motion d'ordre en attente.",
            "You already have a point of order waiting.",
        ),
        "speaking_turns.error.already_waiting_host": (
            "Cette personne est déjà dans la file.",
            "That person is already in the queue.",
        ),
        "speaking_turns.error.bad_id": (
            "La demande n'a pas pu être enregistrée. Réessayez.",
            "The request could not be recorded. Try again.",
        ),
        "speaking_turns.error.not_waiting": (
            "Cette demande de parole n'est plus dans la file.",
            "That request is no longer in the queue.",
        ),
        "speaking_turns.error.no_request": (
            "Cette personne n'est pas dans l'historique des tours.",
            "That person is not in the history of turns.",
        ),
        "speaking_turns.error.order": (
            "Ordre inconnu : choisissez « premier arrivé » ou « paritaire ».",
            "Unknown order: choose “first come” or “parity-aware”.",
        ),
        "speaking_turns.error.limit": (
            "Limite par tour entre {low} et {high} secondes, ou aucune.",
            "Limit per turn between {low} and {high} seconds, or none.",
        ),
        "speaking_turns.error.stale": (
            "La parole a déjà changé de main entre-temps : rien n'a été changé.",
            "The floor changed hands meanwhile: nothing was changed.",
        ),
        "speaking_turns.error.empty": (
            "Personne n'attend dans la file. Ajoutez quelqu'un ou attendez une main levée.",
            "Nobody is waiting in the queue. Add someone or wait for a raised hand.",
        ),
        "speaking_turns.error.no_turn": ("Personne n'a la parole.", "Nobody has the floor."),
        "speaking_turns.error.paused": ("Le chrono est déjà en pause.", "The timer is already paused."),
        "speaking_turns.error.running": ("Le chrono tourne déjà.", "The timer is already running."),
        "speaking_turns.error.no_free_text": (
            "Les tours de parole ne conservent aucun texte libre : rien à modérer.",
            "Speaking turns keep no free text: nothing to moderate.",
        ),
        # reasons
        "speaking_turns.reason.point_of_order": ("motion d'ordre", "point of order"),
        "speaking_turns.reason.pinned": ("placé·e à la main", "pinned"),
        "speaking_turns.reason.arrival": ("ordre d'arrivée", "order of arrival"),
        "speaking_turns.reason.first_time": ("première prise de parole", "first time"),
        "speaking_turns.reason.parity": ("parité", "parity"),
        "speaking_turns.reason.remote": ("alternance salle / distance", "room / remote alternation"),
        # orders
        "speaking_turns.order.fifo": ("Premier arrivé, premier servi", "First come, first served"),
        "speaking_turns.order.parity": ("Paritaire", "Parity-aware"),
        "speaking_turns.order.fifo_hint": (
            "Les motions d'ordre passent d'abord, puis l'ordre d'arrivée.",
            "Points of order first, then the order of arrival.",
        ),
        "speaking_turns.order.parity_hint": (
            "Motions d'ordre, puis celles et ceux qui n'ont pas encore parlé, puis la catégorie la plus "
            "en dessous de sa part des présent·es ; salle et distance alternent.",
            "Points of order, then people who have not spoken yet, then the category furthest below "
            "its share of those present; room and remote alternate.",
        ),
        # statistics
        "speaking_turns.cat.woman": ("Femmes", "Women"),
        "speaking_turns.cat.man": ("Hommes", "Men"),
        "speaking_turns.cat.other": ("Autre identité", "Another identity"),
        "speaking_turns.cat.undisclosed": ("Non précisé", "Not said"),
        "speaking_turns.cat.hidden": ("Autres (regroupées)", "Others (grouped)"),
        "speaking_turns.mode.room": ("Dans la salle", "In the room"),
        "speaking_turns.mode.remote": ("À distance", "Remote"),
        "speaking_turns.stats.title": ("Temps de parole", "Speaking time"),
        "speaking_turns.stats.by_category": (
            "Par catégorie, rapporté à la présence",
            "By category, relative to presence",
        ),
        "speaking_turns.stats.by_mode": (
            "Salle et distance, rapporté à la présence",
            "Room and remote, relative to presence",
        ),
        "speaking_turns.stats.group": ("Groupe", "Group"),
        "speaking_turns.stats.present": ("Présent·es", "Present"),
        "speaking_turns.stats.present_share": ("Part des présent·es", "Share of those present"),
        "speaking_turns.stats.seconds": ("Temps de parole", "Speaking time"),
        "speaking_turns.stats.time_share": ("Part du temps", "Share of time"),
        "speaking_turns.stats.turns": ("Tours", "Turns"),
        "speaking_turns.stats.turn_share": ("Part des tours", "Share of turns"),
        "speaking_turns.stats.ratio": ("Rapport temps / présence", "Time / presence ratio"),
        "speaking_turns.stats.summary": (
            "Tours : {turns} · temps de parole : {time} · intervenant·es distinct·es : {speakers} · "
            "tour le plus long : {longest} · tour médian : {median}",
            "Turns: {turns} · speaking time: {time} · distinct speakers: {speakers} · "
            "longest turn: {longest} · median turn: {median}",
        ),
        "speaking_turns.stats.none": (
            "Aucun tour terminé pour l'instant.",
            "No finished turn yet.",
        ),
        "speaking_turns.stats.presence_note": (
            {
                "one": "Présence : {n} participant·e inscrit·e sur son téléphone (salle et distance).",
                "other": "Présence : les {n} participant·es inscrit·es sur leur téléphone (salle et distance).",
            },
            {
                "one": "Presence: the {n} participant who joined on their phone (room and remote).",
                "other": "Presence: the {n} participants who joined on their phone (room and remote).",
            },
        ),
        "speaking_turns.gauge.title": (
            "Temps de parole / part des présent·es",
            "Speaking time / share of those present",
        ),
        "speaking_turns.gauge.time": ("temps de parole", "speaking time"),
        "speaking_turns.gauge.presence": ("présence", "presence"),
        # screen
        "speaking_turns.screen.speaking": ("À la parole", "Speaking now"),
        "speaking_turns.screen.nobody": (
            "Levez la main depuis votre téléphone",
            "Raise your hand from your phone",
        ),
        "speaking_turns.screen.next": ("Ensuite", "Next"),
        "speaking_turns.screen.waiting": ("{n} en attente", "{n} waiting"),
        "speaking_turns.screen.more": ({"one": "et {n} autre", "other": "et {n} autres"}, "and {n} more"),
        "speaking_turns.remote_tag": ("à distance", "remote"),
        "speaking_turns.point_tag": ("motion d'ordre", "point of order"),
        "speaking_turns.paused": ("en pause", "paused"),
        "speaking_turns.limit_of": ("limite {limit}", "limit {limit}"),
        # phone
        "speaking_turns.phone.ask": ("Demander la parole", "Ask to speak"),
        "speaking_turns.phone.name": (
            "Nom pour vous appeler (facultatif, jamais enregistré)",
            "Name to call you by (optional, never stored)",
        ),
        "speaking_turns.phone.point": ("C'est une motion d'ordre", "It is a point of order"),
        "speaking_turns.phone.point_hint": (
            "Une motion d'ordre porte sur le déroulement du débat ; elle passe en premier.",
            "A point of order is about how the debate runs; it goes first.",
        ),
        "speaking_turns.phone.raise": ("Lever la main", "Raise my hand"),
        "speaking_turns.phone.raise_point": ("Demander une motion d'ordre", "Ask for a point of order"),
        "speaking_turns.phone.raised": ("Votre main est levée", "Your hand is raised"),
        "speaking_turns.phone.point_raised": ("Motion d'ordre demandée", "Point of order asked"),
        "speaking_turns.phone.position": (
            "Position {n} sur {total} — {reason}",
            "Position {n} of {total} — {reason}",
        ),
        "speaking_turns.phone.next": (
            "Vous êtes le·la prochain·e : préparez-vous.",
            "You are next: get ready.",
        ),
        "speaking_turns.phone.lower": ("Baisser la main", "Lower my hand"),
        "speaking_turns.phone.your_turn": ("C'est votre tour", "It's your turn"),
        "speaking_turns.phone.your_turn_remote": (
            "Ouvrez votre micro dans l'appel : on vous écoute.",
            "Unmute your microphone in the call: everyone is listening.",
        ),
        "speaking_turns.phone.your_turn_room": (
            "Prenez le micro : la salle vous écoute.",
            "Take the microphone: the room is listening.",
        ),
        "speaking_turns.phone.speaking_now": ("À la parole : {name}", "Speaking now: {name}"),
        "speaking_turns.phone.removed": (
            "L'animation a retiré votre demande de la file.",
            "The facilitator took your request out of the queue.",
        ),
        "speaking_turns.phone.memory": (
            "Votre nom n'est gardé qu'en mémoire le temps de la séance, jamais enregistré ni exporté.",
            "Your name is kept in memory during the session only, never stored nor exported.",
        ),
        # console
        "speaking_turns.console.queue": ("File d'attente", "Queue"),
        "speaking_turns.console.empty": ("Personne n'attend.", "Nobody is waiting."),
        "speaking_turns.console.next": ("Intervenant·e suivant·e", "Next speaker"),
        "speaking_turns.console.give": ("Donner la parole", "Give the floor"),
        "speaking_turns.console.pause": ("Pause", "Pause"),
        "speaking_turns.console.resume": ("Reprendre", "Resume"),
        "speaking_turns.console.end": ("Terminer le tour", "End the turn"),
        "speaking_turns.console.nobody": ("Personne n'a la parole.", "Nobody has the floor."),
        "speaking_turns.console.turn": ("Tour {n}", "Turn {n}"),
        "speaking_turns.console.first": ("première fois", "first time"),
        "speaking_turns.console.again": ("a déjà parlé", "has spoken"),
        "speaking_turns.console.up": ("Monter", "Move up"),
        "speaking_turns.console.down": ("Descendre", "Move down"),
        "speaking_turns.console.pin": ("Épingler à cette place", "Pin to this place"),
        "speaking_turns.console.unpin": ("Rendre à l'ordre automatique", "Back to the automatic order"),
        "speaking_turns.console.remove": ("Retirer de la file", "Remove from the queue"),
        "speaking_turns.console.order": ("Ordre de la file", "Queue order"),
        "speaking_turns.console.limit": (
            "Limite par tour (secondes, 0 = aucune)",
            "Limit per turn (seconds, 0 = none)",
        ),
        "speaking_turns.console.limit_saved": ("Limite enregistrée.", "Limit saved."),
        "speaking_turns.console.add": ("Ajouter quelqu'un", "Add someone"),
        "speaking_turns.console.label": (
            "Étiquette pour l'appeler (facultatif, jamais enregistrée)",
            "Label to call them by (optional, never stored)",
        ),
        "speaking_turns.console.category": ("Catégorie", "Category"),
        "speaking_turns.console.where": ("Où", "Where"),
        "speaking_turns.console.point": ("Motion d'ordre", "Point of order"),
        "speaking_turns.console.add_button": ("Ajouter à la file", "Add to the queue"),
        "speaking_turns.console.again_button": ("Redonner la main", "Raise again"),
        "speaking_turns.console.history": ("Tours terminés", "Finished turns"),
        "speaking_turns.console.gauge": ("Jauge sur l'écran", "Gauge on the screen"),
        "speaking_turns.console.names_note": (
            "Les noms et étiquettes ne sont gardés qu'en mémoire : ni base de données, ni export. "
            "Après un redémarrage, ils sont perdus et « Intervenant·e N » s'affiche.",
            "Names and labels are kept in memory only: no database, no export. "
            "After a restart they are gone and “Speaker N” shows instead.",
        ),
        # report
        "speaking_turns.report.turns": ("Les tours de parole", "The turns"),
        "speaking_turns.report.n": ("N°", "No."),
        "speaking_turns.report.start": ("Début", "Start"),
        "speaking_turns.report.duration": ("Durée", "Duration"),
        "speaking_turns.report.first_time": ("Première fois", "First time"),
        "speaking_turns.report.point": ("Motion d'ordre", "Point of order"),
        "speaking_turns.report.yes": ("oui", "yes"),
        "speaking_turns.report.no": ("non", "no"),
        "speaking_turns.report.chart": (
            "Part du temps de parole et part des présent·es, par catégorie",
            "Share of speaking time and share of those present, by category",
        ),
        "speaking_turns.report.order": ("Ordre de la file : {order}.", "Queue order: {order}."),
        "speaking_turns.report.anonymous": (
            "Aucun nom n'est conservé : chaque tour est décrit par sa catégorie, salle ou distance, "
            "sa durée.",
            "No name is kept: each turn is described by its category, room or remote, and its duration.",
        ),
    }
)
