"""Which static file answers a request, and how long a browser may keep it.

- Our files under `/assets/` are linked with a hash of their content (`?v=`). With the right
  hash a file is cached for a year (`immutable`); without it, it is revalidated (`no-cache`).
- NiceGUI's files (`/_nicegui/{version}/static/`) carry its version in their path: a year too.
- Three of NiceGUI's files have lighter stand-ins in assets/, written by
  scripts/make_quasar_subset.py: Quasar's JavaScript with only the components our pages render
  (47 KB over the wire instead of 129 KB), and its two stylesheets without the rules of the
  other components, of dark mode and of right-to-left pages (17 KB instead of 31 KB). NiceGUI's
  page template asks for them with their hash (`quasar.umd.prod.js?v=...`); the plain addresses
  still serve NiceGUI's full files, and the stand-ins are not used at all if they were made for
  another version of NiceGUI.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from urllib.parse import parse_qs

import jinja2
import nicegui
from nicegui import client as nicegui_client

log = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"
NICEGUI_STATIC = Path(nicegui.__file__).resolve().parent / "static"
STATIC_PREFIX = f"/_nicegui/{nicegui.__version__}/static/"
ASSETS_PREFIX = "/assets/"
YEAR = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
STYLESHEETS = ("utilities.css", "cercle.css")  # utilities first: cercle.css wins ties, as it did
ICONS = "icons.js"
# NiceGUI's file -> our lighter stand-in (see scripts/make_quasar_subset.py)
SUBSETS = {
    "quasar.umd.prod.js": ASSETS / "quasar.subset.js",
    "quasar.unimportant.prod.css": ASSETS / "quasar.unimportant.subset.css",
    "quasar.important.prod.css": ASSETS / "quasar.important.subset.css",
}

_digests: dict[tuple[str, int, int], str] = {}
_subsets = {"active": False}
_template_loader: list[jinja2.BaseLoader] = []  # NiceGUI's own, kept to patch it afresh


def digest(path: Path) -> str:
    """A short hash of a file's content, recomputed when the file changes."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _digests:
        _digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return _digests[key]


def url(name: str) -> str:
    """The versioned address of a file in assets/: cached for a year, replaced when it changes."""
    return f"{ASSETS_PREFIX}{name}?v={digest(ASSETS / name)}"


def head_html() -> str:
    """The stylesheets and the icons, for a page's <head>."""
    links = "".join(f'<link rel="stylesheet" href="{url(name)}">' for name in STYLESHEETS)
    return links + f'<script defer src="{url(ICONS)}"></script>'


def markdown_stylesheet() -> str:
    """ui.markdown's stylesheet, linked ahead: markdown.js draws its text only once that loaded.

    Linked in the page's head with the attribute markdown.js looks for, the stylesheet comes
    with the page's others, and the charter's text appears with the page rather than a round
    trip later.
    """
    from nicegui.elements.markdown import Markdown

    css = Markdown._generate_codehilite_css()  # what ui.markdown serves under a hash of it
    name = f"codehilite_{hashlib.sha256(css.encode()).hexdigest()[:32]}.css"
    marker = "data-" + name.replace(".", "-")
    return f'<link rel="stylesheet" href="/_nicegui/{nicegui.__version__}/dynamic_resources/{name}" {marker}>'


def made_for_this_nicegui(path: Path) -> bool:
    """A stand-in says in its first line which NiceGUI it was made from."""
    if not path.is_file():
        return False
    with path.open(encoding="utf-8") as file:
        return f"NiceGUI {nicegui.__version__}," in file.readline()


def use_subsets() -> bool:
    """Make NiceGUI's page template ask for the stand-ins by their hash, if they fit this NiceGUI."""
    env = nicegui_client.templates.env
    if not _template_loader:
        assert env.loader is not None, "NiceGUI's templates have a loader"
        _template_loader.append(env.loader)
    env.loader = _template_loader[0]
    if env.cache is not None:
        env.cache.clear()
    _subsets["active"] = False
    stale = [path.name for path in SUBSETS.values() if not made_for_this_nicegui(path)]
    if stale:
        log.warning("%s not made for NiceGUI %s: serving NiceGUI's full Quasar", stale, nicegui.__version__)
        return False
    template = env.loader.get_source(env, "index.html")[0]
    for name, path in SUBSETS.items():
        marker = f'/static/{name}"'
        if marker not in template:
            log.warning("NiceGUI's page template no longer loads %s: serving NiceGUI's full Quasar", name)
            return False
        template = template.replace(marker, f'/static/{name}?v={digest(path)}"')
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"index.html": template}), _template_loader[0]])
    if env.cache is not None:
        env.cache.clear()
    _subsets["active"] = True
    return True


def subsets_in_use() -> bool:
    return _subsets["active"]


def locate(path: str, query: str) -> tuple[Path, str] | None:
    """The static file a request asks for, with its Cache-Control; None for anything else."""
    versions = parse_qs(query).get("v", [])
    if path.startswith(STATIC_PREFIX):
        name = path[len(STATIC_PREFIX) :]
        if name in SUBSETS and versions and _subsets["active"]:
            stand_in = SUBSETS[name]
            return stand_in, YEAR if versions[0] == digest(stand_in) else REVALIDATE
        root, rest, cache = NICEGUI_STATIC, name, YEAR
    elif path.startswith(ASSETS_PREFIX):
        root, rest, cache = ASSETS, path[len(ASSETS_PREFIX) :], ""
    else:
        return None
    file = (root / rest).resolve()
    if not file.is_relative_to(root.resolve()) or not file.is_file():
        return None
    if not cache:
        cache = YEAR if versions and versions[0] == digest(file) else REVALIDATE
    return file, cache
