"""Writes assets/quasar.subset.js: Quasar with only the components the pages use.

Usage: python scripts/make_quasar_subset.py        (needs npm and the npm registry)

NiceGUI loads the whole of Quasar on every page: 503 KB, 129 KB over the wire with brotli, the
largest file a phone downloads. Cercle's pages use a score of its ~100 components. This script
finds them in the code (every `ui.*` element the code creates, and what each one renders, read
from NiceGUI's source), builds Quasar from its sources with only those, its plugins Notify,
Dark and AppFullscreen and the directives Ripple and ClosePopup (NiceGUI's JavaScript uses
them), at the version NiceGUI ships, with esbuild, and exposes it as Quasar's UMD build does
(`window.Quasar`, `app.use(Quasar)`, `Quasar.lang`...). `facilitation/ui/delivery.py` serves it
in place of NiceGUI's file while their versions match. Run it again after using a new kind of
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

from facilitation.ui.delivery import quasar_version  # noqa: E402
from scripts.css_usage import ROOT, python_files  # noqa: E402

OUT = ROOT / "assets" / "quasar.subset.js"
BUILD = ROOT / "scripts" / ".quasar-build"  # npm's folder (ignored by git)
ESBUILD = "0.24.2"
NICEGUI_QUASAR = Path(nicegui.__file__).parent / "static" / "quasar.umd.prod.js"
FRAME = {"q-layout", "q-page-container", "q-page"}  # every NiceGUI page is built in these
ALWAYS = FRAME | {"q-icon"}  # icons appear in many components' slots and props
METHODS = {"tooltip": "tooltip"}  # element methods that create an element: `.tooltip(...)`
PLUGINS = ("Notify", "Dark", "AppFullscreen")
DIRECTIVES = ("Ripple", "ClosePopup")
QUASAR_TAG = re.compile(r"""(?:<|['"])(q-[a-z]+(?:-[a-z]+)*)\b""")


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


def tags_of(name: str) -> set[str]:
    """The Quasar tags a `ui.*` element renders, read from its NiceGUI classes and Vue component."""
    if name.startswith("tag:"):
        return {name[4:]}
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
    return {tag for source in sources for tag in QUASAR_TAG.findall(source.read_text(encoding="utf-8"))}


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


def main() -> None:
    version = quasar_version(NICEGUI_QUASAR)
    if version is None:
        raise SystemExit(f"no Quasar version in {NICEGUI_QUASAR}")
    code, kept = build(version, needed_components())
    header = (
        f"/*! Quasar Framework v{version} (MIT License, (c) 2015-present Razvan Stoenescu), "
        f"components: {', '.join(kept)}. Generated by scripts/make_quasar_subset.py: do not edit. */\n"
    )
    OUT.write_text(header + code, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: Quasar {version}, {len(kept)} components, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
