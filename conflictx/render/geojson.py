"""GeoJSON FeatureCollection of resolved places, for map tools."""
from __future__ import annotations

import json
from typing import IO, Any


def features(record: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for loc in record.get("locations", []):
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        props = {k: loc.get(k) for k in ("name", "aliases", "kind", "country", "geonameid", "name_users")}
        props["mentions"] = len(loc.get("mentions", []))
        props["source"] = record.get("source", {}).get("path")
        out.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                    "properties": props})
    return out


def write_geojson(records: list[dict[str, Any]], out: IO[str]) -> None:
    feats = [f for r in records for f in features(r)]
    out.write(json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, indent=1) + "\n")
