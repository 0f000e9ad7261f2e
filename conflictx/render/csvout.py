"""CSV: one row per item of one section, with the article path in the first column."""
from __future__ import annotations

import csv
from typing import IO, Any

COLUMNS = {
    "quotes": ["kind", "speaker.name", "speaker.type", "speaker.role", "text", "cue", "start", "end"],
    "figures": ["value", "low", "high", "qualifier", "unit", "category", "source", "verified", "text", "start", "end"],
    "locations": ["name", "aliases", "kind", "country", "lat", "lon", "geonameid", "text", "start", "end"],
    "dates": ["text", "value", "label", "start", "end"],
    "entities": ["text", "label", "start", "end"],
}


def _get(item: dict[str, Any], key: str) -> Any:
    for part in key.split("."):
        item = item.get(part) if isinstance(item, dict) else None
    if isinstance(item, list):
        return "; ".join(map(str, item))
    return "" if item is None else item


def write_csv(records: list[dict[str, Any]], section: str, out: IO[str]) -> None:
    writer = csv.writer(out)
    writer.writerow(["path", *COLUMNS[section]])
    for r in records:
        for item in r.get(section) or []:
            writer.writerow([r["source"]["path"], *(_get(item, c) for c in COLUMNS[section])])
