"""Renderers: each reads only Result objects (or their dicts) and writes to a stream."""
from __future__ import annotations

FORMATS = ("table", "json", "jsonl", "csv", "geojson", "html")
