"""The JSON Schema of output contract v1 (``conflictx schema`` prints it)."""
from __future__ import annotations

from . import SCHEMA_VERSION

_OFFSETS = {"text": {"type": "string"}, "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0}}
_NUM = {"type": ["number", "null"]}
_STR = {"type": ["string", "null"]}


def _item(extra: dict, required: list[str]) -> dict:
    return {"type": "object", "properties": {**_OFFSETS, **extra},
            "required": ["text", "start", "end", *required]}


SPEAKER = {"type": "object", "required": ["name", "mention", "type"], "properties": {
    "name": {"type": "string"}, "mention": {"type": "string"}, "role": _STR,
    "type": {"enum": ["person", "organisation", "government", "group", "unknown"]},
    "represents": _STR, "start": {"type": ["integer", "null"]}, "end": {"type": ["integer", "null"]}}}

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conflictx.invalid/schema/v1.json",
    "title": f"conflictx result (schema_version {SCHEMA_VERSION})",
    "type": "object",
    "required": ["schema_version", "source", "model"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "source": {"type": "object", "required": ["path"], "properties": {
            "path": {"type": "string"}, "chars": {"type": "integer"}, "sha256": {"type": "string"},
            "encoding": {"type": "string"}}},
        "model": {"type": "object", "properties": {"name": {"type": "string"}, "version": {"type": "string"}}},
        "date": _STR,
        "warnings": {"type": "array", "items": {"type": "string"}},
        "error": {"type": "object", "required": ["type", "message"],
                  "properties": {"type": {"type": "string"}, "message": {"type": "string"}}},
        "quotes": {"type": "array", "items": _item({
            "kind": {"enum": ["direct", "indirect", "mixed"]}, "speaker": SPEAKER, "cue": _STR}, ["kind", "speaker"])},
        "figures": {"type": "array", "items": _item({
            "value": {"type": "number"}, "low": _NUM, "high": _NUM,
            "qualifier": {"enum": ["exact", "more_than", "at_least", "up_to", "at_most", "about", "range", "vague"]},
            "unit": _STR,
            "category": {"enum": ["killed", "injured", "missing", "detained", "displaced", "evacuated",
                                  "destroyed", "seized", "population", "other"]},
            "source": {"type": "string"}, "verified": {"type": ["boolean", "null"]},
            "part_of": {"type": ["integer", "null"]}}, ["value", "qualifier", "category", "source"])},
        "locations": {"type": "array", "items": _item({
            "name": {"type": "string"}, "aliases": {"type": "array", "items": {"type": "string"}},
            "kind": _STR, "country": _STR, "lat": _NUM, "lon": _NUM, "geonameid": {"type": ["integer", "null"]},
            "mentions": {"type": "array", "items": _item({}, [])},
            "name_users": {"type": "object", "additionalProperties": {"type": "string"}}}, ["name", "aliases", "mentions"])},
        "dates": {"type": "array", "items": _item({"value": _STR, "label": {"type": "string"}}, ["value"])},
        "entities": {"type": "array", "items": _item({"label": {"enum": ["PERSON", "ORG", "GPE", "LOC", "NORP"]}}, ["label"])},
    },
}


def validate(obj: dict) -> None:
    """Raise jsonschema.ValidationError when obj breaks the contract."""
    import jsonschema

    jsonschema.validate(obj, SCHEMA)
