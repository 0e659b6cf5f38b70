"""The world café's interface text: French first, English second."""

from __future__ import annotations

from facilitation.i18n import add

add(
    {
        "world_cafe.title": ("World café", "World café"),
        # errors
        "world_cafe.error.already_started": (
            "Le world café a déjà commencé : les réglages et le planning ne changent plus.",
            "The world café has already started: settings and schedule can no longer change.",
        ),
        "world_cafe.error.not_started": (
            "Le world café n'a pas encore commencé. Attendez le signal de l'animateur·rice.",
            "The world café has not started yet. Wait for the facilitator's signal.",
        ),
        "world_cafe.error.over": (
            "Le world café est terminé : les tables sont fermées.",
            "The world café is over: the tables are closed.",
        ),
        "world_cafe.error.not_current": (
            "Ce world café n'est pas le point en cours de l'ordre du jour. Passez d'abord à ce point.",
            "This world café is not the current agenda item. Move to it first.",
        ),
        "world_cafe.error.settings": (
            "Réglages du world café invalides ({details}). Corrigez-les dans la console ou dans le programme.",
            "Invalid world café settings ({details}). Fix them in the console or in the plan.",
        ),
        "world_cafe.error.schedule": (
            "Planning invalide : chaque rotation doit donner une table existante à chaque groupe.",
            "Invalid schedule: every rotation must give each group an existing table.",
        ),
        "world_cafe.error.no_themes": (
            "Ajoutez au moins un thème (une table) avant de lancer le world café.",
            "Add at least one theme (a table) before starting the world café.",
        ),
        "world_cafe.error.paused": ("Le chrono est déjà en pause.", "The clock is already paused."),
        "world_cafe.error.running": ("Le chrono tourne déjà.", "The clock is already running."),
        "world_cafe.error.no_group": (
            "Ce groupe n'existe pas (ou a été fusionné).",
            "That group does not exist (or was merged).",
        ),
        "world_cafe.error.no_person": (
            "Cette personne n'est dans aucun groupe.",
            "That person is in no group.",
        ),
        "world_cafe.error.same_group": (
            "Choisissez deux groupes différents à fusionner.",
            "Choose two different groups to merge.",
        ),
        "world_cafe.error.no_group_yet": (
            "Vous n'avez pas encore de groupe : rechargez la page pour en recevoir un.",
            "You have no group yet: reload the page to get one.",
        ),
        "world_cafe.error.wrong_table": (
            "Votre groupe n'est plus à cette table. Votre texte est conservé : envoyez-le à votre nouvelle table.",
            "Your group is no longer at this table. Your text is kept: send it to your new table.",
        ),
        "world_cafe.error.empty_actor": (
            "Écrivez le nom de l'organisation (pas de nom de personne).",
            "Write the organisation's name (no person's name).",
        ),
        "world_cafe.error.empty_idea": (
            "Écrivez votre idée avant de l'envoyer.",
            "Write your idea before sending it.",
        ),
        "world_cafe.error.too_long": (
            "Texte trop long : {limit} caractères au plus. Raccourcissez-le.",
            "Text too long: {limit} characters at most. Shorten it.",
        ),
        "world_cafe.error.no_contribution": (
            "Cette contribution n'existe pas.",
            "That contribution does not exist.",
        ),
        # actor kinds
        "world_cafe.kind.public": ("Acteur public", "Public body"),
        "world_cafe.kind.association": ("Association", "Association"),
        "world_cafe.kind.company": ("Entreprise", "Company"),
        "world_cafe.kind.research": ("Recherche", "Research"),
        "world_cafe.kind.media": ("Média", "Media"),
        "world_cafe.kind.other": ("Autre", "Other"),
        # shared
        "world_cafe.table": ("Table {n}", "Table {n}"),
        "world_cafe.group": ("Groupe {n}", "Group {n}"),
        "world_cafe.virtual": ("table virtuelle", "virtual table"),
        "world_cafe.mixed": ("mixte salle/distance", "mixed room/remote"),
        "world_cafe.console.alone": (
            "Une seule personne à distance : elle est seule à sa table virtuelle.",
            "Only one remote person: they are alone at their virtual table.",
        ),
        "world_cafe.console.merge_alone": ("La joindre au groupe {n}", "Join them to group {n}"),
        "world_cafe.rotation": ("Rotation {n} / {total}", "Rotation {n} / {total}"),
        "world_cafe.break": ("Pause : changez de table", "Break: change tables"),
        "world_cafe.paused": ("En pause", "Paused"),
        "world_cafe.over": ("Le world café est terminé.", "The world café is over."),
        "world_cafe.setup": ("Le world café va commencer.", "The world café is about to start."),
        "world_cafe.progress": ("{count} / {target}", "{count} / {target}"),
        "world_cafe.mentions": ("{n} mentions", "{n} mentions"),
        "world_cafe.actors": ("Acteurs", "Actors"),
        "world_cafe.ideas": ("Idées", "Ideas"),
        "world_cafe.actor_map": ("Cartographie des acteurs", "Actor map"),
        "world_cafe.nothing_yet": ("Rien encore à cette table.", "Nothing at this table yet."),
        "world_cafe.host": ("Un·e hôte·sse reste à cette table", "A host stays at this table"),
        # phone
        "world_cafe.phone.group": ("Vous êtes dans le groupe {n}", "You are in group {n}"),
        "world_cafe.phone.at_table": ("Vous êtes à la table {n} :", "You are at table {n}:"),
        "world_cafe.phone.go_to": ("Allez à la table {n} :", "Go to table {n}:"),
        "world_cafe.phone.next": ("Ensuite : table {n}", "Next: table {n}"),
        "world_cafe.phone.last": ("C'est la dernière rotation.", "This is the last rotation."),
        "world_cafe.phone.so_far": ("Déjà à cette table", "Already at this table"),
        "world_cafe.phone.awaits": ("Ce qui vous attend à la table {n}", "What awaits you at table {n}"),
        "world_cafe.phone.add_actor": ("Un acteur", "An actor"),
        "world_cafe.phone.add_idea": ("Une idée", "An idea"),
        "world_cafe.phone.actor_name": (
            "Organisation (jamais un nom de personne)",
            "Organisation (never a person's name)",
        ),
        "world_cafe.phone.actor_kind": ("Type d'acteur", "Kind of actor"),
        "world_cafe.phone.actor_why": (
            "Pourquoi compte-t-il ? (facultatif)",
            "Why does it matter? (optional)",
        ),
        "world_cafe.phone.idea": ("Votre idée", "Your idea"),
        "world_cafe.phone.send": ("Ajouter à la table {n}", "Add to table {n}"),
        "world_cafe.phone.added": ("Ajouté. Merci !", "Added. Thank you!"),
        "world_cafe.phone.mention": (
            "Déjà cité à cette table : une mention de plus.",
            "Already listed at this table: one more mention.",
        ),
        "world_cafe.phone.thanks": (
            "Merci ! La cartographie des acteurs est à l'écran.",
            "Thank you! The actor map is on the screen.",
        ),
        "world_cafe.phone.themes": ("Les tables", "The tables"),
        "world_cafe.phone.mark": ("Votre repère : {mark}", "Your mark: {mark}"),
        "world_cafe.sound_hint": (
            "Cliquez une fois sur cette page pour activer le carillon.",
            "Click once on this page to turn the chime on.",
        ),
        "world_cafe.more": ({"one": "et {n} autre", "other": "et {n} autres"}, "and {n} more"),
        "world_cafe.ideas_count": (
            {"one": "{n} idée", "other": "{n} idées"},
            {"one": "{n} idea", "other": "{n} ideas"},
        ),
        "world_cafe.time_up": ("Changez de table !", "Change tables!"),
        # console
        "world_cafe.console.setup": ("Réglages du world café", "World café settings"),
        "world_cafe.console.themes": ("Thèmes (une table chacun)", "Themes (one table each)"),
        "world_cafe.console.theme": ("Thème", "Theme"),
        "world_cafe.console.host": ("Avec hôte·sse", "Hosted"),
        "world_cafe.console.add_theme": ("Ajouter un thème", "Add a theme"),
        "world_cafe.console.remove": ("Retirer", "Remove"),
        "world_cafe.console.group_size": ("Personnes par groupe", "People per group"),
        "world_cafe.console.groups": (
            "Nombre de groupes (vide : selon la taille)",
            "Number of groups (empty: by size)",
        ),
        "world_cafe.console.rotation_minutes": ("Minutes par rotation", "Minutes per rotation"),
        "world_cafe.console.rotations": (
            "Rotations (vide : une par table)",
            "Rotations (empty: one per table)",
        ),
        "world_cafe.console.pause_minutes": ("Pause entre rotations (min)", "Break between rotations (min)"),
        "world_cafe.console.target": ("Objectif par table", "Target per table"),
        "world_cafe.console.contribution": ("Proposé d'abord sur les téléphones", "Offered first on phones"),
        "world_cafe.console.save": ("Enregistrer les réglages", "Save the settings"),
        "world_cafe.console.saved": ("Réglages enregistrés.", "Settings saved."),
        "world_cafe.console.schedule": ("Planning des rotations", "Rotation schedule"),
        "world_cafe.console.schedule_large": (
            "Au-delà de {max} groupes, le planning calculé s'affiche sans modification case par case.",
            "Beyond {max} groups, the computed schedule is shown without cell-by-cell editing.",
        ),
        "world_cafe.console.schedule_hint": (
            "{people} personnes présentes : {groups} groupes. Modifier une case fixe le nombre de groupes.",
            "{people} people present: {groups} groups. Editing a cell fixes the number of groups.",
        ),
        "world_cafe.console.schedule_edited": ("Planning modifié à la main.", "Schedule edited by hand."),
        "world_cafe.console.schedule_reset": ("Revenir au planning calculé", "Back to the computed schedule"),
        "world_cafe.console.start": ("Lancer le world café", "Start the world café"),
        "world_cafe.console.pause": ("Pause", "Pause"),
        "world_cafe.console.resume": ("Reprendre", "Resume"),
        "world_cafe.console.add_minute": ("+1 minute", "+1 minute"),
        "world_cafe.console.skip": ("Rotation suivante", "Next rotation"),
        "world_cafe.console.finish": ("Terminer le world café", "End the world café"),
        "world_cafe.console.tables": ("Tables", "Tables"),
        "world_cafe.console.groups_title": ("Groupes", "Groups"),
        "world_cafe.console.members": ("{n} pers.", {"one": "{n} person", "other": "{n} people"}),
        "world_cafe.console.move": ("Déplacer", "Move"),
        "world_cafe.console.person": ("Personne", "Person"),
        "world_cafe.console.to_group": ("vers le groupe", "to group"),
        "world_cafe.console.merge": ("Fusionner", "Merge"),
        "world_cafe.console.merge_into": ("dans le groupe", "into group"),
        "world_cafe.console.moderation": ("Modération des contributions", "Moderation of contributions"),
        "world_cafe.console.hide": ("Masquer", "Hide"),
        "world_cafe.console.show": ("Afficher", "Show"),
        "world_cafe.console.edit": ("Corriger", "Edit"),
        "world_cafe.console.hidden": ("masqué", "hidden"),
        "world_cafe.console.no_contribution": ("Aucune contribution pour l'instant.", "No contribution yet."),
        "world_cafe.console.settings_error": (
            "Les réglages du programme sont invalides : {details}. Corrigez-les ci-dessous.",
            "The plan's settings are invalid: {details}. Fix them below.",
        ),
        "world_cafe.console.merged": ("fusionné dans le groupe {n}", "merged into group {n}"),
        # report
        "world_cafe.report.reached": (
            {
                "one": "{theme} : {n} contribution sur un objectif de {target}, objectif atteint.",
                "other": "{theme} : {n} contributions sur un objectif de {target}, objectif atteint.",
            },
            {
                "one": "{theme}: {n} contribution for a target of {target}, target reached.",
                "other": "{theme}: {n} contributions for a target of {target}, target reached.",
            },
        ),
        "world_cafe.report.missed": (
            {
                "one": "{theme} : {n} contribution sur un objectif de {target}, objectif non atteint.",
                "other": "{theme} : {n} contributions sur un objectif de {target}, objectif non atteint.",
            },
            {
                "one": "{theme}: {n} contribution for a target of {target}, target not reached.",
                "other": "{theme}: {n} contributions for a target of {target}, target not reached.",
            },
        ),
        "world_cafe.report.summary": (
            "{tables}, {groups}, {rotations} de {minutes}.",
            "{tables}, {groups}, {rotations} of {minutes}.",
        ),
        "world_cafe.report.tables": (
            {"one": "{n} table", "other": "{n} tables"},
            {"one": "{n} table", "other": "{n} tables"},
        ),
        "world_cafe.report.groups": (
            {"one": "{n} groupe", "other": "{n} groupes"},
            {"one": "{n} group", "other": "{n} groups"},
        ),
        "world_cafe.report.rotations": (
            {"one": "{n} rotation", "other": "{n} rotations"},
            {"one": "{n} rotation", "other": "{n} rotations"},
        ),
        "world_cafe.report.minutes": (
            {"one": "{n} minute", "other": "{n} minutes"},
            {"one": "{n} minute", "other": "{n} minutes"},
        ),
        "world_cafe.report.actor": ("Acteur", "Actor"),
        "world_cafe.report.chart": ("Contributions par table", "Contributions per table"),
        "world_cafe.report.contributions": ("Contributions", "Contributions"),
        "world_cafe.report.target": ("Objectif", "Target"),
        "world_cafe.report.kind": ("Type", "Kind"),
        "world_cafe.report.mentions": ("Mentions", "Mentions"),
        "world_cafe.report.why": ("Pourquoi", "Why"),
        "world_cafe.report.ideas_of": ("Idées — {theme}", "Ideas — {theme}"),
        "world_cafe.report.actors_of": ("Acteurs — {theme}", "Actors — {theme}"),
    }
)
