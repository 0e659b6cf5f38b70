"""Pages import Vue without its compiler: every template they may draw was compiled ahead."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nicegui
import pytest

from facilitation.ui import page_template, static_files
from scripts.css_usage import python_files
from scripts.make_quasar_subset import sources_of, ui_names
from scripts.make_vue_runtime import TEMPLATE, literal, nicegui_templates, vue_version

pytestmark = pytest.mark.nicegui  # NiceGUI's internals: run again by `make nicegui-upgrade`

ENTRY = re.compile(r'^  (".*"): function \(\) \{$', re.M)


def compiled() -> set[str]:
    return {json.loads(key) for key in ENTRY.findall(static_files.VUE_RENDERS.read_text(encoding="utf-8"))}


def test_the_runtime_and_the_templates_were_made_for_this_nicegui() -> None:
    """After upgrading NiceGUI: run `python scripts/make_vue_runtime.py`."""
    for path in (static_files.VUE_RUNTIME, static_files.VUE_RENDERS):
        assert static_files.made_for_this_nicegui(path), f"{path.name}: run scripts/make_vue_runtime.py"
        assert f"vue v{vue_version()}" in path.read_text(encoding="utf-8").splitlines()[0]


def test_every_template_nicegui_ships_as_javascript_is_compiled() -> None:
    made = compiled()
    missing = {
        where: text[:60]
        for where, text in nicegui_templates().items()
        if literal(text) not in made and not where.startswith("interactive_image.js")  # Vue refuses it
    }
    assert not missing, f"not compiled (run scripts/make_vue_runtime.py): {missing}"


def test_the_pages_use_no_template_vue_would_compile_in_the_browser() -> None:
    """No `.vue` component (NiceGUI compiles those from the page), no slot given a template."""
    vue_files = {name: s.name for name in ui_names() for s in sources_of(name) if s.suffix == ".vue"}
    assert not vue_files
    slot_templates = []
    for path in python_files() + [s for name in ui_names() for s in sources_of(name) if s.suffix == ".py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "add_slot"
            ):
                if len(node.args) + len(node.keywords) > 1:
                    slot_templates.append(f"{path.name}:{node.lineno}")
    assert not slot_templates, f"slot templates need Vue's compiler: {slot_templates}"


def test_javascript_literals_are_read_as_javascript_does() -> None:
    assert literal('`<a :x="y">\n  \\`b\\`</a>`') == '<a :x="y">\n  `b`</a>'
    assert literal('"<div class=\\"q\\"></div>"') == '<div class="q"></div>'
    assert literal("'<div></div>'") == "<div></div>"
    source = (Path(nicegui.__file__).parent / "elements" / "html.js").read_text(encoding="utf-8")
    assert literal(TEMPLATE.search(source).group(1)) == '<component :is="tag"></component>'


def test_pages_import_the_runtime_by_its_hash() -> None:
    assert page_template.install()["vue_runtime"]
    full = f"/p/_nicegui/{nicegui.__version__}/static/{static_files.VUE}"
    runtime = static_files.module_url(full)
    version = static_files.digest(static_files.VUE_RUNTIME)
    assert runtime == f"{full}?v={version}"
    imports = json.loads(page_template.imports_map(json.dumps({"vue": full, "dompurify": "/d.mjs"})))
    assert imports == {"vue": runtime, "dompurify": "/d.mjs"}
    path = full.removeprefix("/p")
    assert static_files.locate(path, f"v={version}") == (static_files.VUE_RUNTIME, static_files.YEAR)
    assert static_files.locate(path, "")[0].name == static_files.VUE  # NiceGUI's full build
    script = static_files.built(static_files.PAGE_JS).content.decode()
    for part in ("window.cercleIcons", "window.cercleRenders", "function cercleCompiled(app)"):
        assert part in script
    assert script.endswith("window.cercleVueRuntime = true;\n")
