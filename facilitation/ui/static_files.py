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
- Vue without its template compiler (assets/vue.runtime.js, 35 KB over the wire instead of 53 KB)
  stands in for NiceGUI's full build, asked for by its hash (`vue.esm-browser.prod.js?v=...`),
  with NiceGUI's templates compiled ahead (assets/vue.renders.js); both written by
  scripts/make_vue_runtime.py, both used only if made for the installed NiceGUI.
- One script, made at start-up, holds the icons and those compiled templates (`/assets/page.js`).
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
PAGE_JS = "page.js"  # the icons and NiceGUI's compiled templates
BUILT = (PAGE_CSS, OUR_CSS, PAGE_JS)
VUE = "vue.esm-browser.prod.js"  # NiceGUI's full build of Vue
VUE_RUNTIME = ASSETS / "vue.runtime.js"  # ... and its stand-in (scripts/make_vue_runtime.py)
VUE_RENDERS = ASSETS / "vue.renders.js"
COMPONENTS = Path(__file__).resolve().parent / "components.js"  # hands them to the components

_digests: dict[tuple[str, int, int], str] = {}
_state = {"subsets": False, "page_css": False, "page_js": False, "vue_runtime": False}
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
    source = built(name) if name in BUILT else ASSETS / name
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


def _page_js() -> str:
    parts = [(ASSETS / ICONS).read_text(encoding="utf-8")]
    if made_for_this_nicegui(VUE_RENDERS):
        parts += [VUE_RENDERS.read_text(encoding="utf-8"), COMPONENTS.read_text(encoding="utf-8")]
    if _state["vue_runtime"]:
        parts.append("window.cercleVueRuntime = true;\n")
    return "\n".join(parts)


def built(name: str) -> Built:
    """A file made of others (PAGE_CSS, OUR_CSS, PAGE_JS), remade when one of them changes."""
    sources = [ASSETS / n for n in (*STYLESHEETS, ICONS)] + [*SUBSETS.values(), VUE_RENDERS, COMPONENTS]
    key = f"{name}:" + ",".join(str(p.stat().st_mtime_ns) for p in sources if p.is_file())
    if key not in _built:
        if name == PAGE_JS:
            text = _page_js()
        else:
            text = _ours() if name == OUR_CSS else _nicegui_layers() + "\n" + _ours()
        _built[key] = Built(name, text.encode())
    return _built[key]


def set_state(**changes: bool) -> None:
    """What the page template asks for (page_template.install)."""
    _state.update(changes)
    _built.clear()


def vue_runtime_ready() -> bool:
    return made_for_this_nicegui(VUE_RUNTIME) and made_for_this_nicegui(VUE_RENDERS)


def module_url(address: str) -> str:
    """A module's address as pages ask for it: Vue's full build becomes the runtime's, by hash."""
    if _state["vue_runtime"] and address.endswith(STATIC_PREFIX + VUE):
        return f"{address}?v={digest(VUE_RUNTIME)}"
    return address


def head_html() -> str:
    """For a page's <head>: the icons, and our stylesheet when the template does not import it.

    ui.markdown draws its text only once its stylesheet is loaded, and looks for an element that
    carries the stylesheet's name to know: the charter's text then comes with the page, not a
    round trip later.
    """
    marker = "data-" + codehilite()[1].replace(".", "-")
    icons = "" if _state["page_js"] else f'<script defer src="{url(ICONS)}"></script>'
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


def page_js_in_use() -> bool:
    return _state["page_js"]


def vue_runtime_in_use() -> bool:
    return _state["vue_runtime"]


def locate(path: str, query: str) -> tuple[Source, str] | None:
    """The static file a request asks for, with its Cache-Control; None for anything else."""
    versions = parse_qs(query).get("v", [])
    if path.startswith(STATIC_PREFIX):
        name = path[len(STATIC_PREFIX) :]
        if name in SUBSETS and versions and _state["subsets"]:
            stand_in = SUBSETS[name]
            return stand_in, YEAR if versions[0] == digest(stand_in) else REVALIDATE
        if name == VUE and versions and _state["vue_runtime"]:
            return VUE_RUNTIME, YEAR if versions[0] == digest(VUE_RUNTIME) else REVALIDATE
        root, rest, cache = NICEGUI_STATIC, name, YEAR
    elif path.startswith(ASSETS_PREFIX):
        root, rest, cache = ASSETS, path[len(ASSETS_PREFIX) :], ""
        if rest in BUILT:
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
