"""JSON (one array, or one object for one article) and JSON Lines (one object per line)."""
from __future__ import annotations

import json
from typing import IO, Any


def write_jsonl(record: dict[str, Any], out: IO[str]) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()


def write_json(records: list[dict[str, Any]], out: IO[str]) -> None:
    data: Any = records[0] if len(records) == 1 else records
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
