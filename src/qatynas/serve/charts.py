"""Geometry of the two charts, drawn by the templates as inline SVG (no script, no CDN).

`graph` lays out the relations graph: the busiest party in the middle when it takes part in at
least a third of the pairs (Kazakh news: Kazakhstan), the others on a circle by weight; an edge's
width grows with the number of events, its colour goes from red (conflict) through grey to green
(cooperation) with the mean score per event. `timeline` stacks each period's events by quad class
and draws the summed score as a line on its own scale.
"""

from __future__ import annotations

import math
from typing import Any

from qatynas.store.plover import QUADS

QUAD_COLOURS = {
    "verbal_cooperation": "#91cf60",
    "material_cooperation": "#1a9850",
    "verbal_conflict": "#fc8d59",
    "material_conflict": "#d73027",
    "other": "#9e9e9e",
}
MAX_NODES = 24
MAX_MONTHS = 120
MAX_BAR = 56  # pixels: a few periods still look like bars, not blocks


def score_colour(mean: float) -> str:
    """Red below zero, grey at zero, green above; full colour at ±5 per event."""
    t = max(-1.0, min(1.0, mean / 5.0))
    grey, end = (158, 158, 158), ((26, 152, 80) if t >= 0 else (215, 48, 39))
    rgb = (round(g + (e - g) * abs(t)) for g, e in zip(grey, end, strict=True))
    return "#" + "".join(f"{c:02x}" for c in rgb)


def graph(pairs: list[dict[str, Any]], size: int = 560) -> dict[str, Any]:
    """Nodes and edges with coordinates for the pairs given (the most active first)."""
    weight: dict[str, int] = {}
    for p in pairs:
        for code in p["parties"]:
            weight[code] = weight.get(code, 0) + p["events"]
    codes = sorted(weight, key=lambda c: (-weight[c], c))[:MAX_NODES]
    kept = [p for p in pairs if all(c in codes for c in p["parties"])]
    hub = codes[0] if codes and _is_hub(codes[0], kept) else None
    ring = [c for c in codes if c != hub]
    centre, radius = size / 2, size / 2 - 40
    pos = {hub: (centre, centre)} if hub else {}
    for i, code in enumerate(ring):
        angle = 2 * math.pi * i / max(len(ring), 1) - math.pi / 2
        pos[code] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    top = max((p["events"] for p in kept), default=1)
    heaviest = max(weight.values(), default=1)
    edges = []
    for p in sorted(kept, key=lambda p: p["events"]):  # heavy edges drawn last, on top
        a, b = p["parties"]
        mean = p["score"] / p["events"] if p["events"] else 0.0
        edges.append(
            {
                "a": a,
                "b": b,
                "events": p["events"],
                "mean": round(mean, 2),
                "x1": pos[a][0],
                "y1": pos[a][1],
                "x2": pos[b][0],
                "y2": pos[b][1],
                "width": round(1.5 + 8 * math.sqrt(p["events"] / top), 1),
                "colour": score_colour(mean),
            }
        )
    nodes = [
        {
            "code": c,
            "x": pos[c][0],
            "y": pos[c][1],
            "events": weight[c],
            "r": round(14 + 12 * math.sqrt(weight[c] / heaviest), 1),
        }
        for c in codes
    ]
    return {"size": size, "nodes": nodes, "edges": edges}


def _is_hub(code: str, pairs: list[dict[str, Any]]) -> bool:
    return sum(code in p["parties"] for p in pairs) * 3 >= len(pairs)


def _fill_months(periods: list[dict[str, Any]]) -> list[dict[str, Any]]:
    months = [p["period"] for p in periods if len(p["period"]) == 7]
    if not months:
        return periods
    (y0, m0), (y1, m1) = (map(int, months[0].split("-")), map(int, months[-1].split("-")))
    span = (y1 - y0) * 12 + m1 - m0 + 1
    if span > MAX_MONTHS:
        return periods
    have = {p["period"]: p for p in periods}
    for i in range(span):
        key = f"{y0 + (m0 - 1 + i) // 12:04d}-{(m0 - 1 + i) % 12 + 1:02d}"
        have.setdefault(
            key, {"period": key, "events": 0, "score": 0.0, "counts": dict.fromkeys(QUADS, 0)}
        )
    return [have[k] for k in sorted(have)]


def timeline(periods: list[dict[str, Any]], by: str, width: int = 1100) -> dict[str, Any]:
    """Stacked bars per period and the score line, in a `width` × 220 box."""
    if by == "month":
        periods = _fill_months(periods)
    height, left, right, top, bottom = 220, 36, 60, 12, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(len(periods), 1)
    peak = max((p["events"] for p in periods), default=1) or 1
    scores = [p["score"] for p in periods]
    lo, hi = min([0.0, *scores]), max([0.0, *scores])
    spread = (hi - lo) or 1.0
    bars: list[dict[str, Any]] = []
    dots: list[tuple[float, float]] = []
    for i, p in enumerate(periods):
        x = left + i * step
        y = top + plot_h
        stack = []
        for quad, n in p["counts"].items():
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            stack.append(
                {
                    "quad": quad,
                    "n": n,
                    "y": round(y, 1),
                    "h": round(h, 1),
                    "colour": QUAD_COLOURS.get(quad, QUAD_COLOURS["other"]),
                }
            )
        label = p["period"] if len(periods) <= 16 or i % math.ceil(len(periods) / 16) == 0 else ""
        w = min(step * 0.8, MAX_BAR)
        bars.append(
            {
                "x": round(x + (step - w) / 2, 1),
                "w": round(w, 1),
                "stack": stack,
                "label": label,
                "period": p["period"],
                "events": p["events"],
                "score": p["score"],
                "cx": round(x + step / 2, 1),
            }
        )
        sy = top + plot_h * (hi - p["score"]) / spread
        dots.append((round(x + step / 2, 1), round(sy, 1)))
    return {
        "width": width,
        "height": height,
        "left": left,
        "top": top,
        "plot_w": plot_w,
        "plot_h": plot_h,
        "bottom_y": top + plot_h,
        "peak": peak,
        "bars": bars,
        "line": " ".join(f"{x},{y}" for x, y in dots),
        "dots": dots if len(dots) <= 60 else [],
        "score_hi": hi,
        "score_lo": lo,
        "zero_y": round(top + plot_h * hi / spread, 1),
        "right_x": width - right,
    }
