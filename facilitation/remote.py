"""Where the voices are, for people with no room: the session's audio/video link, the calls of
remote world café groups, and whether the whole forum is remote. Pure: settings, the event that
changes them, the rule, the fold. Links are session settings, never tied to a person.

A call link is any web address (Jitsi, BigBlueButton, Visio, Zoom, Teams); the groups' calls are
a template with `{code}` and `{group}` (`https://visio.example.org/cercle-{code}-{group}`) or a
list of addresses, one per line, group 1 first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from .commands import CommandContext, command
from .events import Event, event
from .i18n import RuleViolation, add
from .text import clean_text

if TYPE_CHECKING:
    from .session import SessionState

URL_MAX = 500
CALLS_MAX = 20_000


class RemoteSettings(BaseModel):
    """`audio_url`: the session's call; `remote_only`: a forum with no room at all (no room/remote
    question, no room wording, every café group a virtual table); `group_calls`: the remote café
    groups' calls (a template or a list)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    audio_url: str = ""
    remote_only: bool = False
    group_calls: str = ""


def checked_url(value: str) -> str:
    """A call's address as kept: http(s) only, no spaces; "" stays "" (refuses anything else)."""
    url = clean_text(value)
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > URL_MAX or " " in url:
        raise RuleViolation("remote.error.url", url=url[:80])
    return url


def checked_calls(value: str) -> str:
    """The groups' calls as kept: a template with {group}, or one address per line."""
    text = clean_text(value, multiline=True)[:CALLS_MAX]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        checked_url(line.replace("{code}", "code").replace("{group}", "1"))
    return "\n".join(lines)


def group_call(settings: RemoteSettings, code: str, group: int) -> str:
    """The call of café group `group` (from 0): the template filled in, or the list's line; "" if
    none was given."""
    lines = settings.group_calls.splitlines()
    if not lines:
        return ""
    if len(lines) == 1 and "{group}" in lines[0]:
        return lines[0].replace("{code}", code.lower()).replace("{group}", str(group + 1))
    return lines[group] if 0 <= group < len(lines) else ""


@event
class RemoteSet(Event):
    """The facilitator set where the voices are: the session's call, the groups' calls, and
    whether the forum is fully remote."""

    type = "session.remote_set"
    audio_url: str = ""
    remote_only: bool = False
    group_calls: str = ""
    at: float


@command("host")
def set_remote(
    state: SessionState,
    cc: CommandContext,
    *,
    audio_url: str = "",
    remote_only: bool = False,
    group_calls: str = "",
) -> list[Event]:
    if state.status == "closed":
        raise RuleViolation("error.closed")
    wanted = RemoteSettings(
        audio_url=checked_url(audio_url), remote_only=remote_only, group_calls=checked_calls(group_calls)
    )
    if wanted == state.remote:
        return []
    return [RemoteSet(**wanted.model_dump(), at=cc.now)]


add(
    {
        "remote.error.url": (
            "« {url} » n'est pas une adresse web (https://…) : collez le lien de l'appel tel quel.",
            "“{url}” is not a web address (https://…): paste the call's link as it is.",
        ),
        "remote.title": ("À distance", "Remote"),
        "remote.audio": ("Lien de l'appel (audio/vidéo)", "Call link (audio/video)"),
        "remote.audio_hint": (
            "Jitsi, BigBlueButton, Visio, Zoom, Teams… Affiché aux personnes à distance.",
            "Jitsi, BigBlueButton, Visio, Zoom, Teams… Shown to remote attendees.",
        ),
        "remote.only": ("Tout à distance (pas de salle)", "Fully remote (no room)"),
        "remote.groups": (
            "Appels des groupes à distance du world café",
            "Calls of the world café's remote groups",
        ),
        "remote.groups_hint": (
            "Un modèle avec {code} et {group} (https://visio.example.org/cercle-{code}-{group}), "
            "ou une adresse par ligne, groupe 1 d'abord.",
            "A template with {code} and {group} (https://visio.example.org/cercle-{code}-{group}), "
            "or one address per line, group 1 first.",
        ),
        "remote.save": ("Enregistrer", "Save"),
        "remote.saved": ("Réglages à distance enregistrés.", "Remote settings saved."),
        "remote.join_audio": ("Rejoindre l'audio", "Join the audio"),
        "remote.join_group": ("Rejoindre l'appel de votre groupe", "Join your group's call"),
        "remote.screen_audio": ("Appel : {url}", "Call: {url}"),
    }
)
