"""Charts of a report section, drawn as inline SVG (no script, prints as drawn).

A section asks for charts through its `data` (the shape is documented in `facilitation.report`
and docs/open-data.md):

    data["chart"] = {"kind": "bar" | "stacked", "title": "...", "unit": "...",
                     "labels": ["row 1", "row 2"],
                     "series": [{"name": "A", "values": [3, 5]}, {"name": "B", "values": [4, 1]}]}
    data["charts"] = [chart, chart, ...]

"bar" draws one bar per series for each label (grouped, horizontal); "stacked" draws one bar per
label split by series, as shares of the row's total. A malformed chart is skipped, never fatal.
"""

from __future__ import annotations

from html import escape
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator

PALETTE = ("#000091", "#b34000", "#6a6a6a", "#18753c", "#a558a0", "#417dc4", "#c9191e", "#716043")
WIDTH = 680
LABEL_W = 220
BAR_H = 18
GAP = 10


class Series(BaseModel):
    name: str
    values: list[float]


class Chart(BaseModel):
    kind: str = Field(pattern="^(bar|stacked)$")
    title: str = ""
    unit: str = ""
    labels: list[str]
    series: list[Series] = Field(min_length=1)

    @field_validator("series")
    @classmethod
    def _no_negative(cls, series: list[Series]) -> list[Series]:
        if any(v < 0 for s in series for v in s.values):
            raise ValueError("negative values")
        return series

    def aligned(self) -> bool:
        return all(len(s.values) == len(self.labels) for s in self.series)


def charts_of(data: dict[str, Any]) -> list[Chart]:
    """The valid charts a section's data holds, in order."""
    raw = ([data["chart"]] if "chart" in data else []) + list(data.get("charts") or [])
    result = []
    for item in raw:
        try:
            chart = Chart.model_validate(item)
        except ValidationError:
            continue
        if chart.aligned() and chart.labels:
            result.append(chart)
    return result


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _wrap(text: str, width: int = 34) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines[:3] if len(lines) <= 3 else [*lines[:2], lines[2][: width - 1] + "…"]


def _legend(chart: Chart, y: float) -> tuple[str, float]:
    parts, x = [], float(LABEL_W)
    for i, s in enumerate(chart.series):
        label = escape(s.name[:40])
        width = 22 + 7 * len(s.name[:40])
        if x + width > WIDTH:
            x, y = float(LABEL_W), y + 18
        parts.append(
            f'<rect x="{x:.0f}" y="{y - 10:.0f}" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{x + 16:.0f}" y="{y:.0f}" class="lg">{label}</text>'
        )
        x += width + 12
    return "".join(parts), y + 14


def svg(chart: Chart) -> str:
    """The chart as a standalone `<svg>` element with a title for screen readers."""
    plot_w = WIDTH - LABEL_W - 50
    rows = []
    y = 8.0
    legend, y = _legend(chart, y + 12) if len(chart.series) > 1 or chart.kind == "stacked" else ("", y)
    biggest = max((v for s in chart.series for v in s.values), default=0) or 1
    for row, label in enumerate(chart.labels):
        lines = _wrap(label)
        bars = len(chart.series) if chart.kind == "bar" else 1
        height = max(bars * BAR_H + (bars - 1) * 2, len(lines) * 14)
        text = "".join(
            f'<tspan x="{LABEL_W - 8}" dy="{0 if i == 0 else 14}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        rows.append(f'<text x="{LABEL_W - 8}" y="{y + 13:.0f}" class="lb" text-anchor="end">{text}</text>')
        if chart.kind == "bar":
            for i, s in enumerate(chart.series):
                value = s.values[row]
                w = plot_w * value / biggest
                by = y + i * (BAR_H + 2)
                rows.append(
                    f'<rect x="{LABEL_W}" y="{by:.0f}" width="{w:.1f}" height="{BAR_H}" '
                    f'fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(s.name)}: {_number(value)}</title></rect>'
                    f'<text x="{LABEL_W + w + 4:.1f}" y="{by + 13:.0f}" class="v">'
                    f"{_number(value)}{escape(chart.unit)}</text>"
                )
        else:
            total = sum(s.values[row] for s in chart.series)
            x = float(LABEL_W)
            for i, s in enumerate(chart.series):
                value = s.values[row]
                w = plot_w * value / total if total else 0
                if w > 0:
                    rows.append(
                        f'<rect x="{x:.1f}" y="{y:.0f}" width="{w:.1f}" height="{BAR_H}" '
                        f'fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(s.name)}: {_number(value)}</title></rect>'
                    )
                    if w > 24:
                        rows.append(
                            f'<text x="{x + w / 2:.1f}" y="{y + 13:.0f}" class="vi" text-anchor="middle">'
                            f"{_number(value)}</text>"
                        )
                x += w
            rows.append(
                f'<text x="{LABEL_W + plot_w + 4}" y="{y + 13:.0f}" class="v">= {_number(total)}</text>'
            )
        y += height + GAP
    svg_height = y + 4
    title = escape(chart.title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cercle-chart" viewBox="0 0 {WIDTH} {svg_height:.0f}" '
        f'width="100%" role="img" aria-label="{title}"><title>{title}</title>'
        "<style>.lb{font:12px sans-serif;fill:#161616}.v{font:12px sans-serif;fill:#161616}"
        ".vi{font:bold 11px sans-serif;fill:#fff}.lg{font:12px sans-serif;fill:#161616}</style>"
        f"{legend}{''.join(rows)}</svg>"
    )
