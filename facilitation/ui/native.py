"""Plain HTML controls, for what a thousand phones build at once: a `<button>` costs the server a
third of a Quasar button and the phone a Vue component less, and is the most accessible control
there is (keyboard, screen readers, `disabled`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui.elements.mixins.disableable_element import DisableableElement
from nicegui.elements.mixins.text_element import TextElement


class NativeButton(TextElement, DisableableElement):
    """A `<button type="button">` with its text; `on_click` as `ui.button`'s; disabled, it is
    disabled in the browser and its clicks are ignored on the server."""

    def __init__(self, text: str = "", *, on_click: Callable[..., Any] | None = None) -> None:
        super().__init__(tag="button", text=text)
        self._props["type"] = "button"
        if on_click is not None:
            self.on("click", on_click, [])

    def _handle_enabled_change(self, enabled: bool) -> None:
        if enabled:
            self._props.pop("disabled", None)
        else:
            self._props["disabled"] = True
