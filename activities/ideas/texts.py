"""The idea workshop's strings, French first."""

from __future__ import annotations

from facilitation.i18n import add

add(
    {
        "ideas.title": ("Atelier d'idées", "Idea workshop"),
        "ideas.cluster_n": ("Regroupement {n}", "Cluster {n}"),
        "ideas.no_ideas": ("Aucune idée pour l'instant.", "No ideas yet."),
        "ideas.more": ("et {n} de plus", "and {n} more"),
        "ideas.dots_n": ({"one": "{n} pt", "other": "{n} pts"}, {"one": "{n} dot", "other": "{n} dots"}),
        "ideas.voters": (
            {"one": "{n} personne a placé des points", "other": "{n} personnes ont placé des points"},
            {"one": "{n} person placed dots", "other": "{n} people placed dots"},
        ),
        "ideas.kind.cluster": ("regroupement", "cluster"),
        "ideas.kind.idea": ("idée", "idea"),
        "ideas.where": ("Idée {n}", "Idea {n}"),
        "ideas.where_cluster": ("Nom du regroupement {n}", "Name of cluster {n}"),
        # stages
        "ideas.stage.collect": ("Les idées", "Ideas"),
        "ideas.stage.vote": ("Vote par points ouvert", "Dot vote open"),
        "ideas.stage.closed": ("Vote clos : le classement", "Vote closed: the ranking"),
        # phone
        "ideas.phone.collect": (
            "Proposez une idée courte : elle s'affiche à l'écran, sans votre nom.",
            "Post a short idea: it shows on the screen, without your name.",
        ),
        "ideas.phone.vote": (
            "Répartissez vos points sur les idées ou les regroupements ; déplacez-les jusqu'à la clôture.",
            "Spread your dots over ideas or clusters; move them until the vote closes.",
        ),
        "ideas.phone.closed": ("Le vote est clos. Merci !", "The vote is closed. Thank you!"),
        "ideas.phone.idea": ("Votre idée", "Your idea"),
        "ideas.phone.send": ("Envoyer", "Send"),
        "ideas.phone.sent": ("Merci, votre idée est affichée.", "Thank you, your idea is shown."),
        "ideas.phone.placed": ("Points placés : {used} / {total}", "Dots placed: {used} / {total}"),
        "ideas.phone.mine": ("Vos points ici : {n}", "Your dots here: {n}"),
        "ideas.console.select": ("Choisir l'idée : {idea}", "Select the idea: {idea}"),
        "ideas.phone.less": ("Retirer un point : {idea}", "Take a dot back: {idea}"),
        "ideas.phone.more": ("Ajouter un point : {idea}", "Add a dot: {idea}"),
        # console
        "ideas.console.settings_error": (
            "Les réglages du programme sont invalides : {details}. Corrigez le fichier du programme.",
            "The plan's settings are invalid: {details}. Fix the plan file.",
        ),
        "ideas.console.wall": ("Le mur d'idées", "The wall of ideas"),
        "ideas.console.cluster_name": ("Nom du regroupement", "Name of the cluster"),
        "ideas.console.group": ("Regrouper", "Group"),
        "ideas.console.merge": ("Fusionner les doublons", "Merge duplicates"),
        "ideas.console.merge_hint": (
            "Cochez au moins deux idées : les suivantes rejoignent la première cochée.",
            "Tick at least two ideas: the others join the first one ticked.",
        ),
        "ideas.console.select_hint": (
            "Cochez des idées, puis « Regrouper » sous un nom, ou « Fusionner » des doublons dans la "
            "première cochée.",
            "Tick ideas, then “Group” them under a name, or “Merge” duplicates into the first one ticked.",
        ),
        "ideas.console.rename": ("Renommer (nom tapé ci-dessus)", "Rename (name typed above)"),
        "ideas.console.same": ({"one": "+{n} semblable", "other": "+{n} semblables"}, "+{n} alike"),
        "ideas.console.ungroup": ("Sortir du regroupement", "Take out of the cluster"),
        "ideas.console.hide": ("Masquer", "Hide"),
        "ideas.console.new": ("Nouvelle idée", "New idea"),
        "ideas.console.add": ("Ajouter", "Add"),
        "ideas.console.ranking": ("Classement", "Ranking"),
        "ideas.console.open": ("Ouvrir le vote par points", "Open the dot vote"),
        "ideas.console.close": ("Clore le vote", "Close the vote"),
        "ideas.console.reopen": ("Rouvrir le vote", "Reopen the vote"),
        "ideas.console.back": ("Revenir aux idées", "Back to the ideas"),
        "ideas.console.source": (
            {"one": "{title} : {n} idée à importer", "other": "{title} : {n} idées à importer"},
            {"one": "{title}: {n} idea to import", "other": "{title}: {n} ideas to import"},
        ),
        "ideas.console.import": ("Importer", "Import"),
        # report
        "ideas.report.summary": ("{ideas}, {clusters} ; {voters}.", "{ideas}, {clusters}; {voters}."),
        "ideas.report.ideas": (
            {"one": "{n} idée", "other": "{n} idées"},
            {"one": "{n} idea", "other": "{n} ideas"},
        ),
        "ideas.report.clusters": (
            {"one": "{n} regroupement", "other": "{n} regroupements"},
            {"one": "{n} cluster", "other": "{n} clusters"},
        ),
        "ideas.report.voters": (
            {
                "one": "{n} personne a réparti jusqu'à {dots} points",
                "other": "{n} personnes ont réparti jusqu'à {dots} points chacune",
            },
            {
                "one": "{n} person spread up to {dots} dots",
                "other": "{n} people spread up to {dots} dots each",
            },
        ),
        "ideas.report.ranking": ("Classement du vote par points", "Dot vote ranking"),
        "ideas.report.option": ("Idée ou regroupement", "Idea or cluster"),
        "ideas.report.kind": ("Nature", "Kind"),
        "ideas.report.dots": ("Points", "Dots"),
        "ideas.report.dots_unit": ("pts", "dots"),
        "ideas.report.cluster": ("Regroupement « {name} »", "Cluster “{name}”"),
        "ideas.report.alone": ("Idées seules", "Ideas standing alone"),
        "ideas.report.with_merged": (
            "{idea} (doublons fusionnés : {merged})",
            "{idea} (duplicates merged: {merged})",
        ),
        "ideas.report.imported": ("Idées venues d'autres ateliers", "Ideas from other workshops"),
        # errors
        "ideas.error.not_current": (
            "Cet atelier n'est plus en cours : suivez l'écran.",
            "This workshop is no longer running: follow the screen.",
        ),
        "ideas.error.length": (
            "Une idée fait de {min} à {max} caractères ({n} ici).",
            "An idea is {min} to {max} characters long ({n} here).",
        ),
        "ideas.error.name": (
            "Donnez un nom au regroupement ({max} caractères au plus).",
            "Give the cluster a name ({max} characters at most).",
        ),
        "ideas.error.unknown_idea": (
            "Cette idée n'est plus au mur. Rechargez la page.",
            "That idea is no longer on the wall. Reload the page.",
        ),
        "ideas.error.unknown_cluster": ("Ce regroupement n'existe pas.", "That cluster does not exist."),
        "ideas.error.not_collecting": (
            "Le vote a commencé : les idées ne changent plus. Revenez aux idées pour les modifier.",
            "The vote has begun: ideas no longer change. Go back to the ideas to change them.",
        ),
        "ideas.error.duplicate": ("Cette idée est déjà au mur.", "This idea is already on the wall."),
        "ideas.error.no_source": (
            "Ce point de l'ordre du jour n'est pas un world café de la session.",
            "That agenda item is not a world café of this session.",
        ),
        "ideas.error.merge_self": (
            "Choisissez deux idées différentes à fusionner.",
            "Choose two different ideas to merge.",
        ),
        "ideas.error.nothing_selected": (
            "Cochez d'abord les idées à regrouper.",
            "Tick the ideas to group first.",
        ),
        "ideas.error.stale": (
            "L'atelier a déjà changé d'étape entre-temps : rien n'a été changé.",
            "The workshop moved on meanwhile: nothing was changed.",
        ),
        "ideas.error.bad_stage": (
            "Cette étape ne peut pas suivre celle-ci.",
            "That stage cannot follow this one.",
        ),
        "ideas.error.no_options": (
            "Il n'y a encore aucune idée sur laquelle voter.",
            "There is no idea to vote on yet.",
        ),
        "ideas.error.dots_placed": (
            "Des points sont déjà placés : clôturez le vote plutôt que de revenir aux idées.",
            "Dots are already placed: close the vote rather than going back to the ideas.",
        ),
        "ideas.error.vote_not_open": (
            "Le vote n'est pas encore ouvert ; attendez le signal de l'animateur·rice.",
            "The vote is not open yet; wait for the facilitator's signal.",
        ),
        "ideas.error.vote_closed": (
            "Le vote est clos : vos points n'ont pas changé.",
            "The vote is closed: your dots did not change.",
        ),
        "ideas.error.unknown_option": (
            "Cette idée n'est plus proposée au vote. Rechargez la page.",
            "That idea is no longer in the vote. Reload the page.",
        ),
        "ideas.error.bad_dots": (
            "Un nombre de points est un entier positif.",
            "A number of dots is a positive whole number.",
        ),
        "ideas.error.no_dots_left": (
            "Vous avez placé tous vos points ({n}) : retirez-en un d'une autre idée pour le déplacer.",
            "You have placed all your dots ({n}): take one back from another idea to move it.",
        ),
        "ideas.error.no_dot_there": (
            "Vous n'avez pas de point sur cette idée.",
            "You have no dot on that idea.",
        ),
    }
)
