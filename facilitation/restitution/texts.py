"""The restitution's words, French first."""

from __future__ import annotations

from ..i18n import add

add(
    {
        "restitution.heading": ("Restitution", "Restitution"),
        "restitution.chatham": (
            "Restitution anonyme, sous la règle de Chatham House : ce qui a été dit peut être utilisé, "
            "jamais qui l'a dit.",
            "Anonymous record, under the Chatham House rule: what was said may be used, never who said it.",
        ),
        "restitution.date": ("Date", "Date"),
        "restitution.licence": ("Licence", "Licence"),
        "restitution.generated": ("Produite le {at}", "Generated on {at}"),
        "restitution.live_draft": (
            "Session en cours : cette restitution est provisoire.",
            "Session in progress: this record is provisional.",
        ),
        "restitution.participants": ("Participation", "Attendance"),
        "restitution.participants_line": (
            {
                "one": "{n} participant·e : {room} dans la salle, {remote} à distance.",
                "other": "{n} participant·es : {room} dans la salle, {remote} à distance.",
            },
            {
                "one": "{n} participant: {room} in the room, {remote} remote.",
                "other": "{n} participants: {room} in the room, {remote} remote.",
            },
        ),
        "restitution.colleges": (
            "Collèges déclarés (facultatif, jamais moins de 3 par ligne)",
            "Declared stakeholder groups (optional, never fewer than 3 a line)",
        ),
        "restitution.categories": (
            "Répartition déclarée (facultative)",
            "Declared breakdown (optional)",
        ),
        "restitution.agenda": ("Ordre du jour", "Agenda"),
        "restitution.col.item": ("Point", "Item"),
        "restitution.col.kind": ("Format", "Format"),
        "restitution.col.planned_start": ("Début prévu", "Planned start"),
        "restitution.col.actual_start": ("Début réel", "Actual start"),
        "restitution.col.planned": ("Durée prévue", "Planned"),
        "restitution.col.actual": ("Durée réelle", "Actual"),
        "restitution.minutes": ("{n} min", "{n} min"),
        "restitution.not_held": ("non tenu", "not held"),
        "restitution.unavailable": (
            "Le compte rendu de ce point n'a pas pu être produit.",
            "The report of this item could not be produced.",
        ),
        "restitution.comments": ("Commentaires", "Comments"),
        "restitution.no_comments": ("Pas encore de commentaire.", "No comments yet."),
        "restitution.comment_hidden": (
            "Commentaire masqué par la modération ({reason}).",
            "Comment hidden by moderation ({reason}).",
        ),
        "restitution.moderation": ("Journal de modération", "Moderation log"),
        "restitution.no_moderation": ("Aucune modération.", "No moderation."),
        "restitution.col.when": ("Quand", "When"),
        "restitution.col.what": ("Quoi", "What"),
        "restitution.col.why": ("Pourquoi", "Why"),
        "restitution.action.hide": ("masqué", "hidden"),
        "restitution.action.show": ("rétabli", "shown again"),
        "restitution.action.edit": ("corrigé", "edited"),
        "restitution.action.approve": ("approuvé après relecture", "approved after review"),
        "restitution.action.withdraw": ("retiré par son auteur·rice", "withdrawn by its author"),
        "restitution.action.publish_anyway": (
            "restitution publiée par choix explicite de l'animation (textes en attente de relecture : "
            "{held} ; signalements ouverts de la vérification avant publication : {findings})",
            "record published by the facilitator's explicit choice (texts awaiting review: {held}; open "
            "findings of the check before publishing: {findings})",
        ),
        "restitution.target.comment": ("commentaire n° {id}", "comment #{id}"),
        "restitution.target.free_text": ("texte libre « {place} »", "free text “{place}”"),
        "restitution.no_reason": ("sans motif", "no reason given"),
        "restitution.footer": (
            "Produit avec Cercle. Données ouvertes : JSON et CSV, schéma documenté (docs/open-data.md).",
            "Made with Cercle. Open data: JSON and CSV, documented schema (docs/open-data.md).",
        ),
    }
)
