"""NiceGUI's page template as Cercle changes it: one stylesheet, the socket opened early, the
module preloads; each change left out when NiceGUI's template no longer has what it replaces."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import jinja2
import pytest
from nicegui.client import templates

from facilitation.ui import delivery, page_template, static_files

pytestmark = pytest.mark.nicegui  # NiceGUI's internals: run again by `make nicegui-upgrade`

NICEGUI_IMPORTS = (
    "static/fonts.css",
    "quasar.unimportant.prod.css",
    "quasar.important.prod.css",
    "nicegui.css",
)


def installed() -> str:
    page_template.install()
    return templates.env.loader.get_source(templates.env, "index.html")[0]


def test_the_page_imports_one_stylesheet_instead_of_nicegui_four() -> None:
    template = installed()
    assert '@import url("{{ prefix | safe }}{{ cercle_page_css() }}");' in template
    assert not [name for name in NICEGUI_IMPORTS if name in template.split("</style>", 1)[0]]
    assert static_files.page_css_in_use()
    assert "data-codehilite_" in static_files.head_html() and "<link" not in static_files.head_html()


@pytest.fixture
def extra_css(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(static_files, "_extra_css", [])
    yield
    static_files._built.clear()


def test_the_stylesheet_keeps_nicegui_layers_and_our_order(extra_css: None) -> None:
    installed()
    before = static_files.url(static_files.PAGE_CSS)
    static_files.add_css(".an-activity { color: red; }")
    assert static_files.url(static_files.PAGE_CSS) != before  # a new address when a rule is added
    css = static_files.built(static_files.PAGE_CSS).content.decode()
    quasar = (static_files.ASSETS / "quasar.unimportant.subset.css").read_text(encoding="utf-8")
    assert css.startswith("@layer quasar {\n" + quasar)
    order = [
        "@layer quasar_importants {",
        "@layer nicegui {",
        "@layer base {",  # utilities.css, with Tailwind's reset
        ".an-activity { color: red; }",
        ".codehilite",
        (static_files.ASSETS / "cercle.css").read_text(encoding="utf-8"),  # last: it wins ties
    ]
    positions = [css.index(part) for part in order]
    assert positions == sorted(positions) and css.endswith(order[-1])
    assert "@font-face" not in css  # no icon font, no Roboto


def test_the_stylesheet_is_cached_with_its_hash(extra_css: None) -> None:
    installed()
    made = static_files.built(static_files.PAGE_CSS)
    assert static_files.locate("/assets/page.css", f"v={made.version}") == (made, static_files.YEAR)
    assert static_files.locate("/assets/page.css", "")[1] == static_files.REVALIDATE
    assert delivery.encoded(made, "br") is delivery.encoded(made, "br")


class Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append(dict(attrs))


def test_the_socket_opens_as_soon_as_socketio_has_loaded() -> None:
    template = installed()
    assert "function cercleConnect(path, query, transports)" in template
    tag = re.search(
        r'<script async id="cercle-socketio" src="[^"]*socket\.io\.min\.js" onload="[^"]*"></script>',
        template,
    )
    assert tag, "socket.io's script calls cercleConnect once loaded"
    assert "app.mount" not in template.replace(
        page_template.MOUNT_AFTER_SOCKETIO, ""
    )  # once socket.io is there
    assert "//" not in template.split("function cercleConnect", 1)[1].split("</script>", 1)[0].replace(
        "://", ""
    )
    # Rendered with awkward values, the call stays one attribute and its arguments stay data.
    env = jinja2.Environment(autoescape=True)
    rendered = env.from_string(tag.group(0)).render(
        prefix="/it's&co",  # NiceGUI percent-encodes the rest (quotes, brackets)
        version="3",
        socket_io_js_query_params={
            "client_id": 'a"b</script>',
            "implicit_handshake": True,
            "next_message_id": 0,
        },
        socket_io_js_transports=["websocket", "polling"],
    )
    parser = Attributes()
    parser.feed(rendered)
    (attributes,) = parser.found
    call = html.unescape(attributes["onload"] or "")
    assert call.startswith("cercleConnect(") and call.endswith(")")
    path, query, transports = json.loads("[" + call[len("cercleConnect(") : -1] + "]")
    assert path == "/it's&co/_nicegui_ws/socket.io"
    assert query["client_id"] == 'a"b</script>' and query["implicit_handshake"] is True
    assert transports == ["websocket", "polling"]


def test_domPurify_and_the_resource_loader_are_preloaded() -> None:
    template = installed()
    head = template.split("</head>", 1)[0]
    for name in ("dompurify.mjs", "utils/resources.js"):
        assert (
            f'<link rel="modulepreload" href="{{{{ prefix | safe }}}}/_nicegui/{{{{version}}}}/static/{name}" />'
            in head
        )


UNKNOWN = "<html><head><style>@import url('x.css');</style></head><body>{{ elements }}</body></html>"


@pytest.fixture
def unknown_template(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(page_template, "_loader", [jinja2.DictLoader({"index.html": UNKNOWN})])
    yield
    monkeypatch.undo()
    page_template.install()


def test_a_template_that_changed_is_left_as_nicegui_made_it(unknown_template: None) -> None:
    applied = page_template.install()
    assert not any(applied.values()) and set(applied) == {name for name, _ in page_template.PATCHES}
    assert installed_source() == UNKNOWN
    assert not static_files.page_css_in_use() and not static_files.subsets_in_use()
    assert static_files.url(static_files.OUR_CSS) in static_files.head_html()  # our rules, linked
    ours = static_files.built(static_files.OUR_CSS).content.decode()
    assert "@layer quasar" not in ours and ours.endswith((static_files.ASSETS / "cercle.css").read_text())


def installed_source() -> str:
    return templates.env.loader.get_source(templates.env, "index.html")[0]


def test_static_delivery_stands_outside_every_other_middleware() -> None:
    inner = object()
    building = delivery.outermost(lambda: inner)
    stack = building()
    assert isinstance(stack, delivery.StaticDelivery) and stack.app is inner
    assert delivery.is_outermost(building) and not delivery.is_outermost(lambda: inner)
