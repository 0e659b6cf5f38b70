"""Writes Quasar with only what the pages use: assets/quasar.subset.js and two stylesheets.

Usage: python scripts/make_quasar_subset.py        (needs npm and the npm registry)

NiceGUI loads the whole of Quasar on every page: 503 KB of JavaScript, 129 KB over the wire with
brotli, the largest file a phone downloads, and 250 KB of CSS. Cercle's pages use a score of its
~100 components. This script finds them in the code (every `ui.*` element the code creates, and
what each one renders, read from NiceGUI's source), then
- builds Quasar from its sources (the version NiceGUI ships, with esbuild) with only those, the
  plugins Notify, Dark and AppFullscreen and the directives Ripple and ClosePopup (NiceGUI's
  JavaScript uses them), exposed as Quasar's UMD build does (`window.Quasar`, `Quasar.lang`...);
- copies NiceGUI's two Quasar stylesheets without the rules that name a `q-` class no kept
  component, NiceGUI element or Cercle file mentions, and without dark-mode and right-to-left
  rules (Cercle pages are light and left-to-right).
`facilitation/ui/static_files.py` serves them in place of NiceGUI's files while the NiceGUI
version in their first line is the installed one. Run it again after using a new kind of
element, and after upgrading NiceGUI; tests/unit/test_weight.py says when.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nicegui  # noqa: E402
from nicegui import ui  # noqa: E402

from scripts.css_usage import ROOT, python_files  # noqa: E402

OUT = ROOT / "assets" / "quasar.subset.js"
STYLESHEETS = {  # NiceGUI's -> ours
    "quasar.unimportant.prod.css": ROOT / "assets" / "quasar.unimportant.subset.css",
    "quasar.important.prod.css": ROOT / "assets" / "quasar.important.subset.css",
}
BUILD = ROOT / "scripts" / ".quasar-build"  # npm's folder (ignored by git)
ESBUILD = "0.24.2"
NICEGUI_STATIC = Path(nicegui.__file__).parent / "static"
NICEGUI_QUASAR = NICEGUI_STATIC / "quasar.umd.prod.js"
FRAME = {"q-layout", "q-page-container", "q-page"}  # every NiceGUI page is built in these
ALWAYS = FRAME | {"q-icon"}  # icons appear in many components' slots and props
METHODS = {"tooltip": "tooltip"}  # element methods that create an element: `.tooltip(...)`
PLUGINS = ("Notify", "Dark", "AppFullscreen")
DIRECTIVES = ("Ripple", "ClosePopup")
VERSION = re.compile(r"Quasar Framework v(\S+)")
QUASAR_TAG = re.compile(r"""(?:<|['"])(q-[a-z]+(?:-[a-z]+)*)\b""")


def quasar_version(path: Path) -> str | None:
    match = VERSION.search(path.read_text(encoding="utf-8")[:400]) if path.is_file() else None
    return match.group(1) if match else None


def ui_names(files: list[Path] | None = None) -> set[str]:
    """The `ui.*` callables the code uses, and element-creating methods such as `.tooltip(`."""
    names: set[str] = set()
    for path in files or python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                if isinstance(owner, ast.Name) and owner.id == "ui":
                    names.add(node.func.attr)
                elif node.func.attr in METHODS:
                    names.add(METHODS[node.func.attr])
                if (
                    isinstance(owner, ast.Name)
                    and owner.id == "ui"
                    and node.func.attr == "element"
                    and node.args
                ):
                    tag = node.args[0]
                    if isinstance(tag, ast.Constant) and str(tag.value).startswith("q-"):
                        names.add(f"tag:{tag.value}")
    return names


def sources_of(name: str) -> set[Path]:
    """NiceGUI's Python and JavaScript files behind a `ui.*` element."""
    element = getattr(ui, name, None)
    if not inspect.isclass(element):
        return set()
    sources: set[Path] = set()
    for cls in element.__mro__:
        if cls.__module__.startswith("nicegui"):
            sources.add(Path(inspect.getsourcefile(cls)))
            component = getattr(cls, "component", None)
            if component is not None:
                sources.add(Path(component.path))
    return sources


def tags_of(name: str) -> set[str]:
    """The Quasar tags a `ui.*` element renders, read from its NiceGUI classes and Vue component."""
    if name.startswith("tag:"):
        return {name[4:]}
    return {
        tag for source in sources_of(name) for tag in QUASAR_TAG.findall(source.read_text(encoding="utf-8"))
    }


def component_name(tag: str) -> str:
    return "".join(part.capitalize() for part in tag.split("-"))


def needed_components(files: list[Path] | None = None) -> list[str]:
    """Quasar components (QBtn...) the pages render, as far as the code and NiceGUI tell."""
    tags = set(ALWAYS)
    for name in ui_names(files):
        tags |= tags_of(name)
    return sorted(component_name(tag) for tag in tags)


def built_components(path: Path = OUT) -> list[str]:
    """The components a built subset holds, from its header."""
    if not path.is_file():
        return []
    match = re.search(r"components: ([A-Za-z, ]+)\.", path.read_text(encoding="utf-8")[:2000])
    return [name.strip() for name in match.group(1).split(",")] if match else []


def entry(components: list[str], sources: Path) -> str:
    imports = [
        "import installQuasar from 'quasar/src/install-quasar.js'",
        "import Lang from 'quasar/src/plugins/lang/Lang.js'",
        "import IconSet from 'quasar/src/plugins/icon-set/IconSet.js'",
    ]
    for name in components:
        found = sorted((sources / "components").glob(f"*/{name}.js"))
        if found:
            imports.append(f"import {name} from 'quasar/src/components/{found[0].parent.name}/{name}.js'")
    kept = [line.split()[1] for line in imports[3:]]
    for folder, names in (("plugins", PLUGINS), ("directives", DIRECTIVES)):
        for name in names:
            (path,) = (sources / folder).glob(f"*/{name}.js")
            imports.append(f"import {name} from 'quasar/src/{folder}/{path.parent.name}/{name}.js'")
    return (
        "\n".join(imports)
        + f"""
const components = {{ {", ".join(kept)} }}
const directives = {{ {", ".join(DIRECTIVES)} }}
const plugins = {{ {", ".join(PLUGINS)} }}
window.Quasar = {{
  version: __QUASAR_VERSION__,
  install (app, opts) {{ installQuasar(app, {{ components, directives, plugins, ...opts }}) }},
  lang: Lang, iconSet: IconSet, Lang, IconSet,
  ...components, ...directives, ...plugins
}}
"""
    )


def build(version: str, components: list[str]) -> tuple[str, list[str]]:
    BUILD.mkdir(parents=True, exist_ok=True)
    (BUILD / "package.json").write_text(
        json.dumps({"private": True, "dependencies": {"quasar": version, "esbuild": ESBUILD}}, indent=2)
    )
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=BUILD, check=True)
    sources = BUILD / "node_modules" / "quasar" / "src"
    with tempfile.TemporaryDirectory(dir=BUILD) as folder:
        script = Path(folder) / "entry.js"
        script.write_text(entry(components, sources))
        (Path(folder) / "vue.js").write_text("module.exports = globalThis.Vue\n")
        defines = {"__QUASAR_VERSION__": json.dumps(version)} | {
            f"__QUASAR_{flag}__": "false" for flag in ("SSR", "SSR_SERVER", "SSR_CLIENT", "SSR_PWA")
        }
        out = Path(folder) / "out.js"
        subprocess.run(
            [
                str(BUILD / "node_modules" / ".bin" / "esbuild"),
                str(script),
                "--bundle",
                "--minify",
                "--format=iife",
                "--target=es2020",
                "--legal-comments=none",
                f"--alias:vue={Path(folder) / 'vue.js'}",
                f"--outfile={out}",
                *(f"--define:{key}={value}" for key, value in defines.items()),
            ],
            cwd=BUILD,
            check=True,
        )
        kept = [name for name in components if sorted((sources / "components").glob(f"*/{name}.js"))]
        return out.read_text(encoding="utf-8"), kept


def used_blocks(subset_js: str) -> set[str]:
    """`q-` class names (BEM blocks) that something on our pages may put on an element."""
    texts = [subset_js, (NICEGUI_STATIC / "nicegui.js").read_text(encoding="utf-8")]
    texts += [source.read_text(encoding="utf-8") for name in ui_names() for source in sources_of(name)]
    texts += [path.read_text(encoding="utf-8") for path in python_files()]
    ours = [path for path in (ROOT / "assets").glob("*.css") if not path.name.endswith(".subset.css")]
    texts += [path.read_text(encoding="utf-8") for path in ours]
    return set(re.findall(r"q-[a-z0-9]+(?:-[a-z0-9]+)*", "\n".join(texts)))


def _rules(css: str) -> list[str]:
    """Top-level rules and at-rules (with their braces)."""
    rules, depth, start = [], 0, 0
    for index, char in enumerate(css):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append(css[start : index + 1])
                start = index + 1
    return rules


def _selector_may_match(selector: str, blocks: set[str]) -> bool:
    selector = selector.strip()
    if re.match(r"\[dir=\"?rtl\"?\]", selector) or "body--dark" in selector:
        return False  # our pages are left-to-right, and never dark
    for name in re.findall(r"\.(q-[A-Za-z0-9_-]+)", selector):
        block = re.split(r"__|--", name)[0]
        if block not in blocks and not re.match(r"q-(?:[pm][a-z]?-|(?:col-)?gutter)", block):
            return False  # spacing utilities (q-pa-md...) are kept: props may name them
    return True


def purge(css: str, blocks: set[str]) -> str:
    """The stylesheet without the rules none of whose selectors can match on our pages."""
    kept = []
    for rule in _rules(css):
        head, _, body = rule.partition("{")
        if head.strip().startswith(("@media", "@supports", "@layer")):
            inner = purge(body.rsplit("}", 1)[0], blocks)
            if inner:
                kept.append(f"{head}{{{inner}}}")
        elif head.strip().startswith("@") or any(_selector_may_match(s, blocks) for s in head.split(",")):
            kept.append(rule)
    return "".join(kept)


def main() -> None:
    version = quasar_version(NICEGUI_QUASAR)
    if version is None:
        raise SystemExit(f"no Quasar version in {NICEGUI_QUASAR}")
    code, kept = build(version, needed_components())
    made = f"NiceGUI {nicegui.__version__}, Quasar Framework v{version}"
    header = (
        f"/*! Made from {made} (MIT License, (c) 2015-present Razvan Stoenescu) by "
        f"scripts/make_quasar_subset.py: do not edit. components: {', '.join(kept)}. */\n"
    )
    OUT.write_text(header + code, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: Quasar {version}, {len(kept)} components, {OUT.stat().st_size} bytes")
    blocks = used_blocks(code)
    for name, out in STYLESHEETS.items():
        css = purge((NICEGUI_STATIC / name).read_text(encoding="utf-8"), blocks)
        out.write_text(
            f"/*! Made from {name} of {made} by scripts/make_quasar_subset.py: do not edit. */\n{css}\n",
            encoding="utf-8",
        )
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
