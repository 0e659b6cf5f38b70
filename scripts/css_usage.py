"""Which CSS classes and icons the code uses, and which classes a stylesheet defines.

Read from the source (no import, no server): every string given to `.classes(...)` (with its
`add=`/`replace=`), every `class="..."` inside a string (HTML built in Python), and every icon
name given as `icon="..."`, to `ui.icon("...")` or to a helper called `icon("...", ...)`.
An f-string placeholder leaves a partial name such as `cercle-page-*`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("facilitation", "activities")
HOLE = "*"  # stands for an f-string placeholder inside a class name
CLASS_ATTRIBUTE = re.compile(r"""class\s*=\s*["']([^"']*)["']""")
# A class in a selector: `.name`, with CSS escapes such as `.max-md\:flex-wrap` or `.w-\[36rem\]`.
CSS_CLASS = re.compile(r"\.((?:[A-Za-z_-]|\\.)(?:[\w-]|\\.)*)")
CSS_RULE = re.compile(r"([^{}]*)\{")


def python_files(root: Path = ROOT) -> list[Path]:
    return sorted(p for folder in SOURCES for p in (root / folder).rglob("*.py"))


def _text(node: ast.AST) -> str | None:
    """A string constant, or an f-string with its placeholders as HOLE."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else HOLE for v in node.values)
    return None


def _strings(node: ast.AST) -> Iterator[str]:
    """Every string in an expression (both sides of `a if c else b`, of `a + b`...)."""
    parts = {id(v) for n in ast.walk(node) if isinstance(n, ast.JoinedStr) for v in n.values}
    for child in ast.walk(node):
        text = _text(child)
        if text is not None and id(child) not in parts:
            yield text


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{line}"


def _tokens(text: str) -> Iterator[str]:
    for token in text.split():
        if token.strip(HOLE):
            yield token


def used_classes(files: list[Path] | None = None) -> dict[str, str]:
    """Every class token the code uses -> where it is first used (file:line)."""
    found: dict[str, str] = {}

    def note(text: str, path: Path, line: int) -> None:
        for token in _tokens(text):
            found.setdefault(token, _where(path, line))

    for path in files or python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        joined_parts = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "classes"
            ):
                arguments = [*node.args, *(k.value for k in node.keywords if k.arg in ("add", "replace"))]
                for argument in arguments:
                    for text in _strings(argument):
                        note(text, path, node.lineno)
            text = _text(node)
            if text is not None and id(node) not in joined_parts:
                for match in CLASS_ATTRIBUTE.finditer(text):
                    note(match.group(1), path, node.lineno)
    return found


def used_icons(files: list[Path] | None = None) -> dict[str, str]:
    """Every Material icon name the code uses -> where it is first used (file:line)."""
    found: dict[str, str] = {}
    for path in files or python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            names = [k.value for k in node.keywords if k.arg == "icon"]
            callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if callee == "icon" and node.args:
                names.append(node.args[0])
            for name in names:
                for text in _strings(name):
                    if text:
                        found.setdefault(text, _where(path, node.lineno))
    return found


def defined_classes(css: str) -> set[str]:
    """The classes that a stylesheet's selectors name (unescaped: `max-md:flex-wrap`)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    names: set[str] = set()
    for selector in CSS_RULE.findall(css):
        if selector.strip().startswith("@"):
            continue
        for name in CSS_CLASS.findall(selector):
            names.add(re.sub(r"\\(.)", r"\1", name))
    return names


def css_in_code(files: list[Path] | None = None) -> str:
    """CSS written in Python strings (activities' `css`, `<style>` blocks in built HTML)."""
    parts = []
    for path in files or python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = _text(node)
            if text and "{" in text and re.search(r"\.[A-Za-z][\w-]*[^{};]*\{[^{}]*:", text):
                parts.append(text.replace(HOLE, ""))
    return "\n".join(parts)


def matches(token: str, defined: set[str]) -> bool:
    """A used token is defined; a partial one (`cercle-page-*`) when some definition fits it."""
    if HOLE not in token:
        return token in defined
    pattern = re.compile("^" + ".*".join(re.escape(part) for part in token.split(HOLE)) + "$")
    return any(pattern.match(name) for name in defined)
