"""Writes Vue without its template compiler, and NiceGUI's templates compiled ahead.

Usage: python scripts/make_vue_runtime.py        (needs npm and the npm registry)

NiceGUI loads Vue's full build (53 KB over the wire) because its components are written with a
`template:` string, compiled in the browser when a page first draws them. A third of that build
is the compiler. This script
- copies Vue's runtime-only build, from the Vue release NiceGUI ships, to assets/vue.runtime.js;
- compiles the template of every component NiceGUI ships as JavaScript (elements/**/*.js), with
  Vue's own compiler at that release, into assets/vue.renders.js: `window.cercleRenders`, from a
  template's text to a function that makes its render function.
facilitation/ui/page_template.py loads the renders with every page; `delivery.COMPONENTS` hands
a component its render function when NiceGUI registers it, and pages import the runtime build
in place of the full one (static_files.SUBSETS) while both files were made for the installed
NiceGUI. Templates NiceGUI builds at run time (a `.vue` component's, a slot's) would not be
drawn: tests/unit/test_vue_runtime.py checks that the code uses none. Run it again after
upgrading NiceGUI; tests/unit/test_vue_runtime.py says when.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nicegui  # noqa: E402

from scripts.css_usage import ROOT  # noqa: E402

RUNTIME = ROOT / "assets" / "vue.runtime.js"
RENDERS = ROOT / "assets" / "vue.renders.js"
BUILD = ROOT / "scripts" / ".vue-build"  # npm's folder (ignored by git)
NICEGUI = Path(nicegui.__file__).parent
NICEGUI_VUE = NICEGUI / "static" / "vue.esm-browser.prod.js"
VERSION = re.compile(r"vue v(\d+\.\d+\.\d+)")
# `template: `...``, `template: "..."` or `template: '...'` (no placeholder in any of them)
TEMPLATE = re.compile(r"""\btemplate:\s*(`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""", re.S)
COMPILE = """
const { compile } = require("@vue/compiler-dom");
const literals = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const literal of literals) {
  const template = (0, eval)(literal); // NiceGUI's own files
  try {
    out[template] = compile(template, { mode: "function", prefixIdentifiers: true, hoistStatic: true }).code;
  } catch (error) {
    out[template] = null; // what Vue's full build would throw on too
    console.error(`not compiled: ${error.message}: ${template.slice(0, 80)}`);
  }
}
process.stdout.write(JSON.stringify(out));
"""


def vue_version(path: Path = NICEGUI_VUE) -> str | None:
    match = VERSION.search(path.read_text(encoding="utf-8")[:300]) if path.is_file() else None
    return match.group(1) if match else None


def literal(text: str) -> str:
    """The value of a JavaScript string literal without placeholders (checked against node's)."""
    quote, body = text[0], text[1:-1]
    body = re.sub(r"\\([`'$])", r"\1", body)  # escapes JSON does not have
    if quote != '"':
        body = re.sub(r'(?<!\\)((?:\\\\)*)"', r'\1\\"', body)
    return json.loads('"' + body.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + '"')


def nicegui_templates(root: Path = NICEGUI / "elements") -> dict[str, str]:
    """Every `template:` of NiceGUI's JavaScript components (its literal), by the file it is in."""
    found = {}
    for path in sorted(root.rglob("*.js")):
        for index, match in enumerate(TEMPLATE.finditer(path.read_text(encoding="utf-8"))):
            found[f"{path.relative_to(root)}#{index}"] = match.group(1)
    return found


def build(version: str, literals: list[str]) -> tuple[str, dict[str, str | None]]:
    BUILD.mkdir(parents=True, exist_ok=True)
    packages = {"vue": version, "@vue/compiler-dom": version}
    (BUILD / "package.json").write_text(json.dumps({"private": True, "dependencies": packages}, indent=2))
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=BUILD, check=True)
    runtime = (BUILD / "node_modules" / "vue" / "dist" / "vue.runtime.esm-browser.prod.js").read_text()
    compiled = subprocess.run(
        ["node", "-e", COMPILE],
        cwd=BUILD,
        input=json.dumps(literals),
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    out = json.loads(compiled.stdout)
    assert set(out) == {literal(text) for text in literals}, "node and Python read the templates alike"
    return runtime, out


def renders_script(compiled: dict[str, str | None], made: str) -> str:
    entries = ",\n".join(
        f"  {json.dumps(template)}: function () {{\n{code}\n}}"
        for template, code in sorted(compiled.items())
        if code is not None
    )
    return (
        f"/*! Made from {made} (MIT License, (c) 2018-present Yuxi (Evan) You and Vue contributors) by "
        f"scripts/make_vue_runtime.py: do not edit. {sum(1 for c in compiled.values() if c)} templates. */\n"
        f"window.cercleRenders = {{\n{entries}\n}};\n"
    )


def main() -> None:
    version = vue_version()
    if version is None:
        raise SystemExit(f"no Vue version in {NICEGUI_VUE}")
    runtime, compiled = build(version, sorted(set(nicegui_templates().values())))
    made = f"NiceGUI {nicegui.__version__}, vue v{version}"
    RUNTIME.write_text(
        f"/*! Made from {made}: Vue's runtime-only build, by scripts/make_vue_runtime.py: do not edit. */\n"
        + runtime,
        encoding="utf-8",
    )
    RENDERS.write_text(renders_script(compiled, made), encoding="utf-8")
    for path in (RUNTIME, RENDERS):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
