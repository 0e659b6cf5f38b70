"""Which static file answers a request, and how long a browser may keep it.

- Our files under `/assets/` are linked with a hash of their content (`?v=`). With the right
  hash a file is cached for a year (`immutable`); without it, it is revalidated (`no-cache`).
- NiceGUI's files (`/_nicegui/{version}/static/`) carry its version in their path: a year too.
- Three of NiceGUI's files have lighter stand-ins in assets/, written by
  scripts/make_quasar_subset.py: Quasar's JavaScript with only the components our pages render
  (47 KB over the wire instead of 129 KB), and its two stylesheets without the rules of the
  other components, of dark mode and of right-to-left pages (17 KB instead of 31 KB). NiceGUI's
  page template asks for them with their hash (`quasar.umd.prod.js?v=...`, page_template.py);
  the plain addresses still serve NiceGUI's full files, and the stand-ins are not used at all
  if they were made for another version of NiceGUI.
- One stylesheet, made at start-up, holds every rule a page needs (`/assets/page.css`): Quasar's
  two stylesheets and NiceGUI's, each in the cascade layer NiceGUI's template imported it into,
  then ours (utilities, the activities', ui.markdown's, cercle.css). One request instead of seven.
  Without the template's change (another NiceGUI), pages link `/assets/cercle-all.css`: ours only.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import nicegui

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
# NiceGUI's stylesheets, in the layers its page template imports them into (fonts.css is left
# out: its fonts are the icon font, replaced by inline SVG, and Roboto, which no page uses).
NICEGUI_LAYERS = (
    ("quasar", "quasar.unimportant.prod.css"),
    ("quasar_importants", "quasar.important.prod.css"),
    ("nicegui", "nicegui.css"),
)
PAGE_CSS = "page.css"  # NiceGUI's layers and ours: what the page template imports
OUR_CSS = "cercle-all.css"  # ours only: what pages link when the template is NiceGUI's own

_digests: dict[tuple[str, int, int], str] = {}
_state = {"subsets": False, "page_css": False}
_extra_css: list[str] = []  # the activities' stylesheets (add_css)
_built: dict[str, Built] = {}


@dataclass(frozen=True)
class Built:
    """A file made at run time from others, kept in memory."""

    name: str
    content: bytes

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix

    @property
    def version(self) -> str:
        return hashlib.sha256(self.content).hexdigest()[:12]


Source = Path | Built


def digest(source: Source) -> str:
    """A short hash of a file's content, recomputed when the file changes."""
    if isinstance(source, Built):
        return source.version
    stat = source.stat()
    key = (str(source), stat.st_mtime_ns, stat.st_size)
    if key not in _digests:
        _digests[key] = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    return _digests[key]


def url(name: str) -> str:
    """The versioned address of a file in assets/ (or made here): cached for a year."""
    source = built(name) if name in (PAGE_CSS, OUR_CSS) else ASSETS / name
    return f"{ASSETS_PREFIX}{name}?v={digest(source)}"


def add_css(css: str) -> None:
    """Rules for every page (an activity's), served in the pages' stylesheet."""
    if css not in _extra_css:
        _extra_css.append(css)
        _built.clear()


def codehilite() -> tuple[str, str]:
    """ui.markdown's stylesheet (code highlighting) and the name it is served under."""
    from nicegui.elements.markdown import Markdown

    css = Markdown._generate_codehilite_css()  # what ui.markdown serves under a hash of it
    return css, f"codehilite_{hashlib.sha256(css.encode()).hexdigest()[:32]}.css"


def _ours() -> str:
    parts = [(ASSETS / STYLESHEETS[0]).read_text(encoding="utf-8"), *_extra_css, codehilite()[0]]
    return "\n".join([*parts, (ASSETS / STYLESHEETS[1]).read_text(encoding="utf-8")])


def _nicegui_layers() -> str:
    parts = []
    for layer, name in NICEGUI_LAYERS:
        path = SUBSETS[name] if _state["subsets"] and name in SUBSETS else NICEGUI_STATIC / name
        parts.append(f"@layer {layer} {{\n{path.read_text(encoding='utf-8')}\n}}")
    return "\n".join(parts)


def built(name: str) -> Built:
    """The stylesheet made of others (PAGE_CSS or OUR_CSS), remade when one of them changes."""
    sources = [ASSETS / n for n in STYLESHEETS] + list(SUBSETS.values())
    key = f"{name}:" + ",".join(str(p.stat().st_mtime_ns) for p in sources if p.is_file())
    if key not in _built:
        css = _ours() if name == OUR_CSS else _nicegui_layers() + "\n" + _ours()
        _built[key] = Built(name, css.encode())
    return _built[key]


def set_state(*, subsets: bool, page_css: bool) -> None:
    """What the page template asks for (page_template.install)."""
    _state.update(subsets=subsets, page_css=page_css)
    _built.clear()


def head_html() -> str:
    """For a page's <head>: the icons, and our stylesheet when the template does not import it.

    ui.markdown draws its text only once its stylesheet is loaded, and looks for an element that
    carries the stylesheet's name to know: the charter's text then comes with the page, not a
    round trip later.
    """
    marker = "data-" + codehilite()[1].replace(".", "-")
    icons = f'<script defer src="{url(ICONS)}"></script>'
    if _state["page_css"]:
        return f"<style {marker}></style>{icons}"
    return f'<link rel="stylesheet" href="{url(OUR_CSS)}" {marker}>{icons}'


def made_for_this_nicegui(path: Path) -> bool:
    """A stand-in says in its first line which NiceGUI it was made from."""
    if not path.is_file():
        return False
    with path.open(encoding="utf-8") as file:
        return f"NiceGUI {nicegui.__version__}," in file.readline()


def subsets_in_use() -> bool:
    return _state["subsets"]


def page_css_in_use() -> bool:
    return _state["page_css"]


def locate(path: str, query: str) -> tuple[Source, str] | None:
    """The static file a request asks for, with its Cache-Control; None for anything else."""
    versions = parse_qs(query).get("v", [])
    if path.startswith(STATIC_PREFIX):
        name = path[len(STATIC_PREFIX) :]
        if name in SUBSETS and versions and _state["subsets"]:
            stand_in = SUBSETS[name]
            return stand_in, YEAR if versions[0] == digest(stand_in) else REVALIDATE
        root, rest, cache = NICEGUI_STATIC, name, YEAR
    elif path.startswith(ASSETS_PREFIX):
        root, rest, cache = ASSETS, path[len(ASSETS_PREFIX) :], ""
        if rest in (PAGE_CSS, OUR_CSS):
            made = built(rest)
            return made, YEAR if versions and versions[0] == made.version else REVALIDATE
    else:
        return None
    file = (root / rest).resolve()
    if not file.is_relative_to(root.resolve()) or not file.is_file():
        return None
    if not cache:
        cache = YEAR if versions and versions[0] == digest(file) else REVALIDATE
    return file, cache
