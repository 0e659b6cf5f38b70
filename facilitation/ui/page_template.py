"""NiceGUI's page template, changed once at start-up for a weak link.

- Quasar's lighter stand-ins are asked for by their hash (`quasar.umd.prod.js?v=...`, see
  static_files.SUBSETS).
- One stylesheet (static_files.PAGE_CSS) is imported in place of NiceGUI's four `@import`s: one
  request instead of seven once ours are in it too, and no icon font declared.
- The page's socket opens as soon as socket.io has loaded (early_socket.js, inlined), while Vue
  and Quasar still load and start, instead of once the page is drawn. socket.io loads `async`:
  from the cache, it runs as soon as the page's first bytes are read, not after the page has been
  parsed and its stylesheet read; the page is mounted once it is there.
- DOMPurify and NiceGUI's resource loader, imported by the page's last script and by
  ui.markdown, are fetched with the rest instead of after the page has been parsed.
- One script of ours (static_files.PAGE_JS: the icons, NiceGUI's templates compiled ahead) is
  loaded before nicegui.js, and pages import Vue's runtime-only build in place of the full one
  (its address rewritten in the import map and the module preloads).

Each change finds the lines it replaces in NiceGUI's template (its anchor, in NEEDS); when NiceGUI's
template changed, that change is left out, reported skipped with what it missed (`patches`,
`/healthz`) and the page works as NiceGUI made it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jinja2
from nicegui import client as nicegui_client

from . import patches, static_files
from .static_files import PAGE_CSS, PAGE_JS, SUBSETS, digest, made_for_this_nicegui

EARLY_SOCKET = Path(__file__).resolve().parent / "early_socket.js"
STATIC = "{{ prefix | safe }}/_nicegui/{{version}}/static/"
_loader: list[jinja2.BaseLoader] = []  # NiceGUI's own, kept to patch it afresh


def subsets(template: str) -> str | None:
    stale = [path.name for path in SUBSETS.values() if not made_for_this_nicegui(path)]
    if stale:  # NiceGUI's full Quasar is served (reported by `missing`)
        return None
    for name, path in SUBSETS.items():
        marker = f'/static/{name}"'
        if marker not in template:
            return None
        template = template.replace(marker, f'/static/{name}?v={digest(path)}"')
    return template


IMPORTS = re.compile(
    r'@import url\("\{\{ prefix \| safe \}\}/_nicegui/\{\{version\}\}/static/fonts\.css"\) layer\(base\);'
    r".*?"
    r'@import url\("\{\{ prefix \| safe \}\}/_nicegui/\{\{version\}\}/static/nicegui\.css"\) layer\(nicegui\);',
    re.S,
)


def one_stylesheet(template: str) -> str | None:
    match = IMPORTS.search(template)
    expected = ("quasar.unimportant.prod.css", "quasar.important.prod.css")
    if match is None or not all(f"/static/{name}" in match.group(0) for name in expected):
        return None
    return template.replace(match.group(0), '@import url("{{ prefix | safe }}{{ cercle_page_css() }}");')


MOUNT = '      app.mount("#app");'
# The page is mounted once socket.io is there: loaded `async`, it almost always is already.
MOUNT_AFTER_SOCKETIO = """      if (window.io) app.mount("#app");
      else ["load", "error"].forEach((event) =>
        document.getElementById("cercle-socketio").addEventListener(event, () => app.mount("#app"), { once: true }),
      );"""


def early_socket(template: str) -> str | None:
    tag = f'<script defer src="{STATIC}socket.io.min.js"></script>'
    if tag not in template or template.count(MOUNT) != 1:
        return None
    lines = EARLY_SOCKET.read_text(encoding="utf-8").splitlines()
    script = "\n".join(line for line in lines if not line.lstrip().startswith("//"))  # its comments stay here
    call = (
        "cercleConnect({{ (prefix ~ '/_nicegui_ws/socket.io') | tojson | forceescape }}, "
        "{{ socket_io_js_query_params | tojson | forceescape }}, "
        "{{ socket_io_js_transports | tojson | forceescape }})"
    )
    early = (
        f"<script>\n{script}\n</script>\n"
        f'    <script async id="cercle-socketio" src="{STATIC}socket.io.min.js" onload="{call}"></script>'
    )
    return template.replace(tag, early).replace(MOUNT, MOUNT_AFTER_SOCKETIO)


def page_js(template: str) -> str | None:
    tag = f'<script defer src="{STATIC}nicegui.js"></script>'
    if tag not in template:
        return None
    ours = '<script defer src="{{ prefix | safe }}{{ cercle_page_js() }}"></script>'
    return template.replace(tag, f"{ours}\n    {tag}")


def vue_runtime(template: str) -> str | None:
    imports = "{{ imports | safe }}"
    preload = '<link rel="modulepreload" href="{{ url }}" />'
    if not static_files.vue_runtime_ready() or imports not in template or preload not in template:
        return None
    template = template.replace(imports, "{{ imports | cercle_imports | safe }}")
    return template.replace(preload, '<link rel="modulepreload" href="{{ url | cercle_module }}" />')


def imports_map(imports: str) -> str:
    """NiceGUI's import map (JSON), with each address as pages ask for it."""
    return json.dumps(
        {name: static_files.module_url(address) for name, address in json.loads(imports).items()}
    )


def preloads(template: str) -> str | None:
    marker = "{% for url in js_imports_urls %}"
    if marker not in template or '"dompurify"' not in template:
        return None
    links = "".join(
        f'<link rel="modulepreload" href="{STATIC}{name}" />\n    '
        for name in ("dompurify.mjs", "utils/resources.js")
    )
    return template.replace(marker, links + marker, 1)


PATCHES: tuple[tuple[str, Callable[[str], str | None]], ...] = (
    ("subsets", subsets),
    ("page_css", one_stylesheet),
    ("early_socket", early_socket),
    ("preloads", preloads),
    ("page_js", page_js),
    ("vue_runtime", vue_runtime),
)


# What each change does, and the anchor it needs in NiceGUI's template: said when it is left out.
DOES = {
    "subsets": "Quasar's lighter stand-ins asked for by their hash",
    "page_css": "one stylesheet imported instead of NiceGUI's four",
    "early_socket": "the socket opened as soon as socket.io has loaded",
    "preloads": "DOMPurify and the resource loader preloaded",
    "page_js": "our script (icons, compiled templates) loaded before nicegui.js",
    "vue_runtime": "Vue's runtime-only build imported instead of the full one",
}
NEEDS = {
    "subsets": "the links " + ", ".join(f'/static/{name}"' for name in SUBSETS),
    "page_css": "the @import of fonts.css through nicegui.css, quasar's two stylesheets among them",
    "early_socket": f'<script defer src="…/static/socket.io.min.js"></script> and the line {MOUNT.strip()} once',
    "preloads": '{% for url in js_imports_urls %} and "dompurify"',
    "page_js": '<script defer src="…/static/nicegui.js"></script>',
    "vue_runtime": '{{ imports | safe }} and <link rel="modulepreload" href="{{ url }}" />',
}


def missing(name: str, applied: dict[str, bool]) -> str:
    """Why the change `name` was left out."""
    if name == "subsets":
        stale = [path.name for path in SUBSETS.values() if not made_for_this_nicegui(path)]
        if stale:
            return f"{', '.join(stale)} not made for this NiceGUI (scripts/make_quasar_subset.py)"
    if name == "vue_runtime":
        if not applied.get("page_js"):
            return "needs the change page_js (its script carries the compiled templates)"
        if not static_files.vue_runtime_ready():
            return "assets/vue.runtime.js or vue.renders.js not made for this NiceGUI (scripts/make_vue_runtime.py)"
    return f"NiceGUI's index.html lacks {NEEDS[name]}"


def install() -> dict[str, bool]:
    """Patch NiceGUI's page template (again, from NiceGUI's own); which changes were made."""
    env = nicegui_client.templates.env
    if not _loader:
        assert env.loader is not None, "NiceGUI's templates have a loader"
        _loader.append(env.loader)
    template = _loader[0].get_source(env, "index.html")[0]
    applied: dict[str, bool] = {}
    for name, patch in PATCHES:
        changed = None if name == "vue_runtime" and not applied["page_js"] else patch(template)
        applied[name] = changed is not None
        if changed is not None:
            template = changed
        patches.report(
            f"page_template.{name}", applied[name], DOES[name] if applied[name] else missing(name, applied)
        )
    env.globals["cercle_page_css"] = lambda: static_files.url(PAGE_CSS)
    env.globals["cercle_page_js"] = lambda: static_files.url(PAGE_JS)
    env.filters["cercle_imports"] = imports_map
    env.filters["cercle_module"] = static_files.module_url
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"index.html": template}), _loader[0]])
    if env.cache is not None:
        env.cache.clear()
    static_files.set_state(
        **{name: applied[name] for name in ("subsets", "page_css", "page_js", "vue_runtime")}
    )
    return applied
