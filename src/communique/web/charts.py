"""Geometry for the inline SVG charts, computed on the server (numbers only: the
templates draw them, so every label goes through Jinja's escaping)."""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass

GRANULARITIES = ("auto", "day", "month", "year")


@dataclass(frozen=True)
class ChartBox:
    width: int = 760
    height: int = 220
    left: int = 40
    bottom: int = 36
    top: int = 12
    right: int = 12


def _parse(bucket: str) -> dt.date:
    parts = [int(x) for x in bucket.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _next(d: dt.date, by: str) -> dt.date:
    if by == "day":
        return d + dt.timedelta(days=1)
    if by == "month":
        return dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return dt.date(d.year + 1, 1, 1)


def _key(d: dt.date, by: str) -> str:
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[by]


def choose_granularity(dates: list[str]) -> str:
    full = sorted(d for d in dates if d and len(d) == 10)
    if full and len(full) == len([d for d in dates if d]):
        span = (_parse(full[-1]) - _parse(full[0])).days
        if span <= 92:
            return "day"
    years = [int(d[:4]) for d in dates if d]
    if years and max(years) - min(years) <= 8 and any(len(d) >= 7 for d in dates if d):
        return "month"
    return "year"


def buckets(per_day: list[dict], by: str = "auto") -> dict:
    """Counts per day, month or year with empty periods filled in; events dated less
    precisely than the chosen period are counted apart as ``coarser``."""
    dated = [r for r in per_day if r["date"]]
    if by == "auto":
        by = choose_granularity([r["date"] for r in dated])
    width = {"day": 10, "month": 7, "year": 4}[by]
    counts: Counter = Counter()
    types: dict[str, Counter] = {}
    coarser = sum(r["count"] for r in per_day if not r["date"] or len(r["date"]) < width)
    for r in dated:
        if len(r["date"]) >= width:
            k = r["date"][:width]
            counts[k] += r["count"]
            types.setdefault(k, Counter()).update(r["types"])
    rows = []
    if counts:
        d, end = _parse(min(counts)), _parse(max(counts))
        while d <= end and len(rows) < 2000:
            k = _key(d, by)
            rows.append({"period": k, "count": counts.get(k, 0), "types": dict(sorted(types.get(k, {}).items()))})
            d = _next(d, by)
    return {"by": by, "rows": rows, "coarser": coarser, "total": sum(r["count"] for r in per_day)}


def bar_chart(series: dict, box: ChartBox = ChartBox()) -> dict:
    """Bars for ``buckets`` output: x, y, w, h per period, y-axis ticks and sparse x labels."""
    rows = series["rows"]
    top = max((r["count"] for r in rows), default=0)
    plot_w, plot_h = box.width - box.left - box.right, box.height - box.top - box.bottom
    step = plot_w / max(1, len(rows))
    bars = []
    for i, r in enumerate(rows):
        h = plot_h * r["count"] / top if top else 0
        w = max(1.0, min(step * 0.8, 36.0))
        bars.append({**r, "x": round(box.left + i * step + (step - w) / 2, 1), "w": round(w, 1),
                     "y": round(box.top + plot_h - h, 1), "h": round(h, 1)})
    every = max(1, math.ceil(len(rows) / 12))
    xlabels = [{"x": round(b["x"] + b["w"] / 2, 1), "text": b["period"]} for i, b in enumerate(bars) if i % every == 0]
    nticks = min(top, 4)
    yticks = [{"y": round(box.top + plot_h - plot_h * v / top, 1), "value": v}
              for v in sorted({round(top * i / nticks) for i in range(nticks + 1)})] if top else []
    return {"box": box.__dict__, "bars": bars, "xlabels": xlabels, "yticks": yticks, "max": top,
            "baseline": box.top + plot_h}


def force_layout(nodes: list[dict], edges: list[dict], width: int = 760, height: int = 520,
                 iterations: int = 250) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold, started from a circle so the picture is the same on every request."""
    n = len(nodes)
    if n == 0:
        return {}
    ids = [x["id"] for x in nodes]
    index = {i: k for k, i in enumerate(ids)}
    pos = [[math.cos(2 * math.pi * k / n) * width / 3, math.sin(2 * math.pi * k / n) * height / 3] for k in range(n)]
    links = [(index[e["source"]], index[e["target"]]) for e in edges if e["source"] in index and e["target"] in index]
    k = math.sqrt(width * height / n) * 0.6
    temp = width / 8
    for _ in range(iterations):
        disp = [[0.0, 0.0] for _ in range(n)]
        for a in range(n):
            for b in range(a + 1, n):
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = max(0.01, math.hypot(dx, dy))
                f = k * k / d
                disp[a][0] += dx / d * f
                disp[a][1] += dy / d * f
                disp[b][0] -= dx / d * f
                disp[b][1] -= dy / d * f
        for a, b in links:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(0.01, math.hypot(dx, dy))
            f = d * d / k
            disp[a][0] -= dx / d * f
            disp[a][1] -= dy / d * f
            disp[b][0] += dx / d * f
            disp[b][1] += dy / d * f
        for a in range(n):  # gravity keeps unconnected parts on the canvas
            disp[a][0] -= pos[a][0] * 0.05 * k / 10
            disp[a][1] -= pos[a][1] * 0.05 * k / 10
            d = max(0.01, math.hypot(*disp[a]))
            pos[a][0] += disp[a][0] / d * min(d, temp)
            pos[a][1] += disp[a][1] / d * min(d, temp)
        temp = max(1.0, temp * 0.97)
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    margin_x, margin_y = 110, 40
    sx = (width - 2 * margin_x) / max(1e-6, max(xs) - min(xs)) if n > 1 else 0
    sy = (height - 2 * margin_y) / max(1e-6, max(ys) - min(ys)) if n > 1 else 0
    return {i: (round(margin_x + (pos[k][0] - min(xs)) * sx if n > 1 else width / 2, 1),
                round(margin_y + (pos[k][1] - min(ys)) * sy if n > 1 else height / 2, 1))
            for i, k in index.items()}


def _label_options(x: float, y: float, r: float, neighbours: list[tuple[float, float]], width: int) -> list[dict]:
    """Label places for a node, best first: facing away from its neighbours (out of the way of its
    edges), then right, left, above, below."""
    if neighbours:
        dx = x - sum(p[0] for p in neighbours) / len(neighbours)
        dy = y - sum(p[1] for p in neighbours) / len(neighbours)
    else:
        dx, dy = x - width / 2, 0.0
    right = {"lx": round(x + r + 4, 1), "ly": round(y + 4, 1), "anchor": "start"}
    left = {"lx": round(x - r - 4, 1), "ly": round(y + 4, 1), "anchor": "end"}
    above = {"lx": x, "ly": round(y - r - 6, 1), "anchor": "middle"}
    below = {"lx": x, "ly": round(y + r + 14, 1), "anchor": "middle"}
    if abs(dy) > abs(dx) * 1.5:
        first = above if dy < 0 else below
    else:
        first = right if dx >= 0 else left
    return [first, right, left, above, below]


def _label_box(place: dict, width: float) -> tuple[float, float, float, float]:
    x0 = {"start": place["lx"], "end": place["lx"] - width, "middle": place["lx"] - width / 2}[place["anchor"]]
    return (x0, place["ly"] - 12, x0 + width, place["ly"] + 3)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_labels(nodes: list[dict], near: dict[str, list[tuple[float, float]]], width: int, height: int) -> None:
    """Greedy: best connected first, each label in its first place that stays on the canvas and clear
    of the labels and nodes placed so far."""
    taken = [(n["x"] - n["r"], n["y"] - n["r"], n["x"] + n["r"], n["y"] + n["r"]) for n in nodes]
    for n in nodes:
        w = 7.6 * len(n["label"]) + 6
        own = (n["x"] - n["r"], n["y"] - n["r"], n["x"] + n["r"], n["y"] + n["r"])
        options = _label_options(n["x"], n["y"], n["r"], near[n["id"]], width)
        fits = [o for o in options if (b := _label_box(o, w))[0] >= 0 and b[2] <= width and b[1] >= 0
                and b[3] <= height]
        clear = [o for o in fits if not any(_overlaps(_label_box(o, w), t) for t in taken if t != own)]
        n.update((clear or fits or options)[0])
        taken.append(_label_box(n, w))


def network_drawing(net: dict, width: int = 760, height: int = 520, max_nodes: int = 80) -> dict:
    """Nodes (the ``max_nodes`` best connected) with x, y, radius and label place; edges with end points and width."""
    nodes = net["nodes"][:max_nodes]
    keep = {x["id"] for x in nodes}
    edges = [e for e in net["edges"] if e["source"] in keep and e["target"] in keep]
    pos = force_layout(nodes, edges, width, height)
    top = max((e["meetings"] for e in edges), default=1)
    near: dict[str, list[tuple[float, float]]] = {x["id"]: [] for x in nodes}
    for e in edges:
        near[e["source"]].append(pos[e["target"]])
        near[e["target"]].append(pos[e["source"]])
    drawn = [{**x, "x": pos[x["id"]][0], "y": pos[x["id"]][1], "r": round(5 + 3 * math.sqrt(x["degree"]), 1)}
             for x in nodes]
    _place_labels(drawn, near, width, height)
    return {"width": width, "height": height, "truncated": len(net["nodes"]) - len(nodes), "nodes": drawn,
            "edges": [{"source": e["source"], "target": e["target"], "meetings": e["meetings"],
                       "x1": pos[e["source"]][0], "y1": pos[e["source"]][1],
                       "x2": pos[e["target"]][0], "y2": pos[e["target"]][1],
                       "w": round(1.5 + 3.5 * e["meetings"] / top, 1)} for e in edges]}


def span_chart(rows: list[dict], width: int = 760, row_h: int = 22, left: int = 260) -> dict:
    """Offices over time: one row per (role, of), a bar per term, a dot per article that names it."""
    def year(d: str | None, default: float) -> float:
        if not d:
            return default
        p = _parse(d[:10])
        return p.year + (p.timetuple().tm_yday - 1) / 366
    today = dt.date.today()
    now = today.year + (today.timetuple().tm_yday - 1) / 366
    starts = [year(r["start"], now) for r in rows if r["start"]]
    if not starts:
        return {"rows": [], "height": 0, "width": width, "ticks": []}
    lo, hi = math.floor(min(starts)), math.ceil(now)
    plot = width - left - 16
    x = lambda y: round(left + plot * (y - lo) / max(1, hi - lo), 1)
    lines: dict[tuple[str, str], dict] = {}
    for r in rows:
        line = lines.setdefault((r["role"] or "", r["of"] or ""), {"role": r["role"], "of": r["of"], "bars": [],
                                                                   "dots": []})
        if r["source"] == "kb":
            a, b = year(r["start"], lo), year(r["end"], now) if r["end"] else now
            line["bars"].append({"x": x(a), "w": max(2.0, round(x(b) - x(a), 1)), "start": r["start"], "end": r["end"]})
        elif r["start"]:
            line["dots"].append({"x": x(year(r["start"], now)), "date": r["start"], "doc_id": r.get("doc_id")})
    out = []
    for i, line in enumerate(lines.values()):
        out.append({**line, "y": 8 + i * row_h})
    step = max(1, math.ceil((hi - lo) / 10))
    ticks = [{"x": x(y), "year": y} for y in range(lo, hi + 1, step)]
    return {"rows": out, "height": 8 + len(out) * row_h + 24, "width": width, "left": left, "ticks": ticks,
            "axis_y": 8 + len(out) * row_h}
