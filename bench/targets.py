"""Issue 18's targets, each with this run's figure and whether it is met."""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Huge, Results

KB = 1024


def _med(values: list[float]) -> float:
    return statistics.median(values)


def targets_table(raw: dict[str, Results], huge: Huge | None) -> str:
    rows = ["| target | this run | met |", "|---|---|---|"]

    def add(target: str, value: float | None, limit: float, shown: str) -> None:
        if value is None:
            rows.append(f"| {target} | not measured | – |")
        else:
            rows.append(f"| {target} | {shown} | {'yes' if value <= limit else '**no**'} |")

    for name, r in raw.items():
        ratio = _med(r["paint"]) / _med(r["minimal"])
        add(f"first paint, {name} ≤ 1.3 × minimal app", ratio, 1.3, f"{ratio:.2f}×")
    for name, limit in (("10MB", 80.0), ("50MB", 250.0)):
        sized = raw.get(name)
        if sized is None:
            add(f"peak memory, {name} ≤ {limit:.0f} MiB", None, limit, "")
            continue
        peak = _med(sized["rss peak"])
        floor = _med(sized["minimal rss"]) + sized["text MiB"][0]
        add(
            f"peak memory, {name} ≤ {limit:.0f} MiB",
            peak,
            limit,
            f"{peak:.0f} MiB ({peak / floor:.2f}× the floor of {floor:.0f} MiB)",
        )
    for name in ("10MB", "50MB"):
        found = raw.get(name)
        value = _med(found["j while reading"]) if found else None
        add(f"j while {name} is read ≤ 50 ms", value, 0.05, f"{(value or 0) * 1000:.0f} ms")
    bundled, big = raw.get("bundled"), raw.get("50MB")
    for key, label in (("n", "next answer"), ("space", "page down")):
        value = _med(big[key]) / _med(bundled[key]) if big and bundled else None
        add(f"{label} at 50 MB ≤ 1.2 × bundled (flat)", value, 1.2, f"{value or 0:.2f}×")
    value = _med(big["search shown"]) if big else None
    add(
        "search count at 50 MB ≤ 0.5 s (from the last key; 0.15 s of it is the typing pause)",
        value,
        0.5,
        f"{(value or 0) * 1000:.0f} ms",
    )
    if bundled:
        for key, label, limit in (
            ("j bytes", "bytes written for j", 1.5),
            ("n bytes", "bytes written for n", 6.0),
            ("space bytes", "bytes written for space", 6.0),
            ("start bytes", "bytes written at start", 15.0),
        ):
            value = _med(bundled[key]) / KB
            add(f"{label} at 100x30 ≤ {limit:g} KB", value, limit, f"{value:.1f} KB")
    if huge is not None:
        if huge.refused:
            rows.append(
                f"| 200 MB with no line break: first screen at once, or refused clearly | "
                f"refused: “{huge.refused.splitlines()[0][:90]}” | yes |"
            )
        else:
            first = huge.first_screen
            ok = first is not None and first < 1.0 and huge.rss_peak <= 4 * huge.size_mb
            shown = f"first screen {first or 0:.2f} s, peak {huge.rss_peak:.0f} MiB"
            rows.append(
                f"| 200 MB with no line break: first screen at once, ≤ 4× its size in memory"
                f" | {shown} | {'yes' if ok else '**no**'} |"
            )
    return "\n".join(rows)
