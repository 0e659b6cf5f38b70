"""The join page stays light: every utility class and icon the code uses is served without
Tailwind's runtime or the icon font, and static files are precompressed and cached."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import brotli
import nicegui
import pytest

from facilitation.ui import delivery, page_template, static_files
from scripts.css_usage import css_in_code, defined_classes, matches, used_classes, used_icons
from scripts.make_icons import QUASAR_ICONS
from scripts.make_quasar_subset import built_components, needed_components, purge, tags_of, ui_names

pytestmark = pytest.mark.nicegui  # NiceGUI's internals: run again by `make nicegui-upgrade`

ROOT = Path(__file__).resolve().parent.parent.parent
ASSETS = ROOT / "assets"
NICEGUI_STATIC = Path(nicegui.__file__).parent / "static"
OURS = ("q-", "cercle-", "nicegui-")  # Quasar's, NiceGUI's, and our own stylesheet's
HOOKS = {"hidden-comment"}  # classes that only mark an element (for tests), styled by nothing


def our_css() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in ASSETS.glob("*.css")) + css_in_code()


def quasar_css() -> str:
    names = ("quasar.unimportant.prod.css", "quasar.important.prod.css", "nicegui.css")
    return "\n".join((NICEGUI_STATIC / name).read_text(encoding="utf-8") for name in names)


def test_the_extraction_sees_every_kind_of_use(tmp_path) -> None:
    source = tmp_path / "views.py"
    source.write_text(
        'ui.row().classes("w-full max-md:flex-wrap")\n'
        'ui.label().classes("font-bold" if x else "w-[36rem]")\n'
        'ui.label().classes(f"cercle-page-{kind} gap-3")\n'
        "ui.html('<div class=\"text-xs uppercase\">')\n"
        'ui.button(icon="send")\n'
        'self.icon("push_pin", "key")\n'
    )
    assert set(used_classes([source])) == {
        "w-full",
        "max-md:flex-wrap",
        "font-bold",
        "w-[36rem]",
        "cercle-page-*",
        "gap-3",
        "text-xs",
        "uppercase",
    }
    assert set(used_icons([source])) == {"send", "push_pin"}


def test_css_escapes_are_read() -> None:
    css = ".max-md\\:flex-wrap { @media (width < 48rem) { flex-wrap: wrap; } } .w-\\[36rem\\], a.b:hover {}"
    assert defined_classes(css) == {"max-md:flex-wrap", "w-[36rem]", "b"}
    assert matches("cercle-page-*", {"cercle-page-phone"}) and not matches("x-*", {"y-1"})


def test_every_class_the_code_uses_is_defined_without_tailwind() -> None:
    """A new utility class: run `python scripts/make_utilities_css.py` (it writes assets/utilities.css)."""
    defined = defined_classes(our_css()) | defined_classes(quasar_css())
    missing = {
        token: where
        for token, where in used_classes().items()
        if not token.startswith(OURS) and token not in HOOKS and not matches(token, defined)
    }
    assert not missing, f"classes no stylesheet defines (run scripts/make_utilities_css.py): {missing}"


def test_utilities_keep_their_cascade_layer() -> None:
    """Utilities in Tailwind's layer: our unlayered cercle.css still wins over them, as before."""
    css = (ASSETS / "utilities.css").read_text(encoding="utf-8")
    assert "@layer utilities {" in css and "@layer base {" in css  # the utilities and Tailwind's reset
    assert ".w-full {" in css.split("@layer utilities {", 1)[1]


def icon_map() -> dict[str, str]:
    text = (ASSETS / "icons.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"window\.cercleIcons = (\{.*\});", text, re.S).group(1))


def test_every_icon_the_code_uses_is_drawn_inline() -> None:
    """A new icon: run `python scripts/make_icons.py` (it writes assets/icons.js)."""
    icons = icon_map()
    missing = {name: where for name, where in used_icons().items() if name not in icons}
    assert not missing, f"icons without an outline (run scripts/make_icons.py): {missing}"
    assert set(QUASAR_ICONS) <= set(icons)
    for outline in icons.values():
        path, view_box = outline.split("|")
        assert re.match(r"^M[\d.]", path) and view_box == "0 0 512 512"  # what Quasar draws as <svg>


def test_the_icon_map_reaches_quasar_before_it_is_installed() -> None:
    from nicegui import app

    script = delivery.ICON_MAP + app.config.vue_config_script
    assert script.index("iconMapFn") < script.index("app.use(Quasar")
    applied = page_template.install()
    if applied["page_js"]:  # in the page's one script of ours, loaded before nicegui.js
        assert "window.cercleIcons = " in static_files.built(static_files.PAGE_JS).content.decode()
        assert static_files.url("icons.js") not in static_files.head_html()
    else:
        assert static_files.url("icons.js") in static_files.head_html()


def test_versioned_assets_are_cached_for_a_year_and_others_revalidated() -> None:
    version = static_files.digest(ASSETS / "cercle.css")
    assert static_files.url("cercle.css") == f"/assets/cercle.css?v={version}"
    assert static_files.locate("/assets/cercle.css", f"v={version}") == (
        (ASSETS / "cercle.css").resolve(),
        static_files.YEAR,
    )
    assert static_files.locate("/assets/cercle.css", "v=000000000000")[1] == "no-cache"
    assert static_files.locate("/assets/cercle.css", "")[1] == "no-cache"
    static = static_files.locate(f"/_nicegui/{nicegui.__version__}/static/nicegui.js", "")
    assert static == ((NICEGUI_STATIC / "nicegui.js").resolve(), static_files.YEAR)
    assert static_files.locate("/assets/../main.py", "") is None
    assert static_files.locate("/j/ABC123", "") is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (b"gzip, deflate, br, zstd", "br"),
        (b"gzip, deflate", "gzip"),
        (b"br;q=0, gzip", "gzip"),
        (b"identity", None),
        (b"", None),
    ],
)
def test_the_best_accepted_encoding(header: bytes, expected: str | None) -> None:
    assert delivery.accepted({b"accept-encoding": header}) == expected


def test_compressed_once_and_decoded_back() -> None:
    path = ASSETS / "cercle.css"
    raw = path.read_bytes()
    assert brotli.decompress(delivery.encoded(path, "br")) == raw
    assert gzip.decompress(delivery.encoded(path, "gzip")) == raw
    assert delivery.encoded(path, "br") is delivery.encoded(path, "br")  # kept, not recomputed


def test_the_quasar_subset_has_every_component_the_pages_render() -> None:
    """A new kind of element, or a NiceGUI upgrade: run `python scripts/make_quasar_subset.py`."""
    missing = set(needed_components()) - set(built_components())
    assert not missing, f"not in assets/quasar.subset.js (run scripts/make_quasar_subset.py): {missing}"
    for stand_in in static_files.SUBSETS.values():
        assert static_files.made_for_this_nicegui(stand_in), (
            f"{stand_in.name}: run scripts/make_quasar_subset.py"
        )


def test_what_an_element_renders_is_read_from_nicegui(tmp_path) -> None:
    source = tmp_path / "views.py"
    source.write_text('ui.select([])\nui.button("x").tooltip("y")\nui.element("q-chip")\n')
    assert ui_names([source]) == {"select", "button", "tooltip", "element", "tag:q-chip"}
    assert "q-select" in tags_of("select") and tags_of("button") == {"q-btn"}
    assert {"QSelect", "QBtn", "QTooltip", "QChip", "QLayout", "QPage"} <= set(needed_components([source]))


def test_unused_quasar_rules_are_dropped_and_the_rest_kept() -> None:
    css = (
        ".q-btn{a:1}.q-table__top{b:2}.q-btn,.q-table{c:3}@media (min-width:1px){.q-table{d:4}.row{e:5}}"
        '[dir="rtl"] .q-btn{f:6}body.body--dark .q-btn{g:7}.q-pa-md{h:8}.text-primary{i:9}'
    )
    assert purge(css, {"q-btn"}) == (
        ".q-btn{a:1}.q-btn,.q-table{c:3}@media (min-width:1px){.row{e:5}}.q-pa-md{h:8}.text-primary{i:9}"
    )


def test_pages_ask_for_the_subsets_by_their_hash() -> None:
    from nicegui.client import templates

    assert page_template.install()["subsets"]
    template = templates.env.loader.get_source(templates.env, "index.html")[0]
    prefix = f"/_nicegui/{nicegui.__version__}/static/"
    for name, stand_in in static_files.SUBSETS.items():
        version = static_files.digest(stand_in)
        if name.endswith(".js"):
            assert f"/static/{name}?v={version}" in template
        assert static_files.locate(prefix + name, f"v={version}") == (stand_in, static_files.YEAR)
        assert static_files.locate(prefix + name, "")[0] == (NICEGUI_STATIC / name).resolve()  # the full one


async def inner_app(scope, receive, send) -> None:
    """Stands for NiceGUI's app behind the middleware."""
    headers = [(b"content-type", b"audio/x-wav"), (b"cache-control", b"public, max-age=3600")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"from the app"})


async def test_the_middleware_sends_precompressed_files_and_passes_the_rest() -> None:
    import httpx

    transport = httpx.ASGITransport(app=delivery.StaticDelivery(inner_app))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        version = static_files.digest(ASSETS / "cercle.css")
        response = await client.get(f"/assets/cercle.css?v={version}", headers={"accept-encoding": "br"})
        assert response.headers["content-encoding"] == "br"
        assert response.headers["cache-control"] == static_files.YEAR
        assert response.content == (ASSETS / "cercle.css").read_bytes()  # httpx decodes brotli
        again = await client.get(
            "/assets/cercle.css", headers={"accept-encoding": "br", "if-none-match": response.headers["etag"]}
        )
        assert again.status_code == 304 and again.headers["cache-control"] == "no-cache"
        plain = await client.get("/assets/cercle.css", headers={"accept-encoding": "identity"})
        assert plain.text == "from the app" and plain.headers["cache-control"] == "no-cache"
        sound = await client.get("/assets/sounds/chime.wav", headers={"accept-encoding": "gzip"})
        assert sound.text == "from the app" and sound.headers["cache-control"] == "no-cache"
        page = await client.get("/j/ABC123", headers={"accept-encoding": "br"})
        assert page.text == "from the app" and page.headers["cache-control"] == "public, max-age=3600"
        head = await client.head(f"/assets/cercle.css?v={version}", headers={"accept-encoding": "gzip"})
        assert head.content == b"" and int(head.headers["content-length"]) == len(
            delivery.encoded(ASSETS / "cercle.css", "gzip")
        )
