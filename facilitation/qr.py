"""QR codes as inline SVG (no image files, crisp on any projector)."""

from __future__ import annotations

import qrcode
import qrcode.image.svg


def svg(data: str) -> str:
    """An SVG drawing of a QR code for `data`, scaled by its container (CSS width)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, border=2, box_size=10)
    text = image.to_string(encoding="unicode")
    # Let the container decide the size: drop the fixed width/height, keep the viewBox.
    for attribute in ("width", "height"):
        start = text.find(f' {attribute}="')
        if start != -1:
            end = text.find('"', start + len(attribute) + 3)
            text = text[:start] + text[end + 1 :]
    return text
